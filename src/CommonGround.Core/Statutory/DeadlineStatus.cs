namespace CommonGround.Core.Statutory;

/// <summary>Where a deadline on a child's record stands today.</summary>
public enum DeadlineStatus
{
    DoneOnTime,
    DoneLate,

    /// <summary>Not done, and more than <see cref="DeadlineStatuses.DueSoonWorkingDays"/> working days away.</summary>
    Due,

    /// <summary>Not done, and due within <see cref="DeadlineStatuses.DueSoonWorkingDays"/> working days (or today).</summary>
    DueSoon,

    /// <summary>Not done, and the date has passed.</summary>
    Missed,
}

public static class DeadlineStatuses
{
    public const int DueSoonWorkingDays = 10;

    /// <summary>
    /// A deadline's status on <paramref name="today"/>: done on time when it happened on or before its date; due soon from
    /// 10 working days before; missed from the day after. A deadline the family has until is judged the same way.
    /// </summary>
    public static DeadlineStatus Of(DateOnly date, DateOnly? doneOn, DateOnly today, Time.WorkingDayCalendar calendar) => doneOn switch
    {
        { } done when done <= date => DeadlineStatus.DoneOnTime,
        not null => DeadlineStatus.DoneLate,
        _ when today > date => DeadlineStatus.Missed,
        _ when date <= calendar.AddWorkingDays(today, DueSoonWorkingDays) => DeadlineStatus.DueSoon,
        _ => DeadlineStatus.Due,
    };

    public static string Text(this DeadlineStatus status) => status switch
    {
        DeadlineStatus.DoneOnTime => "Done on time",
        DeadlineStatus.DoneLate => "Done late",
        DeadlineStatus.Due => "Due",
        DeadlineStatus.DueSoon => "Due soon",
        _ => "Missed",
    };

    public static string TagColour(this DeadlineStatus status) => status switch
    {
        DeadlineStatus.DoneOnTime => "green",
        DeadlineStatus.DoneLate => "orange",
        DeadlineStatus.Due => "blue",
        DeadlineStatus.DueSoon => "yellow",
        _ => "red",
    };

    public static bool IsOpen(this DeadlineStatus status) => status is DeadlineStatus.Due or DeadlineStatus.DueSoon or DeadlineStatus.Missed;
}
