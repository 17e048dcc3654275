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

    /// <summary>
    /// Creates the database; with <paramref name="migrate"/> it holds every migration, as a copy of a database the
    /// migrations were applied to once for the whole test run (applying them takes most of the time an app needs to start).
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(bool migrate = true) =>
        await CreateNewAsync("test", migrate ? await Template.Value : null);

    /// <summary>A new database, empty or a copy of <paramref name="template"/>: a PostgreSQL database's name or a SQLite file's path.</summary>
    private static async Task<TestDatabase> CreateNewAsync(string kind, string? template)
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(server))
        {
            var name = $"cg_{kind}_{Guid.NewGuid():N}";
            await ExecuteOnServerAsync(server, template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
            return new TestDatabase(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null);
        }

        var file = Path.Combine(Path.GetTempPath(), $"commonground-{kind}-{Guid.NewGuid():N}.db");
        if (template is not null)
        {
            File.Copy(template, file);
        }

        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", file);
    }

    /// <summary>The migrated database of this test run: a PostgreSQL database's name or a SQLite file's path, removed when the run ends.</summary>
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    private static async Task<string> CreateTemplateAsync()
    {
        var template = await CreateNewAsync("template", null);
        await using (var db = template.CreateContext())
        {
            await DatabaseSetup.MigrateAsync(db, NullLogger.Instance);
            if (template._sqliteFile is not null)
            {
                // Everything in the file itself, not partly in its write-ahead log, since only the file is copied.
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            }
        }

        // PostgreSQL copies a database only while nobody is connected to it.
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return template._sqliteFile ?? new NpgsqlConnectionStringBuilder(template.ConnectionString).Database!;
    }

    private static async Task ExecuteOnServerAsync(string server, string statement)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(statement, connection);
        await command.ExecuteNonQueryAsync();
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
            await ExecuteOnServerAsync(builder.ConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }
}
