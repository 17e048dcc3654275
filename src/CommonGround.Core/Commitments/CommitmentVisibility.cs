using CommonGround.Core.Access;

namespace CommonGround.Core.Commitments;

/// <summary>
/// A commitment belongs to the Commitments part of the record and, when it is about health, education, social care or
/// transport, to that part too: someone sees it only if the family shares both with them. One rule, for single
/// commitments and lists alike.
/// </summary>
public static class CommitmentVisibility
{
    /// <summary>The part of the record a commitment about this area also belongs to, if any.</summary>
    public static RecordArea? AlsoBelongsTo(this CommitmentArea area) =>
        area.ToRecordArea() is var part && part != RecordArea.Commitments ? part : null;

    public static bool CanSeeCommitment(this ChildAccess access, CommitmentArea area) =>
        access.CanSee(RecordArea.Commitments) && (area.AlsoBelongsTo() is not { } part || access.CanSee(part));

    /// <summary>The commitment areas whose commitments someone with these parts of the record sees.</summary>
    public static IReadOnlyList<CommitmentArea> AreasSeenWith(IReadOnlySet<RecordArea> parts) =>
        parts.Contains(RecordArea.Commitments)
            ? Enum.GetValues<CommitmentArea>().Where(a => a.AlsoBelongsTo() is not { } part || parts.Contains(part)).ToList()
            : [];

    public static IQueryable<Commitment> VisibleTo(this IQueryable<Commitment> commitments, ChildAccess access)
    {
        var areas = AreasSeenWith(access.SharedAreas);
        return commitments.Where(c => c.ChildId == access.Child.Id && areas.Contains(c.RecordArea));
    }
}
