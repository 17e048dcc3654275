using System.Linq.Expressions;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Jobs;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Commitments;

/// <summary>
/// Keeps each commitment's place on its owner's What I owe page (<see cref="Commitment.OwedOrder"/>), so the page is
/// read in order from an index whatever the owner's caseload. How a commitment stands turns on the date, so a place is
/// kept with the last day it holds: the day a one-off falls due soon or overdue, or recurring provision falls behind.
/// A saved change marks its commitment unsettled; <see cref="KeepAsync"/> places every unsettled commitment again in
/// one statement, at start-up and every minute after. Until then the page works places out (it never trusts one that
/// does not hold), so being late only costs time.
/// </summary>
public static class OwedOrders
{
    /// <summary>The last day a place holds when it no longer holds at all: a change was saved since it was kept.</summary>
    public static readonly DateOnly Unsettled = DateOnly.MinValue;

    /// <summary>After every open commitment: a closed one is never listed, so the page's walk never meets it.</summary>
    private const int Closed = 99;

    /// <summary>
    /// How an open commitment stands on <c>today</c>, as the database can tell (<c>soon</c> is the last day that counts
    /// as due soon): the same answer <see cref="CommitmentProgress.Of"/> gives, with "behind" read from the kept first day behind.
    /// </summary>
    public static readonly Expression<Func<Commitment, DateOnly, DateOnly, OwedFilter>> StandingOn = (c, today, soon) =>
        c.Status == CommitmentStatus.Proposed ? OwedFilter.Proposed
        : c.Kind == CommitmentKind.OneOff ? (c.DueDate < today ? OwedFilter.Overdue : c.DueDate <= soon ? OwedFilter.DueSoon : OwedFilter.OnTrack)
        : c.FirstDayBehind <= today ? OwedFilter.Behind
        : OwedFilter.OnTrack;

    /// <summary>The commitment's place: how it stands (most pressing first), and within that a disputed one first.</summary>
    public static readonly Expression<Func<Commitment, DateOnly, DateOnly, int>> OrderOn = QueryParts.Inline((Commitment c, DateOnly today, DateOnly soon) =>
        c.Status == CommitmentStatus.Completed || c.Status == CommitmentStatus.EndedEarly || c.Status == CommitmentStatus.Withdrawn ? Closed
        : (int)StandingOn.Apply(c, today, soon) * 2 + (c.OpenDisputes > 0 ? 0 : 1));

    /// <summary>The last day <see cref="OrderOn"/> gives the same place as on <c>today</c>, unless the commitment changes.</summary>
    public static readonly Expression<Func<Commitment, DateOnly, DateOnly, DateOnly>> HoldsUntilOn = (c, today, soon) =>
        c.Status != CommitmentStatus.Agreed && c.Status != CommitmentStatus.Active ? DateOnly.MaxValue
        : c.Kind == CommitmentKind.OneOff
            ? (c.DueDate < today ? DateOnly.MaxValue
                : c.DueDate <= soon ? c.DueDate!.Value
                : c.DueDate!.Value.AddDays(-CommitmentProgress.DueSoonDays - 1))
        : c.FirstDayBehind == null || c.FirstDayBehind <= today ? DateOnly.MaxValue
        : c.FirstDayBehind!.Value.AddDays(-1);

    /// <summary>The first and last place of commitments that stand <paramref name="standing"/>.</summary>
    public static (int First, int Last) PlacesOf(OwedFilter standing) => ((int)standing * 2, (int)standing * 2 + 1);

    /// <summary>The places of commitments with a dispute open, however they stand.</summary>
    public static readonly int[] DisputedPlaces = Enum.GetValues<OwedFilter>()
        .Where(f => f is not (OwedFilter.All or OwedFilter.Disputed)).Select(f => PlacesOf(f).First).ToArray();

    /// <summary>How a commitment in <paramref name="place"/> stands, and whether a dispute is open.</summary>
    public static (OwedFilter Standing, bool Disputed) Of(int place) => ((OwedFilter)(place / 2), place % 2 == 0);

    /// <summary>
    /// Places every commitment whose place does not hold on <paramref name="today"/>, in one statement worked out by the
    /// database from each row as it is then, so a change saved meanwhile is either placed or left unsettled, never
    /// overwritten by a place worked out before it.
    /// </summary>
    public static async Task<int> KeepAsync(CommonGroundDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        // Asked first, so a run with nothing to place never waits for the right to write.
        var unsettled = db.Commitments.Where(c => c.OwedOrderHoldsUntil < today);
        if (!await unsettled.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var soon = today.AddDays(CommitmentProgress.DueSoonDays);
        return await unsettled.ExecuteUpdateAsync(u => u
            .SetProperty(c => c.OwedOrder, QueryParts.Inline((Commitment c) => OrderOn.Apply(c, today, soon)))
            .SetProperty(c => c.OwedOrderHoldsUntil, QueryParts.Inline((Commitment c) => HoldsUntilOn.Apply(c, today, soon)))
            .SetProperty(c => c.ChildSortName, c => db.Children.Where(k => k.Id == c.ChildId).Select(Child.ShownNameOf).First()),
            cancellationToken);
    }
}

/// <summary>Places the commitments changed since the last run, and those whose day to move came (see <see cref="OwedOrders"/>).</summary>
public sealed class OwedOrderJob(CommonGroundDbContext db, TimeProvider timeProvider) : IJob
{
    public Task ExecuteAsync(CancellationToken cancellationToken) => OwedOrders.KeepAsync(db, timeProvider.TodayInUk(), cancellationToken);
}
