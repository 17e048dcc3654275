using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// The statutory clock: a family checks dates without an account; a caseworker records a needs assessment; the young
/// person watches its dates move from due to missed and downloads a letter to chase. This class moves the clock, so
/// it has an app of its own. Today is Monday 23 November 2026, 9am.
/// </summary>
public sealed class StatutoryJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _errors = [];

    private Task AssertPageAsync(IPage page, string heading) => Steps.AssertPageAsync(page, heading, _errors);

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync(_errors);
        await SignInAsync(page, email);
        return page;
    }

    private async Task RecordAsync(IPage page, string what, DateOnly date)
    {
        await Click(page, AriaRole.Button, "Record what happened");
        await AssertPageAsync(page, "Record what happened");
        await page.GetByLabel(what, new() { Exact = true }).CheckAsync();
        await FillDateAsync(page, "Input.Date", date);
        await Click(page, AriaRole.Button, "Save");
        await AssertPageAsync(page, "EHC needs assessment");
    }

    [Fact]
    public async Task A_family_checks_their_dates_without_an_account()
    {
        var page = await browser.NewPageAsync(_errors);
        await page.GotoAsync("/");
        await Click(page, AriaRole.Link, "Check your dates");
        await AssertPageAsync(page, "Check your dates");
        await Click(page, AriaRole.Button, "Continue");
        await AssertPageAsync(page, "Check your dates");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select what happened");
        await page.GetByLabel("I asked for an EHC needs assessment").CheckAsync();
        await Click(page, AriaRole.Button, "Continue");
        await AssertPageAsync(page, "I asked for an EHC needs assessment");
        await FillDateAsync(page, "Dates[0]", new DateOnly(2025, 9, 1));
        await Click(page, AriaRole.Button, "Show the dates");
        await AssertPageAsync(page, "I asked for an EHC needs assessment");
        var deadlines = page.Locator(".cg-deadline");
        await Assertions.Expect(deadlines).ToHaveCountAsync(4);
        await Assertions.Expect(deadlines.First).ToContainTextAsync("By Monday 13 October 2025");
        await Assertions.Expect(deadlines.First.Locator(".govuk-tag--red")).ToHaveTextAsync("Missed");
        await Assertions.Expect(deadlines.Last).ToContainTextAsync("By Monday 19 January 2026");
        await Assertions.Expect(deadlines.Last).ToContainTextAsync("regulation 13(2)");

        // Printed, the result names the date it was worked out from and leaves out the links.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("What you told us");
        await Assertions.Expect(page.Locator("main .govuk-summary-list")).ToContainTextAsync("1 September 2025");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Letters you can send" })).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // The letter to chase the missed decision is filled in from the date entered, to print or download.
        await Click(page, AriaRole.Link, "A letter about: decision whether to assess (missed)");
        await AssertPageAsync(page, "Your letter");
        await Assertions.Expect(page.Locator(".cg-letter")).ToContainTextAsync("1 September 2025");
        await Assertions.Expect(page.Locator(".cg-letter")).ToContainTextAsync("13 October 2025");
        var download = await page.RunAndWaitForDownloadAsync(() => Click(page, AriaRole.Link, "Download it as a Word document (.docx)"));
        Assert.StartsWith("chasing-decision-whether-to-assess", download.SuggestedFilename, StringComparison.Ordinal);
        using (var word = WordprocessingDocument.Open(await download.PathAsync(), false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("1 September 2025", text, StringComparison.Ordinal);
            Assert.Contains("13 October 2025", text, StringComparison.Ordinal);
        }

        await Click(page, AriaRole.Link, "Back to your dates");
        await AssertPageAsync(page, "I asked for an EHC needs assessment");
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("1 September 2025");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task On_a_phone_what_has_happened_since_tells_a_family_their_own_window_closed_without_calling_it_missed(bool javaScript)
    {
        var page = await browser.NewPageAsync(_errors, new() { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = javaScript });
        async Task AssertPageAsync(IPage page, string heading)
        {
            if (javaScript)
            {
                await this.AssertPageAsync(page, heading);
                Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways at 390 px");
                return;
            }

            // The accessibility scan runs as script, so without it only the heading and the browser's errors are checked.
            Assert.Equal(heading, (await page.Locator("h1").First.InnerTextAsync()).Trim());
            Assert.Empty(_errors);
        }

        await page.GotoAsync("/check-your-dates/needs-assessment");
        await AssertPageAsync(page, "I asked for an EHC needs assessment");
        await FillDateAsync(page, "Dates[0]", new DateOnly(2025, 9, 1));
        await page.GetByText("Tell us what has happened since (optional)").ClickAsync();
        await FillDateAsync(page, "Dates[6]", new DateOnly(2025, 10, 10));
        await FillDateAsync(page, "Dates[8]", new DateOnly(2026, 1, 2));
        await FillDateAsync(page, "Dates[11]", new DateOnly(2026, 1, 18));
        await Click(page, AriaRole.Button, "Show the dates");
        await AssertPageAsync(page, "I asked for an EHC needs assessment");

        await Assertions.Expect(page.Locator(".cg-deadline[data-deadline=representations-last-day]")).ToContainTextAsync("Date passed");
        await Assertions.Expect(page.Locator("main .govuk-tag--red")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Letters you can send" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_lead_opens_the_timeliness_report_from_the_navigation()
    {
        var lead = await SignedInAsync("send.lead@example.org");
        await lead.GotoAsync("/account");
        await Click(lead, AriaRole.Link, "Timeliness");
        // Other journeys in this class move the clock on; the report opens on the year it is now.
        await AssertPageAsync(lead, $"EHC plan timeliness in {browser.App.Time.GetUtcNow().Year}");
    }

    [Fact]
    public async Task A_caseworker_records_an_assessment_and_the_young_person_chases_the_late_plan()
    {
        var jordan = await browser.App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Jordan").Select(c => c.Id).SingleAsync());

        // The caseworker records the request, the decision to assess and the draft plan.
        var caseworker = await SignedInAsync("caseworker@example.org");
        await caseworker.GotoAsync($"/children/{jordan}/statutory");
        await AssertPageAsync(caseworker, "Statutory process");
        await Click(caseworker, AriaRole.Button, "Record a new process");
        await AssertPageAsync(caseworker, "Record a new process");
        await caseworker.GetByLabel("EHC needs assessment", new() { Exact = true }).CheckAsync();
        await FillDateAsync(caseworker, "Input.Date", new DateOnly(2026, 9, 1));
        await caseworker.GetByLabel("Details (optional)").FillAsync("Jordan");
        await Click(caseworker, AriaRole.Button, "Save");
        await AssertPageAsync(caseworker, "EHC needs assessment");
        await RecordAsync(caseworker, "The local authority said it will assess", new DateOnly(2026, 10, 12));
        await RecordAsync(caseworker, "A draft EHC plan was sent", new DateOnly(2026, 11, 20));
        await Assertions.Expect(caseworker.Locator(".cg-deadline").First).ToContainTextAsync("Done on time");

        // The young person sees the dates: the final plan is due on 19 January.
        var youngPerson = await SignedInAsync("youngperson@example.org");
        await youngPerson.GotoAsync($"/children/{jordan}/statutory");
        await AssertPageAsync(youngPerson, "Statutory process");
        await Click(youngPerson, AriaRole.Link, "EHC needs assessment");
        await AssertPageAsync(youngPerson, "EHC needs assessment");
        var finalPlan = youngPerson.Locator(".cg-deadline", new() { HasText = "Final EHC plan issued" });
        await Assertions.Expect(finalPlan).ToContainTextAsync("By Tuesday 19 January 2027");
        await Assertions.Expect(finalPlan).ToContainTextAsync("Coming up");
        await Assertions.Expect(youngPerson.Locator("a", new() { HasText = "Letter about" })).ToHaveCountAsync(0);

        // Ten days before, it is due soon.
        browser.App.Time.SetUtcNow(new DateTimeOffset(2027, 1, 8, 9, 0, 0, TimeSpan.Zero));
        youngPerson = await SignedInAsync("youngperson@example.org");
        await youngPerson.GotoAsync($"/children/{jordan}/statutory");
        await Click(youngPerson, AriaRole.Link, "EHC needs assessment");
        await Assertions.Expect(youngPerson.Locator(".cg-deadline", new() { HasText = "Final EHC plan issued" })).ToContainTextAsync("Due soon");

        // The day after, with no final plan, it is missed, and a letter to chase it appears.
        browser.App.Time.SetUtcNow(new DateTimeOffset(2027, 1, 20, 9, 0, 0, TimeSpan.Zero));
        youngPerson = await SignedInAsync("youngperson@example.org");
        await youngPerson.GotoAsync($"/children/{jordan}/statutory");
        await Click(youngPerson, AriaRole.Link, "EHC needs assessment");
        await AssertPageAsync(youngPerson, "EHC needs assessment");
        await Assertions.Expect(youngPerson.Locator(".cg-deadline", new() { HasText = "Final EHC plan issued" })).ToContainTextAsync("Missed");
        await youngPerson.Locator("a", new() { HasText = "Letter about: Final EHC plan issued" }).ClickAsync();
        await AssertPageAsync(youngPerson, "Your letter");
        await Assertions.Expect(youngPerson.Locator(".cg-letter")).ToContainTextAsync("19 January 2027");
        var download = await youngPerson.RunAndWaitForDownloadAsync(() => Click(youngPerson, AriaRole.Link, "Download it as a Word document (.docx)"));
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("chasing-final-plan", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
