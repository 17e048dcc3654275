using CommonGround.Testing;
using System.Net;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

/// <summary>Registration, email confirmation, password reset and change: the journeys that rely on emailed links.</summary>
public sealed class AccountJourneyTests : FreshAppTests
{
    private static Dictionary<string, string> Registration(string email, string password, string name = "Morgan Lee") =>
        new() { ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Password"] = password };

    [Fact]
    public async Task A_parent_registers_confirms_their_email_and_signs_in()
    {
        var client = App.NewClient();
        var (response, _) = await client.SubmitAsync("/register", Registration("morgan@example.org", "rainy tuesday bus stop"));
        Assert.Equal("/register/check-your-email", response.Headers.Location!.OriginalString);
        var (_, check) = await client.OpenAsync("/register/check-your-email");
        Assert.Contains("morgan@example.org", check.Body!.TextContent, StringComparison.Ordinal);

        // Not until the email is confirmed.
        var (early, earlyPage) = await client.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = "morgan@example.org", ["Input.Password"] = "rainy tuesday bus stop" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("confirm your email address", earlyPage.ErrorSummary().Single(), StringComparison.Ordinal);

        var link = await App.LinkInLatestEmailToAsync("morgan@example.org");
        var (confirmed, confirmedPage) = await client.OpenAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Your email address is confirmed", confirmedPage.Heading());

        await client.SignInAsync("morgan@example.org", "rainy tuesday bus stop");
        var (_, children) = await client.OpenAsync("/children");
        Assert.Equal("My children", children.Heading());

        var account = await App.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "morgan@example.org"));
        Assert.Equal(AccountKind.Family, account.Kind);
        var actions = await App.QueryAsync(db => db.AuditEvents.Where(a => a.EntityId == account.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.Registered, actions);
        Assert.Contains(AuditActions.EmailConfirmed, actions);
    }

    [Theory]
    [InlineData("", "", "", "Enter your full name|Enter your email address|Enter a password")]
    [InlineData("Sam", "sam@", "rainy tuesday bus stop", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("Sam", "sam@example.org", "short", "Password must be 12 characters or more")]
    [InlineData("Sam", "sam@example.org", "password1234", "Choose a password that is harder to guess. This one is on a list of common passwords")]
    public async Task Registration_with_bad_input_says_what_to_fix_and_creates_nothing(string name, string email, string password, string expected)
    {
        var before = await App.QueryAsync(db => db.Users.CountAsync());
        var (response, page) = await App.NewClient().SubmitAsync("/register", Registration(email, password, name));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected.Split('|'), page.ErrorSummary());
        Assert.Equal(before, await App.QueryAsync(db => db.Users.CountAsync()));
        Assert.Empty(await App.DeliverEmailAsync());
    }

    [Fact]
    public async Task Registering_an_email_that_has_an_account_reveals_nothing_and_tells_the_owner()
    {
        var before = await App.QueryAsync(db => db.Users.CountAsync());
        var (response, _) = await App.NewClient().SubmitAsync("/register", Registration("parent@example.org", "rainy tuesday bus stop"));

        Assert.Equal("/register/check-your-email", response.Headers.Location!.OriginalString);
        Assert.Equal(before, await App.QueryAsync(db => db.Users.CountAsync()));
        var email = (await App.DeliverEmailAsync()).Single();
        Assert.Equal("Someone tried to create a CommonGround account with your email", email.Subject);
    }

    [Fact]
    public async Task A_confirmation_link_that_is_tampered_with_or_too_old_does_not_confirm()
    {
        var client = App.NewClient();
        await client.SubmitAsync("/register", Registration("late@example.org", "rainy tuesday bus stop"));
        var link = await App.LinkInLatestEmailToAsync("late@example.org");

        var (tampered, _) = await client.OpenAsync(link[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);

        App.Time.Advance(ExpiringLinkTokens.EmailConfirmationLifetime + TimeSpan.FromMinutes(1));
        var (expired, page) = await client.OpenAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal("This link has expired", page.Heading());
        Assert.False(await App.QueryAsync(db => db.Users.Where(u => u.Email == "late@example.org").Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_by_emailed_link_that_works_once()
    {
        var client = App.NewClient();
        var (sent, sentPage) = await client.SubmitAsync("/forgotten-password", new Dictionary<string, string> { ["Input.Email"] = "parent@example.org" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("Check your email", sentPage.Heading());

        var link = await App.LinkInLatestEmailToAsync("parent@example.org");
        var (reset, _) = await client.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await App.NewClient().SignInAsync("parent@example.org", "a brand new passphrase");

        var (again, againPage) = await client.OpenAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("This link has expired", againPage.Heading());
        Assert.True(await App.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.PasswordReset)));
    }

    [Fact]
    public async Task A_reset_link_older_than_an_hour_has_expired_and_the_password_is_unchanged()
    {
        var client = App.NewClient();
        await client.SubmitAsync("/forgotten-password", new Dictionary<string, string> { ["Input.Email"] = "transport@example.org" });
        var link = await App.LinkInLatestEmailToAsync("transport@example.org");
        var (_, form) = await client.OpenAsync(link);
        Assert.Equal("Choose a new password", form.Heading());

        App.Time.Advance(TimeSpan.FromMinutes(61));
        var (expired, page) = await client.PostFormAsync(link.Split('?')[0], new Dictionary<string, string>
        {
            ["UserId"] = form.QuerySelector("input[name=UserId]")!.GetAttribute("value")!,
            ["Token"] = form.QuerySelector("input[name=Token]")!.GetAttribute("value")!,
            ["Input.Password"] = "a brand new passphrase",
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        });
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal("This link has expired", page.Heading());
        await App.NewClient().SignInAsync("transport@example.org");
    }

    [Fact]
    public async Task Asking_to_reset_an_unknown_email_looks_the_same_and_sends_nothing()
    {
        var (response, page) = await App.NewClient().SubmitAsync("/forgotten-password", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Check your email", page.Heading());
        Assert.Empty(await App.DeliverEmailAsync());
    }

    [Fact]
    public async Task A_person_changes_their_own_name_and_bad_input_changes_nothing()
    {
        var client = App.NewClient();
        await client.SignInAsync("parent@example.org");

        var (blank, page) = await client.SubmitAsync("/account/name", new Dictionary<string, string> { ["Input.Name"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("Enter your name", page.ErrorSummary());
        var (saved, _) = await client.SubmitAsync("/account/name", new Dictionary<string, string> { ["Input.Name"] = "Alex Morgan-Reid" });

        Assert.Equal("/account", saved.Headers.Location!.OriginalString);
        Assert.Equal("Alex Morgan-Reid", await App.QueryAsync(db => db.Users.Where(u => u.Email == "parent@example.org").Select(u => u.DisplayName).SingleAsync()));
        Assert.True(await App.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.NameChanged)));
    }

    [Fact]
    public async Task A_person_changes_their_email_by_a_link_sent_to_the_new_address_and_signs_in_with_it()
    {
        var client = App.NewClient();
        await client.SignInAsync("parent@example.org");

        var (wrongPassword, page) = await client.SubmitAsync("/account/email", new Dictionary<string, string> { ["Input.NewEmail"] = "alex.new@example.org", ["Input.CurrentPassword"] = "not my password" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        Assert.Contains("Enter your password correctly", page.ErrorSummary());
        var (asked, _) = await client.SubmitAsync("/account/email", new Dictionary<string, string> { ["Input.NewEmail"] = "alex.new@example.org", ["Input.CurrentPassword"] = TestRecords.Password });
        Assert.Equal("/account", asked.Headers.Location!.OriginalString);
        var emails = await App.DeliverEmailAsync();
        Assert.Contains(emails, m => m.To.Mailboxes.Any(t => t.Address == "parent@example.org") && m.Subject!.Contains("change your CommonGround email", StringComparison.Ordinal));
        // Nothing changes until the link is used.
        Assert.Equal(1, await App.QueryAsync(db => db.Users.CountAsync(u => u.Email == "parent@example.org")));

        var link = await App.LinkInLatestEmailToAsync("alex.new@example.org");
        var (_, confirm) = await client.OpenAsync(link);
        Assert.Equal("Confirm your new email address", confirm.Heading());
        var (_, tampered) = await client.OpenAsync(link.Replace("alex.new", "someone.else", StringComparison.Ordinal));
        Assert.Equal("This link does not work", tampered.Heading());
        var (changed, _) = await client.SubmitAsync(link, new Dictionary<string, string>());

        Assert.Equal("/account", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
        var fresh = App.NewClient();
        await fresh.SignInAsync("alex.new@example.org");
        Assert.True(await App.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.EmailChanged)));
    }

    [Fact]
    public async Task Changing_a_password_needs_the_current_one()
    {
        var client = App.NewClient();
        await client.SignInAsync("caseworker@example.org");

        var (wrong, wrongPage) = await client.SubmitAsync("/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not my password",
            ["Input.NewPassword"] = "a brand new passphrase",
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(["Your current password is not right"], wrongPage.ErrorSummary());

        var (changed, _) = await client.SubmitAsync("/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestRecords.Password,
            ["Input.NewPassword"] = "a brand new passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var (_, account) = await client.OpenAsync("/account");
        Assert.Equal("Your password has been changed", account.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        await App.NewClient().SignInAsync("caseworker@example.org", "a brand new passphrase");
    }
}
