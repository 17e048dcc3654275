namespace CommonGround.Core.Audit;

/// <summary>Who is doing something, as the audit log records them.</summary>
public sealed record Actor(Guid? UserId, string Name, Guid? OrganisationId, Guid? AreaId, string? IpAddress)
{
    public static Actor System { get; } = new(null, "CommonGround", null, null, null);
}
