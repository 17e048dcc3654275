using CommonGround.Core.Accounts;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Audit;

/// <summary>Records an event that has no other change to travel with, such as a sign-in.</summary>
public sealed class AuditLog(CommonGroundDbContext db, TimeProvider timeProvider)
{
    public async Task RecordAsync(Actor actor, string action, string entityType, Guid? entityId, string? summary = null)
    {
        // Account changes are saved by the account store as they happen; one still pending is one that failed (a sign-in
        // that lost a race with another for the same code). It is not this event's to retry: it would fail again, and the
        // event would be lost with it.
        foreach (var stale in db.ChangeTracker.Entries<UserAccount>().Where(e => e.State == EntityState.Modified).ToList())
        {
            stale.State = EntityState.Detached;
        }

        db.AuditEvents.Add(AuditEvent.For(actor, timeProvider.UtcNow(), action, entityType, entityId, summary));
        await db.SaveChangesAsync();
    }
}
