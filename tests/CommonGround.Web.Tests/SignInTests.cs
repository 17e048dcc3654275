using CommonGround.Testing;
using AngleSharp.Dom;
using System.Net;
using CommonGround.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

public sealed class SignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Fact]
    public async Task The_demo_parent_can_sign_in_and_sign_out_and_both_are_audited()
    {
        var client = app.NewClient();
        var signIn = await client.SignInAsync("parent@example.org");
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);

        var (_, children) = await client.OpenAsync("/children");
        Assert.Equal("What needs you", children.Heading());
        Assert.Contains("Alex Morgan", children.QuerySelector(".cg-signed-in")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Samuel Morgan", children.Body!.TextContent, StringComparison.Ordinal);

        var (signOut, signedOut) = await client.SubmitAsync("/sign-out", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/signed-out", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/children")).StatusCode);

        var actions = await app.QueryAsync(db => db.AuditEvents.Where(a => a.ActorName == "Alex Morgan").Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.SignedIn, actions);
        Assert.Contains(AuditActions.SignedOut, actions);
    }

    [Fact]
    public async Task A_return_address_on_this_site_is_honoured_and_one_elsewhere_is_not()
    {
        var client = app.NewClient();
        var (local, _) = await client.SubmitAsync("/sign-in?ReturnUrl=%2Faccount", Credentials("transport@example.org", TestRecords.Password));
        Assert.Equal("/account", local.Headers.Location!.OriginalString);

        var other = app.NewClient();
        var (external, _) = await other.SubmitAsync("/sign-in?ReturnUrl=https%3A%2F%2Fevil.example%2F", Credentials("transport@example.org", TestRecords.Password));
        Assert.Equal("/", external.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_gives_a_clear_message_signs_nobody_in_and_is_audited()
    {
        var client = app.NewClient();
        var (response, page) = await client.SubmitAsync("/sign-in", Credentials("therapist@example.org", "not the right password"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Enter a correct email address and password"], page.ErrorSummary());
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Equal("therapist@example.org", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Email")!.Value);
        Assert.Equal("", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Password")!.Value);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);
        Assert.True(await app.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.SignInFailed && a.ActorName == "Grace Okafor")));
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        var (response, page) = await app.NewClient().SubmitAsync("/sign-in", Credentials("nobody@example.org", "some password here"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Enter a correct email address and password"], page.ErrorSummary());
    }

    [Theory]
    [InlineData("", "", "Enter your email address|Enter your password")]
    [InlineData("not-an-email", "whatever password", "Enter an email address in the correct format, like name@example.com")]
    public async Task Missing_or_malformed_input_is_named_in_the_error_summary(string email, string password, string expected)
    {
        var (response, page) = await app.NewClient().SubmitAsync("/sign-in", Credentials(email, password));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected.Split('|'), page.ErrorSummary());
        Assert.Equal("#Input_Email", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Five_wrong_passwords_pause_signing_in_with_that_email_so_even_the_right_one_is_refused_and_the_account_is_locked()
    {
        var client = app.NewClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SubmitAsync("/sign-in", Credentials("dee.reid@example.org", $"wrong password {attempt}"));
        }

        var (response, page) = await client.SubmitAsync("/sign-in", Credentials("dee.reid@example.org", TestRecords.Password));
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(int.Parse(response.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 15 * 60);
        Assert.StartsWith("There have been too many attempts to sign in. Wait until ", page.ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);

        // Behind the pause, the account itself is locked for 15 minutes.
        var lockout = await app.QueryAsync(db => db.Users.Where(u => u.Email == "dee.reid@example.org").Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockout);
        Assert.True(await app.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.SignInThrottled && a.ActorName == "dee.reid@example.org")));
    }

    [Fact]
    public async Task An_email_with_no_account_is_paused_after_the_same_number_of_failures_with_the_same_words()
    {
        var client = app.NewClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (failed, failedPage) = await client.SubmitAsync("/sign-in", Credentials("no.such.person@example.org", $"wrong password {attempt}"));
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
            Assert.Equal(["Enter a correct email address and password"], failedPage.ErrorSummary());
        }

        var (response, page) = await client.SubmitAsync("/sign-in", Credentials("no.such.person@example.org", TestRecords.Password));
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.StartsWith("There have been too many attempts to sign in. Wait until ", page.ErrorSummary().Single(), StringComparison.Ordinal);
    }
}
