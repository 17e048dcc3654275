using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// Alex, on a phone, reads what of Sam's record must be kept and why, and asks for it to be erased; Tom, the council's
/// caseworker, on the smallest phone without JavaScript, finds the request on his attention list and keeps the record,
/// saying why; Alex reads the answer and how to complain on a computer. Today is Monday 23 November 2026.
/// </summary>
public sealed class ErasureJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Why = "Sam's needs assessment is under way, and his record is how everyone keeps to what they agreed for him.";
    private readonly List<string> _errors = [];

    private Task AssertPageAsync(IPage page, string heading) => Steps.AssertPageAsync(page, heading, _errors);

    [Fact]
    public async Task A_parent_asks_on_a_phone_and_the_local_authority_answers_without_JavaScript()
    {
        var sam = await browser.App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());
        var phone = await browser.NewPageAsync(_errors, new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
        await SignInAsync(phone, "parent@example.org");
        await phone.GotoAsync($"/children/{sam}");
        await Click(phone, AriaRole.Link, "Erasing Sam's record: what can go and what must be kept");
        await AssertPageAsync(phone, "Erasing Sam's record");
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("If support ended today, it would be kept until");
        await phone.GetByText("Why it must be kept this long").ClickAsync();
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("Limitation Act 1980");
        await AssertNoSidewaysScrollAsync(phone, 390);

        await Click(phone, AriaRole.Button, "Ask for the record to be erased");
        await Assertions.Expect(phone.Locator(".govuk-error-summary")).ToContainTextAsync("Say why you want the record erased");
        await phone.GetByLabel("Why do you want the record erased?").FillAsync("We never asked for a record: Sam is doing well at school without extra help.");
        await Click(phone, AriaRole.Button, "Ask for the record to be erased");
        await AssertPageAsync(phone, "A request to erase the record");
        await Assertions.Expect(phone.Locator(".govuk-notification-banner")).ToContainTextAsync("You asked for Sam's record to be erased");
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("The local authority must answer by 23 December 2026");
        await AssertNoSidewaysScrollAsync(phone, 390);

        // Tom finds it on his attention list and answers on the smallest phone, without JavaScript.
        var tom = await browser.NewPageAsync(_errors, new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new() { Width = 320, Height = 640 } });
        await SignInAsync(tom, "caseworker@example.org");
        await tom.GotoAsync("/attention");
        await Assertions.Expect(tom.Locator("main")).ToContainTextAsync("The family asked for the record to be erased");
        await tom.Locator($"main a[href^='/children/{sam}/erasure/']").ClickAsync();
        Assert.Equal("A request to erase the record", (await tom.Locator("h1").First.InnerTextAsync()).Trim());
        await AssertNoSidewaysScrollAsync(tom, 320);
        await Click(tom, AriaRole.Button, "Send your answer");
        Assert.Contains("Choose your answer", await tom.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await tom.GetByLabel("Keep it open: support goes on").CheckAsync();
        await tom.GetByLabel("Why, in words for the family").FillAsync(Why);
        await Click(tom, AriaRole.Button, "Send your answer");
        Assert.Contains("Your answer is sent", await tom.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoSidewaysScrollAsync(tom, 320);

        // Alex reads why, and where to complain, on a computer.
        var desk = await browser.NewPageAsync(_errors, new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        await SignInAsync(desk, "parent@example.org");
        await desk.GotoAsync($"/children/{sam}/erasure");
        await AssertPageAsync(desk, "Erasing Sam's record");
        await desk.Locator("main a", new() { HasTextString = "Alex Morgan's request of 23 November 2026" }).ClickAsync();
        await AssertPageAsync(desk, "A request to erase the record");
        await Assertions.Expect(desk.Locator("main")).ToContainTextAsync(Why);
        await Assertions.Expect(desk.Locator("main a[href='https://ico.org.uk/make-a-complaint/']")).ToHaveCountAsync(1);
        Assert.Empty(_errors);
    }
}
