using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Jobs;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Core.Attention;

/// <summary>
/// Keeps every child's signals up to date as time passes, area by area. Signals turn on the date and on the records
/// (see <see cref="AttentionSignals.ComputeAsync"/>). The first run in an area works out every child's; each run after
/// it those whose records changed since the last run (every change writes its audit event in its own transaction, so the
/// audit log says which, and a change whose own refresh failed is put right this way too); and the first run of each
/// day also the groups of rules whose day to be worked out again has come (<see cref="AttentionRecheck"/>), kept by
/// every run for what it worked out. Each area is claimed with a lease, so two instances share the work instead of doing it twice.
/// </summary>
public sealed class AttentionJob(CommonGroundDbContext db, IServiceScopeFactory scopes, TimeProvider timeProvider) : IJob
{
    /// <summary>Children worked out and written together; a smaller number only where a test needs many batches.</summary>
    public int BatchSize { get; init; } = 2000;
    public static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Batches worked on at once, each in its own unit of work: one batch alone leaves the app idle while the database
    /// reads, and the database idle while the app works out signals. Their children differ, so they never meet.
    /// </summary>
    public static int BatchesAtOnce => Math.Clamp(Environment.ProcessorCount, 2, 4);

    private readonly string _owner = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        foreach (var areaId in await db.Areas.Select(a => a.Id).ToListAsync(cancellationToken))
        {
            await RefreshAreaAsync(areaId, cancellationToken);
        }
    }

    /// <summary>Refreshes one area's signals if no other instance is doing it; null if it was taken.</summary>
    public async Task<AttentionRun?> RefreshAreaAsync(Guid areaId, CancellationToken cancellationToken = default)
    {
        var lease = $"attention:{areaId}";
        var now = timeProvider.UtcNow();
        if (!await JobLeases.TryClaimAsync(db, lease, _owner, now, now + LeaseLength, cancellationToken))
        {
            return null;
        }

        var lastRun = await db.JobLeases.Where(l => l.Name == lease).Select(l => l.LastCompletedAt).SingleAsync(cancellationToken);
        var today = timeProvider.TodayInUk();
        var newDay = lastRun is { } last && last.ToUkDate() < today;
        // An area with no days kept at all was last run by a build that kept none (during an upgrade): look at every child once more.
        var everyChild = lastRun is null || (newDay && !await db.AttentionRechecks.AnyAsync(r => r.AreaId == areaId, cancellationToken));
        // Each child's groups of rules to work out: every group for a child whose record changed, and on a new day the
        // groups whose recheck day has come. A run lasts less than its lease, so going back a lease before the last run
        // ended covers what changed while it ran.
        var work = new Dictionary<Guid, AttentionRules>();
        foreach (var childId in everyChild
            ? await db.Children.Where(c => c.AreaId == areaId).Select(c => c.Id).ToListAsync(cancellationToken)
            : await ChangedSinceAsync(areaId, lastRun!.Value - LeaseLength, cancellationToken))
        {
            work[childId] = AttentionRules.All;
        }

        if (newDay)
        {
            var due = await db.AttentionRechecks.Where(r => r.AreaId == areaId && r.RecheckOn <= today).Select(r => new { r.ChildId, r.Rules }).ToListAsync(cancellationToken);
            foreach (var recheck in due)
            {
                work[recheck.ChildId] = work.GetValueOrDefault(recheck.ChildId) | recheck.Rules;
            }

            // A place's summary whose day has come is worked out again from the warnings as they stand, with no rule.
            foreach (var childId in await db.AttentionSummaries.Where(s => s.AreaId == areaId && s.ShownUntil <= today).Select(s => s.ChildId).Distinct().ToListAsync(cancellationToken))
            {
                work[childId] = work.GetValueOrDefault(childId);
            }
        }

        // Children with the same groups to work out go in batches together.
        var batches = work.GroupBy(w => w.Value)
            .SelectMany(same => same.Select(w => w.Key).Order().Chunk(BatchSize).Select(batch => (Rules: same.Key, Children: batch)))
            .ToList();
        var changed = 0;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = BatchesAtOnce, CancellationToken = cancellationToken },
            async (batch, batchCancelled) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                Interlocked.Add(ref changed, await scope.ServiceProvider.GetRequiredService<AttentionSignals>().RefreshAndKeepRechecksAsync(batch.Children, batch.Rules, batchCancelled));
            });

        await JobLeases.ReleaseAsync(db, lease, _owner, timeProvider.UtcNow(), cancellationToken);
        db.ChangeTracker.Clear();
        return new AttentionRun(everyChild, work.Count, changed);
    }

    /// <summary>
    /// Children of the area whose records changed since <paramref name="since"/>, and those owed term-time provision by
    /// an organisation that changed its term dates.
    /// </summary>
    private async Task<List<Guid>> ChangedSinceAsync(Guid areaId, DateTime since, CancellationToken cancellationToken)
    {
        var changedRecords = await db.AuditEvents
            .Where(a => a.EntityType == "Child" && a.AreaId == areaId && a.OccurredAt >= since && db.Children.Any(c => c.Id == a.EntityId && c.AreaId == areaId))
            .Select(a => a.EntityId!.Value).Distinct().ToListAsync(cancellationToken);
        var newTerms = await db.AuditEvents
            .Where(a => a.EntityType == "Organisation" && (a.Action == AuditActions.TermDateAdded || a.Action == AuditActions.TermDateRemoved) && a.OccurredAt >= since)
            .Select(a => a.EntityId!.Value).Distinct().ToListAsync(cancellationToken);
        var countingTerms = newTerms.Count == 0 ? [] : await db.Commitments
            .Where(c => c.AreaId == areaId && c.TermTimeOnly && newTerms.Contains(c.OwnerOrganisationId))
            .Select(c => c.ChildId).Distinct().ToListAsync(cancellationToken);
        return changedRecords.Union(countingTerms).Order().ToList();
    }
}

/// <summary>What one run did: whether it looked at every child in the area (its first run, or the first after an upgrade), how many it looked at, and how many signals changed.</summary>
public sealed record AttentionRun(bool EveryChild, int Children, int SignalsChanged);
