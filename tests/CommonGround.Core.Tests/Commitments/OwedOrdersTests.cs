using CommonGround.Core.Accounts;
using CommonGround.Core.Commitments;
using CommonGround.Core.Demo;
using CommonGround.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CommonGround.Core.Tests.Commitments;

public sealed class OwedOrdersTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Every_kept_place_is_the_one_worked_out_on_each_day_it_says_it_holds_and_only_those_that_moved_are_placed_again()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await new DemoData(db, new PasswordHasher<UserAccount>(), _time).SeedIfEmptyAsync(cancellationToken: cancellationToken);
        // Beside the demonstration's own: one-offs falling due on every other day, weekly provision starting on every
        // third, some only proposed, some closed, some with a dispute open: each way a place moves as days pass.
        var like = await db.Commitments.AsNoTracking().FirstAsync(cancellationToken);
        var children = await db.Children.Select(c => c.Id).ToListAsync(cancellationToken);
        var at = _time.GetUtcNow().UtcDateTime;
        for (var i = 0; i < 60; i++)
        {
            var oneOff = i % 2 == 0;
            var commitment = new Commitment
            {
                ChildId = children[i % children.Count], AreaId = like.AreaId, What = $"Promise {i}", RecordArea = CommitmentArea.Other, Source = CommitmentSource.Meeting,
                OwnerProfessionalId = like.OwnerProfessionalId, OwnerName = like.OwnerName, OwnerOrganisationId = like.OwnerOrganisationId, OwnerOrganisationName = like.OwnerOrganisationName,
                Kind = oneOff ? CommitmentKind.OneOff : CommitmentKind.Recurring, DueDate = oneOff ? Today.AddDays(i - 10) : null,
                QuantityPerPeriod = oneOff ? null : 1, Unit = oneOff ? null : ProvisionUnit.Sessions, Period = oneOff ? null : ProvisionPeriod.Week,
                StartDate = oneOff ? null : Today.AddDays(i * 3 / 2 - 40), CreatedAt = at, CreatedByUserId = like.CreatedByUserId, CreatedByName = like.CreatedByName,
            };
            if (i % 5 != 0)
            {
                commitment.ChangeStatus(CommitmentStatus.Agreed, null, like.CreatedByUserId, like.CreatedByName, at, Today);
            }

            if (i % 11 == 1)
            {
                commitment.ChangeStatus(CommitmentStatus.Withdrawn, "No longer needed", like.CreatedByUserId, like.CreatedByName, at, Today);
            }

            db.Commitments.Add(commitment);
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.Commitments.Where(c => c.What.EndsWith("3")).ExecuteUpdateAsync(u => u.SetProperty(c => c.OpenDisputes, 1), cancellationToken);

        var orderOn = OwedOrders.OrderOn.Compile();
        var heldUntil = new Dictionary<Guid, DateOnly>();
        var moves = new List<int>();
        for (var day = Today; day <= Today.AddDays(70); day = day.AddDays(1))
        {
            var placed = await OwedOrders.KeepAsync(db, day, cancellationToken);

            var kept = await db.Commitments.AsNoTracking()
                .Select(c => new { Commitment = c, Name = db.Children.Where(k => k.Id == c.ChildId).Select(k => (k.PreferredName ?? k.FirstName) + " " + k.LastName).Single() })
                .ToListAsync(cancellationToken);
            Assert.Equal(kept.Count(k => heldUntil.GetValueOrDefault(k.Commitment.Id, OwedOrders.Unsettled) < day), placed);
            Assert.All(kept, k =>
            {
                Assert.True(k.Commitment.OwedOrderHoldsUntil >= day, $"{k.Commitment.What} is placed only until {k.Commitment.OwedOrderHoldsUntil} on {day}");
                Assert.Equal(orderOn(k.Commitment, day, day.AddDays(CommitmentProgress.DueSoonDays)), k.Commitment.OwedOrder);
                Assert.Equal(k.Name, k.Commitment.ChildSortName);
            });
            heldUntil = kept.ToDictionary(k => k.Commitment.Id, k => k.Commitment.OwedOrderHoldsUntil);
            moves.Add(placed);
        }

        // Everything placed on the first day; after it, only the few whose day came.
        Assert.Equal(await db.Commitments.CountAsync(cancellationToken), moves[0]);
        Assert.InRange(moves.Skip(1).Max(), 1, moves[0] / 4);
        Assert.Contains(0, moves);
    }

    [Fact]
    public async Task A_change_saved_or_a_delivery_counted_leaves_its_commitment_to_be_placed_again()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            await new DemoData(db, new PasswordHasher<UserAccount>(), _time).SeedIfEmptyAsync(cancellationToken: cancellationToken);
            await OwedOrders.KeepAsync(db, Today, cancellationToken);
        }

        await using var context = database.CreateContext();
        Task<int> UnplacedAsync() => context.Commitments.CountAsync(c => c.OwedOrderHoldsUntil < Today, cancellationToken);
        Assert.Equal(0, await UnplacedAsync());

        var commitment = await context.Commitments.FirstAsync(c => c.Kind == CommitmentKind.Recurring
            && (c.Status == CommitmentStatus.Active || c.Status == CommitmentStatus.Agreed), cancellationToken);
        commitment.What += " (twice a week from January)";
        await context.SaveChangesAsync(cancellationToken);
        Assert.Equal(1, await UnplacedAsync());

        await OwedOrders.KeepAsync(db: context, Today, cancellationToken);
        var record = new DeliveryRecord
        {
            CommitmentId = commitment.Id, ChildId = commitment.ChildId, Date = Today, Delivered = true, Quantity = 1,
            RecordedByUserId = Guid.NewGuid(), RecordedByName = "Grace Obi", RecordedAt = _time.GetUtcNow().UtcDateTime,
        };
        context.DeliveryRecords.Add(record);
        Assert.True(await DeliveryTotals.TrySaveAsync(context, record, before: default));
        Assert.Equal([commitment.Id], await context.Commitments.Where(c => c.OwedOrderHoldsUntil < Today).Select(c => c.Id).ToListAsync(cancellationToken));
    }
}
