using CommonGround.Core.Children;
using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommonGround.Core.Team;

/// <summary>
/// Gives each place added to a team its child's names and date of birth (<see cref="TeamMember.ChildLastName"/>), from
/// the child being saved with it or from the database, so every way a place is added keeps them.
/// </summary>
public sealed class PlacesKeepTheirChild : SaveChangesInterceptor
{
    public static PlacesKeepTheirChild Instance { get; } = new();

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

        var added = db.ChangeTracker.DetectedFor<TeamMember>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var children = db.ChangeTracker.DetectedFor<Child>().Select(e => e.Entity)
            .ToDictionary(c => c.Id, c => (c.LastName, c.FirstName, c.DateOfBirth));
        var stored = added.Select(p => p.ChildId).Where(id => !children.ContainsKey(id)).Distinct().ToList();
        if (stored.Count > 0)
        {
            var read = db.Children.AsNoTracking().Where(c => stored.Contains(c.Id)).Select(c => new { c.Id, c.LastName, c.FirstName, c.DateOfBirth });
            foreach (var child in async ? await read.ToListAsync(cancellationToken) : read.ToList())
            {
                children[child.Id] = (child.LastName, child.FirstName, child.DateOfBirth);
            }
        }

        foreach (var place in added)
        {
            // A place for a child that does not exist is refused by the database's foreign key as before.
            if (children.TryGetValue(place.ChildId, out var child))
            {
                place.KeepChild(child.LastName, child.FirstName, child.DateOfBirth);
            }
        }
    }
}
