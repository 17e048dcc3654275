using CommonGround.Core.Access;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Statutory;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Attention;

/// <summary>
/// Warns the family and the local authority staff who share a child's statutory process when a legal date comes within
/// 10 working days, and when one is missed. These warnings cannot be turned off. Each is sent to each person once: it
/// carries a key, and the database refuses a second notification with the same key for the same person.
/// </summary>
public sealed class StatutoryWarnings(CommonGroundDbContext db, AccessService access, Notifier notifier, TimeProvider timeProvider)
{
    /// <summary>A missed date is warned of only this soon after it passed, so old history never sends a flood of email.</summary>
    public const int MissedWithinDays = 14;

    public async Task AddAsync(IReadOnlyList<AttentionSignal> signals, CancellationToken cancellationToken)
    {
        var today = timeProvider.TodayInUk();
        var calendar = WorkingDayCalendar.EnglandAndWales;
        var due = signals
            .Where(s => s.Kind == AttentionSignalKind.StatutoryDueSoon && calendar.WorkingDaysBetween(today, s.DueOn!.Value) <= DeadlineStates.DueSoonWorkingDays
                || s.Kind == AttentionSignalKind.StatutoryMissed && today.DayNumber - s.DueOn!.Value.DayNumber <= MissedWithinDays)
            .ToList();
        if (due.Count == 0)
        {
            return;
        }

        var childIds = due.Select(s => s.ChildId).Distinct().ToList();
        var names = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.KnownAs, cancellationToken);
        // Staff who share the process today, in one read; the family's view is the access rule's to decide, per person.
        var staff = (await db.SharingConsents.AsNoTracking().Where(SharingConsent.ActiveOn(today))
                .Where(c => childIds.Contains(c.ChildId) && c.Area == RecordArea.StatutoryProcess)
                .Join(db.TeamMembers.Where(t => t.LeftAt == null && t.Professional!.DeactivatedAt == null), c => c.TeamMemberId, t => t.Id, (c, t) => new { t.ChildId, UserId = t.Professional!.UserAccountId })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.ChildId, p => p.UserId);
        var family = (await db.FamilyMembers.AsNoTracking().Where(f => childIds.Contains(f.ChildId)).Select(f => new { f.ChildId, f.UserAccountId }).ToListAsync(cancellationToken))
            .ToLookup(f => f.ChildId, f => f.UserAccountId);
        var keys = due.Select(Key).Distinct().ToList();
        var sent = (await db.Notifications.AsNoTracking().Where(n => n.OnceKey != null && keys.Contains(n.OnceKey))
            .Select(n => new { n.RecipientUserId, n.OnceKey }).ToListAsync(cancellationToken))
            .Select(n => (n.RecipientUserId, n.OnceKey!)).ToHashSet();
        // Working out who may hear of a date shows nobody anything: the read log counts only the reader's own access.
        var familySees = new Dictionary<(Guid, Guid), bool>();
        foreach (var signal in due)
        {
            var child = names[signal.ChildId];
            var missed = signal.Kind == AttentionSignalKind.StatutoryMissed;
            var date = UkDates.Date(signal.DueOn!.Value);
            var key = Key(signal);
            var recipients = new List<Guid>(staff[signal.ChildId]);
            foreach (var userId in family[signal.ChildId].Where(u => !sent.Contains((u, key))))
            {
                if (!familySees.TryGetValue((signal.ChildId, userId), out var sees))
                {
                    sees = familySees[(signal.ChildId, userId)] = await access.GetAsync(signal.ChildId, userId) is { } theirs && theirs.CanSee(RecordArea.StatutoryProcess);
                }

                if (sees)
                {
                    recipients.Add(userId);
                }
            }

            foreach (var userId in recipients.Distinct().Where(u => sent.Add((u, key))))
            {
                await notifier.NotifyAsync(userId, NotificationKind.StatutoryDeadlines,
                    missed ? $"A legal date for {child} was missed: {signal.Reason}" : $"A legal date for {child} is coming up: {signal.Reason}",
                    missed ? $"A legal date in {child}'s EHC process was missed on {date}" : $"A legal date in {child}'s EHC process is due by {date}",
                    signal.Link, signal.ChildId, mandatory: true, onceKey: key, area: RecordArea.StatutoryProcess);
            }
        }
    }

    private static string Key(AttentionSignal signal) =>
        $"statutory:{signal.SubjectKey}:{(signal.Kind == AttentionSignalKind.StatutoryMissed ? "missed" : "soon")}";
}
