using CommonGround.Testing;
using System.Net;
using AngleSharp.Dom;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

public sealed class TwoFactorTests : FreshAppTests
{
    private DateTime Now => App.Time.GetUtcNow().UtcDateTime;

    /// <summary>Turns on two-factor authentication as a person would: reads the key off the page and types the app's code.</summary>
    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> SetUpAsync(HttpClient client)
    {
        var (_, page) = await client.OpenAsync("/account/two-factor/set-up");
        var key = page.QuerySelector(".cg-secret-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector(".cg-qr-code img")!.GetAttribute("src"), StringComparison.Ordinal);

        var (response, codesPage) = await client.SubmitAsync("/account/two-factor/set-up", new Dictionary<string, string> { ["Input.Code"] = TotpAuthenticator.CodeAt(key, Now) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Save your recovery codes", codesPage.Heading());
        var codes = codesPage.QuerySelectorAll(".cg-recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    private static async Task<HttpResponseMessage> EnterPasswordAsync(HttpClient client, string email)
    {
        var (response, _) = await client.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestRecords.Password });
        return response;
    }

    [Fact]
    public async Task After_set_up_signing_in_needs_a_code_from_the_app_and_each_code_works_once()
    {
        var client = App.NewClient();
        await client.SignInAsync("parent@example.org");
        var (key, _) = await SetUpAsync(client);
        Assert.True(await App.QueryAsync(db => db.Users.Where(u => u.Email == "parent@example.org").Select(u => u.TwoFactorEnabled).SingleAsync()));

        App.Time.Advance(TimeSpan.FromSeconds(30));
        var second = App.NewClient();
        var password = await EnterPasswordAsync(second, "parent@example.org");
        Assert.Equal("/sign-in/two-factor", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/account")).StatusCode);

        var (wrong, wrongPage) = await second.SubmitAsync("/sign-in/two-factor", new Dictionary<string, string> { ["Input.Code"] = "000000" == TotpAuthenticator.CodeAt(key, Now) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(["The code is not right or has expired. Enter the code your app shows now"], wrongPage.ErrorSummary());

        var code = TotpAuthenticator.CodeAt(key, Now);
        var (right, _) = await second.SubmitAsync("/sign-in/two-factor", new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/account")).StatusCode);

        // The same code, seen over a shoulder, is spent.
        var third = App.NewClient();
        await EnterPasswordAsync(third, "parent@example.org");
        var (reused, _) = await third.SubmitAsync("/sign-in/two-factor", new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var client = App.NewClient();
        await client.SignInAsync("youngperson@example.org");
        var (_, codes) = await SetUpAsync(client);

        var second = App.NewClient();
        await EnterPasswordAsync(second, "youngperson@example.org");
        var (used, _) = await second.SubmitAsync("/sign-in/recovery-code", new Dictionary<string, string> { ["Input.Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/account")).StatusCode);

        var third = App.NewClient();
        await EnterPasswordAsync(third, "youngperson@example.org");
        var (again, page) = await third.SubmitAsync("/sign-in/recovery-code", new Dictionary<string, string> { ["Input.Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(["This recovery code is not right or has already been used"], page.ErrorSummary());
        Assert.True(await App.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.RecoveryCodeUsed)));
    }

    [Fact]
    public async Task A_wrong_code_at_set_up_leaves_two_factor_off()
    {
        var client = App.NewClient();
        await client.SignInAsync("transport@example.org");
        var (_, page) = await client.OpenAsync("/account/two-factor/set-up");
        var key = page.QuerySelector(".cg-secret-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var wrongCode = TotpAuthenticator.CodeAt(key, Now.AddHours(1));

        var (response, errorPage) = await client.SubmitAsync("/account/two-factor/set-up", new Dictionary<string, string> { ["Input.Code"] = wrongCode });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["The code is not right or has expired. Enter the code your app shows now"], errorPage.ErrorSummary());
        Assert.False(await App.QueryAsync(db => db.Users.Where(u => u.Email == "transport@example.org").Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task A_family_member_can_turn_two_factor_off_again()
    {
        var client = App.NewClient();
        await client.SignInAsync("sunita.shah@example.org");
        await SetUpAsync(client);

        var (response, _) = await client.SubmitAsync("/account/two-factor/turn-off", new Dictionary<string, string> { ["Input.Proof"] = TestRecords.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await App.QueryAsync(db => db.Users.Where(u => u.Email == "sunita.shah@example.org").Select(u => u.TwoFactorEnabled).SingleAsync()));
    }
}

public sealed class TurningTwoFactorOffAsksAgainTests : FreshAppTests
{
    [Theory]
    [InlineData("", "Enter your password, or the code from your authenticator app")]
    [InlineData("not my password at all", "Enter your correct password, or the code your authenticator app shows now")]
    [InlineData("123456", "Enter your correct password, or the code your authenticator app shows now")]
    public async Task Without_the_password_or_a_code_two_factor_stays_on(string proof, string message)
    {
        var client = App.NewClient();
        await client.SignInAsync("sunita.shah@example.org");
        var (key, _) = await client.TurnOnTwoFactorAsync(App.Time);
        var code = TotpAuthenticator.CodeAt(key, App.Time.GetUtcNow().UtcDateTime);

        var (response, page) = await client.SubmitAsync("/account/two-factor/turn-off", new Dictionary<string, string> { ["Input.Proof"] = proof == "123456" && code == "123456" ? "654321" : proof });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], page.ErrorSummary());
        Assert.True(await App.QueryAsync(db => db.Users.Where(u => u.Email == "sunita.shah@example.org").Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task A_code_from_the_app_is_enough_to_turn_it_off()
    {
        var client = App.NewClient();
        await client.SignInAsync("sunita.shah@example.org");
        var (key, _) = await client.TurnOnTwoFactorAsync(App.Time);

        App.Time.Advance(TimeSpan.FromSeconds(30));
        var (response, _) = await client.SubmitAsync("/account/two-factor/turn-off", new Dictionary<string, string> { ["Input.Proof"] = TotpAuthenticator.CodeAt(key, App.Time.GetUtcNow().UtcDateTime) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await App.QueryAsync(db => db.Users.Where(u => u.Email == "sunita.shah@example.org").Select(u => u.TwoFactorEnabled).SingleAsync()));
    }
}

public sealed class MfaRequiredAppFactory : AppFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Security:RequireMfaForProfessionals"] = "true" };
}

public sealed class MfaRequiredTests(MfaRequiredAppFactory app) : IClassFixture<MfaRequiredAppFactory>
{
    [Fact]
    public async Task A_professional_sees_no_child_data_until_two_factor_is_set_up()
    {
        var client = app.NewClient();
        await client.SignInAsync("therapist@example.org");

        var blocked = await client.GetAsync("/children");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal("/account/two-factor/set-up?required=true", blocked.Headers.Location!.OriginalString);
        var (_, setUp) = await client.OpenAsync(blocked.Headers.Location.OriginalString);
        Assert.Contains("before you can see any child's record", setUp.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);

        var key = setUp.QuerySelector(".cg-secret-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await client.SubmitAsync("/account/two-factor/set-up", new Dictionary<string, string> { ["Input.Code"] = TotpAuthenticator.CodeAt(key, app.Time.GetUtcNow().UtcDateTime) });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/children")).StatusCode);

        // And it cannot then be turned off.
        var (turnOff, _) = await client.OpenAsync("/account/two-factor/turn-off");
        Assert.Equal(HttpStatusCode.Redirect, turnOff.StatusCode);
    }

    [Fact]
    public async Task Families_are_not_made_to_set_up_two_factor()
    {
        var client = app.NewClient();
        await client.SignInAsync("parent@example.org");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/children")).StatusCode);
    }
}
