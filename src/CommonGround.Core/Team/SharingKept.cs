using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommonGround.Core.Team;

/// <summary>
/// Keeps each place's shared parts (<see cref="TeamMember.SharedPartBits"/>) true with every save that adds or
/// withdraws a sharing decision, from the decisions being saved and those the database holds. The place's version
/// moves with it, so of two saves changing one place's sharing at once the second loses its race and writes nothing:
/// neither can keep a part the other withdrew. Decisions are only ever written through the unit of work.
/// </summary>
public sealed class SharingKept : SaveChangesInterceptor
{
    public static SharingKept Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        KeepAsync(eventData.Context, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await KeepAsync(eventData.Context, async: true, cancellationToken);
        return result;
    }

    private static async Task KeepAsync(DbContext? context, bool async, CancellationToken cancellationToken)
    {
        if (context is not CommonGroundDbContext db)
        {
            return;
        }

        var decisionsTracked = db.ChangeTracker.DetectedFor<SharingConsent>().Where(e => e.State != EntityState.Deleted).ToList();
        var placeIds = decisionsTracked.Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity.TeamMemberId).ToHashSet();
        if (placeIds.Count == 0)
        {
            return;
        }

        var places = db.ChangeTracker.DetectedFor<TeamMember>().Where(e => placeIds.Contains(e.Entity.Id)).ToDictionary(e => e.Entity.Id);
        // A place not read in this unit of work is read now, before its decisions, so its version is no newer than them.
        var unread = placeIds.Where(id => !places.ContainsKey(id)).ToList();
        if (unread.Count > 0)
        {
            var query = db.TeamMembers.Where(t => unread.Contains(t.Id));
            foreach (var place in async ? await query.ToListAsync(cancellationToken) : query.ToList())
            {
                places[place.Id] = db.Entry(place);
            }

            if (unread.Where(id => !places.ContainsKey(id)).ToList() is { Count: > 0 } missing)
            {
                throw new InvalidOperationException($"Sharing decisions are being saved for team places neither on record nor being added: {string.Join(", ", missing)}.");
            }
        }

        var onRecord = places.Where(p => p.Value.State != EntityState.Added).Select(p => p.Key).ToList();
        var stored = new List<SharingConsent>();
        if (onRecord.Count > 0)
        {
            var query = db.SharingConsents.AsNoTracking().Where(c => onRecord.Contains(c.TeamMemberId) && c.WithdrawnAt == null);
            stored = async ? await query.ToListAsync(cancellationToken) : query.ToList();
        }

        // What this save writes stands over what the database holds.
        var beingSaved = decisionsTracked.Where(e => placeIds.Contains(e.Entity.TeamMemberId)).Select(e => e.Entity).ToList();
        var savedIds = beingSaved.Select(c => c.Id).ToHashSet();
        var decisions = stored.Where(c => !savedIds.Contains(c.Id)).Concat(beingSaved).ToLookup(c => c.TeamMemberId);
        foreach (var (id, entry) in places)
        {
            entry.Entity.KeepSharing(decisions[id]);
            entry.DetectChanges();
        }
    }
}
