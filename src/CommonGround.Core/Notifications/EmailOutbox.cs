using CommonGround.Core.Data;
using CommonGround.Core.Time;

namespace CommonGround.Core.Notifications;

/// <summary>Queues an email in the same unit of work as the change it reports; nothing is sent until that change is saved.</summary>
public sealed class EmailOutbox(CommonGroundDbContext db, TimeProvider timeProvider)
{
    public OutboxMessage Enqueue(string toAddress, string toName, string subject, string bodyText)
    {
        var now = timeProvider.UtcNow();
        var message = new OutboxMessage
        {
            ToAddress = toAddress,
            ToName = toName,
            Subject = subject,
            BodyText = bodyText,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}
