using CommonGround.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Access;

/// <summary>
/// "Break-glass": a local authority lead who must see a child's record without a place on the team (a safeguarding
/// emergency) says why, and may read the whole record until <see cref="Until"/>. They may change nothing. The family
/// sees it, with the reason, in "who has seen"; the lead's organisation's admins see it on their organisation's page.
/// </summary>
public sealed class EmergencyAccess
{
    public const int ReasonMaxLength = 1_000;
    public const int ReasonMinLength = 20;
    public static readonly IReadOnlyList<int> HoursAllowed = [1, 4, 24];

    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required Guid AreaId { get; init; }
    public required Guid UserAccountId { get; init; }
    public required string Name { get; init; }
    public required Guid OrganisationId { get; init; }
    public required string OrganisationName { get; init; }
    public required string Reason { get; init; }
    public required DateTime From { get; init; }
    public required DateTime Until { get; init; }
    /// <summary>When the lead closed it before it ran out.</summary>
    public DateTime? EndedAt { get; private set; }

    /// <summary>The one rule for a grant that is open: begun, not ended early, not run out. Used by every query.</summary>
    public static System.Linq.Expressions.Expression<Func<EmergencyAccess, bool>> OpenAt(DateTime now) =>
        g => g.EndedAt == null && g.From <= now && g.Until > now;

    public void End(DateTime now) => EndedAt ??= now;
}

public sealed class EmergencyAccessConfiguration : IEntityTypeConfiguration<EmergencyAccess>
{
    public void Configure(EntityTypeBuilder<EmergencyAccess> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.OrganisationName).HasMaxLength(200);
        e.Property(x => x.Reason).HasMaxLength(EmergencyAccess.ReasonMaxLength);
        e.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ChildId, x.UserAccountId });
        e.HasIndex(x => x.OrganisationId);
    }
}
