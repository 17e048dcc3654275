using CommonGround.Core.Time;

namespace CommonGround.Core.Statutory;

/// <summary>Something that happened in a process, as the progress engine reads it.</summary>
public sealed record ProgressEvent(StatutoryEventKind Kind, DateOnly Date, DateOnly? EndDate = null, string? Detail = null);

/// <summary>One date of a process on a day: its rule and date, whose it is, where it stands, and the day it was done.</summary>
public sealed record ProgressDeadline(Deadline Deadline, DeadlineState State, DateOnly? DoneOn, bool ExceptionMayApply = false, string? About = null)
{
    /// <summary>
    /// Names this date within its process, for links and warnings: the rule's key, and for one of several dates under
    /// the same rule (advice from each service) a number in the order they were asked for ("advice-due-2").
    /// </summary>
    public string Id { get; init; } = Deadline.Key;

    public DeadlineActor Actor => Deadline.Rule.Actor;

    /// <summary>The rule's title, naming whom it is about where a rule has several: "Advice provided (Speech and language therapy)".</summary>
    public string Title => About is null ? Deadline.Rule.Title : $"{Deadline.Rule.Title} ({About})";

    /// <summary>The family's dates are rights: a right not used is never a failure, and never chased.</summary>
    public bool IsRight => Actor == DeadlineActor.Family;

    /// <summary>Only a duty someone missed, or did late, is a failure: it alone gets the red tag, the warning and the letter.</summary>
    public bool IsFailure => !IsRight && State is DeadlineState.Missed or DeadlineState.Late;

    /// <summary>A failure someone else must answer for: not the reader's own duty, which they are not told to chase.</summary>
    public bool IsFailureFor(DeadlineActor? reader) => IsFailure && Actor != reader;

    /// <summary>What should still happen: an upcoming date, or a duty missed and not yet done.</summary>
    public bool IsNext => State == DeadlineState.Upcoming || (State == DeadlineState.Missed && !IsRight);

    public bool IsDueSoon(DateOnly today, WorkingDayCalendar calendar) =>
        State == DeadlineState.Upcoming && Deadline.Date <= calendar.AddWorkingDays(today, DeadlineStates.DueSoonWorkingDays);

    /// <summary>The tag a page shows: an upcoming date within 10 working days is "Due soon".</summary>
    public string TagText(DateOnly today, WorkingDayCalendar calendar) => IsDueSoon(today, calendar) ? "Due soon" : State.Text();

    public string TagColour(DateOnly today, WorkingDayCalendar calendar) => IsDueSoon(today, calendar) ? "yellow" : State.TagColour();
}

/// <summary>Every date of a process on a day, the exceptions checked on its facts, and notes on anything unusual.</summary>
public sealed record ProcessProgress(IReadOnlyList<ProgressDeadline> Deadlines, IReadOnlyList<ExceptionCheck> Exceptions, IReadOnlyList<string> Notes)
{
    public static ProcessProgress Empty { get; } = new([], [], []);

    /// <summary>What should happen next, earliest first: upcoming dates, and duties missed and still not done.</summary>
    public IReadOnlyList<ProgressDeadline> Next => Deadlines.Where(d => d.IsNext).OrderBy(d => d.Deadline.Date).ToList();

    public IEnumerable<ProgressDeadline> Failures => Deadlines.Where(d => d.IsFailure);

    public IEnumerable<ProgressDeadline> Missed => Deadlines.Where(d => d.State == DeadlineState.Missed && !d.IsRight);
}
