using System.Net;
using CommonGround.Core.Accounts;
using CommonGround.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests.Security;

/// <summary>Keeps cookies where a test can read them, to replay them later as someone who copied them would.</summary>
public sealed class CookieJar : DelegatingHandler
{
    public CookieContainer Cookies { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Cookies.GetCookieHeader(request.RequestUri!) is { Length: > 0 } header && !request.Headers.Contains("Cookie"))
        {
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                Cookies.SetCookies(request.RequestUri!, setCookie);
            }
        }

        return response;
    }
}

/// <summary>Sessions live on the server: ending one stops its cookie at once, wherever it is shown.</summary>
public sealed class ServerSideSessionTests : FreshAppTests
{
    private (HttpClient Client, CookieJar Jar) NewBrowser(string userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36")
    {
        var jar = new CookieJar();
        var client = App.CreateDefaultClient(new Uri("https://localhost"), jar);
        client.DefaultRequestHeaders.Add("User-Agent", userAgent);
        return (client, jar);
    }

    private static HttpClient Replaying(AppFactory app, string cookieHeader)
    {
        var client = app.CreateDefaultClient(new Uri("https://localhost"));
        client.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return client;
    }

    [Fact]
    public async Task A_page_reads_the_session_and_the_person_in_one_query_and_the_person_can_still_change_their_account()
    {
        var (client, _) = NewBrowser();
        await client.SignInAsync("parent@example.org");
        var sent = App.Services.GetRequiredService<StatementsSent>();
        sent.Start();

        var (response, page) = await client.OpenAsync("/account");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Alex Morgan", page.Body!.TextContent, StringComparison.Ordinal);
        var personRead = Assert.Single(sent.For("/account"), sql => sql.Contains("user_accounts", StringComparison.Ordinal));
        Assert.Contains("user_sessions", personRead, StringComparison.Ordinal);

        // The person read with the session is the one the request's own context saves: a new password takes.
        var (changed, _) = await client.SubmitAsync("/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestRecords.Password, ["Input.NewPassword"] = "another brand new and longer password",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var (fresh, _) = NewBrowser();
        await fresh.SignInAsync("parent@example.org", "another brand new and longer password");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_cookie_copied_before_signing_out_opens_nothing_afterwards()
    {
        var sam = await ChildIdAsync("Samuel");
        var (client, jar) = NewBrowser();
        await client.SignInAsync("senco@example.org");
        var copied = jar.Cookies.GetCookieHeader(new Uri("https://localhost"));
        Assert.Equal(HttpStatusCode.OK, (await Replaying(App, copied).GetAsync($"/children/{sam}")).StatusCode);

        await client.SubmitAsync("/sign-out", new Dictionary<string, string>());

        var replayed = Replaying(App, copied);
        var account = await replayed.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.StartsWith("/sign-in", account.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await replayed.GetAsync($"/children/{sam}")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_at_once_and_keeps_this_one()
    {
        var (laptop, _) = NewBrowser();
        var (phone, _) = NewBrowser("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Version/18.0 Mobile Safari/604.1");
        await laptop.SignInAsync("parent@example.org");
        await phone.SignInAsync("parent@example.org");

        var (changed, _) = await laptop.SubmitAsync("/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestRecords.Password, ["Input.NewPassword"] = "a brand new and longer password",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task Deactivating_staff_ends_their_sessions_at_once()
    {
        var (senco, _) = NewBrowser();
        await senco.SignInAsync("senco@example.org");
        var admin = await SignedInAsync("orgadmin@example.org");
        var professionalId = await App.QueryAsync(db => db.Professionals.Where(p => p.UserAccount!.Email == "senco@example.org").Select(p => p.Id).SingleAsync());
        var keyWorkerPlace = await App.QueryAsync(db => db.TeamMembers.Where(t => t.ProfessionalId == professionalId && t.IsKeyWorker).Select(t => t.Id).SingleAsync());
        var (deactivated, _) = await admin.SubmitAsync($"/organisation/staff/{professionalId}/deactivate", new Dictionary<string, string> { [$"Input.Choices[{keyWorkerPlace}]"] = "organisation" });
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);

        // No waiting for the periodic check: the session is gone from the database.
        Assert.Equal(HttpStatusCode.Redirect, (await senco.GetAsync("/account")).StatusCode);
        var userId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "senco@example.org").Select(u => u.Id).SingleAsync());
        Assert.Equal(0, await App.QueryAsync(db => db.UserSessions.CountAsync(s => s.UserAccountId == userId)));
    }

    [Fact]
    public async Task A_person_sees_where_they_are_signed_in_and_can_end_any_other_session()
    {
        var (laptop, _) = NewBrowser();
        var (phone, _) = NewBrowser("Mozilla/5.0 (Linux; Android 15; Pixel 9) Chrome/140.0 Mobile Safari/537.36");
        var (tablet, _) = NewBrowser("Mozilla/5.0 (iPad; CPU OS 18_0 like Mac OS X) Version/18.0 Mobile Safari/604.1");
        await laptop.SignInAsync("parent@example.org");
        await phone.SignInAsync("parent@example.org");
        await tablet.SignInAsync("parent@example.org");

        var (_, page) = await laptop.OpenAsync("/account/sessions");
        var headings = page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal("Chrome on Linux (this browser)", headings[0]);
        Assert.Equal(["Chrome on Android", "Safari on iPad"], headings.Skip(1).Order(StringComparer.Ordinal));

        var phoneSession = await App.QueryAsync(db => db.UserSessions.Where(s => s.UserAgent!.Contains("Android")).Select(s => s.Id).SingleAsync());
        var (ended, _) = await laptop.SubmitAsync("/account/sessions", new Dictionary<string, string> { ["sessionId"] = phoneSession.ToString() }, action: "/account/sessions/end");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var (_, afterEnding) = await laptop.OpenAsync("/account/sessions");
        Assert.Equal("You have signed out of that session", afterEnding.QuerySelector(".govuk-notification-banner__heading")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tablet.GetAsync("/account")).StatusCode);

        await laptop.SubmitAsync("/account/sessions", new Dictionary<string, string>(), action: "/account/sessions/others");
        Assert.Equal(HttpStatusCode.Redirect, (await tablet.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task Nobody_can_end_someone_else_s_session()
    {
        var (parent, _) = NewBrowser();
        await parent.SignInAsync("parent@example.org");
        var (other, _) = NewBrowser();
        await other.SignInAsync("sunita.shah@example.org");
        var parentsSession = await App.QueryAsync(db => db.UserSessions.Where(s => s.UserAccountId == db.Users.Single(u => u.Email == "parent@example.org").Id).Select(s => s.Id).SingleAsync());

        var (_, form) = await other.OpenAsync("/account/change-password");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (response, _) = await other.PostFormAsync("/account/sessions/end", new Dictionary<string, string> { ["sessionId"] = parentsSession.ToString(), ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task Turning_on_two_factor_signs_out_everywhere_else()
    {
        var (laptop, _) = NewBrowser();
        var (phone, _) = NewBrowser();
        await laptop.SignInAsync("parent@example.org");
        await phone.SignInAsync("parent@example.org");

        await laptop.TurnOnTwoFactorAsync(App.Time);

        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/account")).StatusCode);
    }
}
