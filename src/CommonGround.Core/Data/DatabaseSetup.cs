using System.Data.Common;
using CommonGround.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CommonGround.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "CommonGround.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "CommonGround.Migrations.Postgres";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value) || value.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }

        if (value.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || value.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Postgres;
        }

        throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{value}'.");
    }

    /// <summary>Registers the database: SQLite in <paramref name="dataFolder"/> unless Postgres is configured.</summary>
    public static IServiceCollection AddCommonGroundDatabase(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = configuration.GetConnectionString("CommonGround");
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Database:Provider is Postgres, so ConnectionStrings:CommonGround must be set.");
        }

        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            Directory.CreateDirectory(dataFolder);
            connectionString = $"Data Source={Path.Combine(dataFolder, "commonground.db")}";
        }

        if (provider == DatabaseProvider.Postgres)
        {
            connectionString = WithInstanceSettings(connectionString!, configuration.GetValue("Database:MaxConnections", DefaultMaxConnections));
        }

        // Contexts are kept and handed out again, reset, rather than built afresh for each use: a request uses several
        // (its session, its own work, a form's one-time id, the access log).
        services.AddDbContextPool<CommonGroundDbContext>(options => Configure(options, provider, connectionString!));
        return services;
    }

    /// <summary>
    /// The most connections one instance opens to PostgreSQL unless told otherwise: see <see cref="DefaultMaxConnectionsFor"/>.
    /// </summary>
    public static int DefaultMaxConnections => DefaultMaxConnectionsFor(Environment.ProcessorCount);

    /// <summary>
    /// Twice the processors and one more, at least 5 and at most 30. Statements beyond about twice the processors that
    /// work on them only queue inside the server, where waiting costs it more than waiting in the pool does: on two
    /// processors shared with the server, 32 people changing records cost it 5.0 to 5.2 ms of processor time a change
    /// with 5 connections, 5.9 with 10 and 7.0 to 7.2 with 30, and were answered faster the fewer there were. An
    /// instance knows its own processors, not the server's, and cannot keep more statements going than its own feed.
    /// At most 30 keeps two instances and the server's reserved connections within its default limit of 100. Past the
    /// number, a request waits for a free connection.
    /// </summary>
    public static int DefaultMaxConnectionsFor(int processors) => Math.Clamp(2 * processors + 1, 5, 30);

    /// <summary>
    /// How many of the statements an instance runs most often each connection keeps prepared on the server. Planning a
    /// statement cost PostgreSQL more than running it for most of the app's short queries: with these kept, 32 people
    /// changing records at once were answered about a third faster. Each kept statement holds a little of the
    /// server's memory per connection.
    /// </summary>
    public const int StatementsKeptPrepared = 100;

    /// <summary>
    /// The connection string with the instance's pool size, its statements kept prepared, and connections handed back
    /// to the pool as they are, unless it already names its own for any of them.
    /// </summary>
    /// <remarks>
    /// A pooled connection is otherwise put back to how it began (seven statements: settings, locks held for the
    /// session, listeners, temporary tables) before its next use, and a page uses one a dozen times or more. The app
    /// keeps nothing on a connection between uses (no <c>SET</c>, no session locks, no temporary tables, no
    /// listening); a transaction left open is still rolled back when its connection is handed back.
    /// </remarks>
    public static string WithInstanceSettings(string connectionString, int maxConnections)
    {
        if (maxConnections < 1)
        {
            throw new InvalidOperationException($"Database:MaxConnections must be at least 1, not {maxConnections}.");
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var named = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        if (!named.Overlaps(["maximumpoolsize", "maxpoolsize"]))
        {
            builder.MaxPoolSize = maxConnections;
        }

        if (!named.Overlaps(["maxautoprepare"]))
        {
            builder.MaxAutoPrepare = StatementsKeptPrepared;
        }

        if (!named.Overlaps(["noresetonclose"]))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        _ = provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)).AddInterceptors(SqliteConnectionSettings.Instance),
        };
        // A save that loses a race (a double click, two instances) is expected and handled where it happens; anything
        // unexpected still reaches the error handler, which logs it as an error. So the database's own report is detail.
        // Every context the app makes is configured here (a pooled context may not configure itself): the audit log
        // only grows, each commitment's first day behind and each team place's shared parts and child are kept with every save.
        return options.UseSnakeCaseNamingConvention()
            .AddInterceptors(AuditEventsAppendOnly.Instance, Commitments.FirstDaysBehind.Instance, Team.SharingKept.Instance, Team.PlacesKeepTheirChild.Instance)
            .ConfigureWarnings(w => w.Log(
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (CoreEventId.OptimisticConcurrencyException, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug)));
    }

    /// <summary>Creates the database if needed and applies every migration not yet applied.</summary>
    public static async Task MigrateAsync(CommonGroundDbContext db, ILogger logger, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets pages read while a job writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            // At every start as well as every few hours while the app runs.
            await DatabaseStatisticsJob.RefreshAsync(db, cancellationToken);
        }
    }
}
