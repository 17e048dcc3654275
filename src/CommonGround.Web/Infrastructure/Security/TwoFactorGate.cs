using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CommonGround.Web.Infrastructure.Security;

public sealed class SecurityOptions
{
    /// <summary>When on, a professional sees no child's data until they have set up two-factor authentication.</summary>
    public bool RequireMfaForProfessionals { get; set; } = true;
}

/// <summary>
/// Marks a signed-in page that shows no child's data (the person's own account, help), so staff who have not yet set up
/// two-factor authentication may still reach it. Every other signed-in page is behind <see cref="TwoFactorGate"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShowsNoChildDataAttribute : Attribute;

/// <summary>
/// Sends a professional without two-factor authentication to set it up before any signed-in page, unless the page says
/// it shows no child's data. It applies to every page, so a new page is behind it without asking.
/// </summary>
public sealed class TwoFactorGate(CurrentUser currentUser, Microsoft.Extensions.Options.IOptions<SecurityOptions> options) : IAsyncPageFilter
{
    public const string SetUpPath = "/account/two-factor/set-up";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var metadata = context.ActionDescriptor.EndpointMetadata;
        if (options.Value.RequireMfaForProfessionals
            && !metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any()
            && !metadata.OfType<ShowsNoChildDataAttribute>().Any()
            && await currentUser.GetAsync() is { IsProfessional: true } person
            && !person.Account.TwoFactorEnabled)
        {
            context.Result = new RedirectResult($"{SetUpPath}?required=true");
            return;
        }

        await next();
    }
}
