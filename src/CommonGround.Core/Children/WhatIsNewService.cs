using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Children;

/// <summary>Changes made by other people since the person last looked, limited to what they may see.</summary>
public sealed record WhatIsNew(DateTime? LastLooked, IReadOnlyList<AuditEvent> Changes, int Total);

public sealed class WhatIsNewService(CommonGroundDbContext db, TimeProvider timeProvider)
{
    public const int Shown = 10;

    /// <summary>Lists what changed since the last visit, then marks this visit.</summary>
    public async Task<WhatIsNew> SinceLastVisitAsync(ChildAccess access, Guid userId)
    {
        var childId = access.Child.Id;
        var visit = await db.ChildVisits.SingleOrDefaultAsync(v => v.UserAccountId == userId && v.ChildId == childId);
        var lastLooked = visit?.LastViewedAt;
        IReadOnlyList<AuditEvent> changes = [];
        var total = 0;
        if (lastLooked is { } since)
        {
            var query = db.AuditEvents.Where(a => a.EntityType == "Child" && a.EntityId == childId && a.OccurredAt > since && a.ActorUserId != userId)
                .VisibleTo(access);

            total = await query.CountAsync();
            changes = await query.OrderByDescending(a => a.OccurredAt).Take(Shown).ToListAsync();
        }

        var now = timeProvider.UtcNow();
        if (visit is null)
        {
            db.ChildVisits.Add(new ChildVisit { UserAccountId = userId, ChildId = childId, LastViewedAt = now });
        }
        else
        {
            visit.LastViewedAt = now;
        }

        await db.SaveChangesAsync();
        return new WhatIsNew(lastLooked, changes, total);
    }
}
