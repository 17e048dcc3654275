using CommonGround.Core.Access;
using CommonGround.Core.Attention;

namespace CommonGround.Core.Tests.Attention;

/// <summary>
/// A place's kept summary is read instead of its child's warnings for as long as it says it stands; these tests hold
/// it to what working the warnings out on each of those days gives.
/// </summary>
public sealed class AttentionSummaryTests
{
    private static readonly Guid Child = Guid.NewGuid();

    private static AttentionSignal Signal(AttentionSignalKind kind, int measure = 0, DateOnly? sinceOn = null, DateOnly? dueOn = null, RecordArea? area = null) => new()
    {
        ChildId = Child, AreaId = Guid.NewGuid(), Kind = kind, SubjectKey = $"{kind}-{measure}-{sinceOn}-{dueOn}", Reason = "", Link = "", Measure = measure,
        SinceOn = sinceOn, DueOn = dueOn, RecordArea = area, ComputedAt = DateTime.UnixEpoch,
    };

    private static readonly DateOnly First = new(2026, 12, 1);

    /// <summary>Warnings of every kind a threshold turns on, some waiting on the date over Christmas and New Year.</summary>
    private static List<AttentionSignal> Signals() =>
    [
        Signal(AttentionSignalKind.ProvisionBehind, measure: 70, area: RecordArea.Health),
        Signal(AttentionSignalKind.ProvisionBehind, measure: 90),
        Signal(AttentionSignalKind.RepeatedConcerns, measure: 3),
        Signal(AttentionSignalKind.RecordAwaitingAgreement, sinceOn: new DateOnly(2026, 12, 18)),
        Signal(AttentionSignalKind.NoContact, sinceOn: new DateOnly(2026, 11, 20)),
        Signal(AttentionSignalKind.NoContact, sinceOn: new DateOnly(2026, 12, 2), area: RecordArea.Health),
        Signal(AttentionSignalKind.StatutoryDueSoon, dueOn: new DateOnly(2027, 1, 15)),
        Signal(AttentionSignalKind.StatutoryDueSoon, dueOn: new DateOnly(2027, 3, 1)),
        Signal(AttentionSignalKind.ConcernOverdue, dueOn: new DateOnly(2026, 11, 30)),
        Signal(AttentionSignalKind.ErasureWaiting),
    ];

    public static TheoryData<int, int, int, int, int, bool> Settings => new()
    {
        // Provision below, working days a record may wait, concerns, weeks without contact, working days before a legal date; a local authority?
        { 80, 10, 3, 6, 10, false },
        { 95, 1, 2, 2, 1, true },
        { 50, 60, 10, 26, 20, false },
        { 75, 5, 4, 3, 15, true },
    };

    private static AttentionThresholds Thresholds(int provision, int recordDays, int concerns, int weeks, int statutoryDays) => new()
    {
        OrganisationId = Guid.NewGuid(), ProvisionBehindPercent = provision, RecordAwaitingWorkingDays = recordDays, RepeatedConcerns = concerns,
        NoContactWeeks = weeks, StatutoryDueWorkingDays = statutoryDays,
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void A_summary_stands_until_the_first_day_the_warnings_shown_would_change(int provision, int recordDays, int concerns, int weeks, int statutoryDays, bool isLocalAuthority)
    {
        var thresholds = Thresholds(provision, recordDays, concerns, weeks, statutoryDays);
        var signals = Signals();
        var areas = new HashSet<RecordArea> { RecordArea.Education };
        var seen = signals.Where(s => s.RecordArea is not { } area || areas.Contains(area)).Where(s => s.Kind != AttentionSignalKind.ErasureWaiting || isLocalAuthority).ToList();
        var shownOn = new Dictionary<DateOnly, List<string>>();
        List<string> ShownOn(DateOnly day)
        {
            if (!shownOn.TryGetValue(day, out var shown))
            {
                var shows = thresholds.Shows(day).Compile();
                shownOn[day] = shown = seen.Where(shows).Select(s => s.SubjectKey).ToList();
            }

            return shown;
        }

        var standing = 0;
        for (var today = First; today < First.AddDays(120); today = today.AddDays(1))
        {
            var (key, until) = AttentionSummary.Of(signals, areas, isLocalAuthority, thresholds, today);
            var shown = ShownOn(today);
            Assert.Equal(AttentionRankKey.Of(seen.Where(s => shown.Contains(s.SubjectKey)).Select(s => (s.Kind, s.DueOn))), key);
            Assert.True(until > today);
            for (var day = today.AddDays(1); day < until && day < First.AddDays(240); day = day.AddDays(1))
            {
                Assert.Equal(shown, ShownOn(day));
                standing++;
            }

            if (until != DateOnly.MaxValue)
            {
                Assert.NotEqual(shown, ShownOn(until));
            }
        }

        Assert.True(standing > 100);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Warnings_counted_together_give_the_summary_they_give_one_by_one(int provision, int recordDays, int concerns, int weeks, int statutoryDays, bool isLocalAuthority)
    {
        var thresholds = Thresholds(provision, recordDays, concerns, weeks, statutoryDays);
        // Many open concerns and commitments of a few kinds, as a busy child has, and the warnings a threshold turns on
        // twice over, so some of those are counted together too.
        List<AttentionSignal> signals =
        [
            .. Signals(), .. Signals(),
            .. Enumerable.Range(0, 30).Select(i => Signal(AttentionSignalKind.ConcernOverdue, measure: i, dueOn: new DateOnly(2026, 11, 1).AddDays(i % 7))),
            .. Enumerable.Range(0, 12).Select(i => Signal(AttentionSignalKind.ConcernToAcknowledge, measure: i, dueOn: new DateOnly(2026, 12, 20).AddDays(-i), area: RecordArea.Health)),
            .. Enumerable.Range(0, 5).Select(i => Signal(AttentionSignalKind.CommitmentOverdue, measure: i, dueOn: i == 0 ? null : new DateOnly(2026, 10, 1).AddDays(i))),
        ];
        var counted = signals
            .GroupBy(s => (s.Kind, s.RecordArea, s.AboutArea, Compared: AttentionThresholds.KindsWithThresholds.Contains(s.Kind) ? (s.Measure, s.SinceOn, s.DueOn) : default))
            .Select(g => new CountedSignals(g.OrderBy(s => s.DueOn ?? DateOnly.MaxValue).First(), g.Count()))
            .ToList();
        Assert.True(counted.Count < signals.Count / 3);
        foreach (var areas in new[] { new HashSet<RecordArea> { RecordArea.Education }, new HashSet<RecordArea> { RecordArea.Education, RecordArea.Health } })
        {
            for (var today = First; today < First.AddDays(120); today = today.AddDays(1))
            {
                Assert.Equal(AttentionSummary.Of(signals, areas, isLocalAuthority, thresholds, today), AttentionSummary.Of(counted, areas, isLocalAuthority, thresholds, today));
            }
        }
    }

    [Fact]
    public void A_warning_of_a_kind_no_threshold_turns_on_is_shown_whatever_the_settings_and_the_day()
    {
        var strictest = new AttentionThresholds
        {
            OrganisationId = Guid.NewGuid(), ProvisionBehindPercent = AttentionThresholds.ProvisionPercentRange.Min,
            RecordAwaitingWorkingDays = AttentionThresholds.RecordWorkingDaysRange.Max, RepeatedConcerns = AttentionThresholds.RepeatedConcernsRange.Max,
            NoContactWeeks = AttentionThresholds.NoContactWeeksRange.Max, StatutoryDueWorkingDays = AttentionThresholds.StatutoryWorkingDaysRange.Min,
        };
        foreach (var kind in Enum.GetValues<AttentionSignalKind>())
        {
            var someNotShown = false;
            foreach (var (measure, since) in new[] { (0, (DateOnly?)null), (100, First), (1, First.AddDays(30)), (99, First.AddDays(-400)) })
            {
                var signal = Signal(kind, measure, sinceOn: since, dueOn: since?.AddDays(200));
                for (var today = First; today < First.AddDays(60); today = today.AddDays(5))
                {
                    someNotShown |= !strictest.ShowsOn(signal, today);
                }
            }

            Assert.True(someNotShown == AttentionThresholds.KindsWithThresholds.Contains(kind), $"{kind}: shown every time {!someNotShown}");
        }
    }

    [Fact]
    public void Shown_in_memory_and_by_the_database_s_condition_agree()
    {
        var thresholds = new AttentionThresholds { OrganisationId = Guid.NewGuid(), ProvisionBehindPercent = 85, RecordAwaitingWorkingDays = 4, NoContactWeeks = 3, StatutoryDueWorkingDays = 7 };
        for (var today = First; today < First.AddDays(60); today = today.AddDays(1))
        {
            var shows = thresholds.Shows(today).Compile();
            foreach (var signal in Signals())
            {
                Assert.Equal(shows(signal), thresholds.ShowsOn(signal, today));
            }
        }
    }

    [Fact]
    public void Each_setting_changes_the_thresholds_key()
    {
        var keys = new[]
        {
            new AttentionThresholds { OrganisationId = Guid.Empty },
            new AttentionThresholds { OrganisationId = Guid.Empty, ProvisionBehindPercent = 81 },
            new AttentionThresholds { OrganisationId = Guid.Empty, RecordAwaitingWorkingDays = 11 },
            new AttentionThresholds { OrganisationId = Guid.Empty, RepeatedConcerns = 4 },
            new AttentionThresholds { OrganisationId = Guid.Empty, NoContactWeeks = 7 },
            new AttentionThresholds { OrganisationId = Guid.Empty, StatutoryDueWorkingDays = 11 },
        }.Select(t => t.Key).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Children_are_ordered_by_their_most_pressing_warning_then_by_how_many_then_by_the_soonest_due()
    {
        var due = new DateOnly(2027, 1, 4);
        var keys = new[]
        {
            AttentionRankKey.Of([(AttentionSignalKind.NoContact, null)]),
            AttentionRankKey.Of([(AttentionSignalKind.StatutoryMissed, due.AddDays(3)), (AttentionSignalKind.NoContact, null)]),
            AttentionRankKey.Of([(AttentionSignalKind.StatutoryMissed, due)]),
            AttentionRankKey.Of([(AttentionSignalKind.StatutoryMissed, due.AddDays(1))]),
            AttentionRankKey.Nothing,
        };
        Assert.Equal([keys[1], keys[2], keys[3], keys[0], keys[4]], keys.Order());
    }
}
