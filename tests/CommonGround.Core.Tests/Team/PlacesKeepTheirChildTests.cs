using CommonGround.Core.Accounts;
using CommonGround.Core.Data;
using CommonGround.Core.Demo;
using CommonGround.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;

namespace CommonGround.Core.Tests.Team;

public sealed class PlacesKeepTheirChildTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Every_place_keeps_its_childs_names_and_date_of_birth_whether_added_now_or_there_before_they_were_kept()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            // The demonstration adds places with their children in one save, and to children saved before.
            await new DemoData(db, new PasswordHasher<UserAccount>(), _time).SeedIfEmptyAsync(cancellationToken: cancellationToken);
            await AssertEveryPlaceKeepsItsChildAsync(db, cancellationToken);
        }

        var migrations = database.CreateContext().Database.GetMigrations().ToList();
        var kept = migrations.FindIndex(m => m.EndsWith("_ChildrenIWorkWithReadInOrder", StringComparison.Ordinal));
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(migrations[kept - 1], cancellationToken);
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
            await AssertEveryPlaceKeepsItsChildAsync(db, cancellationToken);
        }
    }

    private static async Task AssertEveryPlaceKeepsItsChildAsync(CommonGroundDbContext db, CancellationToken cancellationToken)
    {
        var places = await db.TeamMembers.AsNoTracking()
            .Join(db.Children, t => t.ChildId, c => c.Id, (t, c) => new
            {
                Kept = new { t.ChildLastName, t.ChildFirstName, t.ChildDateOfBirth },
                Child = new { ChildLastName = c.LastName, ChildFirstName = c.FirstName, ChildDateOfBirth = c.DateOfBirth },
            })
            .ToListAsync(cancellationToken);
        Assert.True(places.Count > 3, $"The demonstration has places on several teams, not {places.Count}");
        Assert.All(places, p => Assert.Equal(p.Child, p.Kept));
    }
}
