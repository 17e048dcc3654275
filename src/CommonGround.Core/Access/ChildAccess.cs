using CommonGround.Core.Children;

namespace CommonGround.Core.Access;

/// <summary>
/// A person's access to one child's record, worked out once per request from their relationship and consent:
/// <paramref name="SharedAreas"/> are the areas they may see today (for the family, every area unless a young person
/// who decides has limited what the rest of their family sees).
/// </summary>
public sealed record ChildAccess(Child Child, ChildRelationship Relationship, IReadOnlySet<RecordArea> SharedAreas, Guid? TeamMemberId)
{
    public bool IsFamily => Relationship.IsFamily;

    /// <summary>True when nothing is kept from them: lists need no filtering by area.</summary>
    public bool SeesEveryArea => SharedAreas.Count == RecordAreas.All.Count;

    public bool Can(Capability capability) => CapabilityMatrix.Allows(Relationship, capability);

    public bool CanSee(RecordArea area) => SharedAreas.Contains(area);

    public bool Can(Capability capability, RecordArea area) => Can(capability) && CanSee(area);
}
