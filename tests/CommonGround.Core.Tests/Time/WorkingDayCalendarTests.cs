using CommonGround.Core.Time;

namespace CommonGround.Core.Tests.Time;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2008, "2008-03-23")]
    public void Easter_Sunday_follows_the_western_calendar(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), WorkingDayCalendar.EasterSunday(year));

    [Theory]
    [InlineData(2025, "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26")]
    // Christmas on a Friday: Boxing Day (Saturday) moves to Monday 28.
    [InlineData(2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28")]
    // Christmas on a Saturday: substitutes on Monday 27 and Tuesday 28.
    [InlineData(2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-25 2021-12-27 2021-12-28")]
    // New Year's Day on a Saturday, the Platinum Jubilee, the State Funeral, and Christmas on a Sunday (Mon 26, Tue 27).
    [InlineData(2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-25 2022-12-26 2022-12-27")]
    // New Year's Day on a Sunday and the Coronation.
    [InlineData(2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26")]
    // VE Day: early May moved from Monday 4 to Friday 8.
    [InlineData(2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28")]
    public void Bank_holidays_follow_the_rules_substitutes_and_one_offs(int year, string expected) =>
        Assert.Equal(expected.Split(' ').Select(DateOnly.Parse), Calendar.BankHolidays(year).Select(h => h.Date));

    [Theory]
    [InlineData("2026-11-23", true)]   // Monday
    [InlineData("2026-11-28", false)]  // Saturday
    [InlineData("2026-11-29", false)]  // Sunday
    [InlineData("2026-12-25", false)]  // Christmas Day
    [InlineData("2021-12-25", false)]  // Christmas Day on a Saturday is never a working day either
    [InlineData("2026-12-28", false)]  // substitute Boxing Day
    [InlineData("2020-05-04", true)]   // the early May holiday moved away from this Monday
    [InlineData("2020-05-08", false)]
    [InlineData("2022-05-30", true)]   // spring holiday moved to 2 June
    [InlineData("2150-12-25", false)]  // outside the years worked out in advance, still by rule
    [InlineData("2150-12-24", true)]
    public void Working_days_are_weekdays_that_are_not_bank_holidays(string date, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2026-11-20", 3, "2026-11-25")] // from a Friday: the weekend does not count
    [InlineData("2026-12-23", 3, "2026-12-30")] // over Christmas and the substitute Boxing Day
    [InlineData("2026-04-02", 3, "2026-04-09")] // over Good Friday and Easter Monday
    [InlineData("2026-11-28", 1, "2026-11-30")] // from a Saturday
    [InlineData("2026-11-23", 0, "2026-11-23")]
    public void AddWorkingDays_counts_after_the_day_itself(string from, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Calendar.AddWorkingDays(DateOnly.Parse(from), days));

    [Theory]
    [InlineData("2026-11-25", 1, "2026-11-24")] // a Wednesday counts itself
    [InlineData("2026-11-30", 1, "2026-11-29")] // a Monday: the day before is the Sunday, after which Monday counts
    [InlineData("2026-11-28", 1, "2026-11-26")] // a Saturday: only the Friday has passed
    [InlineData("2026-12-30", 3, "2026-12-23")] // back over Christmas and the substitute Boxing Day
    [InlineData("2026-11-23", 0, "2026-11-23")]
    public void LatestDayWorkingDaysBefore_is_the_last_day_with_that_many_working_days_since(string date, int days, string expected)
    {
        var day = Calendar.LatestDayWorkingDaysBefore(DateOnly.Parse(date), days);
        Assert.Equal(DateOnly.Parse(expected), day);
        Assert.True(Calendar.WorkingDaysBetween(day, DateOnly.Parse(date)) >= days);
        Assert.True(Calendar.WorkingDaysBetween(day.AddDays(1), DateOnly.Parse(date)) < days || days == 0);
    }

    [Fact]
    public void WorkingDaysBetween_counts_the_working_days_after_the_first_date_up_to_the_second()
    {
        Assert.Equal(3, Calendar.WorkingDaysBetween(new(2026, 12, 23), new(2026, 12, 30)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(new(2026, 12, 30), new(2026, 12, 23)));
    }

    [Theory]
    // Within the years worked out ahead, across a year end with its holidays, and reaching outside them either side.
    [InlineData("2026-12-20", "2027-01-10")]
    [InlineData("2026-01-01", "2026-12-31")]
    [InlineData("2100-12-01", "2101-01-31")]
    [InlineData("1989-12-01", "1990-01-31")]
    [InlineData("2026-11-23", "2026-11-23")]
    [InlineData("2026-11-28", "2026-11-29")]
    public void Counting_working_days_in_a_range_agrees_with_checking_each_day(string first, string last)
    {
        var from = DateOnly.Parse(first);
        var to = DateOnly.Parse(last);
        var walked = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            walked += Calendar.IsWorkingDay(day) ? 1 : 0;
        }

        Assert.Equal(walked, Calendar.WorkingDaysFromTo(from, to));
        Assert.Equal(0, Calendar.WorkingDaysFromTo(to.AddDays(1), from));
    }

    [Fact]
    public void A_new_one_off_holiday_is_one_line_of_data()
    {
        var calendar = new WorkingDayCalendar([new BankHolidayChange(new(2027, 6, 4), "A new one-off holiday")]);

        Assert.False(calendar.IsWorkingDay(new(2027, 6, 4)));
        Assert.True(WorkingDayCalendar.EnglandAndWales.IsWorkingDay(new(2027, 6, 4)));
        Assert.Equal("A new one-off holiday", calendar.BankHolidayName(new(2027, 6, 4)));
    }

    [Fact]
    public void Moving_a_holiday_frees_the_day_it_was_on()
    {
        var calendar = new WorkingDayCalendar([new BankHolidayChange(new(2027, 5, 7), "Moved early May", InsteadOf: new(2027, 5, 3))]);

        Assert.True(calendar.IsWorkingDay(new(2027, 5, 3)));
        Assert.False(calendar.IsWorkingDay(new(2027, 5, 7)));
    }

    [Fact]
    public void Nearest_working_days_either_side_of_a_holiday_weekend()
    {
        Assert.Equal(new DateOnly(2026, 4, 7), Calendar.OnOrNextWorkingDay(new(2026, 4, 3)));
        Assert.Equal(new DateOnly(2026, 4, 2), Calendar.OnOrPreviousWorkingDay(new(2026, 4, 6)));
        Assert.Equal(new DateOnly(2026, 4, 2), Calendar.OnOrPreviousWorkingDay(new(2026, 4, 2)));
    }
}
