namespace CommonGround.Core.Audit;

/// <summary>
/// Who is doing something, as the audit log records them: a person signed in (<see cref="UserActor"/>), the service
/// itself (<see cref="SystemActor"/>), or someone not signed in (<see cref="VisitorActor"/>). A use case a person
/// carries out takes a <see cref="UserActor"/>, so it never has to ask whether there is an account behind it.
/// </summary>
public abstract record Actor(string Name)
{
    public Guid? OrganisationId { get; init; }

    public Guid? AreaId { get; init; }

    /// <summary>The name of the actor's organisation, for records that show it to families (who has seen, suggestions).</summary>
    public string? OrganisationName { get; init; }

    public string? IpAddress { get; init; }

    /// <summary>The account acting, when there is one.</summary>
    public Guid? AccountId => this is UserActor user ? user.UserId : null;

    public static SystemActor System { get; } = new("CommonGround");
}

/// <summary>A person signed in to their account.</summary>
public sealed record UserActor(Guid UserId, string Name) : Actor(Name);

/// <summary>The service acting on its own: a scheduled job, or the demo data.</summary>
public sealed record SystemActor(string Name) : Actor(Name);

/// <summary>Someone not signed in: a sign-in attempt, a link opened by its holder. Named by what they gave, if anything.</summary>
public sealed record VisitorActor(string Name) : Actor(Name);
