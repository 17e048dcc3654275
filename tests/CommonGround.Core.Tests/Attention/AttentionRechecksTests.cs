using CommonGround.Core.Attention;
using CommonGround.Core.Statutory;
using CommonGround.Core.Time;

namespace CommonGround.Core.Tests.Attention;

/// <summary>
/// A child's legal-date warnings are worked out again on the day time alone next changes them. These tests walk every
/// day between today and that day, across Christmas, New Year and Easter, and check nothing changed sooner.
/// </summary>
public sealed class AttentionRechecksTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    /// <summary>What a day shows of one legal date: within the window kept, within the window warned of, missed.</summary>
    private static (bool Kept, bool Warned, bool Missed) Shown(DateOnly date, DateOnly day, int keptWithin) =>
        (date <= Calendar.AddWorkingDays(day, keptWithin), Calendar.WorkingDaysBetween(day, date) <= DeadlineStates.DueSoonWorkingDays, day > date);

    [Theory]
    [InlineData(20)]
    [InlineData(12)]
    public void An_upcoming_legal_date_is_looked_at_again_on_the_first_day_what_it_shows_changes(int keptWithin)
    {
        var checkedPairs = 0;
        for (var date = new DateOnly(2026, 12, 1); date <= new DateOnly(2027, 4, 30); date = date.AddDays(1))
        {
            for (var today = date.AddDays(-70); today <= date; today = today.AddDays(1))
            {
                var next = AttentionRechecks.NextChangeOfLegalDate(date, today, keptWithin);
                var shownToday = Shown(date, today, keptWithin);
                Assert.True(next > today, $"{date} on {today}: {next}");
                for (var day = today.AddDays(1); day < next; day = day.AddDays(1))
                {
                    Assert.True(Shown(date, day, keptWithin) == shownToday, $"{date} from {today}: changed on {day}, looked at again on {next}");
                }

                Assert.NotEqual(shownToday, Shown(date, next, keptWithin));
                checkedPairs++;
            }
        }

        Assert.True(checkedPairs > 10_000);
    }
}
