using CommonGround.Core.Attention;
using CommonGround.Core.Time;

namespace CommonGround.Core.Tests.Attention;

/// <summary>
/// A kept signal holds the date it counts from, and each organisation's thresholds become dates on the day its staff
/// look. These tests hold those dates to the counts of days the thresholds are written in, across weekends, bank
/// holidays and Christmas.
/// </summary>
public sealed class AttentionThresholdsTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    /// <summary>Every day from mid-December to the week after Easter 2027: Christmas, New Year, Good Friday and Easter Monday.</summary>
    public static TheoryData<int, int, int> Settings => new()
    {
        // Working days a record may wait, weeks without contact, working days before a legal date.
        { 1, 2, 1 }, { 10, 6, 10 }, { 3, 4, 5 }, { 60, 26, 20 }, { 19, 13, 7 },
    };

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static AttentionSignal Signal(AttentionSignalKind kind, DateOnly? sinceOn = null, DateOnly? dueOn = null) => new()
    {
        ChildId = Guid.NewGuid(), AreaId = Guid.NewGuid(), Kind = kind, SubjectKey = "", Reason = "", Link = "", Measure = 0, SinceOn = sinceOn, DueOn = dueOn,
        ComputedAt = DateTime.UnixEpoch,
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Each_threshold_as_a_date_shows_exactly_the_signals_its_count_of_days_would(int recordWorkingDays, int noContactWeeks, int statutoryWorkingDays)
    {
        var thresholds = new AttentionThresholds
        {
            OrganisationId = Guid.NewGuid(), RecordAwaitingWorkingDays = recordWorkingDays, NoContactWeeks = noContactWeeks, StatutoryDueWorkingDays = statutoryWorkingDays,
        };
        var checkedDates = 0;
        foreach (var today in Days(new DateOnly(2026, 12, 14), new DateOnly(2027, 4, 9)).Where(d => d.Day % 3 == 0 || d.Month == 12 || d.Month == 1 && d.Day < 8 || d.Month == 3 && d.Day > 24))
        {
            var shows = thresholds.Shows(today).Compile();
            foreach (var date in Days(today.AddDays(-200), today.AddDays(40)))
            {
                if (date <= today)
                {
                    Assert.Equal(Calendar.WorkingDaysBetween(date, today) >= recordWorkingDays, shows(Signal(AttentionSignalKind.RecordAwaitingAgreement, sinceOn: date)));
                    Assert.Equal(today.DayNumber - date.DayNumber >= 7 * noContactWeeks, shows(Signal(AttentionSignalKind.NoContact, sinceOn: date)));
                }
                else
                {
                    Assert.Equal(Calendar.WorkingDaysBetween(today, date) <= statutoryWorkingDays, shows(Signal(AttentionSignalKind.StatutoryDueSoon, dueOn: date)));
                }

                checkedDates++;
            }
        }

        Assert.True(checkedDates > 10_000);
    }
}
