using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Team;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Attention;

/// <summary>
/// Where a child stands on the attention list of one team place, kept so a long list can be read in order a page at a
/// time instead of ranking every warning of every child on it. It was worked out with the place's sharing as it was
/// (<see cref="SharedPartBits"/>) and the thresholds of the professional's organisation (<see cref="ThresholdsKey"/>),
/// and stands until <see cref="ShownUntil"/>: a list uses it only while all three still match, and works out itself any
/// place whose summary does not, so a change of sharing or thresholds needs nothing done to summaries for the list to be right.
/// Every refresh of a child's warnings rewrites the summaries of its places in the refresh's transaction.
/// </summary>
public sealed class AttentionSummary
{
    public required Guid TeamMemberId { get; init; }
    public required Guid ProfessionalId { get; init; }
    public required Guid ChildId { get; init; }
    public required Guid AreaId { get; init; }
    public int SharedPartBits { get; set; }
    public long ThresholdsKey { get; set; }
    /// <summary>
    /// The first day a warning the place may see passes its thresholds with time alone, when the summary must be worked
    /// out again; <see cref="DateOnly.MaxValue"/> when time alone changes nothing.
    /// </summary>
    public DateOnly ShownUntil { get; set; }
    /// <summary>How pressing the child's most pressing warning is (<see cref="AttentionSignalText.Rank"/>).</summary>
    public int Rank { get; set; }
    /// <summary>How many warnings the place may see today; a child with none is not on the list.</summary>
    public int SignalCount { get; set; }
    /// <summary>The date the most pressing warning is due, or <see cref="DateOnly.MaxValue"/> when it has none.</summary>
    public DateOnly FirstDueOn { get; set; }

    public AttentionRankKey RankKey => new(Rank, SignalCount, FirstDueOn);

    /// <summary>
    /// The summary of one place's warnings: those about parts of the record in <paramref name="areas"/> that pass
    /// <paramref name="thresholds"/> on <paramref name="today"/>, and the first later day time alone changes which do.
    /// </summary>
    public static (AttentionRankKey Key, DateOnly ShownUntil) Of(IEnumerable<AttentionSignal> childSignals, IReadOnlySet<RecordArea> areas, bool isLocalAuthority,
        AttentionThresholds thresholds, DateOnly today) =>
        Of(childSignals.Select(s => new CountedSignals(s, 1)), areas, isLocalAuthority, thresholds, today);

    /// <inheritdoc cref="Of(IEnumerable{AttentionSignal}, IReadOnlySet{RecordArea}, bool, AttentionThresholds, DateOnly)"/>
    public static (AttentionRankKey Key, DateOnly ShownUntil) Of(IEnumerable<CountedSignals> childSignals, IReadOnlySet<RecordArea> areas, bool isLocalAuthority,
        AttentionThresholds thresholds, DateOnly today)
    {
        var datesOn = new Dictionary<DateOnly, AttentionThresholds.ShownDates>();
        bool ShowsOn(AttentionSignal signal, DateOnly day)
        {
            if (!datesOn.TryGetValue(day, out var dates))
            {
                datesOn[day] = dates = thresholds.DatesOn(day);
            }

            return AttentionThresholds.ShowsOn(signal, dates);
        }

        var shown = new List<CountedSignals>();
        var until = DateOnly.MaxValue;
        foreach (var counted in childSignals)
        {
            var signal = counted.Signal;
            if (!AttentionRankKey.MaySee(signal.Kind, signal.RecordArea, signal.AboutArea, areas, isLocalAuthority))
            {
                continue;
            }

            if (ShowsOn(signal, today))
            {
                shown.Add(counted);
                continue;
            }

            // Every threshold that turns on the date lets a warning through from some day on and never stops it again,
            // so the first such day is found by halving, up to a day well past the date the warning counts from (a year
            // past any threshold's longest count); a warning not through by then never will be by time alone.
            var (notYet, from) = (today, (signal.SinceOn ?? signal.DueOn ?? today).AddDays(400));
            if (from <= today || !ShowsOn(signal, from))
            {
                continue;
            }

            while (from.DayNumber - notYet.DayNumber > 1)
            {
                var middle = notYet.AddDays((from.DayNumber - notYet.DayNumber) / 2);
                (notYet, from) = ShowsOn(signal, middle) ? (notYet, middle) : (middle, from);
            }

            until = from < until ? from : until;
        }

        return (AttentionRankKey.Of(shown.Select(s => (s.Signal.Kind, s.Signal.DueOn, s.Count))), until);
    }
}

/// <summary>
/// <see cref="Count"/> of a child's warnings alike in everything a summary asks of them (their kind, the parts of the
/// record they are about and, for a kind a threshold turns on, what the threshold compares), which
/// <see cref="Signal"/> stands for, due first on its <see cref="AttentionSignal.DueOn"/>.
/// </summary>
public readonly record struct CountedSignals(AttentionSignal Signal, int Count);

/// <summary>What a child's place on an attention list is ordered by: most pressing warning, then most warnings, then the soonest due.</summary>
public readonly record struct AttentionRankKey(int Rank, int SignalCount, DateOnly FirstDueOn) : IComparable<AttentionRankKey>
{
    public static readonly AttentionRankKey Nothing = new(int.MaxValue, 0, DateOnly.MaxValue);

    public static AttentionRankKey Of(IEnumerable<(AttentionSignalKind Kind, DateOnly? DueOn)> signals) => Of(signals.Select(s => (s.Kind, s.DueOn, 1)));

    /// <summary>The key of warnings given as how many of a kind are due first on a date.</summary>
    public static AttentionRankKey Of(IEnumerable<(AttentionSignalKind Kind, DateOnly? FirstDueOn, int Count)> signals)
    {
        var (first, count) = (Nothing, 0);
        foreach (var (kind, dueOn, howMany) in signals)
        {
            var key = new AttentionRankKey(kind.Rank(), 0, dueOn ?? DateOnly.MaxValue);
            first = count == 0 || key.Rank < first.Rank || key.Rank == first.Rank && key.FirstDueOn < first.FirstDueOn ? key : first;
            count += howMany;
        }

        return count == 0 ? Nothing : first with { SignalCount = count };
    }

    /// <summary>
    /// Whether someone may see a warning from a place sharing <paramref name="areas"/>: both parts it is about shared with
    /// them; and a request to erase the record is for the local authority that holds it to answer, not the rest of the team.
    /// </summary>
    public static bool MaySee(AttentionSignalKind kind, RecordArea? recordArea, RecordArea? aboutArea, IReadOnlySet<RecordArea> areas, bool isLocalAuthority) =>
        (recordArea is not { } area || areas.Contains(area)) && (aboutArea is not { } about || areas.Contains(about))
        && (kind != AttentionSignalKind.ErasureWaiting || isLocalAuthority);

    public int CompareTo(AttentionRankKey other) =>
        Rank != other.Rank ? Rank.CompareTo(other.Rank)
        : SignalCount != other.SignalCount ? other.SignalCount.CompareTo(SignalCount)
        : FirstDueOn.CompareTo(other.FirstDueOn);
}

public sealed class AttentionSummaryConfiguration : IEntityTypeConfiguration<AttentionSummary>
{
    public void Configure(EntityTypeBuilder<AttentionSummary> e)
    {
        e.HasKey(s => s.TeamMemberId);
        e.Ignore(s => s.RankKey);
        e.HasOne<TeamMember>().WithOne().HasForeignKey<AttentionSummary>(s => s.TeamMemberId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Child>().WithMany().HasForeignKey(s => s.ChildId).OnDelete(DeleteBehavior.Restrict);
        // A list walks a person's summaries in its own order and stops at its page.
        e.HasIndex(s => new { s.ProfessionalId, s.Rank, s.SignalCount, s.FirstDueOn, s.ChildId }).IsDescending(false, false, true, false, false);
        e.HasIndex(s => new { s.ChildId });
        // The attention job's first run of a day finds the summaries whose day has come.
        e.HasIndex(s => new { s.AreaId, s.ShownUntil });
    }
}
