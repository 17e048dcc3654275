using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>A parent sees where they are signed in and signs a lost phone out, from a computer; and the same without JavaScript.</summary>
public sealed class AccountSecurityJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string IPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
    private const string WindowsChrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

    private readonly List<string> _errors = [];

    private bool _javaScript = true;

    /// <summary>The heading, and with JavaScript on the accessibility scan too (the scan runs as script, so it cannot run without).</summary>
    private async Task AssertPageAsync(IPage page, string heading)
    {
        if (_javaScript)
        {
            await Steps.AssertPageAsync(page, heading, _errors);
            return;
        }

        Assert.Equal(heading, (await page.Locator("h1").First.InnerTextAsync()).Trim());
        Assert.Empty(_errors);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_parent_signs_out_a_lost_phone_from_their_computer(bool javaScript)
    {
        _javaScript = javaScript;
        var phone = await browser.NewPageAsync(_errors, new() { ViewportSize = new() { Width = 390, Height = 844 }, UserAgent = IPhone, JavaScriptEnabled = javaScript });
        await SignInAsync(phone, "dee.reid@example.org");
        await phone.GotoAsync("/account");
        await AssertPageAsync(phone, "Your account");

        var computer = await browser.NewPageAsync(_errors, new() { UserAgent = WindowsChrome, JavaScriptEnabled = javaScript });
        await SignInAsync(computer, "dee.reid@example.org");
        await computer.GotoAsync("/account");
        await AssertPageAsync(computer, "Your account");
        await computer.GetByRole(AriaRole.Link, new() { Name = "See where you are signed in" }).ClickAsync();
        await AssertPageAsync(computer, "Where you are signed in");
        await Assertions.Expect(computer.Locator("main h2").First).ToHaveTextAsync("Chrome on Windows (this browser)");
        await Assertions.Expect(computer.Locator("main")).ToContainTextAsync("Safari on iPhone");

        await Click(computer, AriaRole.Button, "Sign out of Safari on iPhone");
        await AssertPageAsync(computer, "Where you are signed in");
        await Assertions.Expect(computer.Locator(".govuk-notification-banner--success")).ToContainTextAsync("You have signed out of that session");
        await Assertions.Expect(computer.Locator("main")).Not.ToContainTextAsync("Safari on iPhone");

        // The phone, whoever has it now, is signed out at once.
        await phone.GotoAsync("/account");
        await AssertPageAsync(phone, "Sign in to CommonGround");
        await phone.GotoAsync("/account/sessions");
        await AssertPageAsync(phone, "Sign in to CommonGround");
    }
}
