using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Jobs;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CommonGround.Core.DataRights;

/// <summary>
/// Keeps the retention schedule: reminds the family <see cref="RetentionSchedule.ReminderDays"/> days before a closed
/// record is erased, so they can download a copy; erases each closed record on the day its rule gives (<see cref="RecordErasure"/>), and
/// deletes copies of sent emails after <see cref="RetentionSchedule.SentEmailDays"/> days and the guards against a form
/// sent twice once they have done their work (they hold where the form led, which can name a child's record). A record that cannot be erased
/// is left whole and tried again next run; two app instances never both erase one record (the second finds it recorded).
/// </summary>
public sealed class RetentionJob(CommonGroundDbContext db, RecordErasure erasure, Notifications.Notifier notifier, TimeProvider timeProvider, ILogger<RetentionJob> logger) : IJob
{
    /// <summary>At most this many records a run, so one run stays short; the rest wait for the next.</summary>
    public const int RecordsPerRun = 50;

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var today = timeProvider.TodayInUk();
        await RemindAsync(today, cancellationToken);
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

    /// <summary>
    /// Tells each family member, once for each erasure date, that the record will soon be erased and can still be
    /// downloaded. A record closed less than that long before its date was announced with its date when it was closed.
    /// </summary>
    private async Task RemindAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var soon = today.AddDays(RetentionSchedule.ReminderDays);
        var children = (await db.Children.AsNoTracking().Where(c => c.EraseOn != null && c.EraseOn > today && c.EraseOn <= soon)
                .Select(c => new { c.Id, c.PreferredName, c.FirstName, ClosedOn = c.ClosedOn!.Value, EraseOn = c.EraseOn!.Value }).ToListAsync(cancellationToken))
            .Where(c => c.ClosedOn.AddDays(RetentionSchedule.ReminderDays) < c.EraseOn).ToList();
        if (children.Count == 0)
        {
            return;
        }

        var ids = children.Select(c => c.Id).ToList();
        var family = (await db.FamilyMembers.AsNoTracking().Where(f => ids.Contains(f.ChildId)).Select(f => new { f.ChildId, f.UserAccountId }).ToListAsync(cancellationToken))
            .ToLookup(f => f.ChildId, f => f.UserAccountId);
        var keys = children.Select(c => Key(c.Id, c.EraseOn)).ToList();
        var sent = (await db.Notifications.AsNoTracking().Where(n => n.OnceKey != null && keys.Contains(n.OnceKey))
            .Select(n => new { n.RecipientUserId, n.OnceKey }).ToListAsync(cancellationToken)).Select(n => (n.RecipientUserId, n.OnceKey!)).ToHashSet();
        foreach (var child in children)
        {
            var name = child.PreferredName ?? child.FirstName;
            var key = Key(child.Id, child.EraseOn);
            foreach (var userId in family[child.Id].Where(u => sent.Add((u, key))))
            {
                await notifier.NotifyAsync(userId, Notifications.NotificationKind.YourData, $"{name}'s record will be erased on {UkDates.Date(child.EraseOn)}",
                    $"{name}'s closed record will be erased on {UkDates.Date(child.EraseOn)}, as the law allows. If you want a copy, download it from the record before then.",
                    ChildLinks.Download(child.Id), child.Id, mandatory: true, onceKey: key);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static string Key(Guid childId, DateOnly eraseOn) => $"erasure-reminder:{childId}:{eraseOn:yyyy-MM-dd}";
}
