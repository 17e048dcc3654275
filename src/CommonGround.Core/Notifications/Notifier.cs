using CommonGround.Core.Access;
using CommonGround.Core.Data;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Notifications;

/// <summary>
/// Adds notifications to the same unit of work as the change they report, so a person hears about a change exactly
/// when it is saved. The delivery job emails them later, by each person's choices. While someone covers for a child's
/// key worker, what the key worker is told about that child reaches the cover as well.
/// </summary>
public sealed class Notifier(CommonGroundDbContext db, TimeProvider timeProvider)
{
    private List<(Guid ChildId, Guid KeyWorkerUserId, string KeyWorkerName, Guid CoverUserId)>? runningCovers;

    public async Task<Notification> NotifyAsync(Guid recipientUserId, NotificationKind kind, string title, string emailLine, string link,
        Guid? childId = null, bool mandatory = false, string? onceKey = null, RecordArea? area = null, RecordArea? about = null)
    {
        var now = timeProvider.UtcNow();
        var notification = new Notification
        {
            RecipientUserId = recipientUserId,
            ChildId = childId,
            Area = area,
            AboutArea = about,
            Kind = kind,
            Title = title.ShortenTo(Notification.MaxTextLength),
            EmailLine = emailLine.ShortenTo(Notification.MaxTextLength),
            Link = link,
            Mandatory = mandatory,
            OnceKey = onceKey,
            CreatedAt = now,
            EmailDueAt = now,
        };
        db.Notifications.Add(notification);
        if (childId is { } child && onceKey is null)
        {
            foreach (var cover in (await RunningCoversAsync()).Where(c => c.ChildId == child && c.KeyWorkerUserId == recipientUserId && c.CoverUserId != recipientUserId))
            {
                db.Notifications.Add(new Notification
                {
                    RecipientUserId = cover.CoverUserId, ChildId = childId, Area = area, AboutArea = about, Kind = kind,
                    Title = $"Covering for {cover.KeyWorkerName}: {title}".ShortenTo(Notification.MaxTextLength),
                    EmailLine = $"Covering for {cover.KeyWorkerName}: {emailLine}".ShortenTo(Notification.MaxTextLength),
                    Link = link, Mandatory = mandatory, CreatedAt = now, EmailDueAt = now,
                });
            }
        }

        return notification;
    }

    /// <summary>
    /// Cover running today, read once for the unit of work: there are few at any time. Read without blocking: every
    /// message, delivery and concern notifies someone, and a thread held waiting for the database is one fewer for
    /// the requests behind it.
    /// </summary>
    private async Task<List<(Guid ChildId, Guid KeyWorkerUserId, string KeyWorkerName, Guid CoverUserId)>> RunningCoversAsync()
    {
        var today = timeProvider.TodayInUk();
        return runningCovers ??= (await CoverService.StandingCovers(db, today).Where(c => c.From <= today)
                .Select(c => new { c.ChildId, c.KeyWorkerUserId, c.KeyWorkerName, c.CoverUserId }).ToListAsync())
            .Select(c => (c.ChildId, c.KeyWorkerUserId, c.KeyWorkerName, c.CoverUserId)).ToList();
    }
}
