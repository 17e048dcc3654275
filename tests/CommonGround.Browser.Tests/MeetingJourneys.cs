using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// A review meeting from invitation to agreed record, its actions followed as commitments, and provision that falls
/// short. This class moves the clock, so it has an app of its own. Today is Monday 23 November 2026, 9am.
/// </summary>
public sealed class MeetingJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _errors = [];

    private Task AssertPageAsync(IPage page, string heading) => Steps.AssertPageAsync(page, heading, _errors);

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync(_errors);
        await SignInAsync(page, email);
        return page;
    }

    [Fact]
    public async Task A_review_is_arranged_co_produced_agreed_and_its_promises_followed()
    {
        var sam = await browser.App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());
        var meetings = $"/children/{sam}/meetings";

        // The key worker arranges a review for 11am today; the family is invited by default.
        var keyWorker = await SignedInAsync("senco@example.org");
        await keyWorker.GotoAsync(meetings);
        await AssertPageAsync(keyWorker, "Meetings");
        await Click(keyWorker, AriaRole.Button, "Arrange a meeting");
        await AssertPageAsync(keyWorker, "Arrange a meeting");
        await keyWorker.GetByLabel("Review", new() { Exact = true }).CheckAsync();
        await FillDateAsync(keyWorker, "Input.Date", new DateOnly(2026, 11, 23));
        await keyWorker.GetByLabel("Start time").FillAsync("11:00");
        await keyWorker.GetByLabel("1 hour", new() { Exact = true }).CheckAsync();
        await keyWorker.GetByLabel("Where (optional if it is online)").FillAsync("Brookside Primary, room 2");
        await Click(keyWorker, AriaRole.Button, "Arrange meeting and send invitations");
        await AssertPageAsync(keyWorker, "Review");
        Assert.Contains(await browser.App.DeliverEmailAsync(), m => m.To.Mailboxes.Any(t => t.Address == "parent@example.org") && m.Attachments.Any());

        // The family adds what they want to talk about; it comes first.
        var parent = await SignedInAsync("parent@example.org");
        await parent.GotoAsync(meetings);
        await Click(parent, AriaRole.Link, "Review");
        await AssertPageAsync(parent, "Review");
        await Click(parent, AriaRole.Button, "Add to the agenda");
        await AssertPageAsync(parent, "Add to the agenda");
        await parent.GetByLabel("What do you want to talk about?").FillAsync("Lunchtimes in the hall");
        await Click(parent, AriaRole.Button, "Add to the agenda");
        await AssertPageAsync(parent, "Review");
        await Assertions.Expect(parent.Locator("main ol li").First).ToContainTextAsync("Lunchtimes in the hall");

        // After the meeting the note-taker writes the record; the advisor points out a label and it is rewritten.
        browser.App.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 12, 30, 0, TimeSpan.Zero));
        keyWorker = await SignedInAsync("senco@example.org");
        await keyWorker.GotoAsync(meetings);
        await Click(keyWorker, AriaRole.Link, "Review");
        await Click(keyWorker, AriaRole.Link, "Write or read the record");
        await AssertPageAsync(keyWorker, "The record of the meeting");
        await Click(keyWorker, AriaRole.Button, "Write the record");
        await AssertPageAsync(keyWorker, "Write the record");
        await keyWorker.GetByLabel("The family's views").FillAsync("Sam's mum said the hall is too loud at lunch and Sam comes home upset.");
        await keyWorker.Locator("textarea[name^='Input.AgendaNotes']").FillAsync("Sam covers his ears in the hall.");
        await keyWorker.GetByLabel("Decisions").FillAsync("Mum is a difficult parent, so we agreed to a trial.");
        await Click(keyWorker, AriaRole.Button, "Save the record");
        await AssertPageAsync(keyWorker, "Write the record");
        await Assertions.Expect(keyWorker.Locator("#language-advice")).ToContainTextAsync("difficult parent");
        await keyWorker.GetByLabel("Decisions").FillAsync("Sam will eat lunch in the library for a month, then we review it together.");
        await Click(keyWorker, AriaRole.Button, "Save the record");
        await AssertPageAsync(keyWorker, "The record of the meeting");

        foreach (var (what, due) in new[] { ("Set up lunch in the library", new DateOnly(2026, 11, 27)), ("Send the family the lunchtime plan", new DateOnly(2026, 11, 25)) })
        {
            await Click(keyWorker, AriaRole.Button, "Add an action");
            await AssertPageAsync(keyWorker, "Add an action");
            await keyWorker.GetByLabel("What will be done").FillAsync(what);
            await keyWorker.GetByLabel("Education", new() { Exact = true }).CheckAsync();
            await FillDateAsync(keyWorker, "Input.DueDate", due);
            await Click(keyWorker, AriaRole.Button, "Add the action");
            await AssertPageAsync(keyWorker, "The record of the meeting");
        }

        await Click(keyWorker, AriaRole.Button, "Share with the family");
        await AssertPageAsync(keyWorker, "Share the record with the family");
        await Click(keyWorker, AriaRole.Button, "Share the record with the family");
        await AssertPageAsync(keyWorker, "The record of the meeting");

        // The family asks for a correction to the decisions.
        parent = await SignedInAsync("parent@example.org");
        await parent.GotoAsync(meetings);
        await Click(parent, AriaRole.Link, "Review");
        await Click(parent, AriaRole.Link, "Read the record");
        await AssertPageAsync(parent, "The record of the meeting");
        await Click(parent, AriaRole.Button, "Ask for a correction");
        await AssertPageAsync(parent, "Ask for a correction");
        await parent.GetByLabel("Decisions", new() { Exact = true }).CheckAsync();
        await parent.GetByLabel("What should it say instead?").FillAsync("We agreed until half term, not for a month.");
        await Click(parent, AriaRole.Button, "Send the correction");
        await AssertPageAsync(parent, "The record of the meeting");

        // The note-taker revises and shares again; the family agrees and the record locks.
        await keyWorker.ReloadAsync();
        await Assertions.Expect(keyWorker.Locator("main")).ToContainTextAsync("We agreed until half term");
        await Click(keyWorker, AriaRole.Button, "Change the record");
        await keyWorker.GetByLabel("Decisions").FillAsync("Sam will eat lunch in the library until half term, then we review it together.");
        await Click(keyWorker, AriaRole.Button, "Save the record");
        await Click(keyWorker, AriaRole.Button, "Share the revised record");
        await AssertPageAsync(keyWorker, "Share the revised record");
        await keyWorker.GetByLabel("What did you change? (optional)").FillAsync("Changed a month to until half term.");
        await Click(keyWorker, AriaRole.Button, "Share the revised record");

        await parent.ReloadAsync();
        await Click(parent, AriaRole.Button, "Agree the record");
        await AssertPageAsync(parent, "Agree the record");
        await Assertions.Expect(parent.Locator("main")).ToContainTextAsync("until half term");
        await Click(parent, AriaRole.Button, "I agree this record");
        await AssertPageAsync(parent, "The record of the meeting");
        await Assertions.Expect(parent.Locator("main .govuk-tag").First).ToHaveTextAsync("Agreed");

        // The actions are commitments the family can follow.
        await parent.GotoAsync($"/children/{sam}/commitments");
        await AssertPageAsync(parent, "Commitments");
        await Assertions.Expect(parent.Locator("main")).ToContainTextAsync("Set up lunch in the library");
        await Assertions.Expect(parent.Locator("main")).ToContainTextAsync("Send the family the lunchtime plan");

        // Weekly therapy since 9 November: two sessions are recorded, the family disputes one, and the shortfall shows.
        await keyWorker.GotoAsync($"/children/{sam}/commitments/new");
        await AssertPageAsync(keyWorker, "Record a commitment");
        await keyWorker.GetByLabel("What has been promised").FillAsync("Speech and language therapy in school");
        await keyWorker.GetByLabel("Health", new() { Exact = true }).CheckAsync();
        await keyWorker.GetByLabel("A plan (for example an EHC plan or support plan)").CheckAsync();
        await keyWorker.GetByLabel("Provision given regularly").CheckAsync();
        await keyWorker.GetByLabel("How much").FillAsync("2");
        await keyWorker.GetByLabel("Sessions", new() { Exact = true }).CheckAsync();
        await keyWorker.GetByLabel("A week", new() { Exact = true }).CheckAsync();
        await FillDateAsync(keyWorker, "Input.StartDate", new DateOnly(2026, 11, 9));
        await keyWorker.GetByLabel("The family has already agreed this").CheckAsync();
        await Click(keyWorker, AriaRole.Button, "Save commitment");
        await AssertPageAsync(keyWorker, "Speech and language therapy in school");
        var therapy = keyWorker.Url;
        foreach (var day in new[] { 10, 12 })
        {
            await Click(keyWorker, AriaRole.Button, "Record a delivery or a missed session");
            await AssertPageAsync(keyWorker, "Record a delivery or a missed session");
            await FillDateAsync(keyWorker, "Input.Date", new DateOnly(2026, 11, day));
            await keyWorker.GetByLabel("It was delivered").CheckAsync();
            await keyWorker.GetByLabel("How much was delivered").FillAsync("1");
            await Click(keyWorker, AriaRole.Button, "Save record");
            await AssertPageAsync(keyWorker, "Speech and language therapy in school");
        }

        await parent.GotoAsync(therapy);
        await AssertPageAsync(parent, "Speech and language therapy in school");
        await parent.GetByRole(AriaRole.Link, new() { Name = "Confirm or dispute the record for 12 November 2026" }).ClickAsync();
        await AssertPageAsync(parent, "Is this record right?");
        await parent.GetByLabel("No, this is not right").CheckAsync();
        await parent.GetByLabel("Comment").FillAsync("Sam was off sick on the 12th, so this session did not happen.");
        await Click(parent, AriaRole.Button, "Send");
        await AssertPageAsync(parent, "Speech and language therapy in school");
        await Assertions.Expect(parent.Locator("main")).ToContainTextAsync("Disputed");

        await parent.GotoAsync($"/children/{sam}/commitments");
        var row = parent.Locator("tbody tr", new() { HasText = "Speech and language therapy in school" });
        // Two full weeks and this Monday owe 4.4 sessions, counted as the 4 whole sessions due; 2 are recorded, one of them disputed.
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("4 sessions");
        await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("2 sessions");
        await Assertions.Expect(row.Locator(".govuk-tag").First).ToHaveTextAsync("Behind");
        await AssertPageAsync(parent, "Commitments");
    }
}
