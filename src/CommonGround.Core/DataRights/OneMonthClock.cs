using CommonGround.Core.Time;

namespace CommonGround.Core.DataRights;

/// <summary>
/// One month to answer a request about a person's data (to correct it, or to erase it), as the ICO counts it: from
/// the day the request arrives to the same date next month (the last day of that month when it has no such date),
/// moved to the next working day when that falls on a weekend or bank holiday.
/// </summary>
public static class OneMonthClock
{
    public static DateOnly DueOn(DateTime receivedAtUtc, WorkingDayCalendar calendar) =>
        calendar.OnOrNextWorkingDay(receivedAtUtc.ToUkDate().AddMonths(1));
}
