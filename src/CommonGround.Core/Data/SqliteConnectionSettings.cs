using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
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

    // The settings last as long as the database connection underneath, which the connection pool hands out again and
    // again (a page opens it for each of its queries): they are sent once for each.
    private static readonly object Sent = new();
    private readonly ConditionalWeakTable<object, object> _settled = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Settled(connection))
        {
            return;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = Settings;
            command.ExecuteNonQuery();
        }

        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Settled(connection))
        {
            return;
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Settings;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        Remember(connection);
    }

    private bool Settled(DbConnection connection) => connection is SqliteConnection { Handle: { } handle } && _settled.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _settled.TryAdd(handle, Sent);
        }
    }
}
