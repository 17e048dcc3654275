using CommonGround.Core.Time;

namespace CommonGround.Core.Commitments;

/// <summary>How a commitment stands today, as families and professionals see it.</summary>
public enum ProgressStatus
{
    /// <summary>Proposed, not yet agreed: nothing is owed yet.</summary>
    NotAgreed,
    /// <summary>Starts, or is due, later than the next two weeks.</summary>
    Upcoming,
    /// <summary>A one-off due within the next two weeks.</summary>
    DueSoon,
    /// <summary>Recurring provision that should have started and has nothing delivered.</summary>
    NotStarted,
    OnTrack,
    /// <summary>Recurring provision with less delivered than was owed by the end of the last full day or week.</summary>
    Behind,
    /// <summary>A one-off past its due date and not done.</summary>
    Overdue,
    Done,
    Ended,
    Withdrawn,
}

/// <summary>
/// Planned against delivered for one commitment on one day. <see cref="Expected"/> and <see cref="Delivered"/> are in the
/// commitment's unit (for a one-off: 1 once due, and 1 once done).
/// </summary>
public sealed record CommitmentProgress(ProgressStatus Status, decimal Expected, decimal Delivered)
{
    public const int DueSoonDays = 14;

    public decimal Shortfall => Math.Max(0, Expected - Delivered);

    public bool NeedsAttention => Status is ProgressStatus.Behind or ProgressStatus.NotStarted or ProgressStatus.Overdue;

    /// <summary>What was delivered as a share of what was owed by the day, in whole percent rounded down; null while nothing is owed.</summary>
    public int? PercentDelivered => Expected > 0 ? (int)Math.Floor(Delivered / Expected * 100) : null;

    public static CommitmentProgress Of(Commitment commitment, decimal delivered, DateOnly today, IReadOnlyList<TermPeriod> terms) =>
        commitment.Kind == CommitmentKind.OneOff ? OfOneOff(commitment, today) : OfRecurring(commitment, delivered, today, terms);

    private static CommitmentProgress OfOneOff(Commitment commitment, DateOnly today)
    {
        var due = commitment.DueDate!.Value;
        var expected = due <= today ? 1 : 0;
        var status = commitment.Status switch
        {
            CommitmentStatus.Proposed => ProgressStatus.NotAgreed,
            CommitmentStatus.Withdrawn => ProgressStatus.Withdrawn,
            CommitmentStatus.EndedEarly => ProgressStatus.Ended,
            CommitmentStatus.Completed => ProgressStatus.Done,
            _ when due < today => ProgressStatus.Overdue,
            _ when due <= today.AddDays(DueSoonDays) => ProgressStatus.DueSoon,
            _ => ProgressStatus.Upcoming,
        };
        return new CommitmentProgress(status, expected, commitment.Status == CommitmentStatus.Completed ? 1 : 0);
    }

    private static CommitmentProgress OfRecurring(Commitment commitment, decimal delivered, DateOnly today, IReadOnlyList<TermPeriod> terms)
    {
        if (commitment.Status is CommitmentStatus.Proposed or CommitmentStatus.Withdrawn)
        {
            return new CommitmentProgress(commitment.Status == CommitmentStatus.Proposed ? ProgressStatus.NotAgreed : ProgressStatus.Withdrawn, 0, delivered);
        }

        var expected = ExpectedBy(commitment, today, terms);
        if (commitment.StartDate!.Value > today)
        {
            return new CommitmentProgress(ProgressStatus.Upcoming, expected, delivered);
        }

        var owedSoFar = OwedSoFar(commitment, today, terms);
        var status = delivered == 0 && owedSoFar > 0 ? ProgressStatus.NotStarted
            : delivered < owedSoFar ? ProgressStatus.Behind
            : ProgressStatus.OnTrack;
        return new CommitmentProgress(status, expected, delivered);
    }

    /// <summary>
    /// The first day recurring provision counts as behind (or not started) with <paramref name="delivered"/> given,
    /// whatever its status; <see cref="DateOnly.MaxValue"/> when that covers everything it will ever owe. What is owed
    /// never shrinks as days pass, so the day is found by halving the span from the start to the last day owed, and a
    /// list can ask "behind today?" as a comparison of dates instead of working out every commitment.
    /// </summary>
    public static DateOnly FirstDayBehind(Commitment commitment, decimal delivered, IReadOnlyList<TermPeriod> terms)
    {
        var first = commitment.StartDate!.Value;
        var last = commitment.LastDayOwed is { } lastOwed ? lastOwed.AddDays(1) : LastDayWorkedOut;
        if (OwedSoFar(commitment, last, terms) <= delivered)
        {
            return DateOnly.MaxValue;
        }

        return DaySearch.FirstDay(first, last.AddDays(-1), day => OwedSoFar(commitment, day, terms) > delivered);
    }

    /// <summary>
    /// For recurring provision, the first day after <paramref name="today"/> on which <see cref="PercentDelivered"/> is
    /// lower than today's with <paramref name="delivered"/> given; null when it never falls (nothing delivered, or nothing
    /// more owed). What is owed never shrinks as days pass, so the share only falls, and the day is found by halving.
    /// </summary>
    public static DateOnly? NextDayPercentFalls(Commitment commitment, decimal delivered, DateOnly today, IReadOnlyList<TermPeriod> terms)
    {
        if (Of(commitment, delivered, today, terms).PercentDelivered is not { } percent || percent == 0)
        {
            return null;
        }

        var last = commitment.LastDayOwed ?? LastDayWorkedOut;
        bool Falls(DateOnly day) => Of(commitment, delivered, day, terms).PercentDelivered < percent;
        return last > today && Falls(last) ? DaySearch.FirstDay(today.AddDays(1), last, Falls) : null;
    }

    /// <summary>Provision with no end date is worked out this far ahead; nobody plans past it.</summary>
    private static readonly DateOnly LastDayWorkedOut = new(2100, 12, 31);

    /// <summary>What should have been given by <paramref name="today"/> for it not to be late: provision for today, or for this week until its weekdays are over, can still be given.</summary>
    private static decimal OwedSoFar(Commitment commitment, DateOnly today, IReadOnlyList<TermPeriod> terms) =>
        commitment.LastDayOwed is { } last && last < today
            ? ExpectedBy(commitment, today, terms)
            : ExpectedBy(commitment, ProvisionSchedule.LatenessCutOff(today, commitment.Period!.Value), terms);

    private static decimal ExpectedBy(Commitment commitment, DateOnly date, IReadOnlyList<TermPeriod> terms) =>
        ProvisionSchedule.ExpectedBy(date, commitment.StartDate!.Value, commitment.LastDayOwed, commitment.QuantityPerPeriod!.Value, commitment.Period!.Value, commitment.TermTimeOnly, terms);
}

public static class ProgressStatusText
{
    public static string ToDisplayName(this ProgressStatus status) => status switch
    {
        ProgressStatus.NotAgreed => "Not agreed yet",
        ProgressStatus.DueSoon => "Due soon",
        ProgressStatus.NotStarted => "Not started",
        ProgressStatus.OnTrack => "On track",
        _ => status.ToString(),
    };

    /// <summary>The GOV.UK tag colour for the status.</summary>
    public static string TagColour(this ProgressStatus status) => status switch
    {
        ProgressStatus.Overdue or ProgressStatus.Behind or ProgressStatus.NotStarted => "red",
        ProgressStatus.DueSoon => "yellow",
        ProgressStatus.OnTrack or ProgressStatus.Done => "green",
        ProgressStatus.NotAgreed or ProgressStatus.Upcoming => "blue",
        _ => "grey",
    };
}
