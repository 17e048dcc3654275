using System.Net;
using CommonGround.Core.Audit;
using CommonGround.Core.Concerns;
using CommonGround.Core.DataRights;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

/// <summary>
/// Alex asks for Priya's words about Sam in a conversation to be corrected: "refuses" labels him, when he is frightened
/// of the water. Brookside must answer within one month. Today is Monday 23 November 2026.
/// </summary>
public sealed class CorrectionTests : FreshAppTests
{
    private const string Words = "Sam refuses to join in at swimming and is defiant when asked.";
    private const string WhatIsWrong = "Sam is frightened of the water. He does not refuse, and he is not defiant.";
    private const string Better = "Sam is anxious in the pool and needs time at the side before he joins in.";

    /// <summary>A conversation about swimming, with Alex's question and Priya's answer.</summary>
    private async Task<(Guid Sam, Guid Conversation, Guid Message)> ConversationAsync()
    {
        var sam = await ChildIdAsync("Samuel");
        return await App.QueryAsync(async db =>
        {
            var alex = await db.Users.SingleAsync(u => u.Email == "parent@example.org");
            var priya = await db.Users.SingleAsync(u => u.Email == "senco@example.org");
            var now = App.Time.GetUtcNow().UtcDateTime;
            var conversation = new Conversation
            {
                ChildId = sam, AreaId = (await db.Children.SingleAsync(c => c.Id == sam)).AreaId, Subject = "Swimming", StartedAt = now.AddHours(-2),
                StartedByUserId = alex.Id, StartedByName = alex.DisplayName, LastMessageAt = now.AddHours(-1), MessageCount = 2,
            };
            db.Conversations.Add(conversation);
            db.Messages.Add(new Message { ConversationId = conversation.Id, ChildId = sam, AuthorUserId = alex.Id, AuthorName = alex.DisplayName, ByFamily = true, Text = "How is swimming going?", SentAt = now.AddHours(-2) });
            var message = new Message
            {
                ConversationId = conversation.Id, ChildId = sam, AuthorUserId = priya.Id, AuthorName = priya.DisplayName, AuthorOrganisationName = "Brookside Primary School",
                ByFamily = false, Text = Words, SentAt = now.AddHours(-1),
            };
            db.Messages.Add(message);
            await db.SaveChangesAsync();
            return (sam, conversation.Id, message.Id);
        });
    }

    private static string AskUrl(Guid sam, Guid message) => $"/children/{sam}/corrections/ask/message/{message}";

    private async Task<Guid> AskAsync(HttpClient alex, Guid sam, Guid message)
    {
        var (asked, _) = await alex.SubmitAsync(AskUrl(sam, message), new Dictionary<string, string> { ["Input.WhatIsWrong"] = WhatIsWrong, ["Input.SuggestedWords"] = Better });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        return await App.QueryAsync(db => db.CorrectionRequests.Select(r => r.Id).SingleAsync());
    }

    [Fact]
    public async Task A_parent_asks_for_a_professionals_words_to_be_corrected_and_the_author_corrects_them_keeping_the_old_words()
    {
        var (sam, conversation, message) = await ConversationAsync();
        var alex = await SignedInAsync("parent@example.org");

        // The way to ask is under Priya's words, not under Alex's own.
        var (_, thread) = await alex.OpenAsync($"/children/{sam}/conversations/{conversation}");
        var ask = thread.QuerySelectorAll("main a").Where(a => a.TextContent.Contains("Ask for this to be corrected", StringComparison.Ordinal)).ToList();
        Assert.Equal(AskUrl(sam, message), Assert.Single(ask).GetAttribute("href"));

        // Nothing is asked without saying what is wrong.
        var (empty, emptyPage) = await alex.SubmitAsync(AskUrl(sam, message), new Dictionary<string, string> { ["Input.WhatIsWrong"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Say what is wrong with these words", Assert.Single(emptyPage.ErrorSummary()));
        Assert.Equal(0, await App.QueryAsync(db => db.CorrectionRequests.CountAsync()));

        var id = await AskAsync(alex, sam, message);
        var request = await App.QueryAsync(db => db.CorrectionRequests.SingleAsync());
        Assert.Equal(new DateOnly(2026, 12, 23), request.DueOn);
        Assert.Equal(Words, request.Words);
        Assert.Equal("Brookside Primary School", request.OrganisationName);
        Assert.Contains(AuditActions.CorrectionRequested, await App.QueryAsync(db => db.AuditEvents.Where(a => a.EntityId == sam).Select(a => a.Action).ToListAsync()));
        // Priya, who wrote them, is told. Helen, Brookside's admin, is not on Sam's team: she sees the request waiting on
        // her organisation's page, with its date and without the words.
        var told = await App.QueryAsync(db => db.Notifications.Where(n => n.Link.EndsWith(id.ToString())).Join(db.Users, n => n.RecipientUserId, u => u.Id, (n, u) => u.Email).ToListAsync());
        Assert.Equal(["senco@example.org"], told);
        var helen = await SignedInAsync("orgadmin@example.org");
        var (_, organisation) = await helen.OpenAsync("/organisation/corrections");
        var waitingRow = organisation.QuerySelector("main tbody tr")!.TextContent;
        Assert.Contains("Sam Morgan", waitingRow, StringComparison.Ordinal);
        Assert.Contains("23 December 2026", waitingRow, StringComparison.Ordinal);
        Assert.DoesNotContain("swimming", organisation.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);

        // Asking again while it waits changes nothing; the words now say an answer is due.
        var (again, againPage) = await alex.SubmitAsync(AskUrl(sam, message), new Dictionary<string, string> { ["Input.WhatIsWrong"] = WhatIsWrong });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already asked", Assert.Single(againPage.ErrorSummary()), StringComparison.Ordinal);
        (_, thread) = await alex.OpenAsync($"/children/{sam}/conversations/{conversation}");
        Assert.Contains("Answer due by 23 December 2026", thread.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Priya corrects them: the corrected words must be given.
        var priya = await SignedInAsync("senco@example.org");
        var (noWords, noWordsPage) = await priya.SubmitAsync($"/children/{sam}/corrections/{id}", new Dictionary<string, string> { ["Input.Correct"] = "true", ["Input.CorrectedWords"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noWords.StatusCode);
        Assert.Equal("Enter the corrected words", Assert.Single(noWordsPage.ErrorSummary()));
        var (corrected, _) = await priya.SubmitAsync($"/children/{sam}/corrections/{id}", new Dictionary<string, string> { ["Input.Correct"] = "true", ["Input.CorrectedWords"] = Better });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        // The conversation shows the corrected words, marked; the words as written are kept, and a click away.
        (_, thread) = await alex.OpenAsync($"/children/{sam}/conversations/{conversation}");
        var main = thread.QuerySelector("main")!.TextContent;
        Assert.Contains(Better, main, StringComparison.Ordinal);
        Assert.DoesNotContain(Words, main, StringComparison.Ordinal);
        Assert.Contains("Corrected at the family's request", main, StringComparison.Ordinal);
        Assert.Equal(Words, await App.QueryAsync(db => db.Messages.Where(m => m.Id == message).Select(m => m.Text).SingleAsync()));
        var (_, answered) = await alex.OpenAsync($"/children/{sam}/corrections/{id}");
        Assert.Contains(Words, answered.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Corrected to", answered.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(await App.QueryAsync(db => db.Notifications.Where(n => n.RecipientUserId == db.Users.Single(u => u.Email == "parent@example.org").Id).Select(n => n.Title).ToListAsync()),
            t => t == "Brookside Primary School corrected the words you asked about on Sam's record");
        Assert.Contains(AuditActions.CorrectionMade, await App.QueryAsync(db => db.AuditEvents.Where(a => a.EntityId == sam).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task An_organisation_that_will_not_correct_says_why_and_the_family_is_told_how_to_complain()
    {
        var (sam, _, message) = await ConversationAsync();
        var alex = await SignedInAsync("parent@example.org");
        var id = await AskAsync(alex, sam, message);
        var priya = await SignedInAsync("senco@example.org");

        var (noReason, noReasonPage) = await priya.SubmitAsync($"/children/{sam}/corrections/{id}", new Dictionary<string, string> { ["Input.Correct"] = "false" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Say why you will not correct the words", Assert.Single(noReasonPage.ErrorSummary()), StringComparison.Ordinal);
        var (refused, _) = await priya.SubmitAsync($"/children/{sam}/corrections/{id}",
            new Dictionary<string, string> { ["Input.Correct"] = "false", ["Input.Explanation"] = "This is what the swimming teacher reported on the day." });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);

        var (_, page) = await alex.OpenAsync($"/children/{sam}/corrections/{id}");
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Not corrected", main, StringComparison.Ordinal);
        Assert.Contains("This is what the swimming teacher reported on the day.", main, StringComparison.Ordinal);
        Assert.Contains("Information Commissioner's Office", main, StringComparison.Ordinal);
        Assert.Equal(CorrectionStatus.NotCorrected, await App.QueryAsync(db => db.CorrectionRequests.Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Only_the_author_or_their_organisations_admin_answers_only_the_family_asks_and_the_clock_shows_a_late_answer()
    {
        var (sam, _, message) = await ConversationAsync();
        var alex = await SignedInAsync("parent@example.org");
        var priya = await SignedInAsync("senco@example.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await priya.GetAsync(AskUrl(sam, message))).StatusCode);
        // Grace is not shared Sam's concerns, so she is not shown the words or the request.
        var grace = await SignedInAsync("therapist@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await grace.GetAsync(AskUrl(sam, message))).StatusCode);

        var id = await AskAsync(alex, sam, message);
        Assert.Equal(HttpStatusCode.NotFound, (await grace.GetAsync($"/children/{sam}/corrections/{id}")).StatusCode);
        var (_, account) = await alex.OpenAsync("/account");
        var token = account.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (byFamily, byFamilyPage) = await alex.PostFormAsync($"/children/{sam}/corrections/{id}",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Correct"] = "true", ["Input.CorrectedWords"] = Better });
        Assert.Equal(HttpStatusCode.BadRequest, byFamily.StatusCode);
        Assert.Contains("Only the person who wrote these words", Assert.Single(byFamilyPage.ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(CorrectionStatus.Waiting, await App.QueryAsync(db => db.CorrectionRequests.Select(r => r.Status).SingleAsync()));

        var (_, waiting) = await alex.OpenAsync($"/children/{sam}/corrections");
        Assert.Contains("Waiting", waiting.QuerySelector("main ul")!.TextContent, StringComparison.Ordinal);
        App.Time.Advance(TimeSpan.FromDays(31));
        alex = await SignedInAsync("parent@example.org");
        var (_, late) = await alex.OpenAsync($"/children/{sam}/corrections");
        Assert.Contains("Answer late", late.QuerySelector("main ul")!.TextContent, StringComparison.Ordinal);
    }
}
