using CommonGround.Core.Accounts;
using CommonGround.Core.Children;
using CommonGround.Core.Demo;
using CommonGround.Core.Organisations;
using CommonGround.Core.Statutory;
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
            Assert.True(await new DemoData(db, new PasswordHasher<UserAccount>(), _time).SeedIfEmptyAsync(cancellationToken: TestContext.Current.CancellationToken));
        }

        await using (var db = database.CreateContext())
        {
            Assert.False(await new DemoData(db, new PasswordHasher<UserAccount>(), _time).SeedIfEmptyAsync(cancellationToken: TestContext.Current.CancellationToken));
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
        await new DemoData(db, hasher, _time).SeedIfEmptyAsync(cancellationToken: TestContext.Current.CancellationToken);

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

    [Theory]
    [InlineData("2026-11-23")]
    [InlineData("2026-11-25")]
    [InlineData("2026-11-28")]
    [InlineData("2026-11-29")]
    [InlineData("2027-02-26")]
    public async Task The_demo_history_shows_one_date_someone_else_missed_and_a_family_right_that_passed_calmly_on_any_day(string day)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await new DemoData(db, new PasswordHasher<UserAccount>(), time).SeedIfEmptyAsync(cancellationToken: TestContext.Current.CancellationToken);
        var today = time.TodayInUk();
        Assert.All(await db.StatutoryEvents.Select(e => e.OccurredOn).ToListAsync(TestContext.Current.CancellationToken),
            on => Assert.True(on.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{on} is a weekend"));
        var processes = await db.StatutoryProcesses.Include(p => p.Events).ToListAsync(TestContext.Current.CancellationToken);
        var children = await db.Children.ToDictionaryAsync(c => c.Id, c => c.FirstName, TestContext.Current.CancellationToken);
        string States(StatutoryProcess process) => string.Join(", ", process.Progress(today, Timescales.England)
            .Deadlines.Select(d => $"{d.Deadline.Key}{(d.About is null ? "" : $" ({d.About})")} {d.State.Slug()}"));

        var sams = processes.Single(p => children[p.ChildId] == "Samuel");
        Assert.Equal(
            "decision-whether-to-assess met, decision-not-to-issue-plan upcoming, advice-due (Educational psychologist) met, advice-due (Speech and language therapy) missed, latest-draft-plan upcoming, final-plan upcoming",
            States(sams));
        var jordans = processes.Where(p => children[p.ChildId] == "Jordan").ToDictionary(p => p.Kind);
        Assert.Equal(
            "decision-whether-to-assess met, decision-not-to-issue-plan not-applicable, advice-due (Educational psychologist) met, latest-draft-plan met, final-plan met, representations-last-day closed",
            States(jordans[StatutoryProcessKind.NeedsAssessment]));
        Assert.All(jordans[StatutoryProcessKind.AnnualReview].Progress(today, Timescales.England).Deadlines, d => Assert.Equal(DeadlineState.Upcoming, d.State));
    }

    [Fact]
    public async Task Without_history_the_demo_people_have_empty_records()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await new DemoData(db, new PasswordHasher<UserAccount>(), _time).SeedIfEmptyAsync(withHistory: false, TestContext.Current.CancellationToken);

        Assert.Equal(0, await db.StatutoryProcesses.CountAsync(TestContext.Current.CancellationToken));
        Assert.True(await db.Children.AnyAsync(TestContext.Current.CancellationToken));
    }
}
