using System.Net;
using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Notifications;
using CommonGround.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

/// <summary>
/// Break-glass: Ruth, who leads the council's SEND team and has no place on Sam's team, must see his record in a
/// safeguarding emergency. Today is Monday 23 November 2026.
/// </summary>
public sealed class EmergencyAccessTests : FreshAppTests
{
    private const string Reason = "A safeguarding referral came in this morning and the duty team needs his plan and contacts now.";

    private async Task<HttpResponseMessage> OpenAsync(HttpClient client, Guid childId, string reason = Reason, string hours = "4") =>
        (await client.SubmitAsync($"/children/{childId}/emergency-access", new Dictionary<string, string> { ["Input.Reason"] = reason, ["Input.Hours"] = hours })).Response;

    [Fact]
    public async Task A_local_authority_lead_finds_a_child_of_their_area_and_reads_the_record_for_a_few_hours_with_a_reason_the_family_sees()
    {
        var sam = await ChildIdAsync("Samuel");
        var ruth = await SignedInAsync("send.lead@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await ruth.GetAsync($"/children/{sam}")).StatusCode);

        var (_, found) = await ruth.OpenAsync("/organisation/emergency-access?name=sam+morgan");
        var link = found.QuerySelectorAll("main table a").Single().GetAttribute("href");
        Assert.Equal($"/children/{sam}/emergency-access", link);

        var opened = await OpenAsync(ruth, sam);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ruth.GetAsync($"/children/{sam}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ruth.GetAsync($"/children/{sam}/about-me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ruth.GetAsync($"/children/{sam}/record/health")).StatusCode);
        // Reading only: every change is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await ruth.GetAsync($"/children/{sam}/about-me/strengths/suggest")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ruth.GetAsync($"/children/{sam}/concerns/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ruth.GetAsync($"/children/{sam}/who-has-seen")).StatusCode);

        // The family is told at once, and reads who, why and until when, beside what Ruth looked at.
        var told = await App.QueryAsync(db => db.Notifications.Where(n => n.ChildId == sam && n.Kind == NotificationKind.YourData).Select(n => n.Title).ToListAsync());
        Assert.Equal("Ruth Adeyemi of Northvale Council SEND Team opened Sam's record in an emergency", Assert.Single(told));
        var email = (await App.DeliverEmailAsync()).Single(m => m.To.Mailboxes.Single().Address == "parent@example.org");
        Assert.DoesNotContain("safeguarding", email.TextBody ?? "", StringComparison.OrdinalIgnoreCase);
        var parent = await SignedInAsync("parent@example.org");
        var (_, seen) = await parent.OpenAsync($"/children/{sam}/who-has-seen");
        var main = seen.QuerySelector("main")!.TextContent;
        Assert.Contains("Opened in an emergency", main, StringComparison.Ordinal);
        Assert.Contains(Reason, main, StringComparison.Ordinal);
        Assert.Contains("Ruth Adeyemi", seen.QuerySelectorAll("main table").Last().TextContent, StringComparison.Ordinal);
        Assert.Contains(AuditActions.EmergencyAccessOpened, await App.QueryAsync(db => db.AuditEvents.Where(a => a.EntityId == sam).Select(a => a.Action).ToListAsync()));

        // The council's admins see it too; and it runs out by itself.
        var (_, organisation) = await ruth.OpenAsync("/organisation/emergency-access");
        Assert.Contains(Reason, organisation.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        App.Time.Advance(TimeSpan.FromHours(4));
        ruth = await SignedInAsync("send.lead@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await ruth.GetAsync($"/children/{sam}")).StatusCode);
    }

    [Fact]
    public async Task The_lead_can_end_it_early_and_the_record_closes_at_once()
    {
        var sam = await ChildIdAsync("Samuel");
        var ruth = await SignedInAsync("send.lead@example.org");
        await OpenAsync(ruth, sam, hours: "24");
        var (_, overview) = await ruth.OpenAsync($"/children/{sam}");
        var token = overview.QuerySelector("form[action$='/end'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var ended = await ruth.PostAsync($"/children/{sam}/emergency-access/end", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ruth.GetAsync($"/children/{sam}")).StatusCode);
        Assert.NotNull(await App.QueryAsync(db => db.EmergencyAccesses.Where(g => g.ChildId == sam).Select(g => g.EndedAt).SingleAsync()));
    }

    [Theory]
    [InlineData("", "Say why you must see this record now")]
    [InlineData("Need it.", "Say why in at least 20 characters")]
    public async Task Without_a_real_reason_nothing_is_opened(string reason, string message)
    {
        var sam = await ChildIdAsync("Samuel");
        var ruth = await SignedInAsync("send.lead@example.org");
        var (response, page) = await ruth.SubmitAsync($"/children/{sam}/emergency-access", new Dictionary<string, string> { ["Input.Reason"] = reason, ["Input.Hours"] = "4" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, Assert.Single(page.ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(0, await App.QueryAsync(db => db.EmergencyAccesses.CountAsync(g => g.ChildId == sam)));
        Assert.Equal(HttpStatusCode.NotFound, (await ruth.GetAsync($"/children/{sam}")).StatusCode);
    }

    [Theory]
    [InlineData("orgadmin@example.org")] // a school's admin
    [InlineData("therapist@example.org")] // an NHS trust's admin
    [InlineData("caseworker@example.org")] // the council, but not an admin
    public async Task Nobody_but_a_local_authority_admin_may_open_a_record(string email)
    {
        var sam = await ChildIdAsync("Samuel");
        var client = await SignedInAsync(email);
        var response = await client.GetAsync($"/children/{sam}/emergency-access");
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{response.StatusCode}");
        Assert.Equal(0, await App.QueryAsync(db => db.EmergencyAccesses.CountAsync(g => g.ChildId == sam)));
    }

    [Fact]
    public async Task A_child_of_another_area_is_not_found_and_a_lead_who_leaves_loses_access_at_once()
    {
        var sam = await ChildIdAsync("Samuel");
        var elsewhere = await App.QueryAsync(async db =>
        {
            var area = new Area { Name = "Southvale", Code = "SV", CreatedAt = App.Time.GetUtcNow().UtcDateTime };
            db.Areas.Add(area);
            var child = new Core.Children.Child { AreaId = area.Id, FirstName = "Sam", LastName = "Elsewhere", DateOfBirth = new DateOnly(2016, 1, 1), CreatedAt = App.Time.GetUtcNow().UtcDateTime };
            db.Children.Add(child);
            await db.SaveChangesAsync();
            return child.Id;
        });
        var ruth = await SignedInAsync("send.lead@example.org");
        var (_, found) = await ruth.OpenAsync("/organisation/emergency-access?name=sam");
        Assert.DoesNotContain(found.QuerySelectorAll("main table a"), a => a.GetAttribute("href")!.Contains(elsewhere.ToString(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await ruth.GetAsync($"/children/{elsewhere}/emergency-access")).StatusCode);
        var (_, account) = await ruth.OpenAsync("/account");
        var token = account.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var sent = await ruth.PostAsync($"/children/{elsewhere}/emergency-access",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Reason", Reason), new("Input.Hours", "4")]));
        Assert.Equal(HttpStatusCode.NotFound, sent.StatusCode);
        Assert.Equal(0, await App.QueryAsync(db => db.EmergencyAccesses.CountAsync()));

        await OpenAsync(ruth, sam);
        await App.QueryAsync(db => db.Professionals.Where(p => p.UserAccount!.Email == "send.lead@example.org").ExecuteUpdateAsync(s => s.SetProperty(p => p.IsOrganisationAdmin, false)));
        Assert.Equal(HttpStatusCode.NotFound, (await ruth.GetAsync($"/children/{sam}")).StatusCode);
    }

    [Fact]
    public async Task A_search_shows_names_and_dates_of_birth_only_and_each_family_sees_their_child_came_up()
    {
        var sam = await ChildIdAsync("Samuel");
        var ruth = await SignedInAsync("send.lead@example.org");
        var (_, found) = await ruth.OpenAsync("/organisation/emergency-access?name=morgan");
        var rows = found.QuerySelectorAll("main table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Samuel Morgan", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("Reid", StringComparison.Ordinal));

        var logged = await App.QueryAsync(db => db.AccessLog.Where(a => a.ChildId == sam && a.ViewerName == "Ruth Adeyemi").Select(a => a.What).ToListAsync());
        Assert.Equal("Name and date of birth, in a search for emergency access", Assert.Single(logged));
        Assert.Equal(HttpStatusCode.NotFound, (await ruth.GetAsync($"/children/{sam}")).StatusCode);

        var (response, tooShort) = await ruth.OpenAsync("/organisation/emergency-access?name=s");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter at least 2 letters", Assert.Single(tooShort.ErrorSummary()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_again_while_open_is_not_needed_and_the_familys_download_holds_every_emergency_access()
    {
        var sam = await ChildIdAsync("Samuel");
        var ruth = await SignedInAsync("send.lead@example.org");
        await OpenAsync(ruth, sam, hours: "1");
        var (_, again) = await ruth.OpenAsync($"/children/{sam}/emergency-access");
        Assert.Contains("You can read Sam's record under emergency access until", again.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(again.QuerySelector("main textarea"));

        var parent = await SignedInAsync("parent@example.org");
        var zip = await DownloadedZip.TakeAsync(App, parent, sam);
        var rows = zip.Json("data/emergency-access.json").EnumerateArray().ToList();
        Assert.Equal(Reason, Assert.Single(rows).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_lead_with_a_place_on_the_team_is_sent_to_the_record_instead()
    {
        var jordan = await ChildIdAsync("Jordan");
        var tom = await App.QueryAsync(db => db.Professionals.Where(p => p.UserAccount!.Email == "caseworker@example.org").SingleAsync());
        await App.QueryAsync(db => db.Professionals.Where(p => p.Id == tom.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsOrganisationAdmin, true)));
        var caseworker = await SignedInAsync("caseworker@example.org");
        var (_, page) = await caseworker.OpenAsync($"/children/{jordan}/emergency-access");
        Assert.Contains("so you need no emergency access", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main textarea"));
    }
}
