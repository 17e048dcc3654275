using System.Net;
using CommonGround.Core.Attention;
using CommonGround.Core.Audit;
using CommonGround.Core.DataRights;
using CommonGround.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

/// <summary>
/// A family asks for their child's record to be erased, and the local authority on the team answers within one month.
/// Today is Monday 23 November 2026: an answer is due by Wednesday 23 December. Tom is the council's caseworker on the
/// teams of Sam and Jordan; nobody from the council is on Ellie's.
/// </summary>
public sealed class ErasureRequestTests : FreshAppTests
{
    private static Dictionary<string, string> Asking(string reason = "This record was opened for Sam by mistake: he has never needed support.") =>
        new() { ["Input.Reason"] = reason };

    private static Dictionary<string, string> Answering(string? answer, string explanation = "") =>
        new() { ["Input.Answer"] = answer ?? "", ["Input.Explanation"] = explanation };

    /// <summary>Sends a form the page does not offer this person, as someone who kept an old copy of it might.</summary>
    private static async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> PostWithoutTheFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var (_, account) = await client.OpenAsync("/account");
        fields["__RequestVerificationToken"] = account.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostFormAsync(url, fields);
    }

    private Task<int> RequestsAsync(Guid child) => App.QueryAsync(db => db.ErasureRequests.CountAsync(r => r.ChildId == child));

    private Task<ErasureRequest> RequestAsync(Guid child) =>
        App.QueryAsync(db => db.ErasureRequests.OrderByDescending(r => r.RequestedAt).FirstAsync(r => r.ChildId == child));

    private Task<Core.Children.Child> ChildAsync(Guid child) => App.QueryAsync(db => db.Children.SingleAsync(c => c.Id == child));

    [Fact]
    public async Task The_family_is_told_what_is_kept_asks_and_the_local_authority_erases_a_record_opened_by_mistake()
    {
        var sam = await ChildIdAsync("Samuel");
        var dateOfBirth = (await ChildAsync(sam)).DateOfBirth;
        var parent = await SignedInAsync("parent@example.org");
        var (_, overview) = await parent.OpenAsync($"/children/{sam}");
        Assert.NotNull(overview.QuerySelector($"main a[href='/children/{sam}/erasure']"));

        // What must be kept and why, from the schedule: if support ended today, until his 31st birthday.
        var (_, page) = await parent.OpenAsync($"/children/{sam}/erasure");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains($"If support ended today, it would be kept until {Core.Time.UkDates.Date(dateOfBirth.AddYears(31))}", text, StringComparison.Ordinal);
        Assert.Contains("If they agreed today, it would be erased on 23 December 2026", text, StringComparison.Ordinal);
        Assert.Contains(RetentionSchedule.SendRecord.Source, text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("textarea[name='Input.Reason']"));

        // Only the family and the local authority on the team read it.
        var priya = await SignedInAsync("senco@example.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await priya.GetAsync($"/children/{sam}/erasure")).StatusCode);
        Assert.Null((await priya.OpenAsync($"/children/{sam}")).Page.QuerySelector($"main a[href='/children/{sam}/erasure']"));

        // A reason is needed, and a refusal writes nothing.
        var events = await App.QueryAsync(db => db.AuditEvents.CountAsync());
        var (blank, blankPage) = await parent.SubmitAsync($"/children/{sam}/erasure", Asking(" "));
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("Say why you want the record erased", blankPage.ErrorSummary());
        var (tooLong, tooLongPage) = await parent.SubmitAsync($"/children/{sam}/erasure", Asking(new string('a', ErasureRequest.MaxTextLength + 1)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Single(tooLongPage.ErrorSummary());
        Assert.Equal(0, await RequestsAsync(sam));
        Assert.Equal(events, await App.QueryAsync(db => db.AuditEvents.CountAsync()));

        var (asked, _) = await parent.SubmitAsync($"/children/{sam}/erasure", Asking());
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var request = await RequestAsync(sam);
        Assert.Equal($"/children/{sam}/erasure/{request.Id}", asked.Headers.Location!.OriginalString);
        Assert.Equal(new DateOnly(2026, 12, 23), request.DueOn);
        Assert.Equal("Alex Morgan", request.RequestedByName);
        Assert.Equal(AuditActions.ErasureRequested, await App.QueryAsync(db => db.AuditEvents.Where(a => a.EntityId == sam).OrderByDescending(a => a.Id).Select(a => a.Action).FirstAsync()));

        // One request waits at a time.
        var (again, againPage) = await PostWithoutTheFormAsync(parent, $"/children/{sam}/erasure", Asking());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("A request to erase this record is already waiting for an answer", againPage.ErrorSummary());
        Assert.Equal(1, await RequestsAsync(sam));

        // Tom is told, and it is on his attention list; the school, also on the team, is not told.
        var tomId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "caseworker@example.org").Select(u => u.Id).SingleAsync());
        var notified = await App.QueryAsync(db => db.Notifications.Where(n => n.ChildId == sam && n.Title == "Sam's family asked for the record to be erased").Select(n => n.RecipientUserId).ToListAsync());
        Assert.Equal([tomId], notified);
        Assert.Equal(1, await App.QueryAsync(db => db.AttentionSignals.CountAsync(s => s.ChildId == sam && s.Kind == AttentionSignalKind.ErasureWaiting)));
        var tom = await SignedInAsync("caseworker@example.org");
        Assert.Contains("The family asked for the record to be erased. The local authority must answer by 23 December 2026", (await tom.OpenAsync("/attention")).Page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("erased", (await priya.OpenAsync("/attention")).Page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await tom.OpenAsync($"/children/{sam}")).Page.QuerySelector($"main a[href='/children/{sam}/erasure/{request.Id}']"));
        Assert.NotNull((await tom.OpenAsync("/children")).Page.QuerySelector($"ul[aria-labelledby='records-to-erase'] a[href='/children/{sam}/erasure/{request.Id}']"));
        Assert.Null((await priya.OpenAsync("/children")).Page.QuerySelector("#records-to-erase"));
        Assert.True(await App.QueryAsync(db => db.AccessLog.AnyAsync(a => a.ChildId == sam && a.ViewerUserId == tomId && a.What.Contains("records to erase"))),
            "Sam's name on Tom's first screen is logged as seen");
        Assert.Contains("Alex Morgan's request to erase Sam's record should be answered", (await parent.OpenAsync($"/children/{sam}/whats-happening")).Page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The family cannot answer their own request, and an answer needs a choice, and reasons unless it is to erase.
        var link = $"/children/{sam}/erasure/{request.Id}";
        var (byFamily, byFamilyPage) = await PostWithoutTheFormAsync(parent, link, Answering("Erasing"));
        Assert.Equal(HttpStatusCode.BadRequest, byFamily.StatusCode);
        Assert.Contains("Only a professional of the local authority on the child's team can close or reopen their record", byFamilyPage.ErrorSummary());
        var (noChoice, noChoicePage) = await tom.SubmitAsync(link, Answering(null));
        Assert.Contains("Choose your answer", noChoicePage.ErrorSummary());
        var (noReason, noReasonPage) = await tom.SubmitAsync(link, Answering("Kept"));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Say why the record is kept: the family will read it", noReasonPage.ErrorSummary());
        Assert.True((await RequestAsync(sam)).IsWaiting);
        Assert.False((await ChildAsync(sam)).IsClosed);

        var (erased, _) = await tom.SubmitAsync(link, Answering("Erasing"));
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        var child = await ChildAsync(sam);
        Assert.Equal(RetentionSchedule.OpenedInError.Key, child.ClosedUnderRule);
        Assert.Equal(new DateOnly(2026, 12, 23), child.EraseOn);
        request = await RequestAsync(sam);
        Assert.Equal(ErasureAnswer.Erasing, request.Answer);
        Assert.Equal("Tom Hughes", request.AnsweredByName);
        Assert.Equal(AuditActions.ErasureAgreed, await App.QueryAsync(db => db.AuditEvents.Where(a => a.EntityId == sam).OrderByDescending(a => a.Id).Select(a => a.Action).FirstAsync()));
        Assert.Contains("The local authority answered the request to erase Sam's record",
            await App.QueryAsync(db => db.Notifications.Where(n => n.ChildId == sam && n.Kind == NotificationKind.YourData).Select(n => n.Title).ToListAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.AttentionSignals.CountAsync(s => s.ChildId == sam && s.Kind == AttentionSignalKind.ErasureWaiting)));
        var (_, answered) = await parent.OpenAsync(link);
        Assert.Contains("It will be erased on 23 December 2026", answered.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(answered.QuerySelector("input[name='Input.Answer']"));

        // Thirty days on, the nightly erasure takes it, leaving the stub.
        App.Time.Advance(TimeSpan.FromDays(31));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RetentionJob>().ExecuteAsync(CancellationToken.None);
        }

        Assert.False(await App.QueryAsync(db => db.Children.AnyAsync(c => c.Id == sam)));
        Assert.Equal(0, await RequestsAsync(sam));
        Assert.Equal(RetentionSchedule.OpenedInError.Key, await App.QueryAsync(db => db.ErasedRecords.Where(e => e.ErasedChildId == sam).Select(e => e.RuleKey).SingleAsync()));
    }

    [Fact]
    public async Task The_local_authority_keeps_a_record_saying_why_or_closes_it_to_be_kept_only_as_long_as_the_law_requires()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        var tom = await SignedInAsync("caseworker@example.org");
        await parent.SubmitAsync($"/children/{sam}/erasure", Asking("We would like Sam's record erased."));
        var first = await RequestAsync(sam);
        var (kept, _) = await tom.SubmitAsync($"/children/{sam}/erasure/{first.Id}", Answering("Kept", "Sam's EHC needs assessment is under way, and the record is how the team keeps to what it agreed."));
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.False((await ChildAsync(sam)).IsClosed);
        Assert.Equal(ErasureAnswer.Kept, (await RequestAsync(sam)).Answer);
        Assert.Equal(AuditActions.ErasureRefused, await App.QueryAsync(db => db.AuditEvents.Where(a => a.EntityId == sam).OrderByDescending(a => a.Id).Select(a => a.Action).FirstAsync()));

        // The family reads why, and how to complain; and may ask again.
        var (_, answer) = await parent.OpenAsync($"/children/{sam}/erasure/{first.Id}");
        var text = answer.QuerySelector("main")!.TextContent;
        Assert.Contains("the record is how the team keeps to what it agreed", text, StringComparison.Ordinal);
        Assert.NotNull(answer.QuerySelector("main a[href='https://ico.org.uk/make-a-complaint/']"));
        var (_, erasure) = await parent.OpenAsync($"/children/{sam}/erasure");
        Assert.NotNull(erasure.QuerySelector("textarea[name='Input.Reason']"));
        Assert.NotNull(erasure.QuerySelector($"main a[href='/children/{sam}/erasure/{first.Id}']"));

        App.Time.Advance(TimeSpan.FromMinutes(10));
        await parent.SubmitAsync($"/children/{sam}/erasure", Asking("Sam has left for a school in Westshire, which holds his plan now."));
        var second = await RequestAsync(sam);
        var (closed, _) = await tom.SubmitAsync($"/children/{sam}/erasure/{second.Id}", Answering("ClosedAndKept", "Sam has moved away, so his record is closed. The law requires us to keep it until his 31st birthday."));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var child = await ChildAsync(sam);
        Assert.Equal(RetentionSchedule.SendRecord.Key, child.ClosedUnderRule);
        Assert.Equal(child.DateOfBirth.AddYears(31), child.EraseOn);
        Assert.Equal(ErasureAnswer.ClosedAndKept, (await RequestAsync(sam)).Answer);

        // Closed when support ended, it can still be asked to go sooner; the answer no longer offers closing it.
        App.Time.Advance(TimeSpan.FromMinutes(10));
        await parent.SubmitAsync($"/children/{sam}/erasure", Asking("It really was opened for Sam by mistake: he never had support from the council."));
        var third = await RequestAsync(sam);
        Assert.True(third.IsWaiting);
        // A closed record raises no warnings, but the family's request still waits on its clock.
        Assert.Equal([AttentionSignalKind.ErasureWaiting], await App.QueryAsync(db => db.AttentionSignals.Where(s => s.ChildId == sam).Select(s => s.Kind).ToListAsync()));
        var (_, answering) = await tom.OpenAsync($"/children/{sam}/erasure/{third.Id}");
        Assert.Equal(["Erasing", "Kept"], answering.QuerySelectorAll("input[name='Input.Answer']").Select(i => i.GetAttribute("value")));
        var (moved, _) = await tom.SubmitAsync($"/children/{sam}/erasure/{third.Id}", Answering("Erasing"));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        child = await ChildAsync(sam);
        Assert.Equal(RetentionSchedule.OpenedInError.Key, child.ClosedUnderRule);
        Assert.Equal(new DateOnly(2026, 12, 23), child.EraseOn);

        // Once it is to be erased, there is nothing more to ask.
        var (_, last) = await parent.OpenAsync($"/children/{sam}/erasure");
        Assert.Contains("It will be erased on 23 December 2026", last.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(last.QuerySelector("textarea[name='Input.Reason']"));
        var (refused, refusedPage) = await PostWithoutTheFormAsync(parent, $"/children/{sam}/erasure", Asking());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("This record is already closed as opened by mistake, and will be erased on 23 December 2026", refusedPage.ErrorSummary());
        Assert.Equal(3, await RequestsAsync(sam));

        // Alex's download of everything about himself holds each request he made, with its answer.
        await parent.SubmitAsync("/account/download", new Dictionary<string, string>());
        await DownloadedZip.RunJobAsync(App);
        var (_, ready) = await parent.OpenAsync("/account/download");
        var zip = new DownloadedZip(await (await parent.GetAsync(ready.QuerySelector("main a[href*='handler=File']")!.GetAttribute("href")!)).Content.ReadAsByteArrayAsync());
        Assert.Equal(3, zip.RowsByTable()["erasure-requests"]);
        Assert.Contains(zip.Json("data/erasure-requests.json").EnumerateArray(), r => r.GetProperty("explanation").GetString() == "Sam has moved away, so his record is closed. The law requires us to keep it until his 31st birthday.");
    }

    [Fact]
    public async Task Once_a_young_person_decides_for_themself_only_they_ask_and_hear_the_answer()
    {
        var jordan = await ChildIdAsync("Jordan");
        var dee = await SignedInAsync("dee.reid@example.org");
        var (_, page) = await dee.OpenAsync($"/children/{jordan}/erasure");
        Assert.Contains("only Jordan can ask for it to be erased", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("textarea[name='Input.Reason']"));
        var (deeAsks, _) = await PostWithoutTheFormAsync(dee, $"/children/{jordan}/erasure", Asking("Please erase it."));
        Assert.Equal(HttpStatusCode.Forbidden, deeAsks.StatusCode);
        Assert.Equal(0, await RequestsAsync(jordan));

        var young = await SignedInAsync("youngperson@example.org");
        var (asked, _) = await young.SubmitAsync($"/children/{jordan}/erasure", Asking("I want to start afresh at college."));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var request = await RequestAsync(jordan);
        Assert.Equal(HttpStatusCode.Forbidden, (await dee.GetAsync($"/children/{jordan}/erasure/{request.Id}")).StatusCode);
        Assert.DoesNotContain("start afresh", (await dee.OpenAsync($"/children/{jordan}/erasure")).Page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var tom = await SignedInAsync("caseworker@example.org");
        await tom.SubmitAsync($"/children/{jordan}/erasure/{request.Id}", Answering("Kept", "Your EHC plan is still in place until you finish college."));
        var told = await App.QueryAsync(db => db.Notifications.Where(n => n.ChildId == jordan && n.Kind == NotificationKind.YourData)
            .Join(db.Users, n => n.RecipientUserId, u => u.Id, (n, u) => u.Email).ToListAsync());
        Assert.Equal(["youngperson@example.org"], told);
    }

    [Fact]
    public async Task With_nobody_from_the_local_authority_on_the_team_the_family_is_told_who_answers_and_nothing_is_written()
    {
        var ellie = await ChildIdAsync("Ellie");
        var parent = await SignedInAsync("parent@example.org");
        var (_, page) = await parent.OpenAsync($"/children/{ellie}/erasure");
        Assert.Contains("nobody from it is on Ellie's team yet", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("textarea[name='Input.Reason']"));
        var (refused, refusedPage) = await PostWithoutTheFormAsync(parent, $"/children/{ellie}/erasure", Asking("Opened by mistake."));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Nobody from the local authority is on the team to answer a request to erase the record. Invite the local authority's SEND team to the team first", refusedPage.ErrorSummary());
        Assert.Equal(0, await RequestsAsync(ellie));
    }

    [Fact]
    public async Task The_councils_admins_see_the_areas_closed_records_and_waiting_requests_with_names_and_dates_only()
    {
        var sam = await ChildIdAsync("Samuel");
        var ellie = await ChildIdAsync("Ellie");
        var ruth = await SignedInAsync("send.lead@example.org");
        var (empty, emptyPage) = await ruth.OpenAsync("/organisation/closed-records");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("No record in your area is closed", emptyPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await ruth.OpenAsync("/organisation")).Page.QuerySelector("main a[href='/organisation/closed-records']"));

        // A request made while someone from the council was on Ellie's team waits with nobody now to answer it.
        await App.QueryAsync(async db =>
        {
            var child = await db.Children.SingleAsync(c => c.Id == ellie);
            var alex = await db.Users.SingleAsync(u => u.Email == "parent@example.org");
            var asked = App.Time.GetUtcNow().UtcDateTime.AddDays(-40);
            db.ErasureRequests.Add(new ErasureRequest
            {
                ChildId = ellie, AreaId = child.AreaId, Reason = "Opened twice", RequestedByUserId = alex.Id, RequestedByName = alex.DisplayName,
                RequestedAt = asked, DueOn = OneMonthClock.DueOn(asked, Core.Time.WorkingDayCalendar.EnglandAndWales),
            });
            return await db.SaveChangesAsync();
        });
        var tom = await SignedInAsync("caseworker@example.org");
        await tom.SubmitAsync($"/children/{sam}/close", new Dictionary<string, string> { ["Input.Rule"] = "send-record", ["Input.Note"] = "Sam has moved to Westshire." });
        var eraseOn = (await ChildAsync(sam)).EraseOn!.Value;

        var (_, page) = await ruth.OpenAsync("/organisation/closed-records");
        var rows = page.QuerySelectorAll("main table tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => System.Text.RegularExpressions.Regex.Replace(c.TextContent.Trim(), @"\s+", " ")))).ToList();
        Assert.Equal([
            "Ellie Morgan | 14 October 2026 | 16 November 2026 Late | Nobody from your council is on the team",
            $"Sam Morgan | 23 November 2026 by Tom Hughes | Support ended | {Core.Time.UkDates.Date(eraseOn)}",
        ], rows);
        Assert.DoesNotContain("Opened twice", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var seen = await App.QueryAsync(db => db.AccessLog.Where(a => a.ViewerName == "Ruth Adeyemi" && a.What!.StartsWith("Closed records")).Select(a => a.ChildId).ToListAsync());
        Assert.Equal(new[] { ellie, sam }.Order(), seen.Order());

        // Not for a school's admins.
        var helen = await SignedInAsync("orgadmin@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await helen.GetAsync("/organisation/closed-records")).StatusCode);
    }
}
