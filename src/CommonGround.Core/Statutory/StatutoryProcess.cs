using System.Linq.Expressions;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Children;
using CommonGround.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Statutory;

/// <summary>
/// One run of a statutory process for a child (a needs assessment, an annual review, a phase transfer, or a mediation
/// and appeal), made of the events the local authority and the family record. The dates owed are worked out from the
/// events each time; the needs assessment's request and final plan dates are also kept here for the area's report.
/// </summary>
public sealed class StatutoryProcess : IVersioned
{
    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required Guid AreaId { get; init; }
    public required StatutoryProcessKind Kind { get; init; }
    public required DateTime StartedAt { get; init; }
    public required Guid StartedByUserId { get; init; }
    public required string StartedByName { get; init; }

    /// <summary>For a needs assessment: the day the request was received, and the day the final plan was issued.</summary>
    public DateOnly? RequestReceivedOn { get; private set; }
    public DateOnly? FinalPlanIssuedOn { get; private set; }

    /// <summary>For a needs assessment: the 20-week date, so the report compares two columns.</summary>
    public DateOnly? FinalPlanDueOn { get; private set; }

    /// <summary>True when an exception to the fixed time limits may apply on the facts recorded.</summary>
    public bool ExceptionApplies { get; private set; }

    public int Version { get; private set; }
    public List<StatutoryEvent> Events { get; init; } = [];

    /// <summary>Adds an event recorded by a member of staff or by the family, and brings the process's dates up to date.</summary>
    public StatutoryEvent Record(StatutoryEventKind kind, DateOnly occurredOn, UserActor actor, bool byFamily, DateTime now, Timescales timescales,
        DateOnly? endsOn = null, string? detail = null, Guid? meetingId = null)
    {
        var recorded = new StatutoryEvent
        {
            ProcessId = Id, ChildId = ChildId, Kind = kind, OccurredOn = occurredOn, EndsOn = endsOn,
            Detail = string.IsNullOrWhiteSpace(detail) ? null : detail.Trim(), MeetingId = meetingId,
            RecordedAt = now, RecordedByUserId = actor.UserId, RecordedByName = actor.Name, RecordedByFamily = byFamily,
        };
        Events.Add(recorded);
        Refresh(timescales);
        return recorded;
    }

    /// <summary>Keeps the report's columns in step with the events after any change, and moves the version on.</summary>
    public void Refresh(Timescales timescales)
    {
        RequestReceivedOn = Latest(StatutoryEventKind.RequestReceived)?.OccurredOn;
        FinalPlanIssuedOn = Latest(StatutoryEventKind.FinalPlanIssued)?.OccurredOn;
        FinalPlanDueOn = RequestReceivedOn is { } received ? TimescaleRules.FinalPlan.From(received, timescales.Calendar) : null;
        ExceptionApplies = Kind == StatutoryProcessKind.NeedsAssessment && StatutoryProgress.NeedsAssessmentTimeline(ProgressEvents(), timescales)?.AnyExceptionApplies == true;
        Version++;
    }

    /// <summary>The events as the progress engine reads them (see <see cref="RecordedEvent.InOrder"/>).</summary>
    public IReadOnlyList<ProgressEvent> ProgressEvents() => RecordedEvent.InOrder(Events.Select(RecordedEvent.From));

    /// <summary>Where every date stands on <paramref name="asOf"/>; the child's date of birth tells whether a review is an under-five's.</summary>
    public ProcessProgress Progress(DateOnly asOf, Timescales timescales, DateOnly? bornOn = null) =>
        StatutoryProgress.Of(Kind, ProgressEvents(), asOf, timescales, bornOn);

    public StatutoryEvent? Latest(StatutoryEventKind kind, DateOnly? onOrAfter = null) => Events
        .Where(e => e.Kind == kind && (onOrAfter is null || e.OccurredOn >= onOrAfter))
        .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.RecordedAt)
        .FirstOrDefault();
}

/// <summary>
/// Something that happened in a process, on a date. Facts the family records are marked as theirs; the local authority
/// confirms them, or corrects the date with a reason, and the family's date is kept beside the correction.
/// </summary>
public sealed class StatutoryEvent
{
    public const int MaxDetailLength = 500;
    public const int MaxReasonLength = 1000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid ProcessId { get; init; }
    public required Guid ChildId { get; init; }
    public required StatutoryEventKind Kind { get; init; }
    public required DateOnly OccurredOn { get; set; }

    /// <summary>For an absence or a school closure: the last day away, or the day the school reopened.</summary>
    public DateOnly? EndsOn { get; init; }

    /// <summary>Who asked, who advice was asked of, which decision, which move: as the event needs.</summary>
    public string? Detail { get; init; }

    /// <summary>For a review meeting arranged, held or cancelled: the meeting on the child's record it is.</summary>
    public Guid? MeetingId { get; init; }

    public required DateTime RecordedAt { get; init; }
    public required Guid RecordedByUserId { get; init; }
    public required string RecordedByName { get; init; }
    public required bool RecordedByFamily { get; init; }

    public DateTime? ConfirmedAt { get; private set; }
    public string? ConfirmedByName { get; private set; }

    /// <summary>When the local authority corrected the family's date: the date the family gave, and why it changed.</summary>
    public DateOnly? FamilyDate { get; private set; }
    public string? CorrectionReason { get; private set; }

    public bool AwaitsConfirmation => RecordedByFamily && ConfirmedAt is null;

    public void Confirm(string byName, DateTime now)
    {
        ConfirmedAt = now;
        ConfirmedByName = byName;
    }

    public void Correct(DateOnly date, string reason, string byName, DateTime now)
    {
        FamilyDate ??= OccurredOn;
        OccurredOn = date;
        CorrectionReason = reason;
        ConfirmedAt = now;
        ConfirmedByName = byName;
    }
}

/// <summary>
/// What the progress engine needs of a recorded event. Where many processes are worked out at once (the early warnings
/// of an area) only this is read, by child, rather than every event in full; a process's own events are read the same way.
/// </summary>
public sealed record RecordedEvent(Guid ProcessId, DateTime RecordedAt, StatutoryEventKind Kind, DateOnly OccurredOn, DateOnly? EndsOn, string? Detail, Guid? MeetingId)
{
    public static readonly Expression<Func<StatutoryEvent, RecordedEvent>> Of =
        e => new RecordedEvent(e.ProcessId, e.RecordedAt, e.Kind, e.OccurredOn, e.EndsOn, e.Detail, e.MeetingId);

    private static readonly Func<StatutoryEvent, RecordedEvent> FromEvent = Of.Compile();

    public static RecordedEvent From(StatutoryEvent recorded) => FromEvent(recorded);

    /// <summary>A process's events as the progress engine reads them: in the order they were recorded, a meeting's arranging and cancelling carrying the meeting.</summary>
    public static IReadOnlyList<ProgressEvent> InOrder(IEnumerable<RecordedEvent> events) => events
        .OrderBy(e => e.RecordedAt)
        .Select(e => new ProgressEvent(e.Kind, e.OccurredOn, e.EndsOn, e.MeetingId is { } meeting && e.Kind != StatutoryEventKind.ReviewMeetingHeld ? meeting.ToString() : e.Detail))
        .ToList();
}

public sealed class StatutoryProcessConfiguration : IEntityTypeConfiguration<StatutoryProcess>
{
    public void Configure(EntityTypeBuilder<StatutoryProcess> e)
    {
        e.Property(p => p.StartedByName).HasMaxLength(200);
        e.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Area>().WithMany().HasForeignKey(p => p.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(p => p.Events).WithOne().HasForeignKey(v => v.ProcessId).OnDelete(DeleteBehavior.Restrict);
        // The area's timeliness report reads final plans by the year they were issued.
        e.HasIndex(p => new { p.AreaId, p.Kind, p.FinalPlanIssuedOn });
        e.HasIndex(p => p.ChildId);
    }
}

public sealed class StatutoryEventConfiguration : IEntityTypeConfiguration<StatutoryEvent>
{
    public void Configure(EntityTypeBuilder<StatutoryEvent> e)
    {
        e.Property(v => v.Detail).HasMaxLength(StatutoryEvent.MaxDetailLength);
        e.Property(v => v.CorrectionReason).HasMaxLength(StatutoryEvent.MaxReasonLength);
        e.Property(v => v.RecordedByName).HasMaxLength(200);
        e.Property(v => v.ConfirmedByName).HasMaxLength(200);
        e.HasIndex(v => v.ChildId);
    }
}
