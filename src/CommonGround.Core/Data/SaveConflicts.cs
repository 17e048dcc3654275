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
        // SQLITE_CONSTRAINT_UNIQUE
        || exception.InnerException is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 };
}
