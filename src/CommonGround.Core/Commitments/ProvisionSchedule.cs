using CommonGround.Core.Time;

namespace CommonGround.Core.Commitments;

/// <summary>A school or college term: the first and last day children attend.</summary>
public sealed record TermPeriod(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => Start <= date && date <= End;
}

/// <summary>
/// The rule for how much recurring provision should have been given by a date. Provision is given on working days (weekdays that are not bank holidays).
/// Weekly provision is shared evenly across a week's five weekdays, so a part week (the first week, the last week, or a
/// week cut by a term boundary) owes its share for the working days that count. Daily provision is owed on each working day that
/// counts. With term time only, a working day counts only inside one of the provider's terms; a provider that has set no
/// term dates counts every working day. Days before the start, after the end date, or after the commitment ended do not count.
/// </summary>
public static class ProvisionSchedule
{
    private const int WeekdaysInWeek = 5;

    /// <summary>What should have been delivered from <paramref name="start"/> up to and including <paramref name="asOf"/>.</summary>
    public static decimal ExpectedBy(DateOnly asOf, DateOnly start, DateOnly? end, decimal quantityPerPeriod, ProvisionPeriod period, bool termTimeOnly, IReadOnlyList<TermPeriod> terms)
    {
        var last = end is { } endDate && endDate < asOf ? endDate : asOf;
        if (last < start || quantityPerPeriod <= 0)
        {
            return 0;
        }

        var calendar = WorkingDayCalendar.EnglandAndWales;
        var countedDays = !termTimeOnly || terms.Count == 0
            ? calendar.WorkingDaysFromTo(start, last)
            : InTerms(terms, start, last).Sum(t => calendar.WorkingDaysFromTo(t.Start, t.End));

        return period == ProvisionPeriod.Day
            ? quantityPerPeriod * countedDays
            : quantityPerPeriod * countedDays / WeekdaysInWeek;
    }

    /// <summary>The parts of <paramref name="first"/> to <paramref name="last"/> inside a term, each day once however the terms overlap.</summary>
    private static IEnumerable<TermPeriod> InTerms(IReadOnlyList<TermPeriod> terms, DateOnly first, DateOnly last)
    {
        var from = first;
        foreach (var term in terms.Where(t => t.End >= first && t.Start <= last).OrderBy(t => t.Start))
        {
            var start = term.Start > from ? term.Start : from;
            var end = term.End < last ? term.End : last;
            if (start <= end)
            {
                yield return new TermPeriod(start, end);
                from = end.AddDays(1);
            }
        }
    }

    /// <summary>
    /// The last day whose provision is late if it has not been given by <paramref name="date"/>: yesterday for daily
    /// provision; for weekly, last Sunday on a weekday (this week's can still be given) and today at a weekend.
    /// </summary>
    public static DateOnly LatenessCutOff(DateOnly date, ProvisionPeriod period) => period switch
    {
        ProvisionPeriod.Day => date.AddDays(-1),
        _ when date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday => date,
        _ => date.AddDays(-(((int)date.DayOfWeek + 6) % 7) - 1),
    };
}
