using System.Net;
using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

public sealed class AccessRequestTests : FreshAppTests
{
    private Task<Guid> SamAsync() => App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task A_therapist_asks_to_see_education_and_the_family_agrees()
    {
        var sam = await SamAsync();
        var therapist = await SignedInAsync("therapist@example.org");
        var (asked, _) = await therapist.SubmitAsync($"/children/{sam}/ask-for-access", new Dictionary<string, string>
        {
            ["Input.Area"] = nameof(RecordArea.Education),
            ["Input.Reason"] = "To line up therapy targets with Sam's classroom support.",
        });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var email = (await App.DeliverEmailAsync()).Single(m => m.To.Mailboxes.Any(t => t.Address == "parent@example.org"));
        Assert.Equal("Grace Okafor has asked to see part of Sam's record", email.Subject);

        var parent = await SignedInAsync("parent@example.org");
        var (_, overview) = await parent.OpenAsync($"/children/{sam}");
        Assert.Contains("asked to see more of the record", overview.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var (_, happening) = await parent.OpenAsync($"/children/{sam}/whats-happening");
        Assert.Contains("Answer 1 request to see more of the record", happening.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (_, requests) = await parent.OpenAsync($"/children/{sam}/access-requests");
        Assert.Contains("To line up therapy targets", requests.Body!.TextContent, StringComparison.Ordinal);

        var requestId = await App.QueryAsync(db => db.AccessRequests.Select(r => r.Id).SingleAsync());
        var token = requests.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (granted, _) = await parent.PostFormAsync($"/children/{sam}/access-requests?requestId={requestId}", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["decision"] = "grant" });
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);

        var (_, seen) = await therapist.OpenAsync($"/children/{sam}");
        Assert.Contains("About me, Health, Education", seen.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(AccessRequestStatus.Granted, await App.QueryAsync(db => db.AccessRequests.Select(r => r.Status).SingleAsync()));
        (_, happening) = await parent.OpenAsync($"/children/{sam}/whats-happening");
        Assert.DoesNotContain("request to see more of the record", happening.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_family_can_say_no_and_nothing_is_shared()
    {
        var sam = await SamAsync();
        var therapist = await SignedInAsync("therapist@example.org");
        await therapist.SubmitAsync($"/children/{sam}/ask-for-access", new Dictionary<string, string> { ["Input.Area"] = nameof(RecordArea.SocialCare), ["Input.Reason"] = "Context." });
        var requestId = await App.QueryAsync(db => db.AccessRequests.Select(r => r.Id).SingleAsync());

        var parent = await SignedInAsync("parent@example.org");
        var (_, page) = await parent.OpenAsync($"/children/{sam}/access-requests");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await parent.PostFormAsync($"/children/{sam}/access-requests?requestId={requestId}", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["decision"] = "decline" });

        Assert.Equal(AccessRequestStatus.Declined, await App.QueryAsync(db => db.AccessRequests.Select(r => r.Status).SingleAsync()));
        Assert.False(await App.QueryAsync(db => db.SharingConsents.AnyAsync(c => c.ChildId == sam && c.Area == RecordArea.SocialCare)));
    }

    [Fact]
    public async Task Of_two_family_members_answering_at_once_the_first_answer_stands_and_the_second_is_told()
    {
        var sam = await ChildIdAsync("Samuel");
        var therapist = await SignedInAsync("therapist@example.org");
        await therapist.SubmitAsync($"/children/{sam}/ask-for-access", new Dictionary<string, string> { ["Input.Area"] = nameof(RecordArea.Education), ["Input.Reason"] = "Context." });
        var requestId = await App.QueryAsync(db => db.AccessRequests.Select(r => r.Id).SingleAsync());
        var parentId = await UserIdAsync("parent@example.org");
        // Another family member agrees just as Alex says no.
        App.Race.BeforeSave(
            db => db.ChangeTracker.Entries<AccessRequest>().Any(e => e.State == EntityState.Modified),
            () => App.QueryAsync(async db =>
            {
                var request = await db.AccessRequests.SingleAsync(r => r.Id == requestId);
                var now = App.Time.GetUtcNow().UtcDateTime;
                request.Answer(true, parentId, now);
                db.SharingConsents.Add(new SharingConsent
                {
                    TeamMemberId = request.TeamMemberId, ChildId = sam, Area = RecordArea.Education, From = App.Time.TodayInUk(),
                    GrantedByUserId = parentId, GrantedAt = now,
                });
                return await db.SaveChangesAsync();
            }));

        var parent = await SignedInAsync("parent@example.org");
        var (_, page) = await parent.OpenAsync($"/children/{sam}/access-requests");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (refused, refusedPage) = await parent.PostFormAsync($"/children/{sam}/access-requests?requestId={requestId}", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["decision"] = "decline" });

        Assert.True(App.Race.Ran);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Someone else answered this request, or changed what this team member can see, while you were choosing. Nothing you chose was saved. Check what they can see now before you answer again"], refusedPage.ErrorSummary());
        Assert.Contains("There are no requests waiting for you.", refusedPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(AccessRequestStatus.Granted, await App.QueryAsync(db => db.AccessRequests.Select(r => r.Status).SingleAsync()));
        Assert.True(await App.QueryAsync(db => db.SharingConsents.AnyAsync(c => c.ChildId == sam && c.Area == RecordArea.Education && c.WithdrawnAt == null)));
        Assert.False(await App.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.AccessRequestDeclined)));
    }

    [Theory]
    [InlineData(nameof(RecordArea.Health), "Context.", "The family already shares this part of the record with you")]
    [InlineData("", "", "Choose the part of the record you would like to see|Enter why you would like to see it")]
    public async Task A_request_that_makes_no_sense_is_refused(string area, string reason, string expected)
    {
        var sam = await SamAsync();
        var therapist = await SignedInAsync("therapist@example.org");
        var (response, page) = await therapist.PostFormAsync($"/children/{sam}/ask-for-access", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = (await therapist.OpenAsync($"/children/{sam}/ask-for-access")).Page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Input.Area"] = area,
            ["Input.Reason"] = reason,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected.Split('|'), page.ErrorSummary());
        Assert.False(await App.QueryAsync(db => db.AccessRequests.AnyAsync()));
    }
}
