using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// A tired parent on a phone writes in About me, is called away, and presses Save after their session has ended:
/// their words come back after signing in again. With JavaScript on, they are warned first and can stay signed in.
/// </summary>
public sealed class NothingLostJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Words = "Trains, his dog Biscuit, and knowing what will happen next.";
    private readonly List<string> _errors = [];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_parent_whose_session_ran_out_gets_their_words_back_after_signing_in_again(bool javaScript)
    {
        var sam = await browser.App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());
        var phone = await browser.NewPageAsync(_errors, new() { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = javaScript });
        await SignInAsync(phone, "parent@example.org");
        await phone.GotoAsync($"/children/{sam}/about-me/what-matters/edit");
        var heading = (await phone.Locator("h1").InnerTextAsync()).Trim();
        await phone.Locator("textarea[name='Input.Text']").FillAsync(Words);

        browser.App.Time.Advance(TimeSpan.FromMinutes(31));
        await Click(phone, AriaRole.Button, "Save");

        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("Sign in to CommonGround");
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("what you were writing has been kept, and has not been saved yet");
        await phone.GetByLabel("Email address").FillAsync("parent@example.org");
        await phone.GetByLabel("Password", new() { Exact = true }).FillAsync(CommonGround.Testing.TestRecords.Password);
        await Click(phone, AriaRole.Button, "Sign in");

        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync(heading);
        await Assertions.Expect(phone.Locator("textarea[name='Input.Text']")).ToHaveValueAsync(Words);
        await Assertions.Expect(phone.Locator(".govuk-notification-banner")).ToContainTextAsync("What you wrote has not been saved yet");
        if (javaScript)
        {
            await AssertPageAsync(phone, heading, _errors);
        }

        await Click(phone, AriaRole.Button, "Save");
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync(Words);
        Assert.Empty(_errors);
    }

    [Fact]
    public async Task Two_minutes_before_the_session_would_end_the_parent_is_offered_to_stay_signed_in()
    {
        var page = await browser.NewPageAsync(_errors, new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await page.Clock.InstallAsync();
        await SignInAsync(page, "parent@example.org");
        await page.GotoAsync("/account");
        var warning = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(warning).ToBeHiddenAsync();

        await page.Clock.FastForwardAsync("28:01");
        await Assertions.Expect(warning).ToBeVisibleAsync();
        await Assertions.Expect(warning.Locator("h2")).ToHaveTextAsync("You will be signed out soon");
        await page.AssertAccessibleAsync();
        // With JavaScript the choice is sent in the background and the page stays where it is.
        await page.GetByRole(AriaRole.Button, new() { Name = "Stay signed in", Exact = true }).ClickAsync();
        await Assertions.Expect(warning).ToBeHiddenAsync();

        // Left alone again, it warns again and then says plainly that the session has ended.
        await page.Clock.FastForwardAsync("28:01");
        await Assertions.Expect(warning).ToBeVisibleAsync();
        await page.Clock.FastForwardAsync("02:00");
        await Assertions.Expect(warning.Locator("h2")).ToHaveTextAsync("You have been signed out");
        Assert.Empty(_errors);
    }
}
