using CommonGround.Core.Accounts;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Demo;
using CommonGround.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CommonGround.Core.Tests.Children;

public sealed class ShownNameTests
{
    [Fact]
    public void A_child_is_shown_by_the_name_they_go_by_then_their_last_name()
    {
        var child = new Child { AreaId = Guid.NewGuid(), FirstName = "Samuel", LastName = "Okafor", DateOfBirth = new DateOnly(2016, 3, 1), CreatedAt = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc) };
        Assert.Equal("Samuel Okafor", child.ShownName);
        child.PreferredName = "Sam";
        Assert.Equal("Sam Okafor", child.ShownName);
    }

    [Fact]
    public async Task The_database_names_every_child_as_the_app_does()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await new DemoData(db, new PasswordHasher<UserAccount>(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)))
            .SeedIfEmptyAsync(cancellationToken: cancellationToken);

        var children = await db.Children.AsNoTracking().ToListAsync(cancellationToken);
        var named = await db.Children.Select(QueryParts.Inline((Child c) => new { c.Id, Name = Child.ShownNameOf.Apply(c) }))
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        // Both ways of being named are in the demonstration: a child with a preferred name and one without.
        Assert.Contains(children, c => c.PreferredName is not null);
        Assert.Contains(children, c => c.PreferredName is null);
        Assert.All(children, c => Assert.Equal(c.ShownName, named[c.Id]));
    }
}
