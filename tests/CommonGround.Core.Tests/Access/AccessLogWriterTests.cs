using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Testing;
using Microsoft.EntityFrameworkCore;
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

            var failed = await Assert.ThrowsAnyAsync<DbUpdateException>(() => responses[30]);
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
