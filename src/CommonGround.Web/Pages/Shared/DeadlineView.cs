using CommonGround.Core.Statutory;

namespace CommonGround.Web.Pages.Shared;

/// <summary>
/// One date as a page shows it: from the calculator with its state if the facts given tell it, or on a child's record.
/// <paramref name="ReaderIsFamily"/> says "you" for the family's own dates.
/// </summary>
public sealed record DeadlineView(Deadline Deadline, DateOnly Today, ProgressDeadline? Progress = null, DeadlineActor? Reader = DeadlineActor.Family)
{
    public Timescales Timescales => Timescales.England;

    /// <summary>"in 12 days", "today" or "passed", for a date still to be met.</summary>
    public string? WhenFromToday() => Progress is { State: not (DeadlineState.Upcoming or DeadlineState.Missed) }
        ? null
        : (Deadline.Date.DayNumber - Today.DayNumber) switch
        {
            0 => "today",
            1 => "tomorrow",
            > 1 and var days => $"in {days} days",
            -1 => "passed yesterday",
            var days => $"passed {-days} days ago",
        };

    /// <summary>Who must act, or whose choice it is: "The local authority must", "You can".</summary>
    public bool ReaderIsFamily => Reader == DeadlineActor.Family;

    public string WhoActs => Deadline.Rule.Actor == DeadlineActor.Family
        ? (ReaderIsFamily ? "Your right: it is up to you whether to use it" : "The family's right: it is up to them whether to use it")
        : $"For {Deadline.Rule.Actor.Who(ReaderIsFamily)} to do";

    /// <summary>Someone else's duty missed or done late: the reader is told what they can do about it.</summary>
    public bool ShowsWhatToDo => Progress?.IsFailureFor(Reader) == true;
}
