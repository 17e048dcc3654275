using Microsoft.AspNetCore.Authorization;

namespace CommonGround.Web.Infrastructure.Security;

public static class Policies
{
    public const string ServiceAdmin = nameof(ServiceAdmin);
    public const string OrganisationAdmin = nameof(OrganisationAdmin);
    public const string Family = nameof(Family);
    public const string Professional = nameof(Professional);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(ServiceAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new PersonRequirement(person => person.IsServiceAdmin)));
        options.AddPolicy(OrganisationAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new PersonRequirement(person => person.IsOrganisationAdmin)));
        options.AddPolicy(Family, p => p.RequireAuthenticatedUser().AddRequirements(new PersonRequirement(person => person.IsFamily)));
        options.AddPolicy(Professional, p => p.RequireAuthenticatedUser().AddRequirements(new PersonRequirement(person => person.IsProfessional)));
    }
}

/// <summary>A rule about the signed-in person as they are in the database now.</summary>
public sealed record PersonRequirement(Func<Person, bool> Allows) : IAuthorizationRequirement;

public sealed class PersonRequirementHandler(CurrentUser currentUser) : AuthorizationHandler<PersonRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PersonRequirement requirement)
    {
        if (await currentUser.GetAsync() is { } person && requirement.Allows(person))
        {
            context.Succeed(requirement);
        }
    }
}
