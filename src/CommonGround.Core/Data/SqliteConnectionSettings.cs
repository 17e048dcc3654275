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
    // synchronous=NORMAL with the write-ahead log: a saved change survives the app being killed at any moment, and a
    // commit no longer waits for the disk (2.8 ms a commit on FULL, SQLite's default, against 0.03 ms on the
    // benchmark's machine). A power cut may lose the last changes before the log is checkpointed; a service that cannot
    // accept that runs on PostgreSQL.
    private const string Settings = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

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
