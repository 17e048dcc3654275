using CommonGround.Core.Organisations;

namespace CommonGround.Core.Access;

public enum RelationshipKind
{
    /// <summary>No relationship: the child is not found, as if it did not exist.</summary>
    None,
    ParentCarer,
    YoungPerson,
    OtherCarer,
    /// <summary>A professional with an active place on the child's team.</summary>
    TeamMember,
    /// <summary>A local authority lead reading the record for a while under emergency access, with a reason the family sees.</summary>
    EmergencyReader,
}

/// <summary>
/// How a person stands to one child: the only source of what they may do with its record.
/// <paramref name="YoungPersonDecides"/> is true when the child is 16 or over and has a place of their own,
/// so sharing is theirs to decide.
/// </summary>
public sealed record ChildRelationship(
    RelationshipKind Kind,
    bool IsKeyWorker = false,
    bool IsTeamLead = false,
    OrganisationKind? OrganisationKind = null,
    bool YoungPersonDecides = false)
{
    public static ChildRelationship None { get; } = new(RelationshipKind.None);

    public bool IsFamily => Kind is RelationshipKind.ParentCarer or RelationshipKind.YoungPerson or RelationshipKind.OtherCarer;

    /// <summary>How a member of the child's family stands to the record.</summary>
    public static ChildRelationship OfFamily(Children.FamilyRelationship relationship, bool youngPersonDecides) => new(relationship switch
    {
        Children.FamilyRelationship.YoungPerson => RelationshipKind.YoungPerson,
        Children.FamilyRelationship.ParentCarer => RelationshipKind.ParentCarer,
        _ => RelationshipKind.OtherCarer,
    }, YoungPersonDecides: youngPersonDecides);

    /// <summary>Whether the record's decisions are the young person's: they are 16 or over and have a place of their own in the family.</summary>
    public static bool DecidedByYoungPerson(Children.Child child, DateOnly today, IEnumerable<Children.FamilyRelationship> family) =>
        child.AgeOn(today) >= 16 && family.Contains(Children.FamilyRelationship.YoungPerson);
}
