using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// Priya asks Grace for advice about Sam on a desktop; Grace, told, gives it on a phone with JavaScript off, with
/// three recommendations; Alex reads it. Today is Monday 23 November 2026.
/// </summary>
public sealed class AdviceJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _errors = [];

    private Task AssertPageAsync(IPage page, string heading) => Steps.AssertPageAsync(page, heading, _errors);

    private async Task<IPage> SignedInAsync(string email, BrowserNewContextOptions? options = null)
    {
        var page = await browser.NewPageAsync(_errors, options);
        await SignInAsync(page, email);
        return page;
    }

    [Fact]
    public async Task A_senco_asks_the_therapist_who_gives_advice_on_a_phone_and_the_parent_reads_its_recommendations()
    {
        var sam = await browser.App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());

        var senco = await SignedInAsync("senco@example.org");
        await senco.GotoAsync($"/children/{sam}");
        await Click(senco, AriaRole.Link, "Advice");
        await AssertPageAsync(senco, "Advice");
        await Click(senco, AriaRole.Button, "Ask for advice");
        await AssertPageAsync(senco, "Ask for advice");
        await senco.GetByLabel("Who are you asking?").SelectOptionAsync(new SelectOptionValue { Label = "Grace Okafor, Speech and language therapist (Northvale Community NHS Trust)" });
        await senco.GetByLabel("Health", new() { Exact = true }).CheckAsync();
        await senco.GetByLabel("What would you like advice about?").FillAsync("Following instructions in class, for Sam's termly review");
        await FillDateAsync(senco, "Input.DueOn", new DateOnly(2026, 12, 11));
        await Click(senco, AriaRole.Button, "Ask for advice");
        await AssertPageAsync(senco, "Advice from Grace Okafor");
        await Assertions.Expect(senco.Locator("main")).ToContainTextAsync("due by 11 December 2026");

        // Grace finds it in the advice asked of her and gives it on a phone.
        var therapist = await SignedInAsync("therapist@example.org", new() { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = false });
        await therapist.GotoAsync("/what-i-owe");
        await Click(therapist, AriaRole.Link, "advice asked of me");
        Assert.Equal("Advice asked of me", (await therapist.Locator("h1").First.InnerTextAsync()).Trim());
        await therapist.Locator("main .cg-advice a").First.ClickAsync();
        await therapist.GetByLabel("Your advice").FillAsync("Sam follows one step well. Two steps given to the whole class are hard for him.");
        await therapist.GetByLabel("Your recommendations, one on each line").FillAsync(
            "Speech and language therapy in school, 30 minutes a week\nA visual timetable on his desk\nInstructions given one at a time, with a gesture");
        await Click(therapist, AriaRole.Button, "Give the advice");
        await Assertions.Expect(therapist.Locator(".govuk-notification-banner")).ToContainTextAsync("your advice is given");

        // The pages fit a phone and pass the scan with JavaScript on; Alex reads the recommendations.
        var parent = await SignedInAsync("parent@example.org", new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await parent.GotoAsync($"/children/{sam}/advice");
        await AssertPageAsync(parent, "Advice");
        await parent.Locator("main .cg-advice a").First.ClickAsync();
        await AssertPageAsync(parent, "Advice from Grace Okafor");
        Assert.True(await parent.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The advice scrolls sideways on a phone");
        await Assertions.Expect(parent.Locator("main ol li > p:first-child")).ToHaveTextAsync(
            ["Speech and language therapy in school, 30 minutes a week", "A visual timetable on his desk", "Instructions given one at a time, with a gesture"]);

        // Alex gives their own advice too, on the same terms.
        await parent.GotoAsync($"/children/{sam}/advice");
        await Click(parent, AriaRole.Button, "Give your own advice");
        await AssertPageAsync(parent, "Give your own advice");
        await parent.GetByLabel("Education", new() { Exact = true }).CheckAsync();
        await parent.GetByLabel("Your advice").FillAsync("Sam copes when he knows what is coming.");
        await parent.GetByLabel("What you recommend, one on each line (optional)").FillAsync("Warning before any change to the day");
        await Click(parent, AriaRole.Button, "Give my advice");
        await AssertPageAsync(parent, "Advice from Alex Morgan");
        await Assertions.Expect(parent.Locator("main")).ToContainTextAsync("The family's own advice");
    }
}
