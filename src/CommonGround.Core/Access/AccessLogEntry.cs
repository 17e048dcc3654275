using CommonGround.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Access;

/// <summary>One view of part of a child's record by someone outside the family, shown to the family in "Who has seen".</summary>
public sealed class AccessLogEntry
{
    public const int WhatMaxLength = 200;

    public Guid Id { get; init; } = Ids.New();
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
    public required DateTime ViewedAt
    {
        get => _viewedAt;
        init => _viewedAt = VisitStartedAt = value;
    }

    private DateTime _viewedAt;

    /// <summary>
    /// When the visit this view is part of began: its own time, unless it follows the view of the same child just
    /// before it, by the same person, within <see cref="AccessLogVisit.Gap"/> (see <see cref="FollowOn"/>). Kept so
    /// that "Who has seen" counts and pages visits in the database instead of reading every view.
    /// </summary>
    public DateTime VisitStartedAt { get; private set; }

    public string? IpAddress { get; init; }

    /// <summary>Joins the visit of <paramref name="before"/>, the view of the same child just before this one, if it continues it.</summary>
    public void FollowOn(AccessLogVisit.ViewBefore? before) =>
        VisitStartedAt = before is not null && before.ViewerName == ViewerName && ViewedAt - before.ViewedAt <= AccessLogVisit.Gap
            ? before.VisitStartedAt
            : ViewedAt;

    public AccessLogVisit.ViewBefore AsViewBefore() => new(ViewerName, ViewedAt, VisitStartedAt);
}

public sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> e)
    {
        e.Property(a => a.ViewerName).HasMaxLength(200);
        e.Property(a => a.OrganisationName).HasMaxLength(200);
        e.Property(a => a.What).HasMaxLength(AccessLogEntry.WhatMaxLength);
        e.Property(a => a.IpAddress).HasMaxLength(64);
        e.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(a => new { a.ChildId, a.ViewedAt });
        // "Who has seen" counts and pages a child's visits from this index alone,
        e.HasIndex(a => new { a.ChildId, a.VisitStartedAt, a.ViewerName });
        // and the names to choose from come in order from this one (a quarter of the time of reading every visit for them).
        e.HasIndex(a => new { a.ChildId, a.ViewerName });
    }
}
