using CommonGround.Core.Commitments;

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
