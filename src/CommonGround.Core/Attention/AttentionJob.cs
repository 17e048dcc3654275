using CommonGround.Core.Data;
using CommonGround.Core.Jobs;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Attention;

/// <summary>
/// Works out every child's signals again, area by area, so those that come with time (a date passing, weeks without
/// contact) appear without anyone changing the record. Each area is claimed with a lease, so two instances share the
/// work instead of doing it twice.
/// </summary>
public sealed class AttentionJob(CommonGroundDbContext db, AttentionSignals signals, TimeProvider timeProvider) : IJob
{
    public const int BatchSize = 2000;
    public static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(10);

    private readonly string _owner = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        foreach (var areaId in await db.Areas.Select(a => a.Id).ToListAsync(cancellationToken))
        {
            await RefreshAreaAsync(areaId, cancellationToken);
        }
    }

    /// <summary>Refreshes one area's signals if no other instance is doing it; returns how many rows changed, or null if it was taken.</summary>
    public async Task<int?> RefreshAreaAsync(Guid areaId, CancellationToken cancellationToken = default)
    {
        var lease = $"attention:{areaId}";
        var now = timeProvider.UtcNow();
        if (!await JobLeases.TryClaimAsync(db, lease, _owner, now, now + LeaseLength, cancellationToken))
        {
            return null;
        }

        var changed = 0;
        var childIds = await db.Children.Where(c => c.AreaId == areaId).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var batch in childIds.Chunk(BatchSize))
        {
            db.ChangeTracker.Clear();
            changed += await signals.RefreshAsync(batch, cancellationToken);
        }

        // Signals for children no longer in the area (none are deleted today, but nothing should linger if they were).
        changed += await db.AttentionSignals.Where(s => s.AreaId == areaId && !db.Children.Any(c => c.Id == s.ChildId && c.AreaId == areaId)).ExecuteDeleteAsync(cancellationToken);
        await JobLeases.ReleaseAsync(db, lease, _owner, timeProvider.UtcNow(), cancellationToken);
        db.ChangeTracker.Clear();
        return changed;
    }
}
