using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using CommonGround.Testing;
using CommonGround.Core.Accounts;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>Whole journeys in Chromium, each page scanned for accessibility and watched for script or policy errors.</summary>
public sealed class Journeys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _consoleErrors = [];

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await browser.NewPageAsync(_consoleErrors);
        await page.GotoAsync(path);
        return page;
    }

    private Task AssertHeadingAsync(IPage page, string heading) => AssertPageAsync(page, heading, _consoleErrors);

    [Fact]
    public async Task A_professional_typing_a_label_on_a_phone_is_shown_a_hint_before_saving_and_a_parent_writing_is_not()
    {
        var sam = await browser.App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());
        var phone = await browser.NewPageAsync(_consoleErrors, new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await SignInAsync(phone, "senco@example.org");
        await phone.GotoAsync($"/children/{sam}/commitments/new");
        var details = phone.Locator("textarea[name='Input.Details']");
        var hints = phone.Locator("#Input_Details-language-hints");

        await details.FillAsync("Mum keeps bombarding the office with emails about this.");

        await Assertions.Expect(hints).ToContainTextAsync("bombarding");
        await Assertions.Expect(hints).ToContainTextAsync("Instead:");
        await AssertHeadingAsync(phone, (await phone.Locator("h1").InnerTextAsync()).Trim());
        await details.FillAsync("Mum emailed the office four times about this, asking for a start date.");
        await Assertions.Expect(hints).ToBeEmptyAsync();

        var parent = await browser.NewPageAsync(_consoleErrors, new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await SignInAsync(parent, "parent@example.org");
        await parent.GotoAsync($"/children/{sam}/about-me/what-matters/edit");
        await parent.Locator("textarea[name='Input.Text']").FillAsync("The school is on the warpath about his shoes.");
        await parent.Locator("textarea[name='Input.Text']").BlurAsync();
        Assert.Equal(0, await parent.Locator(".cg-language-hints").CountAsync());
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task A_parent_signs_in_sees_their_children_and_signs_out()
    {
        var page = await OpenAsync("/sign-in");
        await AssertHeadingAsync(page, "Sign in to CommonGround");

        // The wrong password first: the error summary takes the reader to the field.
        await page.GetByLabel("Email address").FillAsync("parent@example.org");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("not my password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a correct email address and password");
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TestRecords.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AssertHeadingAsync(page, "What needs you");
        await Assertions.Expect(page.Locator(".cg-signed-in")).ToContainTextAsync("Signed in as Alex Morgan");

        await page.GotoAsync("/account");
        await AssertHeadingAsync(page, "Your account");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await AssertHeadingAsync(page, "You have signed out");
        await page.GotoAsync("/children");
        await AssertHeadingAsync(page, "Sign in to CommonGround");
    }

    [Fact]
    public async Task A_family_member_sets_up_two_factor_authentication_and_then_signs_in_with_a_code()
    {
        var page = await OpenAsync("/");
        await SignInAsync(page, "youngperson@example.org");
        await page.GotoAsync("/account");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up two-factor authentication" }).ClickAsync();
        await AssertHeadingAsync(page, "Set up two-factor authentication");

        await page.GetByText("I cannot scan the QR code").ClickAsync();
        var key = (await page.Locator(".cg-secret-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("Code from the app").FillAsync(TotpAuthenticator.CodeAt(key, browser.App.Time.GetUtcNow().UtcDateTime));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await AssertHeadingAsync(page, "Save your recovery codes");
        Assert.Equal(10, await page.Locator(".cg-recovery-codes li").CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "I have saved my recovery codes" }).ClickAsync();
        await AssertHeadingAsync(page, "Your account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        browser.App.Time.Advance(TimeSpan.FromSeconds(30));
        await SignInAsync(page, "youngperson@example.org");
        await AssertHeadingAsync(page, "Enter your security code");
        await page.GetByLabel("Enter your security code").FillAsync(TotpAuthenticator.CodeAt(key, browser.App.Time.GetUtcNow().UtcDateTime));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await AssertHeadingAsync(page, "What needs you");
    }

    [Fact]
    public async Task A_parent_who_forgot_their_password_resets_it_from_the_email()
    {
        var page = await OpenAsync("/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "I have forgotten my password" }).ClickAsync();
        await AssertHeadingAsync(page, "Reset your password");

        await page.GetByLabel("Email address").FillAsync("sunita.shah@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send link" }).ClickAsync();
        await AssertHeadingAsync(page, "Check your email");

        await page.GotoAsync(await browser.App.LinkInLatestEmailToAsync("sunita.shah@example.org"));
        await AssertHeadingAsync(page, "Choose a new password");
        await page.GetByLabel("New password").FillAsync("password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save new password" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Password must be 12 characters or more");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("New password").FillAsync("the kettle is on again");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save new password" }).ClickAsync();
        await AssertHeadingAsync(page, "Sign in to CommonGround");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your password has been changed");

        await SignInAsync(page, "sunita.shah@example.org", "the kettle is on again");
        await AssertHeadingAsync(page, "What needs you");
    }

    [Theory]
    [InlineData("/", "Working together for your child")]
    [InlineData("/register", "Create an account")]
    [InlineData("/accessibility", "Accessibility statement for CommonGround")]
    [InlineData("/privacy", "Privacy notice")]
    [InlineData("/cookies", "Cookies")]
    [InlineData("/no-such-page", "Page not found")]
    [InlineData("/test/fail", "Sorry, there is a problem with the service")]
    [InlineData("/error/400", "Sorry, there is a problem with what was sent")]
    [InlineData("/invitations/not-a-real-token", "There is a problem with this invitation")]
    public async Task Shell_and_error_pages_are_accessible(string path, string heading)
    {
        var page = await OpenAsync(path);
        await AssertHeadingAsync(page, heading);
    }

    [Fact]
    public async Task The_skip_link_is_the_first_thing_the_keyboard_reaches()
    {
        var page = await OpenAsync("/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", (await page.EvaluateAsync<string>("document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#main-content$"));
        await Assertions.Expect(page.Locator("#main-content")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Forms_with_errors_and_pages_for_staff_and_admins_are_accessible()
    {
        var page = await OpenAsync("/register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your full name");
        await page.AssertAccessibleAsync();

        await SignInAsync(page, "parent@example.org");
        await page.GotoAsync("/children/add");
        await AssertHeadingAsync(page, "Add a child");
        await page.GetByLabel("Day").FillAsync("31");
        await page.GetByLabel("Month").FillAsync("2");
        await page.GetByLabel("Year").FillAsync("2019");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add child" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Date of birth must be a real date");
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/admin/areas");
        await AssertHeadingAsync(page, "You do not have permission to see this page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await SignInAsync(page, "orgadmin@example.org");
        await page.GotoAsync("/organisation");
        await AssertHeadingAsync(page, "Brookside Primary School");
        await page.GotoAsync("/organisation/staff/invite");
        await AssertHeadingAsync(page, "Invite a member of staff");
        await page.GotoAsync("/organisation/details");
        await AssertHeadingAsync(page, "Change your organisation's details");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await SignInAsync(page, "admin@example.org");
        await AssertHeadingAsync(page, "Organisations");
        await page.GotoAsync("/admin/organisations/new");
        await AssertHeadingAsync(page, "Add an organisation");
        await page.GotoAsync("/admin/areas");
        await AssertHeadingAsync(page, "Areas");
    }
}
