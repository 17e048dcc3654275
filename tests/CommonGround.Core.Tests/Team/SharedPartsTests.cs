using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Data;
using CommonGround.Core.Demo;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using CommonGround.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;

namespace CommonGround.Core.Tests.Team;

/// <summary>
/// The parts kept on each place must say what its decisions say, for every place, part and day: a list that asks the
/// place shows a child's part exactly when a check of the decisions would.
/// </summary>
public sealed class SharedPartsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Today and the days after it on which decisions made in <see cref="ChangeSharingAsync"/> start and end: the rule is
    /// asked about the day a request is served, never a day before the decisions it reads were made.
    /// </summary>
    private static readonly int[] Days = [0, 1, 2, 3, 4, 5, 6, 30, 31, 400];

    [Fact]
    public async Task Each_place_says_what_its_decisions_say_after_sharing_is_given_withdrawn_and_dated()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await SeededAsync(cancellationToken);
        await ChangeSharingAsync(database, cancellationToken);

        await using var db = database.CreateContext();
        await AssertPlacesAgreeWithDecisionsAsync(db, cancellationToken);
    }

    [Fact]
    public async Task A_database_from_before_parts_were_kept_has_them_worked_out_from_its_decisions()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await SeededAsync(cancellationToken);
        await ChangeSharingAsync(database, cancellationToken);
        var migrations = database.CreateContext().Database.GetMigrations().ToList();
        var kept = migrations.FindIndex(m => m.EndsWith("_SharedPartsKeptOnPlaces", StringComparison.Ordinal));
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(migrations[kept - 1], cancellationToken);
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await using var check = database.CreateContext();
        Assert.True(await check.TeamMembers.AnyAsync(t => t.SharesWithDates, cancellationToken));
        Assert.True(await check.TeamMembers.AnyAsync(t => t.SharedPartBits != 0, cancellationToken));
        await AssertPlacesAgreeWithDecisionsAsync(check, cancellationToken);
    }

    [Fact]
    public async Task Of_two_changes_to_one_places_sharing_at_the_same_time_the_second_is_refused_and_nothing_of_it_is_written()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await SeededAsync(cancellationToken);
        var now = _time.GetUtcNow().UtcDateTime;
        var today = _time.TodayInUk();
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        // Both read the place and its decisions, as the sharing page's change does, before either saves.
        var place = await first.TeamMembers.Include(t => t.Consents).FirstAsync(t => t.LeftAt == null && t.Consents.Any(c => c.WithdrawnAt == null && c.Area == RecordArea.Health), cancellationToken);
        var same = await second.TeamMembers.Include(t => t.Consents).SingleAsync(t => t.Id == place.Id, cancellationToken);

        place.Consents.Single(c => c.WithdrawnAt == null && c.Area == RecordArea.Health).Withdraw(Guid.Empty, now);
        await first.SaveChangesAsync(cancellationToken);
        second.SharingConsents.Add(new SharingConsent { TeamMemberId = same.Id, ChildId = same.ChildId, Area = RecordArea.Transport, From = today, GrantedByUserId = Guid.Empty, GrantedAt = now });
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(cancellationToken));

        await using var check = database.CreateContext();
        Assert.False(await check.SharingConsents.AnyAsync(c => c.TeamMemberId == place.Id && c.Area == RecordArea.Transport && c.WithdrawnAt == null, cancellationToken));
        var bits = await check.TeamMembers.Where(t => t.Id == place.Id).Select(t => t.SharedPartBits).SingleAsync(cancellationToken);
        Assert.DoesNotContain(RecordArea.Health, SharedParts.In(bits));
        await AssertPlacesAgreeWithDecisionsAsync(check, cancellationToken);
    }

    private async Task<TestDatabase> SeededAsync(CancellationToken cancellationToken)
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await new DemoData(db, new PasswordHasher<UserAccount>(), _time).SeedIfEmptyAsync(cancellationToken: cancellationToken);
        return database;
    }

    /// <summary>
    /// Sharing changed in every way the product changes it, each in a save of its own: a part withdrawn, a place left,
    /// parts given from a later day and until a day, a part given from an earlier day, a decision for a place the save
    /// did not read, and a new place with its decisions in one save.
    /// </summary>
    private async Task ChangeSharingAsync(TestDatabase database, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var today = _time.TodayInUk();
        List<Guid> placeIds;
        await using (var db = database.CreateContext())
        {
            placeIds = await db.TeamMembers.Where(t => t.LeftAt == null && t.Consents.Count(c => c.WithdrawnAt == null) >= 2).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);
        }

        Assert.True(placeIds.Count >= 6, "the demo data has places enough to change");
        SharingConsent Decision(Guid placeId, Guid childId, RecordArea part, int fromDay, int? untilDay) => new()
        {
            TeamMemberId = placeId, ChildId = childId, Area = part, From = today.AddDays(fromDay), Until = untilDay is { } until ? today.AddDays(until) : null,
            GrantedByUserId = Guid.Empty, GrantedAt = now,
        };

        async Task SaveAsync(Func<CommonGroundDbContext, Task> change)
        {
            await using var db = database.CreateContext();
            await change(db);
            await db.SaveChangesAsync(cancellationToken);
        }

        await SaveAsync(async db =>
        {
            var place = await db.TeamMembers.Include(t => t.Consents).SingleAsync(t => t.Id == placeIds[0], cancellationToken);
            place.Consents.First(c => c.WithdrawnAt == null).Withdraw(Guid.Empty, now);
        });
        await SaveAsync(async db =>
        {
            var place = await db.TeamMembers.Include(t => t.Consents).SingleAsync(t => t.Id == placeIds[1], cancellationToken);
            place.Leave(Guid.Empty, now);
        });
        await SaveAsync(async db =>
        {
            var place = await db.TeamMembers.SingleAsync(t => t.Id == placeIds[2], cancellationToken);
            db.SharingConsents.Add(Decision(place.Id, place.ChildId, RecordArea.Transport, 2, null));
            db.SharingConsents.Add(Decision(place.Id, place.ChildId, RecordArea.SocialCare, 0, 4));
        });
        await SaveAsync(async db =>
        {
            // Neither the place nor its decisions read: the save reads what it needs.
            var childId = await db.TeamMembers.Where(t => t.Id == placeIds[3]).Select(t => t.ChildId).SingleAsync(cancellationToken);
            db.ChangeTracker.Clear();
            db.SharingConsents.Add(Decision(placeIds[3], childId, RecordArea.StatutoryProcess, -30, -1));
            db.SharingConsents.Add(Decision(placeIds[3], childId, RecordArea.Meetings, -40, null));
        });
        await SaveAsync(async db =>
        {
            // A dated part withdrawn and an open-ended one withdrawn and given again in the same save.
            var place = await db.TeamMembers.Include(t => t.Consents).SingleAsync(t => t.Id == placeIds[4], cancellationToken);
            var part = place.Consents.First(c => c.WithdrawnAt == null);
            part.Withdraw(Guid.Empty, now);
            db.SharingConsents.Add(Decision(place.Id, place.ChildId, part.Area, 0, null));
            db.SharingConsents.Add(Decision(place.Id, place.ChildId, RecordArea.Concerns, 1, 30));
        });
        await SaveAsync(async db =>
        {
            var place = await db.TeamMembers.Include(t => t.Consents).SingleAsync(t => t.Id == placeIds[2], cancellationToken);
            place.Consents.Single(c => c.WithdrawnAt == null && c.Area == RecordArea.SocialCare).Withdraw(Guid.Empty, now);
        });
        await SaveAsync(async db =>
        {
            var existing = await db.TeamMembers.AsNoTracking().SingleAsync(t => t.Id == placeIds[5], cancellationToken);
            var professional = await db.Professionals.Where(p => !db.TeamMembers.Any(t => t.ChildId == existing.ChildId && t.ProfessionalId == p.Id)).Select(p => p.Id).FirstAsync(cancellationToken);
            var joined = new TeamMember { ChildId = existing.ChildId, ProfessionalId = professional, AreaId = existing.AreaId, Role = "Educational psychologist", JoinedAt = now, AddedByUserId = Guid.Empty };
            db.TeamMembers.Add(joined);
            db.SharingConsents.Add(Decision(joined.Id, joined.ChildId, RecordArea.Education, 0, null));
            db.SharingConsents.Add(Decision(joined.Id, joined.ChildId, RecordArea.Health, 3, null));
        });
    }

    /// <summary>For every part, today and each day after it in <see cref="Days"/>, the places the kept parts say share it are those whose decisions do.</summary>
    private async Task AssertPlacesAgreeWithDecisionsAsync(CommonGroundDbContext db, CancellationToken cancellationToken)
    {
        var today = _time.TodayInUk();
        foreach (var day in Days.Select(d => today.AddDays(d)))
        {
            foreach (var part in Enum.GetValues<RecordArea>())
            {
                var kept = await db.TeamMembers.Where(QueryParts.Inline((TeamMember t) => SharedParts.SharesOn.Apply(t, part, day)))
                    .Select(t => t.Id).OrderBy(id => id).ToListAsync(cancellationToken);
                var decided = await db.TeamMembers.Where(t => t.Consents.AsQueryable().Where(SharingConsent.ActiveOn(day)).Any(c => c.Area == part))
                    .Select(t => t.Id).OrderBy(id => id).ToListAsync(cancellationToken);
                Assert.True(decided.SequenceEqual(kept), $"{part} on {day}: the decisions share it with {decided.Count} places, the kept parts say {kept.Count}");
            }
        }
    }
}
