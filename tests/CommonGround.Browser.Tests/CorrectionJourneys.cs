using CommonGround.Core.Concerns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// Alex, on a phone, asks for Priya's words about Sam to be corrected; Priya, on a computer without JavaScript, finds the
/// request on her first screen and corrects them; Alex then reads the corrected words in place. Today is Monday 23 November 2026.
/// </summary>
public sealed class CorrectionJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Words = "Sam refuses to join in at swimming and is defiant when asked.";
    private const string Better = "Sam is anxious in the pool and needs time at the side before he joins in.";
    private readonly List<string> _errors = [];

    private Task AssertPageAsync(IPage page, string heading) => Steps.AssertPageAsync(page, heading, _errors);

    [Fact]
    public async Task A_parent_asks_for_words_to_be_corrected_on_a_phone_and_the_author_corrects_them()
    {
        var (sam, conversation) = await browser.App.QueryAsync(async db =>
        {
            var child = await db.Children.SingleAsync(c => c.FirstName == "Samuel");
            var priya = await db.Users.SingleAsync(u => u.Email == "senco@example.org");
            var now = browser.App.Time.GetUtcNow().UtcDateTime;
            var thread = new Conversation
            {
                ChildId = child.Id, AreaId = child.AreaId, Subject = "Swimming lessons", StartedAt = now.AddHours(-1), StartedByUserId = priya.Id, StartedByName = priya.DisplayName,
                LastMessageAt = now.AddHours(-1), MessageCount = 1,
            };
            db.Conversations.Add(thread);
            db.Messages.Add(new Message
            {
                ConversationId = thread.Id, ChildId = child.Id, AuthorUserId = priya.Id, AuthorName = priya.DisplayName, AuthorOrganisationName = "Brookside Primary School",
                ByFamily = false, Text = Words, SentAt = now.AddHours(-1),
            });
            await db.SaveChangesAsync();
            return (child.Id, thread.Id);
        });

        var phone = await browser.NewPageAsync(_errors, new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
        await SignInAsync(phone, "parent@example.org");
        await phone.GotoAsync($"/children/{sam}/conversations/{conversation}");
        await AssertPageAsync(phone, "Swimming lessons");
        await phone.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Ask for this to be corrected.*Priya Nair") }).ClickAsync();
        await AssertPageAsync(phone, "Ask for words to be corrected");
        await Click(phone, AriaRole.Button, "Ask for the correction");
        await Assertions.Expect(phone.Locator(".govuk-error-summary")).ToContainTextAsync("Say what is wrong with these words");
        await phone.GetByLabel("What is wrong with these words?").FillAsync("Sam is frightened of the water. He does not refuse, and he is not defiant.");
        await phone.GetByLabel("What should they say instead? (optional)").FillAsync(Better);
        await Click(phone, AriaRole.Button, "Ask for the correction");
        await AssertPageAsync(phone, "A request to correct words");
        await Assertions.Expect(phone.Locator(".govuk-notification-banner")).ToContainTextAsync("You asked Brookside Primary School to correct these words");
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("must answer by 23 December 2026");
        Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The request scrolls sideways on a phone");

        // Priya finds it on her first screen, without JavaScript, and corrects the words.
        var desk = await browser.NewPageAsync(_errors, new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new() { Width = 1280, Height = 900 } });
        await SignInAsync(desk, "senco@example.org");
        await desk.GotoAsync("/children");
        await desk.Locator("#words-to-correct + ul a").First.ClickAsync();
        Assert.Equal("A request to correct words", (await desk.Locator("h1").First.InnerTextAsync()).Trim());
        await desk.GetByLabel("Yes, correct the words").CheckAsync();
        Assert.Equal(Better, await desk.GetByLabel("The corrected words").InputValueAsync());
        await Click(desk, AriaRole.Button, "Send your answer");
        await Assertions.Expect(desk.Locator(".govuk-notification-banner")).ToContainTextAsync("The words are corrected");

        // Alex reads the corrected words where they were written, marked, with the earlier words a click away.
        await phone.GotoAsync($"/children/{sam}/conversations/{conversation}");
        await AssertPageAsync(phone, "Swimming lessons");
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync(Better);
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("Corrected at the family's request");
        await Assertions.Expect(phone.Locator("main")).Not.ToContainTextAsync(Words);
        await phone.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^See the words before the correction.*Priya Nair") }).First.ClickAsync();
        await AssertPageAsync(phone, "A request to correct words");
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync(Words);
        Assert.Empty(_errors);
    }
}
