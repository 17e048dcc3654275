namespace CommonGround.Core.Access;

/// <summary>For one person, the children whose record they see, by part of the record, today.</summary>
public sealed record PartsSeen(IReadOnlyDictionary<RecordArea, IReadOnlyList<Guid>> ChildrenByPart)
{
    /// <summary>Nothing seen as family: a staff account's.</summary>
    public static PartsSeen None { get; } = new(new Dictionary<RecordArea, IReadOnlyList<Guid>>());

    public bool Sees(Guid childId, RecordArea part) => ChildrenByPart.TryGetValue(part, out var children) && children.Contains(childId);
}
