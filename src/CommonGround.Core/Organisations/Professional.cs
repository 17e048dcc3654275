using CommonGround.Core.Accounts;

namespace CommonGround.Core.Organisations;

/// <summary>A person's place in an organisation: their job title and whether they administer it.</summary>
public sealed class Professional
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid UserAccountId { get; init; }
    public UserAccount? UserAccount { get; init; }
    public required Guid OrganisationId { get; init; }
    public Organisation? Organisation { get; init; }
    public required Guid AreaId { get; init; }
    public required string JobTitle { get; set; }
    public bool IsOrganisationAdmin { get; set; }
    public required DateTime JoinedAt { get; init; }
    public DateTime? DeactivatedAt { get; private set; }

    public bool IsActive => DeactivatedAt is null;

    public void Deactivate(DateTime now) => DeactivatedAt ??= now;

    public void Reactivate() => DeactivatedAt = null;
}
