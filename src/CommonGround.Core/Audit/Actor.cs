namespace CommonGround.Core.Audit;

/// <summary>Who is doing something, as the audit log records them.</summary>
public sealed record Actor(Guid? UserId, string Name, Guid? OrganisationId, Guid? AreaId, string? IpAddress)
{
    /// <summary>The name of the actor's organisation, for records that show it to families (who has seen, suggestions).</summary>
    public string? OrganisationName { get; init; }

    public static Actor System { get; } = new(null, "CommonGround", null, null, null);
}
