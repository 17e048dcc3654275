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
    private readonly Dictionary<Guid, List<RunningCover>> runningCovers = [];

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
            foreach (var cover in (await RunningCoversAsync(child)).Where(c => c.KeyWorkerUserId == recipientUserId && c.CoverUserId != recipientUserId))
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
    /// The child's cover running today, read once per child for the unit of work, and only the child's: every message,
    /// delivery and concern notifies someone, so this is read for nearly every change. Compiled once, as the rule it
    /// applies is the largest part of the query to look up; read without blocking, as a thread held waiting for the
    /// database is one fewer for the requests behind it.
    /// </summary>
    private async Task<List<RunningCover>> RunningCoversAsync(Guid childId)
    {
        if (!runningCovers.TryGetValue(childId, out var covers))
        {
            covers = [];
            await foreach (var cover in RunningCoversOf.For(db)(db, childId, timeProvider.TodayInUk()))
            {
                covers.Add(cover);
            }

            runningCovers[childId] = covers;
        }

        return covers;
    }

    internal sealed record RunningCover(Guid KeyWorkerUserId, string KeyWorkerName, Guid CoverUserId);

    private static readonly CompiledPerModel<Func<CommonGroundDbContext, Guid, DateOnly, IAsyncEnumerable<RunningCover>>> RunningCoversOf = new(() => EF.CompileAsyncQuery(
        QueryParts.Inline((CommonGroundDbContext db, Guid childId, DateOnly today) => db.Covers
            .Where(c => c.ChildId == childId && CoverService.Runs.Apply(db, c, today))
            .Select(c => new RunningCover(c.KeyWorkerUserId, c.KeyWorkerName, c.CoverUserId)))));
}
