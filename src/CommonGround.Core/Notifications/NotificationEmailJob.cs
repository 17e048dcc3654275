using CommonGround.Core.Data;
using CommonGround.Core.Jobs;
using CommonGround.Core.Links;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Notifications;

/// <summary>
/// Turns notifications into email by each person's choices: straight away, in a daily or weekly digest, or not at all,
/// and never in their quiet hours. Work is claimed with a lease in one UPDATE, and the lease owner is checked again when
/// the emails are saved, so however many instances run, each notification is emailed once.
/// </summary>
public sealed class NotificationEmailJob(
    CommonGroundDbContext db,
    EmailOutbox outbox,
    PublicAddress publicAddress,
    TimeProvider timeProvider) : IJob
{
    public const int BatchSize = 200;
    public static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(2);

    private readonly string _leaseOwner = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        while (await RunBatchAsync(cancellationToken) == BatchSize)
        {
        }
    }

    /// <summary>Handles one batch; returns how many notifications it claimed.</summary>
    public async Task<int> RunBatchAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.UtcNow();
        var due = db.Notifications
            .Where(n => n.EmailState == NotificationEmailState.Pending && n.EmailDueAt <= now && (n.LeaseExpiresAt == null || n.LeaseExpiresAt < now))
            .OrderBy(n => n.EmailDueAt)
            .Select(n => n.Id)
            .Take(BatchSize);
        var claimed = await db.Notifications
            .Where(n => due.Contains(n.Id) && n.EmailState == NotificationEmailState.Pending && (n.LeaseExpiresAt == null || n.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LeaseOwner, _leaseOwner).SetProperty(n => n.LeaseExpiresAt, now + LeaseLength), cancellationToken);
        if (claimed == 0)
        {
            return 0;
        }

        var notifications = await db.Notifications.Where(n => n.LeaseOwner == _leaseOwner && n.EmailState == NotificationEmailState.Pending).ToListAsync(cancellationToken);
        var recipientIds = notifications.Select(n => n.RecipientUserId).Distinct().ToList();
        var people = await db.Users.Where(u => recipientIds.Contains(u.Id)).Select(u => new { u.Id, u.Email, u.DisplayName }).ToDictionaryAsync(u => u.Id, cancellationToken);
        var preferences = (await db.NotificationPreferences.Where(p => recipientIds.Contains(p.UserAccountId)).ToListAsync(cancellationToken))
            .ToDictionary(p => (p.UserAccountId, p.Kind), p => p.Frequency);
        var settings = await db.NotificationSettings.Where(s => recipientIds.Contains(s.UserAccountId)).ToDictionaryAsync(s => s.UserAccountId, cancellationToken);

        var toSend = new List<Notification>();
        foreach (var notification in notifications)
        {
            notification.LeaseOwner = null;
            notification.LeaseExpiresAt = null;
            var frequency = preferences.GetValueOrDefault((notification.RecipientUserId, notification.Kind), EmailFrequency.Immediately);
            var sendAt = EmailSchedule.SendAt(notification.CreatedAt, frequency, notification.Mandatory, settings.GetValueOrDefault(notification.RecipientUserId)?.QuietHours);
            if (sendAt is null || !people.TryGetValue(notification.RecipientUserId, out var person) || string.IsNullOrEmpty(person.Email))
            {
                notification.EmailState = NotificationEmailState.NotEmailed;
            }
            else if (sendAt > now)
            {
                notification.EmailDueAt = sendAt.Value;
            }
            else
            {
                toSend.Add(notification);
            }
        }

        foreach (var group in toSend.GroupBy(n => n.RecipientUserId))
        {
            var person = people[group.Key];
            var message = outbox.Enqueue(person.Email!, person.DisplayName, Subject(group.ToList()), Body(person.DisplayName, group.OrderBy(n => n.CreatedAt).ToList()));
            foreach (var notification in group)
            {
                notification.EmailState = NotificationEmailState.Emailed;
                notification.EmailedAt = now;
                notification.OutboxMessageId = message.Id;
            }
        }

        // Losing the race means our lease ran out and another instance took these over; it sends them, we send nothing.
        await db.TrySaveAsync(cancellationToken);

        return claimed;
    }

    private static string Subject(IReadOnlyList<Notification> notifications) =>
        notifications.Count == 1 ? notifications[0].EmailLine : $"{notifications.Count} updates on CommonGround";

    private string Body(string name, IReadOnlyList<Notification> notifications)
    {
        var lines = notifications.Select(n => $"{n.EmailLine}{Environment.NewLine}{publicAddress.For(n.Link)}");
        return $"""
            Hello {name},

            {string.Join(Environment.NewLine + Environment.NewLine, lines)}

            Sign in to see the details. To choose which emails you get, and when, go to {publicAddress.For("/account/notifications")}

            CommonGround
            """;
    }
}
