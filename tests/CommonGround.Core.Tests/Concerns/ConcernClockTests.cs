using CommonGround.Core.Concerns;
using CommonGround.Core.Time;

namespace CommonGround.Core.Tests.Concerns;

public sealed class ConcernClockTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    private static DateTime Uk(string date, string time) => TimeProviderExtensions.FromUkTime(DateOnly.Parse(date), TimeOnly.Parse(time));

    [Theory]
    // A working day before 5pm counts from that day.
    [InlineData("2026-11-23", "10:00", "2026-11-23")]
    [InlineData("2026-11-23", "16:59", "2026-11-23")]
    // From 5pm, and on a day that is not a working day, it counts from the next working day.
    [InlineData("2026-11-23", "17:00", "2026-11-24")]
    [InlineData("2026-11-27", "18:00", "2026-11-30")]
    [InlineData("2026-11-28", "09:00", "2026-11-30")]
    // Christmas Day, then Boxing Day's substitute on Monday 28 December 2026.
    [InlineData("2026-12-24", "17:30", "2026-12-29")]
    [InlineData("2026-12-25", "09:00", "2026-12-29")]
    // Good Friday and Easter Monday 2027.
    [InlineData("2027-03-25", "17:01", "2027-03-30")]
    public void The_clock_starts_on_the_day_of_raising_unless_it_was_after_5pm_or_not_a_working_day(string date, string time, string startsOn) =>
        Assert.Equal(DateOnly.Parse(startsOn), ConcernClock.StartsOn(Uk(date, time), Calendar));

    [Fact]
    public void Five_pm_is_read_in_UK_time_in_summer()
    {
        // 16:30 UTC is 17:30 in British Summer Time.
        var raised = new DateTime(2026, 7, 1, 16, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateOnly(2026, 7, 2), ConcernClock.StartsOn(raised, Calendar));
        Assert.Equal(new DateOnly(2026, 7, 1), ConcernClock.StartsOn(raised.AddMinutes(-31), Calendar));
    }

    [Theory]
    [InlineData("2026-11-23", 2, "2026-11-25")]
    [InlineData("2026-11-23", 1, "2026-11-24")]
    [InlineData("2026-11-23", 10, "2026-12-07")]
    [InlineData("2026-11-26", 2, "2026-11-30")]
    [InlineData("2026-12-24", 2, "2026-12-30")]
    // Thursday 24 December, then 29, 30, 31 December; New Year's Day is not counted; then 4 to 8 and 11 January.
    [InlineData("2026-12-23", 10, "2027-01-11")]
    public void Dates_count_working_days_from_the_day_the_clock_starts(string startsOn, int workingDays, string dueOn) =>
        Assert.Equal(DateOnly.Parse(dueOn), ConcernClock.DueOn(DateOnly.Parse(startsOn), workingDays, Calendar));

    [Theory]
    [InlineData("2026-11-20", null, ClockStatus.Running)]
    [InlineData("2026-11-24", null, ClockStatus.DueSoon)]
    [InlineData("2026-11-25", null, ClockStatus.DueSoon)]
    [InlineData("2026-11-26", null, ClockStatus.Overdue)]
    [InlineData("2026-11-26", "2026-11-25T16:59:00Z", ClockStatus.MetOnTime)]
    [InlineData("2026-11-27", "2026-11-26T08:00:00Z", ClockStatus.MetLate)]
    public void A_clock_is_due_soon_within_one_working_day_and_overdue_the_day_after_its_date(string today, string? metAt, ClockStatus expected)
    {
        var met = metAt is null ? (DateTime?)null : DateTime.Parse(metAt, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(expected, ConcernClock.Status(new DateOnly(2026, 11, 25), met, DateOnly.Parse(today), Calendar));
    }

    [Fact]
    public void A_date_due_on_Monday_is_due_soon_on_the_Friday_before()
    {
        Assert.Equal(ClockStatus.DueSoon, ConcernClock.Status(new DateOnly(2026, 11, 30), null, new DateOnly(2026, 11, 27), Calendar));
        Assert.Equal(ClockStatus.Running, ConcernClock.Status(new DateOnly(2026, 11, 30), null, new DateOnly(2026, 11, 26), Calendar));
    }

    [Fact]
    public void Working_days_overdue_skip_weekends()
    {
        Assert.Equal(1, ConcernClock.WorkingDaysOverdue(new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 30), Calendar));
        Assert.Equal(0, ConcernClock.WorkingDaysOverdue(new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 29), Calendar));
    }
}
