namespace CommonGround.Core.Children;

/// <summary>When a person last opened a child's record, so it can show them what is new since.</summary>
public sealed class ChildVisit
{
    public required Guid UserAccountId { get; init; }
    public required Guid ChildId { get; init; }
    public required DateTime LastViewedAt { get; set; }
}
