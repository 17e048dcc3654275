using CommonGround.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CommonGround.Testing;

/// <summary>
/// A fresh, empty database built by the real migrations: a SQLite file by default, or a new PostgreSQL
/// database on the server named by COMMONGROUND_TEST_POSTGRES.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "COMMONGROUND_TEST_POSTGRES";

    private readonly string? _sqliteFile;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static bool UsesPostgres => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    /// <summary>Creates the database; with <paramref name="migrate"/> it also applies every migration.</summary>
    public static async Task<TestDatabase> CreateAsync(bool migrate = true)
    {
        TestDatabase database;
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(server))
        {
            var name = $"cg_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
            database = new TestDatabase(DatabaseProvider.Postgres, builder.ConnectionString, null);
        }
        else
        {
            var file = Path.Combine(Path.GetTempPath(), $"commonground-test-{Guid.NewGuid():N}.db");
            database = new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", file);
        }

        if (migrate)
        {
            await using var db = database.CreateContext();
            await DatabaseSetup.MigrateAsync(db, NullLogger.Instance);
        }

        return database;
    }

    public CommonGroundDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<CommonGroundDbContext>();
        DatabaseSetup.Configure(options, Provider, ConnectionString);
        return new CommonGroundDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            var name = builder.Database;
            builder.Database = "postgres";
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
