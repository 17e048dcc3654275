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

        var start = commitment.StartDate!.Value;
        var end = commitment.LastDayOwed;
        decimal ExpectedBy(DateOnly date) => ProvisionSchedule.ExpectedBy(date, start, end, commitment.QuantityPerPeriod!.Value, commitment.Period!.Value, commitment.TermTimeOnly, terms);

        var expected = ExpectedBy(today);
        if (start > today)
        {
            return new CommitmentProgress(ProgressStatus.Upcoming, expected, delivered);
        }

        // Provision for today, or for this week until its weekdays are over, can still be given.
        var finished = end is { } last && last < today;
        var owedSoFar = finished ? expected : ExpectedBy(ProvisionSchedule.LatenessCutOff(today, commitment.Period!.Value));
        var status = delivered == 0 && owedSoFar > 0 ? ProgressStatus.NotStarted
            : delivered < owedSoFar ? ProgressStatus.Behind
            : ProgressStatus.OnTrack;
        return new CommitmentProgress(status, expected, delivered);
    }
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
