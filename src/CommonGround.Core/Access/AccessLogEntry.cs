namespace CommonGround.Core.Access;

/// <summary>One view of part of a child's record by someone outside the family, shown to the family in "Who has seen".</summary>
public sealed class AccessLogEntry
{
    public const int WhatMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ChildId { get; init; }
    /// <summary>The viewer's account; none when the view came through a share link.</summary>
    public Guid? ViewerUserId { get; init; }
    public required string ViewerName { get; init; }
    public Guid? OrganisationId { get; init; }
    public string? OrganisationName { get; init; }
    /// <summary>The area looked at, or none for the record's overview.</summary>
    public RecordArea? Area { get; init; }
    /// <summary>What was looked at, in words for the family, e.g. "About me".</summary>
    public required string What { get; init; }
    public required DateTime ViewedAt { get; init; }
    public string? IpAddress { get; init; }
}
