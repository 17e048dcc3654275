using CommonGround.Core.Accounts;
using CommonGround.Core.Children;
using CommonGround.Core.Demo;
using CommonGround.Core.Organisations;
using CommonGround.Core.Time;
using CommonGround.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CommonGround.Core.Tests.Demo;

public sealed class DemoDataTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Demo_data_is_added_only_to_an_empty_database()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            Assert.True(await new DemoData(db, new PasswordHasher<UserAccount>(), _time).SeedIfEmptyAsync(TestContext.Current.CancellationToken));
        }

        await using (var db = database.CreateContext())
        {
            Assert.False(await new DemoData(db, new PasswordHasher<UserAccount>(), _time).SeedIfEmptyAsync(TestContext.Current.CancellationToken));
        }

        await using var check = database.CreateContext();
        Assert.Equal(1, await check.Areas.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, await check.Organisations.CountAsync(o => o.Kind == OrganisationKind.School, TestContext.Current.CancellationToken));
        foreach (var kind in new[] { OrganisationKind.LocalAuthority, OrganisationKind.Health, OrganisationKind.SocialCare, OrganisationKind.Transport })
        {
            Assert.True(await check.Organisations.AnyAsync(o => o.Kind == kind, TestContext.Current.CancellationToken), $"No {kind} organisation");
        }

        Assert.True(await check.Children.CountAsync(TestContext.Current.CancellationToken) >= 5);
        var families = await check.FamilyMembers.Where(f => f.Relationship != FamilyRelationship.YoungPerson).Select(f => f.UserAccountId).Distinct().CountAsync(TestContext.Current.CancellationToken);
        Assert.True(families >= 3);
    }

    [Fact]
    public async Task Every_demo_account_exists_with_the_shared_password_and_the_described_role()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var hasher = new PasswordHasher<UserAccount>();
        await new DemoData(db, hasher, _time).SeedIfEmptyAsync(TestContext.Current.CancellationToken);

        foreach (var account in DemoData.Accounts)
        {
            var user = await db.Users.SingleAsync(u => u.Email == account.Email, TestContext.Current.CancellationToken);
            Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(user, user.PasswordHash!, DemoData.Password));
        }

        var parent = await db.Users.SingleAsync(u => u.Email == "parent@example.org", TestContext.Current.CancellationToken);
        Assert.Equal(2, await db.FamilyMembers.CountAsync(f => f.UserAccountId == parent.Id && f.Relationship == FamilyRelationship.ParentCarer, TestContext.Current.CancellationToken));

        var youngPerson = await db.Users.SingleAsync(u => u.Email == "youngperson@example.org", TestContext.Current.CancellationToken);
        var own = await db.FamilyMembers.Include(f => f.Child).SingleAsync(f => f.UserAccountId == youngPerson.Id, TestContext.Current.CancellationToken);
        Assert.Equal(FamilyRelationship.YoungPerson, own.Relationship);
        Assert.Equal(17, own.Child!.AgeOn(_time.TodayInUk()));

        var senco = await db.Professionals.Include(p => p.Organisation).SingleAsync(p => p.UserAccount!.Email == "senco@example.org", TestContext.Current.CancellationToken);
        Assert.Equal(OrganisationKind.School, senco.Organisation!.Kind);
        var orgAdmin = await db.Professionals.SingleAsync(p => p.UserAccount!.Email == "orgadmin@example.org", TestContext.Current.CancellationToken);
        Assert.True(orgAdmin.IsOrganisationAdmin);
        Assert.Equal(senco.OrganisationId, orgAdmin.OrganisationId);
        Assert.Equal(AccountKind.ServiceAdmin, (await db.Users.SingleAsync(u => u.Email == "admin@example.org", TestContext.Current.CancellationToken)).Kind);
    }
}
