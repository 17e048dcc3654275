using CommonGround.Core.DataRights;
using CommonGround.Core.Time;

namespace CommonGround.Core.Tests;

/// <summary>One month to answer a request to correct words, as the ICO counts it.</summary>
public sealed class OneMonthClockTests
{
    [Theory]
    [InlineData("2026-11-23T10:00:00Z", "2026-12-23")] // the same date next month
    [InlineData("2027-01-31T10:00:00Z", "2027-03-01")] // no 31 February: the last day, 28 February, is a Sunday
    [InlineData("2026-11-25T10:00:00Z", "2026-12-29")] // Christmas Day, then Boxing Day's substitute Monday
    [InlineData("2026-11-30T23:30:00Z", "2026-12-30")] // late in the evening in winter is still that day in the UK
    [InlineData("2027-06-30T23:30:00Z", "2027-08-02")] // in summer it is already 1 July in the UK; 1 August is a Sunday
    public void The_answer_is_due_on_the_same_date_next_month_or_the_next_working_day(string received, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            OneMonthClock.DueOn(DateTime.Parse(received, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), WorkingDayCalendar.EnglandAndWales));
}
