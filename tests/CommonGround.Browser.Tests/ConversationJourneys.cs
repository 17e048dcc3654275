using CommonGround.Core.Concerns;
using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// Alex and Priya have written to each other about Sam's week since the start of term: 30 messages. Alex reads and
/// replies on a phone with JavaScript off, looks back at the first messages and returns; Priya reads the earlier page
/// on a desktop with it on.
/// </summary>
public sealed class ConversationJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _errors = [];

    private async Task<(Guid Sam, Guid Conversation)> ThirtyMessagesAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        var sam = await db.Children.SingleAsync(c => c.FirstName == "Samuel");
        var alex = await db.Users.SingleAsync(u => u.Email == "parent@example.org");
        var priya = await db.Users.SingleAsync(u => u.Email == "senco@example.org");
        var first = browser.App.Time.GetUtcNow().UtcDateTime.AddDays(-60);
        var conversation = new Conversation
        {
            ChildId = sam.Id, AreaId = sam.AreaId, Subject = "Sam's week at school", StartedAt = first, StartedByUserId = priya.Id, StartedByName = priya.DisplayName,
            LastMessageAt = first.AddDays(2 * 29), MessageCount = 30,
        };
        db.Conversations.Add(conversation);
        for (var n = 1; n <= 30; n++)
        {
            var byFamily = n % 2 == 0;
            var author = byFamily ? alex : priya;
            db.Messages.Add(new Message
            {
                ConversationId = conversation.Id, ChildId = sam.Id, AuthorUserId = author.Id, AuthorName = author.DisplayName, ByFamily = byFamily,
                AuthorOrganisationName = byFamily ? null : "Brookside Primary School", Text = $"Note {n} about the week.", SentAt = first.AddDays(2 * (n - 1)),
            });
        }

        await db.SaveChangesAsync();
        return (sam.Id, conversation.Id);
    }

    [Fact]
    public async Task A_parent_reads_and_answers_a_long_conversation_on_a_phone_and_looks_back_at_its_start()
    {
        if (browser.MissingReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var (sam, conversation) = await ThirtyMessagesAsync();
        var parent = await browser.NewPageAsync(_errors, new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new() { Width = 390, Height = 844 } });
        await SignInAsync(parent, "parent@example.org");
        await parent.GotoAsync($"/children/{sam}/conversations");
        await Click(parent, AriaRole.Link, "Sam's week at school");
        var messages = parent.Locator("main .cg-message");
        await Assertions.Expect(messages).ToHaveCountAsync(25);
        await Assertions.Expect(messages.Last).ToContainTextAsync("Note 30 about the week.");
        await AssertNoSidewaysScrollAsync(parent, 390);

        await parent.GetByLabel("Your reply").FillAsync("Thank you. He loved the school trip.");
        await Click(parent, AriaRole.Button, "Send");
        await Assertions.Expect(parent.Locator(".govuk-notification-banner")).ToContainTextAsync("Message sent");
        await Assertions.Expect(messages.Last).ToContainTextAsync("He loved the school trip.");

        await Click(parent, AriaRole.Link, "Show earlier messages");
        await Assertions.Expect(messages).ToHaveCountAsync(6);
        await Assertions.Expect(messages.First).ToContainTextAsync("Note 1 about the week.");
        await Assertions.Expect(parent.GetByLabel("Your reply")).ToHaveCountAsync(0);
        await AssertNoSidewaysScrollAsync(parent, 390);
        await Click(parent, AriaRole.Link, "Go to the latest messages to reply");
        await Assertions.Expect(parent.GetByLabel("Your reply")).ToBeVisibleAsync();
        Assert.EndsWith($"/children/{sam}/conversations/{conversation}", parent.Url, StringComparison.Ordinal);

        // Priya, on a desktop with JavaScript on: the earlier page passes the accessibility scan.
        var keyWorker = await browser.NewPageAsync(_errors);
        await SignInAsync(keyWorker, "senco@example.org");
        await keyWorker.GotoAsync($"/children/{sam}/conversations/{conversation}?pageNumber=2");
        await AssertPageAsync(keyWorker, "Sam's week at school");
        await Assertions.Expect(keyWorker.Locator("main .cg-message")).ToHaveCountAsync(6);
        Assert.Empty(_errors);
    }

    private Task AssertPageAsync(IPage page, string heading) => Steps.AssertPageAsync(page, heading, _errors);
}
