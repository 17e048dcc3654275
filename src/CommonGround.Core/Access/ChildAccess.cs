using CommonGround.Core.Children;

namespace CommonGround.Core.Access;

/// <summary>A person's access to one child's record, worked out once per request from their relationship and the family's consent.</summary>
public sealed record ChildAccess(Child Child, ChildRelationship Relationship, IReadOnlySet<RecordArea> SharedAreas, Guid? TeamMemberId)
{
    public bool IsFamily => Relationship.IsFamily;

    public bool Can(Capability capability) => CapabilityMatrix.Allows(Relationship, capability);

    /// <summary>The family sees every area; a team member sees the areas shared with them today.</summary>
    public bool CanSee(RecordArea area) => IsFamily || SharedAreas.Contains(area);

    public bool Can(Capability capability, RecordArea area) => Can(capability) && CanSee(area);
}
