using CommonGround.Core.Data;
using CommonGround.Core.Access;
using CommonGround.Core.Time;
using CommonGround.Core.Children;
using CommonGround.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Concerns;

public enum ConcernUrgency
{
    Standard,
    Urgent,
}

/// <summary>Where a concern is in its life. Only a confirmed concern is closed; a reopened one needs a response again.</summary>
public enum ConcernStatus
{
    Raised,
    Acknowledged,
    Responded,
    /// <summary>The owner says what was done; waiting for the person who raised it to confirm or reopen it.</summary>
    Resolved,
    Reopened,
    /// <summary>The person who raised it confirmed it resolved.</summary>
    Closed,
}

public enum ConcernUpdateKind
{
    Raised,
    Acknowledged,
    Responded,
    Resolved,
    Confirmed,
    Reopened,
    Assigned,
    Escalated,
}

/// <summary>Which clock a breach is about.</summary>
public enum ConcernClockKind
{
    Acknowledge,
    Respond,
}

/// <summary>
/// A worry about a child, raised by the family or anyone on the team, owned by a named person (or, until its lead
/// assigns it, by an organisation) and answered against its organisation's response standard. Nothing is ever deleted:
/// every step is a <see cref="ConcernUpdate"/>.
/// </summary>
public sealed class Concern : IVersioned
{
    public const int MaxTopicLength = 120;
    public const int MaxTextLength = 4000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required Guid AreaId { get; init; }
    /// <summary>A short heading in the raiser's words, e.g. "Taxi arriving late".</summary>
    public required string Topic { get; init; }
    /// <summary>The part of the record it is about; someone who may not see that part does not see the concern.</summary>
    public required RecordArea About { get; init; }
    public required string WhatIsHappening { get; init; }
    public string? WhatWouldHelp { get; init; }
    public required ConcernUrgency Urgency { get; init; }
    public required DateTime RaisedAt { get; init; }
    public required Guid RaisedByUserId { get; init; }
    public required string RaisedByName { get; init; }
    public required bool RaisedByFamily { get; init; }
    public Guid? CommitmentId { get; init; }
    public Guid? DeliveryRecordId { get; init; }

    public required Guid OwnerOrganisationId { get; set; }
    public required string OwnerOrganisationName { get; set; }
    /// <summary>Null while the concern waits in its organisation's inbox for a lead to assign it.</summary>
    public Guid? OwnerProfessionalId { get; set; }
    public string? OwnerName { get; set; }

    /// <summary>The working day the clocks count from; moved on when the concern is reopened.</summary>
    public required DateOnly ClockStartsOn { get; set; }
    public required DateOnly AcknowledgeBy { get; set; }
    public required DateOnly RespondBy { get; set; }

    public ConcernStatus Status { get; private set; } = ConcernStatus.Raised;
    public DateTime? AcknowledgedAt { get; private set; }
    public DateTime? RespondedAt { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public DateTime? AcknowledgeEscalatedAt { get; private set; }
    public DateTime? RespondEscalatedAt { get; private set; }
    /// <summary>Who has it since it went past a clock: its owner's organisation leads, by name.</summary>
    public string? EscalatedTo { get; private set; }
    public int Version { get; private set; }
    public List<ConcernUpdate> Updates { get; init; } = [];

    public bool IsOpen => Status != ConcernStatus.Closed;
    public bool IsEscalated => AcknowledgeEscalatedAt is not null || RespondEscalatedAt is not null;
    public bool AwaitsResponse => Status is ConcernStatus.Raised or ConcernStatus.Acknowledged or ConcernStatus.Responded or ConcernStatus.Reopened;

    public ClockStatus AcknowledgeStatus(DateOnly today, WorkingDayCalendar calendar) => ConcernClock.Status(AcknowledgeBy, AcknowledgedAt, today, calendar);

    /// <summary>The full-response clock is met by a response or a resolution, whichever came first since the clock last started.</summary>
    public ClockStatus RespondStatus(DateOnly today, WorkingDayCalendar calendar) => ConcernClock.Status(RespondBy, RespondedAt ?? ResolvedAt, today, calendar);

    /// <summary>The clock the owner must meet next, if any is still running.</summary>
    public (ConcernClockKind Kind, DateOnly DueOn)? NextClock => Status switch
    {
        ConcernStatus.Raised => (ConcernClockKind.Acknowledge, AcknowledgeBy),
        ConcernStatus.Acknowledged or ConcernStatus.Reopened => (ConcernClockKind.Respond, RespondBy),
        _ => null,
    };

    /// <summary>The clock the owner must meet next and how it stands today; null once nothing more is owed.</summary>
    public ConcernDate? NextDate(DateOnly today, WorkingDayCalendar calendar) => NextClock is { } next
        ? new ConcernDate(next.Kind, next.DueOn, next.Kind == ConcernClockKind.Acknowledge ? AcknowledgeStatus(today, calendar) : RespondStatus(today, calendar))
        : null;

    /// <summary>A clock that has run out without being met and has not yet been escalated.</summary>
    public ConcernClockKind? UnescalatedBreach(DateOnly today)
    {
        if (AcknowledgedAt is null && AcknowledgeEscalatedAt is null && today > AcknowledgeBy && IsOpen)
        {
            return ConcernClockKind.Acknowledge;
        }

        if (RespondedAt is null && ResolvedAt is null && RespondEscalatedAt is null && today > RespondBy && IsOpen)
        {
            return ConcernClockKind.Respond;
        }

        return null;
    }

    /// <summary>Starts the concern's history; called once, when it is raised.</summary>
    public ConcernUpdate Raise(Guid byUserId, string byName, bool byFamily) =>
        AddUpdate(ConcernUpdateKind.Raised, null, byUserId, byName, byFamily, RaisedAt);

    public ConcernUpdate? Acknowledge(string? message, Guid byUserId, string byName, DateTime now)
    {
        if (Status != ConcernStatus.Raised)
        {
            return null;
        }

        Status = ConcernStatus.Acknowledged;
        AcknowledgedAt = now;
        return AddUpdate(ConcernUpdateKind.Acknowledged, message, byUserId, byName, false, now);
    }

    /// <summary>A full response; it also acknowledges a concern nobody had acknowledged yet.</summary>
    public ConcernUpdate? Respond(string response, Guid byUserId, string byName, DateTime now)
    {
        if (!AwaitsResponse || Status == ConcernStatus.Responded)
        {
            return null;
        }

        Status = ConcernStatus.Responded;
        AcknowledgedAt ??= now;
        RespondedAt = now;
        return AddUpdate(ConcernUpdateKind.Responded, response, byUserId, byName, false, now);
    }

    /// <summary>"You said, we did": what the raiser asked for and what was done. It counts as the full response if none was given.</summary>
    public ConcernUpdate? Resolve(string youSaid, string weDid, Guid byUserId, string byName, DateTime now)
    {
        if (!AwaitsResponse)
        {
            return null;
        }

        Status = ConcernStatus.Resolved;
        AcknowledgedAt ??= now;
        RespondedAt ??= now;
        ResolvedAt = now;
        var update = AddUpdate(ConcernUpdateKind.Resolved, weDid, byUserId, byName, false, now);
        update.YouSaid = youSaid;
        return update;
    }

    public ConcernUpdate? Confirm(Guid byUserId, string byName, bool byFamily, DateTime now)
    {
        if (Status != ConcernStatus.Resolved)
        {
            return null;
        }

        Status = ConcernStatus.Closed;
        ClosedAt = now;
        return AddUpdate(ConcernUpdateKind.Confirmed, null, byUserId, byName, byFamily, now);
    }

    /// <summary>The raiser says it is not resolved: the response clock starts again from now, with a new full response due.</summary>
    public ConcernUpdate? Reopen(string reason, Guid byUserId, string byName, bool byFamily, DateTime now, DateOnly clockStartsOn, DateOnly respondBy)
    {
        if (Status != ConcernStatus.Resolved)
        {
            return null;
        }

        Status = ConcernStatus.Reopened;
        RespondedAt = null;
        ResolvedAt = null;
        RespondEscalatedAt = null;
        ClockStartsOn = clockStartsOn;
        RespondBy = respondBy;
        return AddUpdate(ConcernUpdateKind.Reopened, reason, byUserId, byName, byFamily, now);
    }

    public ConcernUpdate Assign(Guid professionalId, string ownerName, Guid organisationId, string organisationName, Guid byUserId, string byName, DateTime now)
    {
        OwnerProfessionalId = professionalId;
        OwnerName = ownerName;
        OwnerOrganisationId = organisationId;
        OwnerOrganisationName = organisationName;
        return AddUpdate(ConcernUpdateKind.Assigned, $"Now owned by {ownerName} ({organisationName})", byUserId, byName, false, now);
    }

    /// <summary>Gives the concern back to its organisation, whose leads choose who answers it; the clocks run on.</summary>
    public ConcernUpdate ReturnToOrganisation(string why, Guid byUserId, string byName, DateTime now)
    {
        OwnerProfessionalId = null;
        OwnerName = null;
        return AddUpdate(ConcernUpdateKind.Assigned, $"{why}, so it went back to {OwnerOrganisationName} to choose who answers it", byUserId, byName, false, now);
    }

    /// <summary>Marks a breached clock as escalated to the owner's organisation leads; null if it already was.</summary>
    public ConcernUpdate? Escalate(ConcernClockKind clock, string escalatedTo, DateTime now)
    {
        if (clock == ConcernClockKind.Acknowledge ? AcknowledgeEscalatedAt is not null : RespondEscalatedAt is not null)
        {
            return null;
        }

        if (clock == ConcernClockKind.Acknowledge)
        {
            AcknowledgeEscalatedAt = now;
        }
        else
        {
            RespondEscalatedAt = now;
        }

        EscalatedTo = escalatedTo;
        var what = clock == ConcernClockKind.Acknowledge ? "acknowledged" : "answered in full";
        return AddUpdate(ConcernUpdateKind.Escalated, $"It was not {what} in time, so it went to {escalatedTo}", null, "CommonGround", false, now);
    }

    private ConcernUpdate AddUpdate(ConcernUpdateKind kind, string? text, Guid? byUserId, string byName, bool byFamily, DateTime at)
    {
        var update = new ConcernUpdate { ConcernId = Id, ChildId = ChildId, Kind = kind, Text = text, ByUserId = byUserId, ByName = byName, ByFamily = byFamily, At = at };
        Updates.Add(update);
        Version++;
        return update;
    }
}

/// <summary>A concern's next date: which clock, the day it falls on, and how it stands.</summary>
public sealed record ConcernDate(ConcernClockKind Kind, DateOnly DueOn, ClockStatus Status);

/// <summary>One step in a concern's life, kept for good.</summary>
public sealed class ConcernUpdate
{
    public Guid Id { get; init; } = Ids.New();
    public required Guid ConcernId { get; init; }
    public required Guid ChildId { get; init; }
    public required ConcernUpdateKind Kind { get; init; }
    public string? Text { get; init; }
    /// <summary>For a resolution: what the person who raised it asked for, as the owner understood it.</summary>
    public string? YouSaid { get; set; }
    public Guid? ByUserId { get; init; }
    public required string ByName { get; init; }
    public bool ByFamily { get; init; }
    public required DateTime At { get; init; }
}

public sealed class ConcernConfiguration : IEntityTypeConfiguration<Concern>
{
    public void Configure(EntityTypeBuilder<Concern> e)
    {
        e.Property(c => c.Topic).HasMaxLength(Concern.MaxTopicLength);
        e.Property(c => c.WhatIsHappening).HasMaxLength(Concern.MaxTextLength);
        e.Property(c => c.WhatWouldHelp).HasMaxLength(Concern.MaxTextLength);
        e.Property(c => c.RaisedByName).HasMaxLength(200);
        e.Property(c => c.OwnerOrganisationName).HasMaxLength(200);
        e.Property(c => c.OwnerName).HasMaxLength(200);
        e.Property(c => c.EscalatedTo).HasMaxLength(500);
        e.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Area>().WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(c => c.OwnerProfessionalId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(c => c.Updates).WithOne().HasForeignKey(u => u.ConcernId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(c => new { c.ChildId, c.RaisedAt });
        e.HasIndex(c => new { c.OwnerOrganisationId, c.Status });
        e.HasIndex(c => new { c.OwnerProfessionalId, c.Status });
        // The escalation job reads open concerns by their clocks.
        e.HasIndex(c => new { c.Status, c.AcknowledgeBy });
        e.HasIndex(c => new { c.Status, c.RespondBy });
        e.HasIndex(c => c.DeliveryRecordId);
    }
}

public sealed class ConcernUpdateConfiguration : IEntityTypeConfiguration<ConcernUpdate>
{
    public void Configure(EntityTypeBuilder<ConcernUpdate> e)
    {
        e.Property(u => u.Text).HasMaxLength(Concern.MaxTextLength);
        e.Property(u => u.YouSaid).HasMaxLength(Concern.MaxTextLength);
        e.Property(u => u.ByName).HasMaxLength(200);
        e.HasIndex(u => new { u.ConcernId, u.At });
        // Early warnings ask for each child's latest answer to a concern after every change: read from here, not from every update.
        e.HasIndex(u => new { u.ChildId, u.Kind, u.At });
    }
}
