using System.Data.Common;
using System.Net;
using CommonGround.Core.Audit;
using CommonGround.Core.DataRights;
using CommonGround.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

/// <summary>
/// Closing a record when support ends, and erasing it when the retention schedule says. Today is Monday 23 November
/// 2026; Tom is the local authority's caseworker on Sam's team.
/// </summary>
public sealed class RetentionTests : FreshAppTests
{
    private static Dictionary<string, string> Closing(string rule = "send-record", string note = "Sam has moved to Westshire, which now holds his plan.") =>
        new() { ["Input.Rule"] = rule, ["Input.Note"] = note };

    private async Task RunRetentionAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RetentionJob>().ExecuteAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_local_authority_closes_a_record_the_family_is_told_nothing_new_is_added_and_it_can_be_reopened()
    {
        var sam = await ChildIdAsync("Samuel");
        var tom = await SignedInAsync("caseworker@example.org");
        var (_, overview) = await tom.OpenAsync($"/children/{sam}");
        Assert.NotNull(overview.QuerySelector($"main a[href='/children/{sam}/close']"));

        // Only the local authority on the team: not the school, not the family.
        var priya = await SignedInAsync("senco@example.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await priya.GetAsync($"/children/{sam}/close")).StatusCode);
        Assert.Null((await priya.OpenAsync($"/children/{sam}")).Page.QuerySelector($"main a[href='/children/{sam}/close']"));
        var parent = await SignedInAsync("parent@example.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync($"/children/{sam}/close")).StatusCode);

        // A rule and a reason are needed, and a refusal changes nothing.
        var events = await App.QueryAsync(db => db.AuditEvents.CountAsync());
        var (missing, missingPage) = await tom.SubmitAsync($"/children/{sam}/close", Closing(rule: "", note: ""));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Choose why the record is being closed", missingPage.ErrorSummary());
        var (noNote, noNotePage) = await tom.SubmitAsync($"/children/{sam}/close", Closing(note: " "));
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("Say in a sentence why the record is being closed: the family will read it", noNotePage.ErrorSummary());
        Assert.Null(await App.QueryAsync(db => db.Children.Where(c => c.Id == sam).Select(c => c.ClosedOn).SingleAsync()));
        Assert.Equal(events, await App.QueryAsync(db => db.AuditEvents.CountAsync()));

        // An invitation sent before the record is closed cannot be used after.
        await parent.SubmitAsync($"/children/{sam}/family/invite", new Dictionary<string, string> { ["Input.Name"] = "Jamie Morgan", ["Input.Email"] = "jamie@example.org", ["Input.Relationship"] = "ParentCarer" });
        var invitation = await App.LinkInLatestEmailToAsync("jamie@example.org");

        var (closed, _) = await tom.SubmitAsync($"/children/{sam}/close", Closing());
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var (_, invited) = await App.NewClient().OpenAsync(invitation);
        Assert.Contains("This invitation is to a record that has since been closed", invited.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var child = await App.QueryAsync(db => db.Children.SingleAsync(c => c.Id == sam));
        Assert.Equal(new DateOnly(2026, 11, 23), child.ClosedOn);
        Assert.Equal(child.DateOfBirth.AddYears(31), child.EraseOn);
        Assert.Equal("Tom Hughes", child.ClosedByName);
        Assert.Equal(AuditActions.RecordClosed, await App.QueryAsync(db => db.AuditEvents.Where(a => a.EntityId == sam).OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id).Select(a => a.Action).FirstAsync()));
        var told = await App.QueryAsync(db => db.Notifications.Where(n => n.ChildId == sam && n.Kind == NotificationKind.YourData).Select(n => n.Title).ToListAsync());
        Assert.Contains("Sam's record is closed", told);
        Assert.Equal(0, await App.QueryAsync(db => db.AttentionSignals.CountAsync(s => s.ChildId == sam)));

        // The family reads why and until when, and can still download it; nobody can add to it.
        var (_, theirs) = await parent.OpenAsync($"/children/{sam}");
        var main = theirs.QuerySelector("main")!.TextContent;
        Assert.Contains("This record was closed on 23 November 2026 by Tom Hughes", main, StringComparison.Ordinal);
        Assert.Contains("Sam has moved to Westshire", main, StringComparison.Ordinal);
        var concerns = await App.QueryAsync(db => db.Concerns.CountAsync());
        var (refused, refusedPage) = await parent.SubmitAsync($"/children/{sam}/concerns/new",
            new Dictionary<string, string> { ["Input.About"] = "Education", ["Input.Topic"] = "Reading", ["Input.Details"] = "He is not reading at home.", ["Input.Owner"] = "key-worker", ["Input.Urgency"] = "Standard" });
        Assert.Equal((HttpStatusCode)423, refused.StatusCode);
        Assert.Equal("This record is closed", refusedPage.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(concerns, await App.QueryAsync(db => db.Concerns.CountAsync()));
        var (asked, _) = await parent.SubmitAsync($"/children/{sam}/download", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(1, await App.QueryAsync(db => db.RecordExports.CountAsync(e => e.ChildId == sam)));

        // The family still decides who sees it: stopping what a professional can see is never refused.
        var priyaPlace = await MemberIdAsync(sam, "senco@example.org");
        Assert.NotEqual(0, await App.QueryAsync(db => db.SharingConsents.CountAsync(c => c.TeamMemberId == priyaPlace && c.WithdrawnAt == null)));
        var (stopped, _) = await parent.SubmitAsync($"/children/{sam}/team/{priyaPlace}/sharing", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Equal(0, await App.QueryAsync(db => db.SharingConsents.CountAsync(c => c.TeamMemberId == priyaPlace && c.WithdrawnAt == null)));

        // Tom reopens it: nothing will be erased, and the family is told.
        var (reopened, _) = await tom.SubmitAsync($"/children/{sam}/close", new Dictionary<string, string>(), $"/children/{sam}/close/reopen");
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        child = await App.QueryAsync(db => db.Children.SingleAsync(c => c.Id == sam));
        Assert.Null(child.ClosedOn);
        Assert.Null(child.EraseOn);
        Assert.Contains("Sam's record is open again", await App.QueryAsync(db => db.Notifications.Where(n => n.ChildId == sam).Select(n => n.Title).ToListAsync()));
    }

    [Fact]
    public async Task When_its_time_has_passed_a_closed_record_is_erased_leaving_nothing_about_the_child_but_a_stub()
    {
        var sam = await ChildIdAsync("Samuel");
        var ellie = await ChildIdAsync("Ellie");
        await App.QueryAsync(async db =>
        {
            var area = await db.Children.Where(c => c.Id == ellie).Select(c => c.AreaId).SingleAsync();
            db.AuditEvents.Add(AuditEvent.ForChild(Actor.System, ellie, area, App.Time.GetUtcNow().UtcDateTime,
                new ChildChange(AuditActions.ChildAdded, null, "Started Ellie's record", new ChangeSubject.WholeRecord())));
            return await db.SaveChangesAsync();
        });
        var ellieRows = await App.QueryAsync(db => db.AuditEvents.CountAsync(a => a.EntityId == ellie));
        Assert.Equal(1, ellieRows);
        var tom = await SignedInAsync("caseworker@example.org");
        var (closed, _) = await tom.SubmitAsync($"/children/{sam}/close", Closing("opened-in-error", "This record was opened twice; Sam's other record is the one in use."));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(new DateOnly(2026, 12, 23), await App.QueryAsync(db => db.Children.Where(c => c.Id == sam).Select(c => c.EraseOn).SingleAsync()));
        var name = await App.QueryAsync(db => db.Children.Where(c => c.Id == sam).Select(c => new { c.FirstName, c.PreferredName }).SingleAsync());
        var names = new System.Text.RegularExpressions.Regex($@"\b({name.FirstName}|{name.PreferredName ?? name.FirstName})\b");
        await App.DeliverEmailAsync();

        // The day before, nothing goes.
        App.Time.Advance(TimeSpan.FromDays(29));
        await RunRetentionAsync();
        Assert.Equal(1, await App.QueryAsync(db => db.Children.CountAsync(c => c.Id == sam)));
        Assert.NotEmpty(await App.TracesAsync(sam.ToString(), names, "erased_records"));

        // On the day, everything about Sam goes; emails about him go once copies are no longer kept.
        App.Time.Advance(TimeSpan.FromDays(RetentionSchedule.SentEmailDays));
        await RunRetentionAsync();
        Assert.Empty(await App.TracesAsync(sam.ToString(), names, "erased_records"));
        var stub = await App.QueryAsync(db => db.ErasedRecords.SingleAsync());
        Assert.Equal(sam, stub.ErasedChildId);
        Assert.Equal("opened-in-error", stub.RuleKey);
        Assert.Equal(new DateOnly(2026, 11, 23), stub.ClosedOn);
        Assert.Contains("audit_events:", stub.RowsErased, StringComparison.Ordinal);
        var erasedEvent = await App.QueryAsync(db => db.AuditEvents.SingleAsync(a => a.Action == AuditActions.RecordErased));
        Assert.Equal(stub.Id, erasedEvent.EntityId);

        // Ellie's record, in the same family, is untouched, and every other audit event is still append-only.
        Assert.Equal(1, await App.QueryAsync(db => db.Children.CountAsync(c => c.Id == ellie)));
        Assert.Equal(ellieRows, await App.QueryAsync(db => db.AuditEvents.CountAsync(a => a.EntityId == ellie)));
        await Assert.ThrowsAnyAsync<DbException>(() => App.QueryAsync(db => db.AuditEvents.Where(a => a.EntityId == ellie).ExecuteDeleteAsync()));
        await Assert.ThrowsAnyAsync<DbException>(() => App.QueryAsync(db => db.AuditEvents.Where(a => a.Id == erasedEvent.Id).ExecuteDeleteAsync()));

        // Sam's address now answers as a record that is not there, and the family's account is still theirs.
        var parent = await SignedInAsync("parent@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/children/{sam}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync($"/children/{ellie}")).StatusCode);
    }

    [Fact]
    public async Task The_family_is_reminded_once_a_month_before_a_record_closed_long_ago_is_erased_and_can_download_it()
    {
        var sam = await ChildIdAsync("Samuel");
        var tom = await SignedInAsync("caseworker@example.org");
        await tom.SubmitAsync($"/children/{sam}/close", Closing());
        // Years on, its date comes near: the record was closed long ago, and is erased in 31 days.
        var today = new DateOnly(2026, 11, 23);
        await App.QueryAsync(db => db.Children.Where(c => c.Id == sam)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ClosedOn, today.AddYears(-6)).SetProperty(c => c.EraseOn, today.AddDays(31))));
        static Task<List<string>> RemindersAsync(AppFactory app, Guid sam) => app.QueryAsync(db => db.Notifications
            .Where(n => n.ChildId == sam && n.OnceKey != null && n.OnceKey.StartsWith("erasure-reminder:")).Select(n => n.Title).ToListAsync());

        await RunRetentionAsync();
        Assert.Empty(await RemindersAsync(App, sam));

        App.Time.Advance(TimeSpan.FromDays(1));
        await RunRetentionAsync();
        await RunRetentionAsync();
        Assert.Equal(["Sam's record will be erased on 24 December 2026"], await RemindersAsync(App, sam));
        var parent = await SignedInAsync("parent@example.org");
        var (_, notifications) = await parent.OpenAsync("/notifications");
        Assert.Contains("Sam's record will be erased on 24 December 2026", notifications.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await App.DeliverEmailAsync(), m => m.To.Mailboxes.Any(t => t.Address == "parent@example.org")
            && (m.TextBody ?? "").Contains("download it from the record before then", StringComparison.Ordinal));

        // It leads to the download, which the closed record still offers.
        Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync($"/children/{sam}/download")).StatusCode);
    }
}
