using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommonGround.Core.Data;

/// <summary>
/// Saves that lost a race with another instance: a row changed since it was read, or a row that must exist only once
/// was written first by someone else. Work that can be repeated safely treats these as "already done".
/// </summary>
public static class SaveConflicts
{
    public static bool IsLostRace(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException
        || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY
        || exception.InnerException is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    /// <summary>
    /// Saves the unit of work, or reports that it lost a race with another request (someone changed the same record
    /// since it was read, or wrote a row that may exist only once first). Nothing is written then, and nothing is left
    /// waiting to be written by a later save in the same request. The one way a use case asks "did I get there first?".
    /// </summary>
    public static async Task<bool> TrySaveAsync(this CommonGroundDbContext db, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (IsLostRace(ex))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// Saves a change that sets values (a person's choices, an organisation's settings). If another request created
    /// the same row first (a double click, two tabs), the change is made again over what that request saved, as the
    /// later of two submissions would be: the person sees their choices saved, not an error.
    /// </summary>
    public static async Task SaveSettingsAsync(this CommonGroundDbContext db, Func<Task> makeChange)
    {
        await makeChange();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex) when (IsLostRace(ex))
        {
            db.ChangeTracker.Clear();
            await makeChange();
            await db.SaveChangesAsync();
        }
    }
}
