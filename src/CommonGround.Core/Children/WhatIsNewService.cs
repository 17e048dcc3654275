using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Children;

/// <summary>Changes made by other people since the person last looked, limited to what they may see.</summary>
public sealed record WhatIsNew(DateTime? LastLooked, IReadOnlyList<AuditEvent> Changes, int Total);

public sealed class WhatIsNewService(CommonGroundDbContext db, ChildReadLog readLog, TimeProvider timeProvider)
{
    public const int Shown = 10;

    /// <summary>
    /// Lists what changed since the last visit, and marks this one: the mark is stored with the response's access-log
    /// rows as the page is sent, so viewing the overview adds no write of its own.
    /// </summary>
    public async Task<WhatIsNew> SinceLastVisitAsync(ChildAccess access, Guid userId)
    {
        var childId = access.Child.Id;
        var lastLooked = await db.ChildVisits.Where(v => v.UserAccountId == userId && v.ChildId == childId).Select(v => (DateTime?)v.LastViewedAt).SingleOrDefaultAsync();
        IReadOnlyList<AuditEvent> changes = [];
        var total = 0;
        if (lastLooked is { } since)
        {
            var query = db.AuditEvents.Where(a => a.EntityType == "Child" && a.EntityId == childId && a.OccurredAt > since && a.ActorUserId != userId)
                .VisibleTo(access);

            // Usually fewer than a screenful changed: then the list is the count, and the database is asked once.
            changes = await query.OrderByDescending(a => a.OccurredAt).Take(Shown).ToListAsync();
            total = changes.Count < Shown ? changes.Count : await query.CountAsync();
        }

        readLog.Visited(userId, childId, timeProvider.UtcNow());
        return new WhatIsNew(lastLooked, changes, total);
    }
}
