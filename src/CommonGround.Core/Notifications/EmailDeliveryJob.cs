using CommonGround.Core.Data;
using CommonGround.Core.Jobs;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CommonGround.Core.Notifications;

/// <summary>
/// Sends queued email. A batch is first claimed with a short lease in one UPDATE, so two instances
/// never pick up the same message; a message whose sender crashed is picked up again when its lease runs out.
/// </summary>
public sealed class EmailDeliveryJob(
    CommonGroundDbContext db,
    IEmailTransport transport,
    TimeProvider timeProvider,
    ILogger<EmailDeliveryJob> logger) : IJob
{
    public const int BatchSize = 20;
    public static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(2);

    private readonly string _leaseOwner = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.UtcNow();
        var leaseExpires = now + LeaseLength;
        var due = db.OutboxMessages
            .Where(m => m.SentAt == null && m.AbandonedAt == null && m.NextAttemptAt <= now
                && (m.LeaseExpiresAt == null || m.LeaseExpiresAt < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(BatchSize);
        var claimed = await db.OutboxMessages
            .Where(m => due.Contains(m.Id) && (m.LeaseExpiresAt == null || m.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, _leaseOwner).SetProperty(m => m.LeaseExpiresAt, leaseExpires), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var messages = await db.OutboxMessages.Where(m => m.LeaseOwner == _leaseOwner && m.SentAt == null).ToListAsync(cancellationToken);
        foreach (var message in messages)
        {
            try
            {
                await transport.SendAsync(message, cancellationToken);
                message.MarkSent(timeProvider.UtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Email {MessageId} could not be sent (attempt {Attempt})", message.Id, message.Attempts + 1);
                message.MarkFailed(ex.Message, timeProvider.UtcNow());
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
