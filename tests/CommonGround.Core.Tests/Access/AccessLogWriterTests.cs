using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommonGround.Core.Tests.Access;

public sealed class AccessLogWriterTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Views_sent_at_once_are_each_stored_before_their_response_goes_on_and_a_bad_one_fails_alone()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (area, child) = SamInTestshire();
        await using (var db = database.CreateContext())
        {
            db.AddRange(area, child);
            await db.SaveChangesAsync();
        }

        await WithWriterAsync(database, async writer =>
        {
            // 60 responses at once, one about a child who does not exist (as if erased while the page was sent).
            var missing = Guid.NewGuid();
            var responses = Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
            {
                await writer.WriteAsync([View(i == 30 ? missing : child.Id, $"Page {i}")], null, CancellationToken.None);
                // Once a response's write returns, its row is there to read.
                await using var db = database.CreateContext();
                Assert.True(await db.AccessLog.AnyAsync(a => a.What == $"Page {i}"));
            })).ToList();

            // The database refuses the row: the response that handed it over fails, and no other.
            var failed = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => responses[30]);
            Assert.NotNull(failed);
            await Task.WhenAll(responses.Where((_, i) => i != 30));
        });

        await using (var db = database.CreateContext())
        {
            Assert.Equal(59, await db.AccessLog.CountAsync());
            Assert.False(await db.AccessLog.AnyAsync(a => a.What == "Page 30"));
        }
    }

    [Fact]
    public async Task Visits_to_an_overview_sent_at_once_keep_one_mark_each_at_the_latest_visit()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (area, child) = SamInTestshire();
        UserAccount Person(string email) => new() { UserName = email, Email = email, DisplayName = email, Kind = AccountKind.Professional, CreatedAt = Now };
        var (grace, alex) = (Person("grace@example.org"), Person("alex@example.org"));
        await using (var db = database.CreateContext())
        {
            db.AddRange(area, child, grace, alex);
            db.ChildVisits.Add(new ChildVisit { UserAccountId = grace.Id, ChildId = child.Id, LastViewedAt = Now.AddDays(-3) });
            await db.SaveChangesAsync();
        }

        // Grace's visits come with access-log rows; Alex, in the family, has none, and his first visit is a new mark.
        await WithWriterAsync(database, writer => Task.WhenAll(Enumerable.Range(1, 40).Select(i => Task.Run(() => i % 2 == 0
            ? writer.WriteAsync([View(child.Id, $"Overview {i}")], new ChildVisit { UserAccountId = grace.Id, ChildId = child.Id, LastViewedAt = Now.AddMinutes(i) }, CancellationToken.None)
            : writer.WriteAsync([], new ChildVisit { UserAccountId = alex.Id, ChildId = child.Id, LastViewedAt = Now.AddMinutes(i) }, CancellationToken.None)))));

        await using (var db = database.CreateContext())
        {
            var visits = await db.ChildVisits.OrderBy(v => v.LastViewedAt).Select(v => new { v.UserAccountId, v.LastViewedAt }).ToListAsync();
            Assert.Equal([(alex.Id, Now.AddMinutes(39)), (grace.Id, Now.AddMinutes(40))], visits.Select(v => (v.UserAccountId, v.LastViewedAt)));
            Assert.Equal(20, await db.AccessLog.CountAsync());
        }
    }

    [Fact]
    public async Task Each_view_is_kept_in_its_visit_as_it_is_stored_and_views_from_before_visits_were_kept_are_placed_the_same_way()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var (area, child) = SamInTestshire();
        var other = new Child { AreaId = area.Id, FirstName = "Ellie", LastName = "Morgan", DateOfBirth = new DateOnly(2019, 2, 1), CreatedAt = Now };
        await using (var db = database.CreateContext())
        {
            db.AddRange(area, child, other);
            await db.SaveChangesAsync(cancellationToken);
        }

        AccessLogEntry Seen(string viewer, int minutes, Guid? childId = null) => new()
        {
            ChildId = childId ?? child.Id, ViewerName = viewer, What = $"{viewer} at {minutes}", ViewedAt = Now.AddMinutes(minutes),
        };

        // Grace looks three times, each within ten minutes of the last (14 minutes in all); Alex looks in between her
        // next two looks, which are then two visits; her last is 25 minutes after the one before. Two views come in one
        // write, and another child's views are visits of their own.
        await WithWriterAsync(database, async writer =>
        {
            await writer.WriteAsync([Seen("Grace", 0)], null, cancellationToken);
            await writer.WriteAsync([Seen("Grace", 5), Seen("Grace", 14), Seen("Grace", 15, other.Id)], null, cancellationToken);
            await writer.WriteAsync([Seen("Alex", 16)], null, cancellationToken);
            await writer.WriteAsync([Seen("Grace", 18)], null, cancellationToken);
            await writer.WriteAsync([Seen("Alex", 19)], null, cancellationToken);
            await writer.WriteAsync([Seen("Grace", 20)], null, cancellationToken);
            await writer.WriteAsync([Seen("Grace", 45)], null, cancellationToken);
            // One write following on from both children's stored views, each found in the one look for the latest.
            await writer.WriteAsync([Seen("Grace", 50), Seen("Grace", 24, other.Id)], null, cancellationToken);
        });

        async Task<List<(string What, int BeganAt)>> VisitsAsync()
        {
            await using var db = database.CreateContext();
            var rows = await db.AccessLog.OrderBy(a => a.ViewedAt).Select(a => new { a.What, a.VisitStartedAt }).ToListAsync(cancellationToken);
            return rows.Select(r => (r.What, (int)(r.VisitStartedAt - Now).TotalMinutes)).ToList();
        }

        List<(string, int)> expected =
        [
            ("Grace at 0", 0), ("Grace at 5", 0), ("Grace at 14", 0), ("Grace at 15", 15), ("Alex at 16", 16), ("Grace at 18", 18),
            ("Alex at 19", 19), ("Grace at 20", 20), ("Grace at 24", 15), ("Grace at 45", 45), ("Grace at 50", 45),
        ];
        Assert.Equal(expected, await VisitsAsync());

        var migrations = database.CreateContext().Database.GetMigrations().ToList();
        var kept = migrations.FindIndex(m => m.EndsWith("_VisitsKeptWithEachView", StringComparison.Ordinal));
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(migrations[kept - 1], cancellationToken);
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        Assert.Equal(expected, await VisitsAsync());
    }

    [Fact]
    public async Task A_round_too_big_for_one_command_is_copied_and_its_views_placed_in_visits_the_same_way()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var (area, child) = SamInTestshire();
        var grace = new UserAccount { UserName = "grace@example.org", Email = "grace@example.org", DisplayName = "Grace", Kind = AccountKind.Professional, CreatedAt = Now };
        await using (var db = database.CreateContext())
        {
            db.AddRange(area, child, grace);
            await db.SaveChangesAsync(cancellationToken);
        }

        AccessLogEntry Seen(int minutes) => new() { ChildId = child.Id, ViewerName = "Grace", What = $"At {minutes}", ViewedAt = Now.AddMinutes(minutes) };

        // A view, then a round of more views than one command takes (a minute apart: one visit), then a view that follows on.
        var many = Enumerable.Range(1, BulkInsert.CopyFrom + 100).Select(Seen).ToList();
        await WithWriterAsync(database, async writer =>
        {
            await writer.WriteAsync([Seen(0)], null, cancellationToken);
            await writer.WriteAsync(many, new ChildVisit { UserAccountId = grace.Id, ChildId = child.Id, LastViewedAt = Now.AddMinutes(many.Count) }, cancellationToken);
            await writer.WriteAsync([Seen(many.Count + 5)], null, cancellationToken);
            await writer.WriteAsync([Seen(many.Count + 30)], null, cancellationToken);
        });

        await using (var db = database.CreateContext())
        {
            Assert.Equal(many.Count + 3, await db.AccessLog.CountAsync(cancellationToken));
            var visits = await db.AccessLog.GroupBy(a => a.VisitStartedAt).Select(g => new { Began = g.Key, Views = g.Count() }).OrderBy(v => v.Began).ToListAsync(cancellationToken);
            Assert.Equal([(Now, many.Count + 2), (Now.AddMinutes(many.Count + 30), 1)], visits.Select(v => (v.Began, v.Views)));
            Assert.Equal(Now.AddMinutes(many.Count), (await db.ChildVisits.SingleAsync(cancellationToken)).LastViewedAt);
        }
    }

    private static (Area Area, Child Child) SamInTestshire()
    {
        var area = new Area { Name = "Testshire", Code = "TS", CreatedAt = Now };
        return (area, new Child { AreaId = area.Id, FirstName = "Sam", LastName = "Morgan", DateOfBirth = new DateOnly(2016, 5, 1), CreatedAt = Now });
    }

    /// <summary>Runs <paramref name="use"/> with a writer on the database, then stops the writer, storing what it still holds.</summary>
    private static async Task WithWriterAsync(TestDatabase database, Func<AccessLogWriter, Task> use)
    {
        await using var services = new ServiceCollection()
            .AddDbContext<CommonGroundDbContext>(options => DatabaseSetup.Configure(options, database.Provider, database.ConnectionString))
            .BuildServiceProvider();
        await using var writer = new AccessLogWriter(services.GetRequiredService<IServiceScopeFactory>(), NullLogger<AccessLogWriter>.Instance);
        await use(writer);
    }

    private static AccessLogEntry View(Guid childId, string what) => new()
    {
        ChildId = childId, ViewerName = "Grace Okafor", OrganisationName = "Northvale NHS", What = what, ViewedAt = Now,
    };
}
