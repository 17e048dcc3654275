using CommonGround.Core.Statutory;

namespace CommonGround.Web.Pages.Shared;

/// <summary>One deadline as the calculator and a child's statutory process show it; the status only on a child's record.</summary>
public sealed record DeadlineView(Deadline Deadline, DateOnly Today, DeadlineStatus? Status = null, DateOnly? DoneOn = null)
{
    /// <summary>"in 12 days", "today" or "passed", for a date nobody has marked done.</summary>
    public string? WhenFromToday() => Status is DeadlineStatus.DoneOnTime or DeadlineStatus.DoneLate
        ? null
        : (Deadline.Date.DayNumber - Today.DayNumber) switch
        {
            0 => "today",
            1 => "tomorrow",
            > 1 and var days => $"in {days} days",
            -1 => "passed yesterday",
            var days => $"passed {-days} days ago",
        };
}
