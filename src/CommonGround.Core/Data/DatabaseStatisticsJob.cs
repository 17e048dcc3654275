using CommonGround.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Data;

/// <summary>
/// Keeps the statistics SQLite plans its queries from up to date. SQLite never gathers them by itself, so a table that
/// has grown many times over since they were taken is read the slow way until they are taken again. (PostgreSQL
/// gathers its own as tables change.)
/// </summary>
public sealed class DatabaseStatisticsJob(CommonGroundDbContext db) : IJob
{
    public Task ExecuteAsync(CancellationToken cancellationToken) => RefreshAsync(db, cancellationToken);

    /// <summary>Takes the statistics again, within a bounded time, of every table that has grown or shrunk a lot since they were taken.</summary>
    public static async Task RefreshAsync(CommonGroundDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
        }
    }
}
