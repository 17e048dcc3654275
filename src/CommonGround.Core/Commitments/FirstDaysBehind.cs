using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommonGround.Core.Commitments;

/// <summary>
/// Keeps <see cref="Commitment.FirstDayBehind"/> true. A commitment saved through the unit of work has it worked out
/// before the save, from the values being saved (a delivery recorded since it was read makes that save lose its race).
/// Changes written straight to the database (a delivery's totals, an organisation's terms) work it out again with
/// <see cref="KeepAsync"/>, inside their own transaction, from what the database holds. Either way a commitment that
/// changes has its place on What I owe marked to be worked out again (<see cref="OwedOrders"/>).
/// </summary>
public sealed class FirstDaysBehind : SaveChangesInterceptor
{
    public static FirstDaysBehind Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Saving(eventData.Context) is { Count: > 0 } commitments)
        {
            var terms = TermsQuery((CommonGroundDbContext)eventData.Context!, Recurring(commitments)).ToList();
            Keep(commitments, terms);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Saving(eventData.Context) is { Count: > 0 } commitments)
        {
            var terms = await TermsQuery((CommonGroundDbContext)eventData.Context!, Recurring(commitments)).ToListAsync(cancellationToken);
            Keep(commitments, terms);
        }

        return result;
    }

    /// <summary>Works the first day behind out again for <paramref name="commitments"/> from what the database holds now, writing only those that moved.</summary>
    public static async Task KeepAsync(CommonGroundDbContext db, IQueryable<Commitment> commitments, CancellationToken cancellationToken = default)
    {
        var recurring = await commitments.AsNoTracking().Where(c => c.Kind == CommitmentKind.Recurring).ToListAsync(cancellationToken);
        if (recurring.Count == 0)
        {
            return;
        }

        var terms = await TermsQuery(db, recurring).ToListAsync(cancellationToken);
        var was = recurring.ToDictionary(c => c.Id, c => c.FirstDayBehind);
        Keep(recurring, terms);
        // Written a date at a time, as many commitments share one (every one that has never fallen behind, to begin with).
        foreach (var moved in recurring.Where(c => c.FirstDayBehind != was[c.Id]).GroupBy(c => c.FirstDayBehind))
        {
            foreach (var chunk in moved.Select(c => c.Id).Chunk(500))
            {
                await db.Commitments.Where(c => chunk.Contains(c.Id)).ExecuteUpdateAsync(u => u
                    .SetProperty(c => c.FirstDayBehind, moved.Key)
                    .SetProperty(c => c.OwedOrderHoldsUntil, OwedOrders.Unsettled), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Works the first day behind out for recurring commitments that have none yet: those from before it was kept.
    /// Run at start-up, however the schema was migrated; it finds nothing to do after the first time.
    /// </summary>
    public static Task KeepMissingAsync(CommonGroundDbContext db, CancellationToken cancellationToken = default) =>
        KeepAsync(db, db.Commitments.Where(c => c.Kind == CommitmentKind.Recurring && c.FirstDayBehind == null), cancellationToken);

    private static List<EntityEntry<Commitment>> Saving(DbContext? context) =>
        context is null ? [] : context.ChangeTracker.DetectedFor<Commitment>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();

    private static IEnumerable<Commitment> Recurring(IEnumerable<EntityEntry<Commitment>> saving) =>
        saving.Select(e => e.Entity).Where(c => c.Kind == CommitmentKind.Recurring);

    private static void Keep(IReadOnlyList<EntityEntry<Commitment>> saving, IReadOnlyList<TermDate> terms)
    {
        Keep(Recurring(saving), terms);
        foreach (var entry in saving)
        {
            entry.Entity.UnsettleOwedOrder();
            entry.DetectChanges();
        }
    }

    private static IQueryable<TermDate> TermsQuery(CommonGroundDbContext db, IEnumerable<Commitment> commitments)
    {
        var organisations = commitments.Where(c => c.TermTimeOnly).Select(c => c.OwnerOrganisationId).Distinct().ToList();
        return db.TermDates.AsNoTracking().Where(t => organisations.Contains(t.OrganisationId));
    }

    private static void Keep(IEnumerable<Commitment> commitments, IReadOnlyList<TermDate> terms)
    {
        var byOrganisation = terms.ToLookup(t => t.OrganisationId, t => new TermPeriod(t.StartDate, t.EndDate));
        foreach (var commitment in commitments)
        {
            commitment.KeepFirstDayBehind(commitment.TermTimeOnly ? byOrganisation[commitment.OwnerOrganisationId].ToList() : []);
        }
    }
}
