using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Jobs;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CommonGround.Core.DataRights;

/// <summary>
/// Keeps the retention schedule: erases each closed record on the day its rule gives (<see cref="RecordErasure"/>), and
/// deletes copies of sent emails after <see cref="RetentionSchedule.SentEmailDays"/> days and the guards against a form
/// sent twice once they have done their work (they hold where the form led, which can name a child's record). A record that cannot be erased
/// is left whole and tried again next run; two app instances never both erase one record (the second finds it recorded).
/// </summary>
public sealed class RetentionJob(CommonGroundDbContext db, RecordErasure erasure, TimeProvider timeProvider, ILogger<RetentionJob> logger) : IJob
{
    /// <summary>At most this many records a run, so one run stays short; the rest wait for the next.</summary>
    public const int RecordsPerRun = 50;

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var today = timeProvider.TodayInUk();
        var due = await db.Children.AsNoTracking().Where(c => c.EraseOn != null && c.EraseOn <= today)
            .OrderBy(c => c.EraseOn).ThenBy(c => c.Id).Select(c => c.Id).Take(RecordsPerRun).ToListAsync(cancellationToken);
        foreach (var childId in due)
        {
            try
            {
                var erased = await erasure.EraseAsync(childId, cancellationToken);
                logger.LogInformation("Erased record {ErasedRecordId} under its retention rule", erased.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "A closed record could not be erased; it is left whole and tried again next run");
            }

            db.ChangeTracker.Clear();
        }

        var sentBefore = timeProvider.UtcNow().AddDays(-RetentionSchedule.SentEmailDays);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var emails = await db.OutboxMessages.Where(m => (m.SentAt != null && m.SentAt < sentBefore) || (m.AbandonedAt != null && m.AbandonedAt < sentBefore))
            .ExecuteDeleteAsync(cancellationToken);
        if (emails > 0)
        {
            db.AuditEvents.Add(AuditEvent.For(Actor.System, timeProvider.UtcNow(), AuditActions.SentEmailsDeleted, "OutboxMessage", null,
                $"Deleted {emails} copies of emails sent more than {RetentionSchedule.SentEmailDays} days ago"));
            await db.SaveChangesAsync(cancellationToken);
        }

        var guardsBefore = timeProvider.UtcNow() - FormSubmission.KeptFor;
        await db.FormSubmissions.Where(f => f.StartedAt < guardsBefore).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
