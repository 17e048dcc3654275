using System.Net;
using CommonGround.Core.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests.Security;

/// <summary>Staff who must set up two-factor authentication reach nothing that shows a child's data until they have.</summary>
public sealed class SecondFactorGateTests(MfaRequiredAppFactory app) : IClassFixture<MfaRequiredAppFactory>
{
    [Theory]
    [InlineData("caseworker@example.org", "/children")]
    [InlineData("caseworker@example.org", "/attention")]
    [InlineData("caseworker@example.org", "/what-i-owe")]
    [InlineData("caseworker@example.org", "/what-i-owe/export")]
    [InlineData("caseworker@example.org", "/statutory")]
    [InlineData("caseworker@example.org", "/notifications")]
    [InlineData("orgadmin@example.org", "/organisation/concerns")]
    [InlineData("orgadmin@example.org", "/organisation/commitments")]
    [InlineData("orgadmin@example.org", "/organisation")]
    public async Task Every_page_with_child_data_sends_them_to_set_it_up(string email, string url)
    {
        var client = app.NewClient();
        await client.SignInAsync(email);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/two-factor/set-up?required=true", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/account")]
    [InlineData("/account/sessions")]
    [InlineData("/account/change-password")]
    [InlineData("/account/notifications")]
    [InlineData("/account/calendar")]
    [InlineData("/account/two-factor/set-up")]
    public async Task Their_own_account_pages_stay_open(string url)
    {
        var client = app.NewClient();
        await client.SignInAsync("transport@example.org");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_calendar_feed_has_no_dates_until_they_set_it_up()
    {
        var client = app.NewClient();
        await client.SignInAsync("senco@example.org");
        await client.SubmitAsync("/account/calendar", new Dictionary<string, string>(), action: "/account/calendar/create");
        var (_, page) = await client.OpenAsync("/account/calendar");
        var path = new Uri(page.QuerySelector(".cg-calendar-address")!.TextContent).PathAndQuery;
        var sam = await app.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());
        await app.QueryAsync(async db =>
        {
            var senco = await db.Professionals.Include(p => p.UserAccount).Include(p => p.Organisation).SingleAsync(p => p.UserAccount!.Email == "senco@example.org");
            var now = app.Time.GetUtcNow().UtcDateTime;
            db.Meetings.Add(new Core.Meetings.Meeting
            {
                ChildId = sam, AreaId = senco.AreaId, Kind = Core.Meetings.MeetingKind.Review, StartsAt = now.AddDays(10), DurationMinutes = 60, Place = "School",
                OrganiserUserId = senco.UserAccountId, OrganiserName = senco.UserAccount!.DisplayName, OrganiserEmail = senco.UserAccount.Email!,
                OrganiserOrganisationId = senco.OrganisationId, OrganiserOrganisationName = senco.Organisation!.Name,
                NoteTakerUserId = senco.UserAccountId, NoteTakerName = senco.UserAccount.DisplayName, ScheduledAt = now,
            });
            return await db.SaveChangesAsync();
        });

        var before = await app.NewClient().GetStringAsync(path);
        Assert.Contains("BEGIN:VCALENDAR", before, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN:VEVENT", before, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.AccessLog.AnyAsync(a => a.ChildId == sam && a.ViewerName == "Priya Nair")));

        await client.TurnOnTwoFactorAsync(app.Time);
        var after = await app.NewClient().GetStringAsync(path);
        Assert.Contains("BEGIN:VEVENT", after, StringComparison.Ordinal);
    }
}
