using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Tests.Data;

/// <summary>The SQLite file the app runs on by default, whatever database the rest of the suite is given.</summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("commonground-sqlite-settings-").FullName;

    [Fact]
    public async Task Every_connection_waits_for_a_busy_database_and_commits_without_waiting_for_the_disk_however_often_the_pool_hands_it_out()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var options = new DbContextOptionsBuilder<CommonGroundDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "settings.db")}");

        async Task<(long BusyTimeout, long Synchronous)> SettingsAsync(CommonGroundDbContext db)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout";
            var busyTimeout = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            command.CommandText = "PRAGMA synchronous";
            return (busyTimeout, (long)(await command.ExecuteScalarAsync(cancellationToken))!);
        }

        // One after another (the pool hands out the same connection), then two at once (a second one is opened).
        for (var i = 0; i < 3; i++)
        {
            await using var db = new CommonGroundDbContext(options.Options);
            Assert.Equal((10_000L, 1L), await SettingsAsync(db));
        }

        await using var first = new CommonGroundDbContext(options.Options);
        await using var second = new CommonGroundDbContext(options.Options);
        Assert.Equal((10_000L, 1L), await SettingsAsync(first));
        Assert.Equal((10_000L, 1L), await SettingsAsync(second));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
