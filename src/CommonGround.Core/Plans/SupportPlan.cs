using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Plans;

/// <summary>Where a plan is in being written with the family.</summary>
public enum PlanStatus
{
    /// <summary>Being written; the family has not been shown it yet.</summary>
    Draft,
    /// <summary>Shared with the family, who answer it line by line.</summary>
    WithFamily,
    /// <summary>The family agreed every line; its provision is promised and tracked.</summary>
    Agreed,
}

/// <summary>
/// A child's support plan, written by a setting or the local authority with the family: the child's and family's own
/// words first (from About me), then needs, outcomes and provision. Each line belongs to a part of the record, so
/// people see only the lines the family shares with them. Every time it is shared or agreed, a <see cref="PlanVersion"/>
/// keeps it as it stood, and each agreed provision line becomes a commitment whose delivery everyone can follow.
/// </summary>
public sealed class SupportPlan : IVersioned
{
    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required Guid AreaId { get; init; }
    public required PlanKind Kind { get; init; }
    public PlanStatus Status { get; private set; } = PlanStatus.Draft;
    /// <summary>The organisation that writes it and answers for it.</summary>
    public required Guid OrganisationId { get; init; }
    public required string OrganisationName { get; init; }
    public required Guid AuthorUserId { get; init; }
    public required string AuthorName { get; init; }
    public required DateTime CreatedAt { get; init; }
    /// <summary>The number of the version last shared with the family or agreed; 0 before it was first shared.</summary>
    public int Number { get; private set; }
    public DateTime? SharedAt { get; private set; }
    public DateTime? AgreedAt { get; private set; }
    /// <summary>When it must be looked at again by, from its kind's rule, once agreed.</summary>
    public DateOnly? ReviewBy { get; private set; }
    /// <summary>When its latest review began: the agreed plan is being written again as its next version.</summary>
    public DateTime? ReviewStartedAt { get; private set; }
    /// <summary>How many reviews it has had begun: 1 during and after its first. Progress towards outcomes is kept per review.</summary>
    public int ReviewNumber { get; private set; }
    /// <summary>The meeting where the review is talked through with the family, once arranged.</summary>
    public Guid? ReviewMeetingId { get; private set; }
    /// <summary>The About me versions it was agreed with, e.g. <c>AboutMe:3,WhatMatters:1</c>.</summary>
    public string? AboutMeVersions { get; private set; }
    public int Version { get; private set; }

    public List<PlanLine> Lines { get; init; } = [];

    public PlanKindRule Rule => PlanKinds.For(Kind);

    public bool CanBeChanged => Status != PlanStatus.Agreed;

    /// <summary>"agreed" for a support plan the family agrees; "issued" for an EHC plan, which the local authority issues.</summary>
    public string AgreedWord() => Kind == PlanKind.Ehc ? "issued" : "agreed";

    /// <summary>Shows the plan to the family as version <see cref="Number"/>, to answer line by line.</summary>
    public void Share(DateTime now)
    {
        Number++;
        Status = PlanStatus.WithFamily;
        SharedAt = now;
        Version++;
    }

    /// <summary>Marks the plan agreed with the family, from today until its review.</summary>
    public void Agree(DateTime now, DateOnly today, string aboutMeVersions)
    {
        Status = PlanStatus.Agreed;
        AgreedAt = now;
        foreach (var line in Lines)
        {
            line.AgreedRevision = line.Revision;
        }

        ReviewBy = Rule.ReviewDueBy(today);
        AboutMeVersions = aboutMeVersions;
        Version++;
    }

    /// <summary>
    /// Opens an agreed plan for its review: it is written again as the next version, with the family, while what was
    /// agreed stays promised until the new version is agreed.
    /// </summary>
    public void StartReview(DateTime now, Guid? meetingId)
    {
        Status = PlanStatus.Draft;
        ReviewStartedAt = now;
        ReviewNumber++;
        ReviewMeetingId = meetingId;
        Version++;
    }

    /// <summary>Links the review to the meeting where it is talked through, or to none.</summary>
    public void HoldReviewAt(Guid? meetingId)
    {
        ReviewMeetingId = meetingId;
        Version++;
    }

    public bool IsUnderReview => Status != PlanStatus.Agreed && AgreedAt is not null;

    /// <summary>Notes a change to the plan's lines, so two people writing at once do not overwrite each other.</summary>
    public void Touch() => Version++;
}

public sealed class SupportPlanConfiguration : IEntityTypeConfiguration<SupportPlan>
{
    public void Configure(EntityTypeBuilder<SupportPlan> e)
    {
        e.ToTable("SupportPlans");
        e.Property(p => p.OrganisationName).HasMaxLength(200);
        e.Property(p => p.AuthorName).HasMaxLength(200);
        e.Property(p => p.AboutMeVersions).HasMaxLength(400);
        e.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Area>().WithMany().HasForeignKey(p => p.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Meetings.Meeting>().WithMany().HasForeignKey(p => p.ReviewMeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(p => p.ChildId);
    }
}
