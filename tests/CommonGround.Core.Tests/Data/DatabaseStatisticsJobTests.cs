using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommonGround.Core.Tests.Data;

/// <summary>SQLite, the database the app runs on by default, whatever database the rest of the suite is given.</summary>
public sealed class DatabaseStatisticsJobTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("commonground-statistics-").FullName;

    [Fact]
    public async Task A_table_that_has_grown_many_times_over_since_its_statistics_were_taken_has_them_taken_again()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var options = new DbContextOptionsBuilder<CommonGroundDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "statistics.db")}");
        await using var db = new CommonGroundDbContext(options.Options);
        await DatabaseSetup.MigrateAsync(db, NullLogger.Instance, cancellationToken);
        Area Area(int i) => new() { Name = $"Area {i}", Code = $"A{i}", CreatedAt = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc) };

        db.Areas.AddRange(Enumerable.Range(0, 3).Select(Area));
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        Assert.Equal(3, await RowsCountedAsync());

        db.Areas.AddRange(Enumerable.Range(3, 3_000).Select(Area));
        await db.SaveChangesAsync(cancellationToken);
        await new DatabaseStatisticsJob(db).ExecuteAsync(cancellationToken);
        Assert.True(await RowsCountedAsync() > 1_000, "The areas' statistics were not taken again");

        async Task<int> RowsCountedAsync()
        {
            var stats = await db.Database.SqlQueryRaw<string>("SELECT stat AS \"Value\" FROM sqlite_stat1 WHERE tbl = 'areas'").ToListAsync(cancellationToken);
            return stats.Max(stat => int.Parse(stat.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
