using CommonGround.Core.Accounts;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Demo;
using CommonGround.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;

namespace CommonGround.Core.Tests.Commitments;

public sealed class DeliveryTotalsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_database_from_before_totals_were_kept_has_them_counted_from_its_delivery_records()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            await new DemoData(db, new PasswordHasher<UserAccount>(), _time).SeedIfEmptyAsync(cancellationToken: cancellationToken);
            // One record disputed and another set aside, so both totals have something to count.
            var records = await db.DeliveryRecords.Where(d => d.Delivered).OrderBy(d => d.Id).Take(2).ToListAsync(cancellationToken);
            records[0].Respond(FamilyResponse.Disputed, "That week's session did not happen", "Alex Morgan", _time.GetUtcNow().UtcDateTime);
            records[1].Respond(FamilyResponse.Disputed, "Cancelled", "Alex Morgan", _time.GetUtcNow().UtcDateTime);
            records[1].ResolveDispute("You are right, it was cancelled", setAside: true, "Priya Nair", _time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        var migrations = database.CreateContext().Database.GetMigrations().ToList();
        var kept = migrations.FindIndex(m => m.EndsWith("_CommitmentTotalsKept", StringComparison.Ordinal));
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(migrations[kept - 1], cancellationToken);
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await using var check = database.CreateContext();
        var totals = await check.Commitments.Select(c => new
        {
            c.DeliveredSoFar,
            c.OpenDisputes,
            Counted = check.DeliveryRecords.Where(d => d.CommitmentId == c.Id && d.Delivered && d.SetAsideAt == null).Sum(d => d.Quantity),
            Disputed = check.DeliveryRecords.Count(d => d.CommitmentId == c.Id && d.FamilyResponse == FamilyResponse.Disputed && d.DisputeResolvedAt == null),
        }).ToListAsync(cancellationToken);
        Assert.Contains(totals, t => t.Counted > 10);
        Assert.Equal(1, totals.Sum(t => t.Disputed));
        Assert.All(totals, t => Assert.Equal((t.Counted, t.Disputed), (t.DeliveredSoFar, t.OpenDisputes)));
    }

    [Fact]
    public async Task Commitments_from_before_the_first_day_behind_was_kept_have_it_worked_out_at_start_up()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            await new DemoData(db, new PasswordHasher<UserAccount>(), _time).SeedIfEmptyAsync(cancellationToken: cancellationToken);
        }

        await using (var db = database.CreateContext())
        {
            var kept = await db.Commitments.Where(c => c.Kind == CommitmentKind.Recurring).ToDictionaryAsync(c => c.Id, c => c.FirstDayBehind, cancellationToken);
            Assert.Contains(kept.Values, d => d < DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime));
            await db.Commitments.ExecuteUpdateAsync(u => u.SetProperty(c => c.FirstDayBehind, (DateOnly?)null), cancellationToken);

            await FirstDaysBehind.KeepMissingAsync(db, cancellationToken);

            var workedOut = await db.Commitments.Where(c => c.Kind == CommitmentKind.Recurring).ToDictionaryAsync(c => c.Id, c => c.FirstDayBehind, cancellationToken);
            Assert.Equal(kept, workedOut);
            Assert.Equal(0, await db.Commitments.CountAsync(c => c.Kind == CommitmentKind.OneOff && c.FirstDayBehind != null, cancellationToken));
        }
    }

    [Fact]
    public async Task A_change_made_from_a_commitment_read_before_a_delivery_was_recorded_loses_its_race()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            await new DemoData(db, new PasswordHasher<UserAccount>(), _time).SeedIfEmptyAsync(cancellationToken: cancellationToken);
        }

        await using var reader = database.CreateContext();
        var commitment = await reader.Commitments.FirstAsync(c => c.Kind == CommitmentKind.Recurring
            && (c.Status == CommitmentStatus.Active || c.Status == CommitmentStatus.Agreed) && (c.EndDate == null || c.EndDate > c.StartDate), cancellationToken);
        var endDate = commitment.EndDate;
        await using (var other = database.CreateContext())
        {
            var record = new DeliveryRecord
            {
                CommitmentId = commitment.Id, ChildId = commitment.ChildId, Date = commitment.StartDate!.Value, Delivered = true, Quantity = 1,
                RecordedByUserId = Guid.NewGuid(), RecordedByName = "Grace Obi", RecordedAt = _time.GetUtcNow().UtcDateTime,
            };
            other.DeliveryRecords.Add(record);
            Assert.True(await DeliveryTotals.TrySaveAsync(other, record, before: default));
        }

        // Its first day behind would be worked out from one delivery fewer than it now has, so the change is refused.
        commitment.EndOn(commitment.StartDate!.Value);
        Assert.False(await reader.TrySaveAsync(cancellationToken));

        await using var check = database.CreateContext();
        var saved = await check.Commitments.AsNoTracking().SingleAsync(c => c.Id == commitment.Id, cancellationToken);
        var terms = saved.TermTimeOnly
            ? await check.TermDates.Where(t => t.OrganisationId == saved.OwnerOrganisationId).Select(t => new TermPeriod(t.StartDate, t.EndDate)).ToListAsync(cancellationToken)
            : [];
        Assert.Equal(endDate, saved.EndDate);
        Assert.Equal(CommitmentProgress.FirstDayBehind(saved, saved.DeliveredSoFar, terms), saved.FirstDayBehind);
    }

    [Fact]
    public void What_a_record_adds_follows_whether_it_counts_and_whether_its_dispute_is_open()
    {
        var record = new DeliveryRecord
        {
            CommitmentId = Guid.NewGuid(), ChildId = Guid.NewGuid(), Date = new DateOnly(2026, 11, 20), Delivered = true, Quantity = 1.5m,
            RecordedByUserId = Guid.NewGuid(), RecordedByName = "Grace Obi", RecordedAt = _time.GetUtcNow().UtcDateTime,
        };
        Assert.Equal(new DeliveryTally(1.5m, 0), record.Tally);

        var before = record.Tally;
        record.Respond(FamilyResponse.Disputed, "It was cut short", "Alex Morgan", _time.GetUtcNow().UtcDateTime);
        Assert.Equal(new DeliveryTally(0, 1), record.Tally - before);

        before = record.Tally;
        record.ResolveDispute("It was cut short; it does not count", setAside: true, "Grace Obi", _time.GetUtcNow().UtcDateTime);
        Assert.Equal(new DeliveryTally(-1.5m, -1), record.Tally - before);
    }
}
