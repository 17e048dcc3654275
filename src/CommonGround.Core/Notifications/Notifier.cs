using CommonGround.Core.Access;
using CommonGround.Core.Data;
using CommonGround.Core.Time;

namespace CommonGround.Core.Notifications;

/// <summary>
/// Adds notifications to the same unit of work as the change they report, so a person hears about a change exactly
/// when it is saved. The delivery job emails them later, by each person's choices.
/// </summary>
public sealed class Notifier(CommonGroundDbContext db, TimeProvider timeProvider)
{
    public Notification Notify(Guid recipientUserId, NotificationKind kind, string title, string emailLine, string link,
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
        return notification;
    }
}
