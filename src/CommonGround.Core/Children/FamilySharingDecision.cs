using CommonGround.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Children;

/// <summary>
/// A young person's decision about which parts of their record a parent carer (or other carer) sees. It counts only
/// while the young person decides for themselves (16 or over, with a place of their own); until they make one, their
/// family sees everything. A decision is never edited: a change is a new decision, so every one is kept.
/// </summary>
public sealed class FamilySharingDecision
{
    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required Guid FamilyMemberId { get; init; }
    /// <summary>The areas shared, in <see cref="RecordAreas.Format"/> form; empty shares nothing.</summary>
    public required string Areas { get; init; }
    public required Guid DecidedByUserId { get; init; }
    public required string DecidedByName { get; init; }
    public required DateTime DecidedAt { get; init; }

    public IReadOnlySet<RecordArea> SharedAreas => RecordAreas.Parse(Areas).ToHashSet();

    /// <summary>
    /// What a family member sees: everything, unless the young person decides for themselves and their
    /// <paramref name="latest"/> decision about this family member says otherwise.
    /// </summary>
    public static IReadOnlySet<RecordArea> AreasSeenBy(FamilyRelationship relationship, bool youngPersonDecides, FamilySharingDecision? latest) =>
        relationship == FamilyRelationship.YoungPerson || !youngPersonDecides || latest is null ? RecordAreas.All : latest.SharedAreas;
}

public sealed class FamilySharingDecisionConfiguration : IEntityTypeConfiguration<FamilySharingDecision>
{
    public void Configure(EntityTypeBuilder<FamilySharingDecision> e)
    {
        e.Property(d => d.Areas).HasMaxLength(300);
        e.Property(d => d.DecidedByName).HasMaxLength(200);
        e.HasOne<Child>().WithMany().HasForeignKey(d => d.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<FamilyMember>().WithMany().HasForeignKey(d => d.FamilyMemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(d => new { d.FamilyMemberId, d.DecidedAt });
        e.HasIndex(d => d.ChildId);
    }
}
