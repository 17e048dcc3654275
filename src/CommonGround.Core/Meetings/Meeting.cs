using CommonGround.Core.Data;
using CommonGround.Core.Children;
using CommonGround.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Meetings;

/// <summary>
/// A meeting about a child: when and where, who is invited, the agenda, and its written record. The record is the
/// note-taker's to write and the family's to agree; once agreed it is locked and changes only by amendment.
/// </summary>
public sealed class Meeting : IVersioned
{
    public const int MaxPlaceLength = 300;
    public const int MaxLinkLength = 500;
    public const int MaxRecordTextLength = 8000;
    public const int MaxReasonLength = 1000;
    public const int MinDurationMinutes = 15;
    public const int MaxDurationMinutes = 480;

    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required Guid AreaId { get; init; }
    public required MeetingKind Kind { get; init; }
    public required DateTime StartsAt { get; set; }
    public required int DurationMinutes { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public required Guid OrganiserUserId { get; set; }
    public required string OrganiserName { get; set; }
    public required string OrganiserEmail { get; set; }
    public required Guid OrganiserOrganisationId { get; init; }
    public required string OrganiserOrganisationName { get; init; }
    public required Guid NoteTakerUserId { get; set; }
    public required string NoteTakerName { get; set; }
    public required DateTime ScheduledAt { get; init; }
    /// <summary>Goes up each time the invitation changes, so calendars replace the old one.</summary>
    public int CalendarSequence { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public string? CancelReason { get; private set; }

    public MeetingRecordStatus RecordStatus { get; private set; } = MeetingRecordStatus.NotStarted;
    public string? FamilyViews { get; private set; }
    /// <summary>True when the family wrote their views themselves; otherwise the note-taker wrote them for the family to confirm.</summary>
    public bool FamilyViewsByFamily { get; private set; }
    public string? FamilyViewsWrittenByName { get; private set; }
    public string? ChildViews { get; private set; }
    public string? Decisions { get; private set; }
    /// <summary>People there who were not invited through CommonGround, e.g. "Mrs Patel, class teacher".</summary>
    public string? OthersPresent { get; private set; }
    /// <summary>The number of the latest version kept (shared, revised, agreed or amended); 0 before the first is shared.</summary>
    public int RecordVersionNumber { get; private set; }
    public DateTime? AgreedAt { get; private set; }
    public string? AgreedByName { get; private set; }
    public int Version { get; private set; }

    public List<MeetingInvitee> Invitees { get; init; } = [];
    public List<AgendaItem> AgendaItems { get; init; } = [];

    public DateTime EndsAt => StartsAt.AddMinutes(DurationMinutes);
    public bool IsCancelled => CancelledAt is not null;
    public bool IsAgreed => RecordStatus == MeetingRecordStatus.Agreed;
    public bool HasStarted(DateTime now) => now >= StartsAt;

    /// <summary>The note-taker writes the record; the organiser may stand in for them, and so may a lead of the organiser's organisation.</summary>
    public bool MayWriteRecord(Guid userId, bool leadsOrganisersOrganisation = false) =>
        userId == NoteTakerUserId || userId == OrganiserUserId || leadsOrganisersOrganisation;

    /// <summary>Passes the organiser's part, the note-taker's, or both, from a person who left to someone who takes them on.</summary>
    public void HandTo(Guid fromUserId, Guid toUserId, string toName, string toEmail)
    {
        if (OrganiserUserId == fromUserId)
        {
            OrganiserUserId = toUserId;
            OrganiserName = toName;
            OrganiserEmail = toEmail;
        }

        if (NoteTakerUserId == fromUserId)
        {
            NoteTakerUserId = toUserId;
            NoteTakerName = toName;
        }

        Version++;
    }

    /// <summary>The agenda as it is shown: the family's items first, then everyone else's, each in the order added.</summary>
    public IReadOnlyList<AgendaItem> OrderedAgenda() =>
        AgendaItems.OrderByDescending(a => a.AddedByFamily).ThenBy(a => a.AddedAt).ThenBy(a => a.Id).ToList();

    public void Reschedule(DateTime startsAt, int durationMinutes, string? place, string? onlineLink)
    {
        StartsAt = startsAt;
        DurationMinutes = durationMinutes;
        Place = place;
        OnlineLink = onlineLink;
        CalendarSequence++;
        Version++;
    }

    public void Cancel(string reason, DateTime now)
    {
        CancelledAt = now;
        CancelReason = reason;
        CalendarSequence++;
        Version++;
    }

    /// <summary>
    /// The note-taker's writing. Saving a shared record takes it back to draft until it is shared again, so the family
    /// never agrees to words that changed under them. The family's own words are theirs: the note-taker cannot overwrite them.
    /// </summary>
    public void WriteRecord(string? familyViews, string? childViews, string? decisions, string? othersPresent, string writerName)
    {
        if (!FamilyViewsByFamily)
        {
            FamilyViews = familyViews;
            FamilyViewsWrittenByName = familyViews is null ? null : writerName;
        }

        ChildViews = childViews;
        Decisions = decisions;
        OthersPresent = othersPresent;
        BackToDraft();
    }

    public void WriteFamilyViews(string? views, string writerName)
    {
        FamilyViews = views;
        FamilyViewsByFamily = views is not null;
        FamilyViewsWrittenByName = views is null ? null : writerName;
        if (RecordStatus == MeetingRecordStatus.NotStarted)
        {
            RecordStatus = MeetingRecordStatus.Draft;
        }

        Version++;
    }

    /// <summary>Marks a change that needs no other field set, e.g. an action added, so a stale form is noticed.</summary>
    public void Touch() => BackToDraft();

    /// <summary>A change to the record: a shared one needs sharing again; corrections asked for stay asked for.</summary>
    private void BackToDraft()
    {
        if (RecordStatus is MeetingRecordStatus.NotStarted or MeetingRecordStatus.Shared)
        {
            RecordStatus = MeetingRecordStatus.Draft;
        }

        Version++;
    }

    public bool CanBeShared => RecordStatus is MeetingRecordStatus.Draft or MeetingRecordStatus.CorrectionsRequested;

    /// <summary>Shares the record with the family; returns the kind of version this makes.</summary>
    public RecordVersionKind Share()
    {
        var kind = RecordVersionNumber == 0 ? RecordVersionKind.Shared : RecordVersionKind.Revised;
        RecordStatus = MeetingRecordStatus.Shared;
        RecordVersionNumber++;
        Version++;
        return kind;
    }

    public bool IsWaitingForFamily => RecordStatus is MeetingRecordStatus.Shared or MeetingRecordStatus.CorrectionsRequested;

    public void AskForCorrections()
    {
        RecordStatus = MeetingRecordStatus.CorrectionsRequested;
        Version++;
    }

    public void Agree(string byName, DateTime now)
    {
        RecordStatus = MeetingRecordStatus.Agreed;
        AgreedAt = now;
        AgreedByName = byName;
        // The family's agreement confirms views the note-taker wrote for them.
        FamilyViewsByFamily = FamilyViewsByFamily || FamilyViews is not null;
        RecordVersionNumber++;
        Version++;
    }

    /// <summary>A change after agreement: kept as a new version with its reason.</summary>
    public void Amend()
    {
        RecordVersionNumber++;
        Version++;
    }
}

/// <summary>Someone invited to a meeting: a member of the child's team or of the family.</summary>
public sealed class MeetingInvitee
{
    public Guid Id { get; init; } = Ids.New();
    public required Guid MeetingId { get; init; }
    public required Guid UserAccountId { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    /// <summary>"Parent carer", or their role and organisation, e.g. "SENCO, Brookside Primary".</summary>
    public required string Role { get; init; }
    public required bool IsFamily { get; init; }
    /// <summary>Whether they were there, once the note-taker has recorded it.</summary>
    public bool? Attended { get; set; }
}

public sealed class AgendaItem
{
    public const int MaxTitleLength = 200;
    public const int MaxDetailLength = 2000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid MeetingId { get; init; }
    public required string Title { get; init; }
    public string? Detail { get; init; }
    public required Guid AddedByUserId { get; init; }
    public required string AddedByName { get; init; }
    public required bool AddedByFamily { get; init; }
    public required DateTime AddedAt { get; init; }
    /// <summary>What was said about the item, in the record.</summary>
    public string? Notes { get; set; }
}

/// <summary>A copy of the record as it stood when it was shared, revised, agreed or amended. Never changed.</summary>
public sealed class MeetingRecordVersion
{
    public Guid Id { get; init; } = Ids.New();
    public required Guid MeetingId { get; init; }
    public required int Number { get; init; }
    public required RecordVersionKind Kind { get; init; }
    /// <summary>Why an agreed record was amended, or what the note-taker changed when revising.</summary>
    public string? Reason { get; init; }
    /// <summary>The record itself, as <see cref="MeetingRecordContent"/> in JSON.</summary>
    public required string Content { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required string CreatedByName { get; init; }
}

/// <summary>The family's request to change one part of a shared record, and the note-taker's answer.</summary>
public sealed class RecordCorrection
{
    public const int MaxLength = 2000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid MeetingId { get; init; }
    /// <summary>Which part, e.g. <c>decisions</c> or <c>agenda:{id}</c>, and its name as the family saw it.</summary>
    public required string Part { get; init; }
    public required string PartName { get; init; }
    public required string WhatShouldChange { get; init; }
    public required int VersionNumber { get; init; }
    public required Guid RequestedByUserId { get; init; }
    public required string RequestedByName { get; init; }
    public required DateTime RequestedAt { get; init; }
    public DateTime? AnsweredAt { get; private set; }
    public string? Answer { get; private set; }
    public int? AnsweredInVersion { get; private set; }

    public bool IsOpen => AnsweredAt is null;

    public void AnswerWith(string? answer, int version, DateTime now)
    {
        AnsweredAt = now;
        Answer = answer;
        AnsweredInVersion = version;
    }
}

/// <summary>A family member's answer to "Did you feel listened to?". Seen by them; organisations see only totals.</summary>
public sealed class MeetingFeedback
{
    public const int MaxLength = 2000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid MeetingId { get; init; }
    public required Guid ChildId { get; init; }
    public required Guid UserAccountId { get; init; }
    /// <summary>The organisation that ran the meeting, whose totals the answer counts in.</summary>
    public required Guid OrganisationId { get; init; }
    public required MeetingKind MeetingKind { get; init; }
    public required int Score { get; init; }
    public string? WhatWouldHaveHelped { get; init; }
    public required DateTime AnsweredAt { get; init; }
}

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.Property(m => m.Place).HasMaxLength(Meeting.MaxPlaceLength);
        e.Property(m => m.OnlineLink).HasMaxLength(Meeting.MaxLinkLength);
        e.Property(m => m.OrganiserName).HasMaxLength(200);
        e.Property(m => m.OrganiserEmail).HasMaxLength(256);
        e.Property(m => m.OrganiserOrganisationName).HasMaxLength(200);
        e.Property(m => m.NoteTakerName).HasMaxLength(200);
        e.Property(m => m.CancelReason).HasMaxLength(Meeting.MaxReasonLength);
        e.Property(m => m.FamilyViews).HasMaxLength(Meeting.MaxRecordTextLength);
        e.Property(m => m.FamilyViewsWrittenByName).HasMaxLength(200);
        e.Property(m => m.ChildViews).HasMaxLength(Meeting.MaxRecordTextLength);
        e.Property(m => m.Decisions).HasMaxLength(Meeting.MaxRecordTextLength);
        e.Property(m => m.OthersPresent).HasMaxLength(Meeting.MaxPlaceLength);
        e.Property(m => m.AgreedByName).HasMaxLength(200);
        e.Ignore(m => m.EndsAt);
        e.HasOne<Child>().WithMany().HasForeignKey(m => m.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Area>().WithMany().HasForeignKey(m => m.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganiserOrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(m => m.Invitees).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(m => m.AgendaItems).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(m => new { m.ChildId, m.StartsAt });
    }
}

public sealed class MeetingInviteeConfiguration : IEntityTypeConfiguration<MeetingInvitee>
{
    public void Configure(EntityTypeBuilder<MeetingInvitee> e)
    {
        e.Property(i => i.Name).HasMaxLength(200);
        e.Property(i => i.Email).HasMaxLength(256);
        e.Property(i => i.Role).HasMaxLength(300);
        e.HasIndex(i => new { i.MeetingId, i.UserAccountId }).IsUnique();
        e.HasIndex(i => i.UserAccountId);
    }
}

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> e)
    {
        e.Property(a => a.Title).HasMaxLength(AgendaItem.MaxTitleLength);
        e.Property(a => a.Detail).HasMaxLength(AgendaItem.MaxDetailLength);
        e.Property(a => a.AddedByName).HasMaxLength(200);
        e.Property(a => a.Notes).HasMaxLength(Meeting.MaxRecordTextLength);
    }
}

public sealed class MeetingRecordVersionConfiguration : IEntityTypeConfiguration<MeetingRecordVersion>
{
    public void Configure(EntityTypeBuilder<MeetingRecordVersion> e)
    {
        e.Property(v => v.Reason).HasMaxLength(Meeting.MaxReasonLength);
        e.Property(v => v.CreatedByName).HasMaxLength(200);
        e.HasOne<Meeting>().WithMany().HasForeignKey(v => v.MeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(v => new { v.MeetingId, v.Number }).IsUnique();
    }
}

public sealed class RecordCorrectionConfiguration : IEntityTypeConfiguration<RecordCorrection>
{
    public void Configure(EntityTypeBuilder<RecordCorrection> e)
    {
        e.Property(c => c.Part).HasMaxLength(100);
        e.Property(c => c.PartName).HasMaxLength(300);
        e.Property(c => c.WhatShouldChange).HasMaxLength(RecordCorrection.MaxLength);
        e.Property(c => c.RequestedByName).HasMaxLength(200);
        e.Property(c => c.Answer).HasMaxLength(RecordCorrection.MaxLength);
        // No foreign key to meetings: SQLite would have to rebuild the table to add one.
        e.HasIndex(c => c.MeetingId);
    }
}

public sealed class MeetingFeedbackConfiguration : IEntityTypeConfiguration<MeetingFeedback>
{
    public void Configure(EntityTypeBuilder<MeetingFeedback> e)
    {
        e.Property(f => f.WhatWouldHaveHelped).HasMaxLength(MeetingFeedback.MaxLength);
        e.HasOne<Meeting>().WithMany().HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(f => new { f.MeetingId, f.UserAccountId }).IsUnique();
        e.HasIndex(f => new { f.OrganisationId, f.AnsweredAt });
        e.HasIndex(f => f.ChildId);
    }
}
