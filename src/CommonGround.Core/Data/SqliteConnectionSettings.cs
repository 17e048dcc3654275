using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommonGround.Core.Data;

/// <summary>
/// Settings each SQLite connection needs when it opens. Without a busy timeout, a write that finds another writer
/// holding the lock is retried only every 150 ms, so waits cluster at 150, 300, 450 ms; with it, SQLite itself retries
/// within a few milliseconds of the lock being freed.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    // A write waits up to 10 s for another to finish, far above any one write, before the request fails.
    // synchronous=FULL (SQLite's own default, said here on purpose): a saved change survives a power cut, not only the
    // app being killed. The write benchmark measures what this costs.
    private const string Settings = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;";

    private SqliteConnectionSettings()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Settings;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Settings;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
