using CommonGround.Core.Attention;
using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Statutory;

public sealed record RecordStatutoryEventOptions(Guid? ProcessId, StatutoryProcessKind ProcessKind, StatutoryEventKind Kind, DateOnly? Date, DateOnly? EndsOn, string? Detail, int? Version = null)
{
    /// <summary>For a review meeting held: the meeting on the child's record, whose date is the event's.</summary>
    public Guid? MeetingId { get; init; }
}

public sealed record CorrectStatutoryEventOptions(Guid ProcessId, Guid EventId, DateOnly? Date, string? Reason);

/// <summary>A process on a caseworker's list, with where its dates stand.</summary>
public sealed record CaseloadItem(Guid ChildId, string ChildName, StatutoryProcess Process, ProcessProgress Progress);

/// <summary>
/// The statutory processes on children's records: the local authority and the family record what happened, and the
/// dates owed follow from <see cref="Timescales"/>.
/// </summary>
public sealed class StatutoryService(CommonGroundDbContext db, AttentionSignals signals, TimeProvider timeProvider)
{
    public static Timescales Timescales => Timescales.England;

    public Task<List<StatutoryProcess>> ListAsync(Guid childId) =>
        db.StatutoryProcesses.Include(p => p.Events).Where(p => p.ChildId == childId).OrderByDescending(p => p.StartedAt).AsSplitQuery().ToListAsync();

    public Task<StatutoryProcess?> FindAsync(Guid childId, Guid processId) =>
        db.StatutoryProcesses.Include(p => p.Events).SingleOrDefaultAsync(p => p.ChildId == childId && p.Id == processId);

    /// <summary>Where the process's dates stand today; the child's date of birth tells whether a review is an under-five's.</summary>
    /// <summary>The child's review meetings that have started and were not cancelled, newest first: one was held.</summary>
    public Task<List<Meetings.Meeting>> ReviewMeetingsAsync(Guid childId)
    {
        var now = timeProvider.UtcNow();
        return db.Meetings.AsNoTracking()
            .Where(m => m.ChildId == childId && m.Kind == Meetings.MeetingKind.Review && m.CancelledAt == null && m.StartsAt <= now)
            .OrderByDescending(m => m.StartsAt).ToListAsync();
    }

    public ProcessProgress Progress(StatutoryProcess process, DateOnly bornOn) => process.Progress(timeProvider.TodayInUk(), Timescales, bornOn);

    /// <summary>Records an event: in a new process when <see cref="RecordStatutoryEventOptions.ProcessId"/> is empty.</summary>
    public async Task<Result<StatutoryProcess>> RecordEventAsync(ChildAccess childAccess, RecordStatutoryEventOptions options, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        if (!childAccess.Can(Capability.ManageStatutoryProcess, RecordArea.StatutoryProcess))
        {
            return new NotAllowedForStatutory();
        }

        StatutoryProcess process;
        if (options.ProcessId is { } processId)
        {
            if (await FindAsync(childId, processId) is not { } found)
            {
                return new StatutoryProcessNotFound();
            }

            process = found;
            if (options.Version is { } version && version != process.Version)
            {
                return new ProcessChangedMeanwhile();
            }
        }
        else
        {
            process = new StatutoryProcess
            {
                ChildId = childId, AreaId = childAccess.Child.AreaId, Kind = options.ProcessKind, StartedAt = timeProvider.UtcNow(),
                StartedByUserId = actor.UserId, StartedByName = actor.Name,
            };
            if (options.Kind != options.ProcessKind.FirstEvent())
            {
                return new EventNotInProcess();
            }
        }

        if (options.Kind is StatutoryEventKind.ReviewMeetingArranged or StatutoryEventKind.ReviewMeetingCancelled)
        {
            return new EventNotInProcess();
        }

        if (options.Kind == StatutoryEventKind.ReviewMeetingHeld)
        {
            // A review meeting held is one on the child's record: its date is the meeting's, never typed again.
            var meeting = options.MeetingId is { } meetingId
                ? await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId && m.ChildId == childId && m.Kind == Meetings.MeetingKind.Review && m.CancelledAt == null)
                : null;
            if (meeting is null)
            {
                return new ReviewMeetingMissing();
            }

            options = options with { Date = meeting.StartsAt.ToUkDate() };
        }

        if (Validate(options, process.Kind) is { } error)
        {
            return error;
        }

        var recorded = process.Record(options.Kind, options.Date!.Value, actor, childAccess.IsFamily, timeProvider.UtcNow(), Timescales,
            options.EndsOn, options.Detail, options.Kind == StatutoryEventKind.ReviewMeetingHeld ? options.MeetingId : null);
        if (options.ProcessId is null)
        {
            db.StatutoryProcesses.Add(process);
            db.AuditEvents.Add(StatutoryChanges.Started(actor, process, recorded.RecordedAt));
        }
        else
        {
            db.StatutoryEvents.Add(recorded);
        }

        db.AuditEvents.Add(StatutoryChanges.Recorded(actor, process, recorded, recorded.RecordedAt));
        if (!await db.TrySaveAsync())
        {
            return new ProcessChangedMeanwhile();
        }

        // A date met or passed changes the early warnings, and may send the family and the staff a warning.
        await signals.RefreshAfterChangeAsync(process.ChildId);
        return process;
    }

    /// <summary>The local authority confirms a date the family recorded.</summary>
    public Task<Result<StatutoryProcess>> ConfirmAsync(ChildAccess childAccess, Guid processId, Guid eventId, UserActor actor) =>
        ChangeFamilyEventAsync(childAccess, processId, eventId, actor, (recorded, now) =>
        {
            recorded.Confirm(actor.Name, now);
            return (AuditActions.StatutoryEventConfirmed, $"{recorded.Kind.Term().Text} on {UkDates.Date(recorded.OccurredOn)} confirmed");
        });

    /// <summary>The local authority corrects a date the family recorded; the family's date stays beside the correction.</summary>
    public async Task<Result<StatutoryProcess>> CorrectAsync(ChildAccess childAccess, CorrectStatutoryEventOptions options, UserActor actor)
    {
        if (options.Date is not { } date)
        {
            return new EventDateMissing();
        }

        if (string.IsNullOrWhiteSpace(options.Reason))
        {
            return new CorrectionReasonMissing();
        }

        if (options.Reason.Length > StatutoryEvent.MaxReasonLength)
        {
            return new TextTooLong("Reason", StatutoryEvent.MaxReasonLength);
        }

        return await ChangeFamilyEventAsync(childAccess, options.ProcessId, options.EventId, actor, (recorded, now) =>
        {
            if (DateError(recorded.Kind, date) is { } error)
            {
                return error;
            }

            if (recorded.OccurredOn == date)
            {
                return new CorrectionSameDate();
            }

            var before = recorded.OccurredOn;
            recorded.Correct(date, options.Reason.Trim(), actor.Name, now);
            return (AuditActions.StatutoryEventCorrected, $"{recorded.Kind.Term().Text}: {UkDates.Date(before)} corrected to {UkDates.Date(date)}");
        });
    }

    /// <summary>Makes the change to a family-recorded event and gives its audit entry, or refuses with an error and changes nothing.</summary>
    private async Task<Result<StatutoryProcess>> ChangeFamilyEventAsync(ChildAccess childAccess, Guid processId, Guid eventId, UserActor actor, Func<StatutoryEvent, DateTime, Result<(string Action, string Summary)>> change)
    {
        var childId = childAccess.Child.Id;
        if (childAccess.IsFamily || !childAccess.Can(Capability.ManageStatutoryProcess, RecordArea.StatutoryProcess))
        {
            return new OnlyLocalAuthorityConfirms();
        }

        if (await FindAsync(childId, processId) is not { } process)
        {
            return new StatutoryProcessNotFound();
        }

        if (process.Events.SingleOrDefault(e => e.Id == eventId) is not { } recorded)
        {
            return new StatutoryEventNotFound();
        }

        if (!recorded.AwaitsConfirmation)
        {
            return new NothingToConfirm();
        }

        var now = timeProvider.UtcNow();
        var changed = change(recorded, now);
        if (changed.Error is { } refused)
        {
            return refused;
        }

        var audit = changed.Value;

        process.Refresh(Timescales);
        db.AuditEvents.Add(StatutoryChanges.Changed(actor, process, audit.Action, audit.Summary, now));
        if (!await db.TrySaveAsync())
        {
            return new ProcessChangedMeanwhile();
        }

        // A date met or passed changes the early warnings, and may send the family and the staff a warning.
        await signals.RefreshAfterChangeAsync(process.ChildId);
        return process;
    }

    private Error? Validate(RecordStatutoryEventOptions options, StatutoryProcessKind processKind)
    {
        if (!processKind.Events().Contains(options.Kind))
        {
            return new EventNotInProcess();
        }

        if (options.Date is not { } date)
        {
            return new EventDateMissing();
        }

        if (DateError(options.Kind, date) is { } dateError)
        {
            return dateError;
        }

        var term = options.Kind.Term();

        if (term.EndLabel is not null)
        {
            if (options.EndsOn is not { } end)
            {
                return new EventEndMissing();
            }

            if (end < date)
            {
                return new EventEndBeforeStart();
            }
        }

        if (term.DetailOptions.Count > 0 && !term.DetailOptions.Any(o => o.Value == options.Detail))
        {
            return options.Kind switch
            {
                StatutoryEventKind.TransferPlanned => new TransferMissing(),
                StatutoryEventKind.TribunalOrderMade => new OrderMissing(),
                _ => new DecisionMissing(),
            };
        }

        if (options.Detail?.Length > StatutoryEvent.MaxDetailLength)
        {
            return new TextTooLong("Detail", StatutoryEvent.MaxDetailLength);
        }

        return null;
    }

    /// <summary>
    /// The rules' start and today bound every event's date; a move, a review meeting, a closure or an absence can be
    /// known in advance, and everything else is recorded once it has happened.
    /// </summary>
    private Error? DateError(StatutoryEventKind kind, DateOnly date)
    {
        if (date < TimescaleRules.SendRegulationsInForce)
        {
            return new EventDateTooEarly();
        }

        return date > timeProvider.TodayInUk() && !StatutoryProgress.MayBeAhead(kind) ? new EventDateInFuture() : null;
    }

    /// <summary>
    /// Every process on the records of children whose team the person is on and who may see the statutory process,
    /// with today's deadlines.
    /// </summary>
    public async Task<List<CaseloadItem>> CaseloadAsync(Guid userId)
    {
        var today = timeProvider.TodayInUk();
        var children = await db.TeamMembers
            .Where(QueryParts.Inline((TeamMember t) => t.LeftAt == null && t.Professional!.UserAccountId == userId && t.Professional.DeactivatedAt == null
                && SharedParts.SharesOn.Apply(t, RecordArea.StatutoryProcess, today)))
            .Select(t => t.ChildId)
            .ToListAsync();
        var found = await db.Children.Where(c => children.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        var processes = await db.StatutoryProcesses.Include(p => p.Events).Where(p => children.Contains(p.ChildId)).AsSplitQuery().ToListAsync();
        return processes.Select(p => new CaseloadItem(p.ChildId, found[p.ChildId].FullName, p, p.Progress(today, Timescales, found[p.ChildId].DateOfBirth))).ToList();
    }
}
