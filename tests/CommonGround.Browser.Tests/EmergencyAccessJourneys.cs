using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// Ruth, who leads the council's SEND team and has no place on Sam's team, must see his record in a safeguarding
/// emergency. She opens it on her phone, reads it, and ends it; Alex then sees who opened it and why, with JavaScript off.
/// Today is Monday 23 November 2026.
/// </summary>
public sealed class EmergencyAccessJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Reason = "The police called the duty line about Sam tonight and I need his school and his family's contacts now.";
    private readonly List<string> _errors = [];

    private Task AssertPageAsync(IPage page, string heading) => Steps.AssertPageAsync(page, heading, _errors);

    [Fact]
    public async Task A_council_lead_opens_Sams_record_in_an_emergency_on_a_phone_and_the_family_sees_why()
    {
        var sam = await browser.App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());
        var ruth = await browser.NewPageAsync(_errors, new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
        await SignInAsync(ruth, "send.lead@example.org");

        await ruth.GotoAsync("/organisation");
        await Click(ruth, AriaRole.Link, "Emergency access");
        await AssertPageAsync(ruth, "Emergency access to a child's record");
        await Click(ruth, AriaRole.Button, "Find the child");
        await Assertions.Expect(ruth.Locator(".govuk-error-summary")).ToContainTextAsync("Enter at least 2 letters of the child's name");
        await ruth.GetByLabel("Child's name").FillAsync("Sam Morgan");
        await Click(ruth, AriaRole.Button, "Find the child");
        await AssertPageAsync(ruth, "Emergency access to a child's record");
        await ruth.GetByRole(AriaRole.Link, new() { Name = "Open under emergency access for Samuel Morgan" }).ClickAsync();
        await AssertPageAsync(ruth, "Open Samuel Morgan's record");

        // Without a reason nothing opens; with one, the record opens to read.
        await Click(ruth, AriaRole.Button, "Open the record");
        await Assertions.Expect(ruth.Locator(".govuk-error-summary")).ToContainTextAsync("Say why you must see this record now");
        await ruth.GetByLabel("Why must you see this record now?").FillAsync(Reason);
        await ruth.GetByLabel("4 hours", new() { Exact = true }).CheckAsync();
        await Click(ruth, AriaRole.Button, "Open the record");
        await AssertPageAsync(ruth, "Sam Morgan");
        await Assertions.Expect(ruth.Locator(".govuk-notification-banner")).ToContainTextAsync("You can read Sam's record until");
        await Assertions.Expect(ruth.Locator("main")).ToContainTextAsync("You are reading Sam's record under emergency access. You can change nothing.");
        Assert.True(await ruth.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The record scrolls sideways on a phone");
        await Click(ruth, AriaRole.Link, "About Sam");
        await AssertPageAsync(ruth, "About Sam");

        await ruth.GotoAsync($"/children/{sam}");
        await Click(ruth, AriaRole.Button, "I have finished: end my emergency access");
        await AssertPageAsync(ruth, "Emergency access to a child's record");
        await Assertions.Expect(ruth.Locator(".govuk-notification-banner")).ToContainTextAsync("Your emergency access has ended");
        await Assertions.Expect(ruth.Locator("main table").Last).ToContainTextAsync("(ended early)");
        var closed = await ruth.GotoAsync($"/children/{sam}");
        Assert.Equal(404, closed!.Status);

        // Alex, on a computer without JavaScript, reads who opened it, why, and what they looked at.
        var parent = await browser.NewPageAsync(_errors, new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new() { Width = 1280, Height = 900 } });
        await SignInAsync(parent, "parent@example.org");
        await parent.GotoAsync($"/children/{sam}/who-has-seen");
        Assert.Equal("Who has seen Sam's record", (await parent.Locator("h1").First.InnerTextAsync()).Trim());
        var opened = parent.Locator("main table").First;
        await Assertions.Expect(opened).ToContainTextAsync("Ruth Adeyemi, Northvale Council SEND Team");
        await Assertions.Expect(opened).ToContainTextAsync(Reason);
        await Assertions.Expect(parent.Locator("main table").Last).ToContainTextAsync("About me");

        // The same page on a phone with JavaScript on: nothing sideways, and axe finds nothing.
        var phone = await browser.NewPageAsync(_errors, new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
        await SignInAsync(phone, "parent@example.org");
        await phone.GotoAsync($"/children/{sam}/who-has-seen");
        await AssertPageAsync(phone, "Who has seen Sam's record");
        Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "Who has seen scrolls sideways on a phone");
        Assert.Empty(_errors);
    }
}
