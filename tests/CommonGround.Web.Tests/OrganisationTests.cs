using System.Net;
using CommonGround.Core.Audit;
using CommonGround.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

/// <summary>An organisation admin's staff and details, and the service admin's areas and organisations.</summary>
public sealed class OrganisationTests : FreshAppTests
{
    private async Task<HttpClient> OrgAdminAsync()
    {
        var client = App.NewClient();
        await client.SignInAsync("orgadmin@example.org");
        return client;
    }

    private static Dictionary<string, string> Invitation(string email, string name = "Chris Doyle") =>
        new() { ["Input.Name"] = name, ["Input.Email"] = email, ["Input.JobTitle"] = "Class teacher" };

    [Fact]
    public async Task An_invited_member_of_staff_accepts_by_emailed_link_and_joins_the_organisation()
    {
        var admin = await OrgAdminAsync();
        var (sent, _) = await admin.SubmitAsync("/organisation/staff/invite", Invitation("chris@example.org"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var (_, list) = await admin.OpenAsync("/organisation");
        Assert.Contains("chris@example.org", list.Body!.TextContent, StringComparison.Ordinal);

        var link = await App.LinkInLatestEmailToAsync("chris@example.org");
        Assert.StartsWith("/invitations/", link, StringComparison.Ordinal);
        var newcomer = App.NewClient();
        var (_, welcome) = await newcomer.OpenAsync(link);
        Assert.Equal("Join Brookside Primary School on CommonGround", welcome.Heading());

        var (accepted, _) = await newcomer.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = "chalk and blackboard" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var (_, account) = await newcomer.OpenAsync("/account");
        Assert.Contains("Brookside Primary School", account.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Class teacher", account.Body!.TextContent, StringComparison.Ordinal);

        var professional = await App.QueryAsync(db => db.Professionals.Include(p => p.Organisation).SingleAsync(p => p.UserAccount!.Email == "chris@example.org"));
        Assert.Equal("Brookside Primary School", professional.Organisation!.Name);
        Assert.False(professional.IsOrganisationAdmin);
        Assert.True(await App.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.InvitationAccepted)));

        // The link is single-use.
        var (reused, reusedPage) = await App.NewClient().OpenAsync(link);
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        Assert.Contains("already been used", reusedPage.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_expires_after_seven_days_and_creates_nothing()
    {
        var admin = await OrgAdminAsync();
        await admin.SubmitAsync("/organisation/staff/invite", Invitation("late@example.org"));
        var link = await App.LinkInLatestEmailToAsync("late@example.org");

        App.Time.Advance(TimeSpan.FromDays(7));
        var (expired, page) = await App.NewClient().OpenAsync(link);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("This invitation has expired", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form"));
        Assert.False(await App.QueryAsync(db => db.Users.AnyAsync(u => u.Email == "late@example.org")));
    }

    [Fact]
    public async Task A_withdrawn_invitation_no_longer_works()
    {
        var admin = await OrgAdminAsync();
        await admin.SubmitAsync("/organisation/staff/invite", Invitation("withdrawn@example.org"));
        var link = await App.LinkInLatestEmailToAsync("withdrawn@example.org");
        var invitationId = await App.QueryAsync(db => db.Invitations.Where(i => i.Email == "withdrawn@example.org").Select(i => i.Id).SingleAsync());

        var (withdrawn, _) = await admin.SubmitAsync("/organisation", new Dictionary<string, string>(), action: $"/organisation/invitations/{invitationId}/withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);

        var (response, page) = await App.NewClient().OpenAsync(link);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("This invitation was withdrawn", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_made_up_invitation_link_is_not_found()
    {
        var (response, page) = await App.NewClient().OpenAsync("/invitations/not-a-real-token");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This invitation link is not valid", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "", "", "Enter their full name|Enter their email address|Enter their job title")]
    [InlineData("Jo", "jo@", "Teacher", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("Priya", "senco@example.org", "SENCO", "This email address already has an account. Ask them to sign in, or use a different email address")]
    public async Task An_invitation_with_bad_input_says_what_to_fix_and_sends_nothing(string name, string email, string jobTitle, string expected)
    {
        var admin = await OrgAdminAsync();
        var before = await App.QueryAsync(db => db.Invitations.CountAsync());
        var (response, page) = await admin.SubmitAsync("/organisation/staff/invite", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Email"] = email,
            ["Input.JobTitle"] = jobTitle,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected.Split('|'), page.ErrorSummary());
        Assert.Equal(before, await App.QueryAsync(db => db.Invitations.CountAsync()));
        Assert.Empty(await App.DeliverEmailAsync());
    }

    [Fact]
    public async Task An_admin_changes_the_organisations_details_and_a_stale_edit_is_refused()
    {
        var admin = await OrgAdminAsync();
        var (_, form) = await admin.OpenAsync("/organisation/details");
        var staleVersion = form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;

        var (saved, _) = await admin.SubmitAsync("/organisation/details", new Dictionary<string, string>
        {
            ["Input.Name"] = "Brookside Primary School",
            ["Input.ContactEmail"] = "senco.office@brookside.example.org",
            ["Input.ContactPhone"] = "01632 960 001",
            ["Input.Address"] = "1 School Lane\nNorthvale",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (stale, stalePage) = await admin.SubmitAsync("/organisation/details", new Dictionary<string, string>
        {
            ["Input.Version"] = staleVersion,
            ["Input.Name"] = "Someone else's name",
        });
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("Someone else changed these details", stalePage.ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal("senco.office@brookside.example.org", stalePage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_ContactEmail")!.Value);

        var organisation = await App.QueryAsync(db => db.Organisations.SingleAsync(o => o.Name == "Brookside Primary School"));
        Assert.Equal("01632 960 001", organisation.ContactPhone);
        Assert.True(await App.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.OrganisationUpdated && a.EntityId == organisation.Id)));
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themselves_or_anyone_outside_their_organisation()
    {
        var admin = await OrgAdminAsync();
        var own = await App.QueryAsync(db => db.Professionals.Where(p => p.UserAccount!.Email == "orgadmin@example.org").Select(p => p.Id).SingleAsync());
        var (self, page) = await admin.SubmitAsync($"/organisation/staff/{own}/deactivate", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Equal(["You cannot deactivate your own account. Ask another admin to do it"], page.ErrorSummary());

        var outsider = await App.QueryAsync(db => db.Professionals.Where(p => p.UserAccount!.Email == "therapist@example.org").Select(p => p.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/organisation/staff/{outsider}/deactivate")).StatusCode);
        Assert.True(await App.QueryAsync(db => db.Professionals.Where(p => p.Id == outsider).Select(p => p.DeactivatedAt == null).SingleAsync()));
    }

    [Fact]
    public async Task The_service_admin_adds_an_area_and_an_organisation_whose_first_admin_is_invited()
    {
        var client = App.NewClient();
        await client.SignInAsync("admin@example.org");

        var (area, _) = await client.SubmitAsync("/admin/areas/new", new Dictionary<string, string> { ["Input.Name"] = "Southmere", ["Input.Code"] = "sm" });
        Assert.Equal(HttpStatusCode.Redirect, area.StatusCode);
        var (duplicate, duplicatePage) = await client.SubmitAsync("/admin/areas/new", new Dictionary<string, string> { ["Input.Name"] = "Southmere again", ["Input.Code"] = "SM" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(["An area with this code already exists"], duplicatePage.ErrorSummary());

        var areaId = await App.QueryAsync(db => db.Areas.Where(a => a.Code == "SM").Select(a => a.Id).SingleAsync());
        var (created, _) = await client.SubmitAsync("/admin/organisations/new", new Dictionary<string, string>
        {
            ["Input.AreaId"] = areaId.ToString(),
            ["Input.Name"] = "Southmere College",
            ["Input.Kind"] = nameof(OrganisationKind.College),
            ["Input.AdminName"] = "Pat Kaur",
            ["Input.AdminEmail"] = "pat@southmere.example.org",
            ["Input.AdminJobTitle"] = "Head of learning support",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (_, details) = await client.OpenAsync(created.Headers.Location!.OriginalString);
        Assert.Equal("Southmere College", details.Heading());
        Assert.Contains("pat@southmere.example.org", details.Body!.TextContent, StringComparison.Ordinal);

        var link = await App.LinkInLatestEmailToAsync("pat@southmere.example.org");
        var pat = App.NewClient();
        await pat.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = "learning support lead" });
        var (_, organisation) = await pat.OpenAsync("/organisation");
        Assert.Equal("Southmere College", organisation.Heading());
    }

    [Fact]
    public async Task Adding_an_organisation_with_missing_answers_creates_nothing()
    {
        var client = App.NewClient();
        await client.SignInAsync("admin@example.org");
        var before = await App.QueryAsync(db => db.Organisations.CountAsync());

        var (response, page) = await client.SubmitAsync("/admin/organisations/new", new Dictionary<string, string> { ["Input.Name"] = "Half-filled" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose the area the organisation is in", page.ErrorSummary());
        Assert.Contains("Choose what kind of organisation it is", page.ErrorSummary());
        Assert.Equal("Half-filled", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Name")!.Value);
        Assert.Equal(before, await App.QueryAsync(db => db.Organisations.CountAsync()));
    }
}
