using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Commitments;

/// <summary>What one delivery record adds to its commitment: the quantity that counts, and an open dispute.</summary>
public readonly record struct DeliveryTally(decimal Delivered, int OpenDisputes)
{
    public static DeliveryTally operator -(DeliveryTally after, DeliveryTally before) =>
        new(after.Delivered - before.Delivered, after.OpenDisputes - before.OpenDisputes);
}

/// <summary>
/// Keeps each commitment's delivered-so-far and open disputes, so a list of commitments reads one row each instead of
/// every delivery record. A change to a delivery record moves its commitment's totals by the difference it made, in
/// the database and in the record's own transaction: two deliveries recorded at the same moment both count, and a
/// change that is not saved moves nothing.
/// </summary>
public static class DeliveryTotals
{
    /// <summary>
    /// Saves the unit of work holding a change to <paramref name="record"/>, which added <paramref name="before"/> to its
    /// commitment until now; false, with nothing written, when the record changed meanwhile.
    /// </summary>
    public static async Task<bool> TrySaveAsync(CommonGroundDbContext db, DeliveryRecord record, DeliveryTally before)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!await db.TrySaveAsync())
        {
            return false;
        }

        var change = record.Tally - before;
        if (change != default)
        {
            await db.Commitments.Where(c => c.Id == record.CommitmentId).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.DeliveredSoFar, c => c.DeliveredSoFar + change.Delivered)
                .SetProperty(c => c.OpenDisputes, c => c.OpenDisputes + change.OpenDisputes)
                .SetProperty(c => c.OwedOrderHoldsUntil, OwedOrders.Unsettled));
            if (change.Delivered != 0)
            {
                await FirstDaysBehind.KeepAsync(db, db.Commitments.Where(c => c.Id == record.CommitmentId));
            }
        }

        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Works the totals out again from the delivery records, for records written all at once (demonstration and measurement data).</summary>
    public static async Task RecountAsync(CommonGroundDbContext db, IQueryable<Commitment> commitments, CancellationToken cancellationToken = default)
    {
        await commitments.ExecuteUpdateAsync(u => u
            .SetProperty(c => c.DeliveredSoFar, c => db.DeliveryRecords.Where(d => d.CommitmentId == c.Id && d.Delivered && d.SetAsideAt == null).Sum(d => d.Quantity))
            .SetProperty(c => c.OpenDisputes, c => db.DeliveryRecords.Count(d => d.CommitmentId == c.Id && d.FamilyResponse == FamilyResponse.Disputed && d.DisputeResolvedAt == null))
            .SetProperty(c => c.OwedOrderHoldsUntil, OwedOrders.Unsettled),
            cancellationToken);
        await FirstDaysBehind.KeepAsync(db, commitments, cancellationToken);
    }
}
