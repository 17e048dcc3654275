using CommonGround.Core.Audit;
using CommonGround.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Tests.Audit;

public sealed class AuditEventAppendOnlyTests
{
    private static readonly DateTime Now = new(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc);

    private static async Task<Guid> AddEventAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var audit = AuditEvent.For(Actor.System, Now, "test.happened", "Test", Guid.NewGuid(), "Something happened");
        db.AuditEvents.Add(audit);
        await db.SaveChangesAsync();
        return audit.Id;
    }

    [Fact]
    public async Task Saving_a_changed_audit_event_is_refused_and_the_event_is_unchanged()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await AddEventAsync(database);

        await using (var db = database.CreateContext())
        {
            var audit = await db.AuditEvents.SingleAsync(a => a.Id == id);
            db.Entry(audit).Property(a => a.Summary).CurrentValue = "Rewritten";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var check = database.CreateContext();
        Assert.Equal("Something happened", (await check.AuditEvents.SingleAsync(a => a.Id == id)).Summary);
    }

    [Fact]
    public async Task Removing_an_audit_event_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await AddEventAsync(database);

        await using (var db = database.CreateContext())
        {
            db.AuditEvents.Remove(await db.AuditEvents.SingleAsync(a => a.Id == id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var check = database.CreateContext();
        Assert.True(await check.AuditEvents.AnyAsync(a => a.Id == id));
    }

    [Fact]
    public async Task The_database_itself_refuses_to_update_or_delete_audit_events()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await AddEventAsync(database);

        await using (var db = database.CreateContext())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEvents.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Summary, "Rewritten")));
        }

        await using (var db = database.CreateContext())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEvents.Where(a => a.Id == id).ExecuteDeleteAsync());
        }

        await using var check = database.CreateContext();
        Assert.Equal("Something happened", (await check.AuditEvents.SingleAsync(a => a.Id == id)).Summary);
    }
}
