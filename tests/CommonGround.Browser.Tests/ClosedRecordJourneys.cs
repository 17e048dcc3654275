using CommonGround.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// The demo's closed record, on the smallest phones: Sunita, whose son Arjun's record Tom closed when he moved to
/// another area, reads her children list, her request to have it erased sooner, her account and how long things are
/// kept with JavaScript off at 320 px;
/// Tom sees the closed record marked in his list at 390 px with JavaScript on.
/// </summary>
public sealed class ClosedRecordJourneys(DemoBrowserFixture browser) : IClassFixture<DemoBrowserFixture>
{
    private readonly List<string> _errors = [];

    [Fact]
    public async Task Sunita_reads_that_Arjuns_record_is_closed_and_how_long_her_account_is_kept_on_a_small_phone_without_JavaScript()
    {
        var arjun = await browser.App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Arjun").Select(c => c.Id).SingleAsync());
        var maya = await browser.App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Maya").Select(c => c.Id).SingleAsync());
        var sunita = await browser.NewPageAsync(_errors, new BrowserNewContextOptions { ViewportSize = new() { Width = 320, Height = 640 }, JavaScriptEnabled = false });
        await SignInAsync(sunita, "sunita.shah@example.org", DemoData.Password);

        // Without JavaScript axe cannot run; the heading, the words and the width are checked instead.
        await sunita.GotoAsync("/children");
        Assert.Equal("What needs you", (await sunita.Locator("h1").InnerTextAsync()).Trim());
        await Assertions.Expect(sunita.Locator("main .govuk-tag", new() { HasTextString = "Record closed" })).ToHaveCountAsync(1);
        await Assertions.Expect(sunita.Locator($"main a[href='/children/{arjun}/family/invite']")).ToHaveCountAsync(0);
        await Assertions.Expect(sunita.Locator($"main a[href='/children/{maya}/family/invite']")).ToHaveCountAsync(1);
        await AssertNoSidewaysScrollAsync(sunita, 320);

        // Her request to have it erased sooner waits for Tom's answer.
        await sunita.GotoAsync($"/children/{arjun}");
        await Click(sunita, AriaRole.Link, "What can be erased sooner");
        Assert.Equal("Erasing Arjun's record", (await sunita.Locator("h1").InnerTextAsync()).Trim());
        await Assertions.Expect(sunita.Locator("main")).ToContainTextAsync("The law requires it to be kept until");
        await Assertions.Expect(sunita.Locator("main")).ToContainTextAsync("Waiting for an answer");
        await AssertNoSidewaysScrollAsync(sunita, 320);
        await Click(sunita, AriaRole.Link, "See the request");
        Assert.Equal("A request to erase the record", (await sunita.Locator("h1").InnerTextAsync()).Trim());
        await Assertions.Expect(sunita.Locator("main")).ToContainTextAsync("I would rather Northvale did not keep his records for years");
        await AssertNoSidewaysScrollAsync(sunita, 320);

        await sunita.GotoAsync("/account");
        Assert.Equal("Your account", (await sunita.Locator("h1").InnerTextAsync()).Trim());
        await Assertions.Expect(sunita.Locator("main")).ToContainTextAsync("deleted when nobody has signed in to it for 2 years");
        await AssertNoSidewaysScrollAsync(sunita, 320);
        await Click(sunita, AriaRole.Link, "How long everything is kept");
        Assert.Equal("Privacy notice", (await sunita.Locator("h1").InnerTextAsync()).Trim());
        await Assertions.Expect(sunita.Locator("main")).ToContainTextAsync("Its owner is emailed 30 days before, and signing in keeps it.");
        await AssertNoSidewaysScrollAsync(sunita, 320);
        Assert.Empty(_errors);
    }

    [Fact]
    public async Task Tom_sees_Arjuns_closed_record_marked_in_his_list_on_a_phone()
    {
        var tom = await browser.NewPageAsync(_errors, new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
        await SignInAsync(tom, "caseworker@example.org", DemoData.Password);
        await tom.GotoAsync("/children");
        await AssertPageAsync(tom, "Your day", _errors);
        await Assertions.Expect(tom.Locator("main tr", new() { HasTextString = "Arjun Shah" }).Locator(".govuk-tag")).ToContainTextAsync("Closed");
        await AssertNoSidewaysScrollAsync(tom, 390);

        await tom.GotoAsync("/account");
        await AssertPageAsync(tom, "Your account", _errors);
        await tom.GotoAsync("/privacy");
        await AssertPageAsync(tom, "Privacy notice", _errors);
        await AssertNoSidewaysScrollAsync(tom, 390);
    }

    [Fact]
    public async Task Ruth_sees_the_areas_closed_records_and_Sunitas_waiting_request_from_her_organisation()
    {
        var ruth = await browser.NewPageAsync(_errors, new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
        await SignInAsync(ruth, "send.lead@example.org", DemoData.Password);
        await ruth.GotoAsync("/organisation");
        await Click(ruth, AriaRole.Link, "Closed records");
        await AssertPageAsync(ruth, "Closed records", _errors);
        await Assertions.Expect(ruth.Locator("main table").First.Locator("tbody tr")).ToContainTextAsync("Arjun Shah");
        await Assertions.Expect(ruth.Locator("main table").Nth(1).Locator("tbody tr")).ToContainTextAsync("Support ended");
        await AssertNoSidewaysScrollAsync(ruth, 390);
    }
}
