using CommonGround.Core.Data;
using CommonGround.Core.Time;

namespace CommonGround.Core.Audit;

/// <summary>Records an event that has no other change to travel with, such as a sign-in.</summary>
public sealed class AuditLog(CommonGroundDbContext db, TimeProvider timeProvider)
{
    public async Task RecordAsync(Actor actor, string action, string entityType, Guid? entityId, string? summary = null)
    {
        db.AuditEvents.Add(AuditEvent.For(actor, timeProvider.UtcNow(), action, entityType, entityId, summary));
        await db.SaveChangesAsync();
    }
}
