using CommonGround.Core.Access;
using CommonGround.Core.Data;
using CommonGround.Core.Jobs;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CommonGround.Core.DataRights;

/// <summary>
/// Puts together the downloads people asked for, one at a time, each claimed with a lease in one UPDATE so two
/// instances never build the same one; a build whose instance died is picked up again when its lease runs out. Then
/// deletes the files of downloads nobody took in time.
/// </summary>
public sealed class RecordExportJob(CommonGroundDbContext db, RecordExportService exports, AccessService access, TimeProvider timeProvider, ILogger<RecordExportJob> logger) : IJob
{
    public static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(10);

    private readonly string _leaseOwner = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        while (await ClaimAsync(cancellationToken) is { } export)
        {
            try
            {
                await exports.BuildAsync(export, access, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Download {ExportId} could not be prepared (attempt {Attempt})", export.Id, export.Attempts + 1);
                db.ChangeTracker.Clear();
                await exports.AttemptFailedAsync(export.Id, cancellationToken);
            }

            db.ChangeTracker.Clear();
        }

        await exports.DeleteExpiredAsync(cancellationToken);
    }

    private async Task<RecordExport?> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.UtcNow();
        var next = await db.RecordExports.AsNoTracking()
            .Where(e => e.Status == RecordExportStatus.Preparing && (e.LeaseExpiresAt == null || e.LeaseExpiresAt < now))
            .OrderBy(e => e.RequestedAt).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (next is not { } id)
        {
            return null;
        }

        var claimed = await db.RecordExports
            .Where(e => e.Id == id && e.Status == RecordExportStatus.Preparing && (e.LeaseExpiresAt == null || e.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseOwner, _leaseOwner).SetProperty(e => e.LeaseExpiresAt, now + LeaseLength), cancellationToken);
        // Another instance took it first: look for the next one.
        return claimed == 1 ? await db.RecordExports.SingleAsync(e => e.Id == id, cancellationToken) : await ClaimAsync(cancellationToken);
    }
}
