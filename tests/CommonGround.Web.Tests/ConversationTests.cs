using AngleSharp.Html.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

public sealed class ConversationTests : FreshAppTests
{
    [Fact]
    public async Task The_family_starts_a_conversation_the_key_worker_reads_it_and_the_family_sees_it_was_read()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        var (started, _) = await parent.SubmitAsync($"/children/{sam}/conversations/new",
            new Dictionary<string, string> { ["Input.Subject"] = "Swimming on Thursdays", ["Input.Text"] = "Sam has an ear infection, so no swimming this week." });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var conversation = await App.QueryAsync(db => db.Conversations.Select(c => c.Id).SingleAsync());
        var link = $"/children/{sam}/conversations/{conversation}";

        var (_, before) = await parent.OpenAsync(link);
        Assert.Equal("Not read yet", before.QuerySelector(".cg-read-by")!.TextContent.Trim());
        var email = (await App.DeliverEmailAsync()).Single(m => m.To.Mailboxes.Any(t => t.Address == "senco@example.org"));
        Assert.Equal("Alex Morgan sent you a message about Sam", email.Subject);
        Assert.DoesNotContain("ear infection", email.TextBody, StringComparison.Ordinal);

        var keyWorker = await SignedInAsync("senco@example.org");
        var (_, list) = await keyWorker.OpenAsync($"/children/{sam}/conversations");
        Assert.Contains("1 unread", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await keyWorker.OpenAsync(link);
        var (_, listAfter) = await keyWorker.OpenAsync($"/children/{sam}/conversations");
        Assert.DoesNotContain("unread", listAfter.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var (_, after) = await parent.OpenAsync(link);
        Assert.Equal("Read by Priya Nair", after.QuerySelector(".cg-read-by")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_professionals_reply_passes_the_respectful_language_advisor_before_it_is_sent()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/conversations/new", new Dictionary<string, string> { ["Input.Subject"] = "Homework", ["Input.Text"] = "Can we talk?" });
        var link = $"/children/{sam}/conversations/{await App.QueryAsync(db => db.Conversations.Select(c => c.Id).SingleAsync())}";

        var keyWorker = await SignedInAsync("senco@example.org");
        var reply = new Dictionary<string, string> { ["Input.Text"] = "Mum is being difficult about homework." };
        var (advised, page) = await keyWorker.SubmitAsync(link, reply);
        Assert.Equal(HttpStatusCode.OK, advised.StatusCode);
        Assert.NotNull(page.QuerySelector("#language-advice"));
        Assert.Equal(1, await App.QueryAsync(db => db.Messages.CountAsync()));

        var (changed, _) = await keyWorker.SubmitAsync(link, new Dictionary<string, string> { ["Input.Text"] = "Yes, I can call you on Friday about homework." });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(2, await App.QueryAsync(db => db.Messages.CountAsync()));
        Assert.Equal(2, await App.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action.StartsWith("conversation."))));
    }

    [Fact]
    public async Task Messages_about_a_concern_share_one_thread_with_its_owner_and_the_person_who_raised_it()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/concerns/new", new Dictionary<string, string>
        {
            ["Input.Topic"] = "Lunchtimes", ["Input.About"] = "Education", ["Input.WhatIsHappening"] = "Sam eats alone.", ["Input.Urgency"] = "Standard", ["Input.Owner"] = "key-worker",
        });
        var concern = await App.QueryAsync(db => db.Concerns.Select(c => c.Id).SingleAsync());
        var (first, _) = await parent.SubmitAsync($"/children/{sam}/conversations/new?concern={concern}", new Dictionary<string, string> { ["Input.Text"] = "It happened again today." });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        // Starting again about the same concern opens the same thread.
        var again = await parent.GetAsync($"/children/{sam}/conversations/new?concern={concern}");
        var thread = await App.QueryAsync(db => db.Conversations.SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal($"/children/{sam}/conversations/{thread.Id}", again.Headers.Location!.OriginalString);
        Assert.Equal("Lunchtimes", thread.Subject);

        var keyWorker = await SignedInAsync("senco@example.org");
        var (_, concernPage) = await keyWorker.OpenAsync($"/children/{sam}/concerns/{concern}");
        Assert.NotNull(concernPage.QuerySelector($"a[href='/children/{sam}/conversations/{thread.Id}']"));
    }

    [Fact]
    public async Task An_empty_message_is_refused_and_someone_without_concerns_shared_cannot_read_or_write()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        var (refused, page) = await parent.SubmitAsync($"/children/{sam}/conversations/new", new Dictionary<string, string> { ["Input.Subject"] = "", ["Input.Text"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Enter what the conversation is about", "Enter your message"], page.ErrorSummary().Order());
        Assert.Equal(0, await App.QueryAsync(db => db.Conversations.CountAsync()));

        var therapist = await SignedInAsync("therapist@example.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await therapist.GetAsync($"/children/{sam}/conversations")).StatusCode);
    }

    [Fact]
    public async Task An_empty_reply_is_refused_with_the_conversation_shown_again_and_a_reply_to_no_conversation_is_not_found()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/conversations/new", new Dictionary<string, string> { ["Input.Subject"] = "Homework", ["Input.Text"] = "Can we talk?" });
        var link = $"/children/{sam}/conversations/{await App.QueryAsync(db => db.Conversations.Select(c => c.Id).SingleAsync())}";

        var keyWorker = await SignedInAsync("senco@example.org");
        var (refused, page) = await keyWorker.SubmitAsync(link, new Dictionary<string, string> { ["Input.Text"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Enter your message"], page.ErrorSummary());
        Assert.Contains("Can we talk?", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await App.QueryAsync(db => db.Messages.CountAsync()));

        var (_, form) = await keyWorker.OpenAsync(link);
        var fields = form.QuerySelectorAll<IHtmlInputElement>("main form input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);
        fields["Input.Text"] = "Yes, on Friday.";
        var (missing, _) = await keyWorker.PostFormAsync($"/children/{sam}/conversations/{Guid.NewGuid()}", fields);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(1, await App.QueryAsync(db => db.Messages.CountAsync()));
    }

    [Fact]
    public async Task Replies_sent_at_the_same_moment_are_each_counted()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/conversations/new", new Dictionary<string, string> { ["Input.Subject"] = "Swimming", ["Input.Text"] = "Can we talk?" });
        var conversation = await App.QueryAsync(db => db.Conversations.Select(c => c.Id).SingleAsync());
        var link = $"/children/{sam}/conversations/{conversation}";

        // Each reply is its own form, fetched first, then all are sent at once, as from several tabs and people.
        const int Replies = 24;
        var forms = new List<Dictionary<string, string>>();
        for (var i = 0; i < Replies; i++)
        {
            var (_, page) = await parent.OpenAsync(link);
            var fields = page.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>("main form input[type=hidden]").ToDictionary(f => f.Name!, f => f.Value);
            fields["Input.Text"] = $"Reply number {i + 1}";
            forms.Add(fields);
        }

        var sent = await Task.WhenAll(forms.Select(fields => parent.PostFormAsync(link, fields)));
        Assert.All(sent, s => Assert.Equal(HttpStatusCode.Redirect, s.Response.StatusCode));
        Assert.Equal(Replies + 1, await App.QueryAsync(db => db.Messages.CountAsync(m => m.ConversationId == conversation)));
        Assert.Equal(Replies + 1, await App.QueryAsync(db => db.Conversations.Where(c => c.Id == conversation).Select(c => c.MessageCount).SingleAsync()));
    }
    [Fact]
    public async Task A_long_conversation_opens_at_its_latest_messages_and_earlier_ones_are_a_page_at_a_time()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/conversations/new", new Dictionary<string, string> { ["Input.Subject"] = "Swimming", ["Input.Text"] = "Message 1" });
        var conversation = await App.QueryAsync(async db =>
        {
            var thread = await db.Conversations.SingleAsync();
            var first = await db.Messages.SingleAsync();
            for (var n = 2; n <= 30; n++)
            {
                db.Messages.Add(new Core.Concerns.Message
                {
                    ConversationId = thread.Id, ChildId = sam, AuthorUserId = first.AuthorUserId, AuthorName = first.AuthorName, ByFamily = true,
                    Text = $"Message {n}", SentAt = first.SentAt.AddMinutes(n),
                });
            }

            thread.MessageCount = 30;
            thread.LastMessageAt = first.SentAt.AddMinutes(30);
            await db.SaveChangesAsync();
            return thread.Id;
        });
        var link = $"/children/{sam}/conversations/{conversation}";
        static string[] Texts(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll(".cg-message .cg-family-words").Select(m => m.TextContent.Trim()).ToArray();

        // Looking back first is not reading the conversation: the newer messages were not on the page.
        var keyWorker = await SignedInAsync("senco@example.org");
        var (_, earlier) = await keyWorker.OpenAsync($"{link}?pageNumber=2");
        Assert.Equal(Enumerable.Range(1, 5).Select(n => $"Message {n}"), Texts(earlier));
        Assert.Null(earlier.QuerySelector("main form"));
        Assert.Null(earlier.QuerySelector($"a[href='{link}?pageNumber=3']"));
        Assert.NotNull(earlier.QuerySelector($"main a[href='{link}']"));
        Assert.Equal(1, await App.QueryAsync(db => db.ConversationReads.CountAsync(r => r.ConversationId == conversation)));

        var (_, latest) = await keyWorker.OpenAsync(link);
        Assert.Equal(Enumerable.Range(6, 25).Select(n => $"Message {n}"), Texts(latest));
        Assert.NotNull(latest.QuerySelector($"a[href='{link}?pageNumber=2']"));
        Assert.NotNull(latest.QuerySelector("main form textarea[name='Input.Text']"));
        var (_, seen) = await parent.OpenAsync(link);
        Assert.All(seen.QuerySelectorAll(".cg-read-by"), r => Assert.Equal("Read by Priya Nair", r.TextContent.Trim()));

        // A page past the first message, from an old link or a changed address, goes to the conversation itself.
        var beyond = await keyWorker.GetAsync($"{link}?pageNumber=9");
        Assert.Equal(HttpStatusCode.Redirect, beyond.StatusCode);
        Assert.Equal(link, beyond.Headers.Location!.OriginalString);
    }
}
