using CommonGround.Core.Time;

namespace CommonGround.Core.Concerns;

/// <summary>How one response clock stands: still running, answered in time or late, or breached.</summary>
public enum ClockStatus
{
    Running,
    /// <summary>Due today or on the next working day, and not yet met.</summary>
    DueSoon,
    Overdue,
    MetOnTime,
    MetLate,
}

/// <summary>
/// Concern clocks count working days in England and Wales from the moment a concern is raised. Anything raised after
/// 5pm, or on a day that is not a working day, counts from the next working day.
/// </summary>
public static class ConcernClock
{
    public static readonly TimeOnly EndOfWorkingDay = new(17, 0);

    /// <summary>The working day the clock counts from: the day of raising, unless that was after 5pm or not a working day.</summary>
    public static DateOnly StartsOn(DateTime raisedAtUtc, WorkingDayCalendar calendar)
    {
        var local = raisedAtUtc.ToUkTime();
        var date = DateOnly.FromDateTime(local);
        return calendar.IsWorkingDay(date) && TimeOnly.FromDateTime(local) < EndOfWorkingDay
            ? date
            : calendar.OnOrNextWorkingDay(date.AddDays(1));
    }

    /// <summary>The last day to meet a clock of <paramref name="workingDays"/> working days that starts on <paramref name="startsOn"/>.</summary>
    public static DateOnly DueOn(DateOnly startsOn, int workingDays, WorkingDayCalendar calendar) =>
        calendar.AddWorkingDays(startsOn, workingDays);

    public static ClockStatus Status(DateOnly dueOn, DateTime? metAtUtc, DateOnly today, WorkingDayCalendar calendar)
    {
        if (metAtUtc is { } met)
        {
            return DateOnly.FromDateTime(met.ToUkTime()) <= dueOn ? ClockStatus.MetOnTime : ClockStatus.MetLate;
        }

        if (today > dueOn)
        {
            return ClockStatus.Overdue;
        }

        return dueOn <= calendar.AddWorkingDays(today, 1) ? ClockStatus.DueSoon : ClockStatus.Running;
    }

    /// <summary>How many working days a clock is past its date, counted up to <paramref name="today"/>.</summary>
    public static int WorkingDaysOverdue(DateOnly dueOn, DateOnly today, WorkingDayCalendar calendar) =>
        calendar.WorkingDaysBetween(dueOn, today);

    public static string ToDisplayName(this ClockStatus status) => status switch
    {
        ClockStatus.Running => "Due",
        ClockStatus.DueSoon => "Due soon",
        ClockStatus.Overdue => "Overdue",
        ClockStatus.MetOnTime => "Done on time",
        ClockStatus.MetLate => "Done late",
        _ => status.ToString(),
    };

    public static bool IsOpen(this ClockStatus status) => status is ClockStatus.Running or ClockStatus.DueSoon or ClockStatus.Overdue;
}
