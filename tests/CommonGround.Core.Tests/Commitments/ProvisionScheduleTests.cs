using CommonGround.Core.Commitments;
using CommonGround.Core.Time;

namespace CommonGround.Core.Tests.Commitments;

/// <summary>
/// "Expected to date" for recurring provision. Autumn term 2026 here runs Wednesday 2 September to Friday 23 October,
/// then half term, then Monday 2 November to Friday 18 December. 23 November 2026 is a Monday.
/// </summary>
public sealed class ProvisionScheduleTests
{
    private static readonly TermPeriod[] Autumn =
    [
        new(new DateOnly(2026, 9, 2), new DateOnly(2026, 10, 23)),
        new(new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 18)),
    ];

    private static decimal Expected(string asOf, string start, string? end, decimal quantity, ProvisionPeriod period, bool termTimeOnly = false, TermPeriod[]? terms = null) =>
        ProvisionSchedule.ExpectedBy(DateOnly.Parse(asOf), DateOnly.Parse(start), end is null ? null : DateOnly.Parse(end), quantity, period, termTimeOnly, terms ?? []);

    [Theory]
    // A whole week, Monday to Sunday, owes the full weekly amount.
    [InlineData("2026-11-29", "2026-11-23", 2, 2)]
    // Monday to Wednesday is three of the five weekdays.
    [InlineData("2026-11-25", "2026-11-23", 2, 1.2)]
    // The first day, a Monday, is one fifth.
    [InlineData("2026-11-23", "2026-11-23", 2, 0.4)]
    // A start on Saturday owes nothing until Monday.
    [InlineData("2026-11-29", "2026-11-28", 2, 0)]
    // Starting on a Thursday: Thursday and Friday, then two full weeks.
    [InlineData("2026-12-06", "2026-11-19", 5, 12)]
    public void Weekly_provision_is_shared_across_the_weekdays_so_part_weeks_owe_their_share(string asOf, string start, decimal quantity, decimal expected) =>
        Assert.Equal(expected, Expected(asOf, start, null, quantity, ProvisionPeriod.Week));

    [Theory]
    [InlineData("2026-11-27", "2026-11-23", 2, 10)]
    [InlineData("2026-11-29", "2026-11-23", 2, 10)]
    [InlineData("2026-11-30", "2026-11-23", 2, 12)]
    public void Daily_provision_is_owed_on_each_weekday(string asOf, string start, decimal quantity, decimal expected) =>
        Assert.Equal(expected, Expected(asOf, start, null, quantity, ProvisionPeriod.Day));

    [Fact]
    public void Nothing_is_owed_before_the_start_date() =>
        Assert.Equal(0, Expected("2026-11-20", "2026-11-23", null, 2, ProvisionPeriod.Week));

    [Fact]
    public void Term_time_only_provision_owes_nothing_in_half_term()
    {
        // Monday 19 October to Friday 6 November: one school week before half term, the half term week, one week after.
        Assert.Equal(4, Expected("2026-11-06", "2026-10-19", null, 2, ProvisionPeriod.Week, termTimeOnly: true, Autumn));
        Assert.Equal(6, Expected("2026-11-06", "2026-10-19", null, 2, ProvisionPeriod.Week, termTimeOnly: false, Autumn));
    }

    [Fact]
    public void A_term_that_starts_midweek_owes_only_its_days_in_that_week()
    {
        // Term starts Wednesday 2 September: three days of the first week count.
        Assert.Equal(3, Expected("2026-09-06", "2026-08-31", null, 5, ProvisionPeriod.Week, termTimeOnly: true, Autumn));
        Assert.Equal(3, Expected("2026-09-06", "2026-08-31", null, 1, ProvisionPeriod.Day, termTimeOnly: true, Autumn));
    }

    [Fact]
    public void A_start_in_the_middle_of_a_term_counts_from_the_start_date()
    {
        // Starts Wednesday 11 November: three days, then the week of 16 November.
        Assert.Equal(1.6m, Expected("2026-11-22", "2026-11-11", null, 1, ProvisionPeriod.Week, termTimeOnly: true, Autumn));
    }

    [Fact]
    public void Nothing_is_owed_between_terms_or_after_the_last_term()
    {
        // The Christmas holiday: from Monday 21 December nothing more is owed.
        var byEndOfTerm = Expected("2026-12-18", "2026-11-02", null, 2, ProvisionPeriod.Week, termTimeOnly: true, Autumn);
        Assert.Equal(14, byEndOfTerm);
        Assert.Equal(byEndOfTerm, Expected("2027-01-08", "2026-11-02", null, 2, ProvisionPeriod.Week, termTimeOnly: true, Autumn));
    }

    [Fact]
    public void Terms_entered_twice_or_overlapping_count_each_day_once()
    {
        TermPeriod[] overlapping =
        [
            new(new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 18)),
            new(new DateOnly(2026, 9, 2), new DateOnly(2026, 10, 23)),
            new(new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 18)),
            new(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 27)),
            new(new DateOnly(2026, 10, 19), new DateOnly(2026, 11, 6)),
        ];

        // With the half term filled in by the last term, every weekday from 2 September to 18 December counts.
        Assert.Equal(Expected("2026-12-18", "2026-09-02", null, 1, ProvisionPeriod.Day), Expected("2026-12-31", "2026-09-02", null, 1, ProvisionPeriod.Day, termTimeOnly: true, overlapping));
        Assert.Equal(Expected("2026-12-31", "2026-10-01", null, 3, ProvisionPeriod.Week, termTimeOnly: true, Autumn),
            Expected("2026-12-31", "2026-10-01", null, 3, ProvisionPeriod.Week, termTimeOnly: true, [.. Autumn, .. Autumn]));
    }

    [Fact]
    public void Provision_owed_for_years_is_worked_out_day_by_day_as_the_rule_says()
    {
        // The rule read literally: each working day inside a term counts one fifth of a week.
        var start = new DateOnly(2019, 3, 14);
        var asOf = new DateOnly(2031, 7, 9);
        TermPeriod[] terms = [.. Enumerable.Range(2019, 13).SelectMany(year => new TermPeriod[]
        {
            new(new DateOnly(year, 1, 6), new DateOnly(year, 3, 29)),
            new(new DateOnly(year, 4, 15), new DateOnly(year, 7, 20)),
            new(new DateOnly(year, 9, 3), new DateOnly(year, 12, 19)),
        })];
        var counted = 0;
        for (var day = start; day <= asOf; day = day.AddDays(1))
        {
            counted += WorkingDayCalendar.EnglandAndWales.IsWorkingDay(day) && terms.Any(t => t.Contains(day)) ? 1 : 0;
        }

        Assert.Equal(3m * counted / 5, ProvisionSchedule.ExpectedBy(asOf, start, null, 3, ProvisionPeriod.Week, true, terms));
    }

    [Fact]
    public void A_provider_without_term_dates_counts_every_week_even_for_term_time_provision() =>
        Assert.Equal(6, Expected("2026-11-06", "2026-10-19", null, 2, ProvisionPeriod.Week, termTimeOnly: true, []));

    [Fact]
    public void An_ended_commitment_owes_nothing_after_its_last_day()
    {
        // Ends Wednesday 25 November: three fifths of that week, and nothing after.
        Assert.Equal(1.2m, Expected("2026-11-25", "2026-11-23", "2026-11-25", 2, ProvisionPeriod.Week));
        Assert.Equal(1.2m, Expected("2027-03-01", "2026-11-23", "2026-11-25", 2, ProvisionPeriod.Week));
    }

    [Fact]
    public void An_end_date_before_the_start_owes_nothing() =>
        Assert.Equal(0, Expected("2026-12-01", "2026-11-23", "2026-11-20", 2, ProvisionPeriod.Week));

    [Theory]
    [InlineData("2026-11-25", ProvisionPeriod.Week, "2026-11-22")]
    [InlineData("2026-11-23", ProvisionPeriod.Week, "2026-11-22")]
    [InlineData("2026-11-27", ProvisionPeriod.Week, "2026-11-22")]
    [InlineData("2026-11-28", ProvisionPeriod.Week, "2026-11-28")]
    [InlineData("2026-11-29", ProvisionPeriod.Week, "2026-11-29")]
    [InlineData("2026-11-25", ProvisionPeriod.Day, "2026-11-24")]
    public void Weekly_provision_is_late_once_the_weeks_weekdays_are_over_and_daily_the_next_day(string date, ProvisionPeriod period, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), ProvisionSchedule.LatenessCutOff(DateOnly.Parse(date), period));
}
