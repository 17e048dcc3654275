using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using CommonGround.Core.Meetings;
using CommonGround.Core.Statutory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

/// <summary>
/// Where each date on a child's record stands, as the family and the caseworker see it. Today is Monday 23 November 2026.
/// </summary>
public sealed class StatutoryProgressTests : FreshAppTests
{
    /// <summary>The caseworker records a process for Jordan and then each event in turn, through the pages.</summary>
    private async Task<(Guid Jordan, Guid ProcessId)> RecordedAsync(StatutoryProcessKind kind, params (StatutoryEventKind Kind, DateOnly On)[] events)
    {
        var caseworker = await SignedInAsync("caseworker@example.org");
        var jordan = await ChildIdAsync("Jordan");
        var (started, page) = await caseworker.SubmitAsync($"/children/{jordan}/statutory/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", events[0].On))
        {
            ["Input.Kind"] = kind.ToString(), ["Input.Detail"] = "Jordan",
        });
        Assert.True(started.StatusCode == HttpStatusCode.Redirect, string.Join("; ", page.ErrorSummary()));
        var processId = Guid.Parse(started.Headers.Location!.OriginalString.Split('/')[^1]);
        foreach (var (eventKind, on) in events.Skip(1))
        {
            var (recorded, form) = await caseworker.SubmitAsync($"/children/{jordan}/statutory/{processId}/events/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", on))
            {
                ["Input.Kind"] = eventKind.ToString(),
            });
            Assert.True(recorded.StatusCode == HttpStatusCode.Redirect, string.Join("; ", form.ErrorSummary()));
        }

        return (jordan, processId);
    }

    private static Dictionary<string, string> StatesOnPage(IDocument page) =>
        page.QuerySelectorAll(".cg-deadline").ToDictionary(d => d.GetAttribute("data-deadline")!, d => d.GetAttribute("data-state")!);

    [Fact]
    public async Task After_a_final_plan_the_family_sees_no_missed_no_red_tag_and_no_letter_for_their_own_window()
    {
        // Draft sent 20 August 2026 and final plan 10 September, both on time; Jordan did not comment in the 15 days.
        var (jordan, processId) = await RecordedAsync(StatutoryProcessKind.NeedsAssessment,
            (StatutoryEventKind.RequestReceived, new(2026, 5, 1)), (StatutoryEventKind.DecisionToAssess, new(2026, 6, 5)),
            (StatutoryEventKind.DraftPlanServed, new(2026, 8, 20)), (StatutoryEventKind.FinalPlanIssued, new(2026, 9, 10)));
        var family = await SignedInAsync("youngperson@example.org");

        var (_, page) = await family.OpenAsync($"/children/{jordan}/statutory/{processId}");

        Assert.Equal("closed", StatesOnPage(page)["representations-last-day"]);
        var main = page.QuerySelector("main")!;
        Assert.Empty(main.QuerySelectorAll(".govuk-tag--red"));
        Assert.DoesNotContain("Missed", main.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("What you can do:", main.TextContent, StringComparison.Ordinal);
        Assert.Empty(main.QuerySelectorAll("a[href*='letters/chase']"));
        Assert.Contains("Nothing more is due", main.TextContent, StringComparison.Ordinal);
        var comments = page.QuerySelector(".cg-deadline[data-deadline=representations-last-day]")!.TextContent;
        Assert.Contains("Date passed", comments, StringComparison.Ordinal);
        Assert.Contains("Your right", comments, StringComparison.Ordinal);

        foreach (var path in new[] { "statutory", "whats-happening", "chronology" })
        {
            var (_, other) = await family.OpenAsync($"/children/{jordan}/{path}");
            Assert.Empty(other.QuerySelector("main")!.QuerySelectorAll(".govuk-tag--red"));
            Assert.DoesNotContain("Missed", other.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        var (letter, _) = await family.OpenAsync($"/children/{jordan}/statutory/letters/chase?processId={processId}&deadline=representations-last-day");
        Assert.Equal(HttpStatusCode.NotFound, letter.StatusCode);
    }

    [Fact]
    public async Task A_missed_council_decision_gets_the_red_tag_what_to_do_and_a_letter()
    {
        // Received 1 September 2026: the decision was due by 13 October and nothing is recorded.
        var (jordan, processId) = await RecordedAsync(StatutoryProcessKind.NeedsAssessment, (StatutoryEventKind.RequestReceived, new(2026, 9, 1)));
        var family = await SignedInAsync("youngperson@example.org");

        var (_, page) = await family.OpenAsync($"/children/{jordan}/statutory/{processId}");

        var decision = page.QuerySelector(".cg-deadline[data-deadline=decision-whether-to-assess]")!;
        Assert.Equal("missed", decision.GetAttribute("data-state"));
        Assert.Equal("Missed", decision.QuerySelector(".govuk-tag--red")!.TextContent.Trim());
        Assert.Contains("What you can do:", decision.TextContent, StringComparison.Ordinal);
        Assert.Contains("For the local authority to do", decision.TextContent, StringComparison.Ordinal);
        var chase = page.QuerySelectorAll("a[href*='letters/chase']").Single().GetAttribute("href")!;
        Assert.EndsWith("deadline=decision-whether-to-assess", chase, StringComparison.Ordinal);
        Assert.Contains("the local authority must do this by", page.QuerySelector(".cg-next-step")!.TextContent, StringComparison.Ordinal);

        var (_, letter) = await family.OpenAsync(chase);
        var text = letter.QuerySelector(".cg-letter")!.TextContent;
        Assert.Contains("13 October 2026", text, StringComparison.Ordinal);
        Assert.Contains("received a request for an EHC needs assessment on 1 September 2026", text, StringComparison.Ordinal);

        var (_, happening) = await family.OpenAsync($"/children/{jordan}/whats-happening");
        Assert.Contains("Decision whether to assess", happening.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_services_late_with_advice_are_two_warnings_and_two_letters_each_naming_its_service()
    {
        var (jordan, processId) = await RecordedAsync(StatutoryProcessKind.NeedsAssessment, (StatutoryEventKind.RequestReceived, new(2026, 8, 3)));
        var caseworker = await SignedInAsync("caseworker@example.org");
        foreach (var service in new[] { "Educational psychologist", "Speech and language therapy" })
        {
            var (recorded, form) = await caseworker.SubmitAsync($"/children/{jordan}/statutory/{processId}/events/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", new(2026, 9, 14)))
            {
                ["Input.Kind"] = nameof(StatutoryEventKind.AdviceRequested), ["Input.Detail"] = service,
            });
            Assert.True(recorded.StatusCode == HttpStatusCode.Redirect, string.Join("; ", form.ErrorSummary()));
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Core.Attention.AttentionJob>().ExecuteAsync(CancellationToken.None);
        }

        var warnings = await App.QueryAsync(db => db.AttentionSignals.Where(a => a.ChildId == jordan && a.Kind == Core.Attention.AttentionSignalKind.StatutoryMissed).Select(a => a.Reason).ToListAsync());
        Assert.Contains(warnings, w => w.StartsWith("Advice provided (Educational psychologist)", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("Advice provided (Speech and language therapy)", StringComparison.Ordinal));

        var family = await SignedInAsync("youngperson@example.org");
        var (_, page) = await family.OpenAsync($"/children/{jordan}/statutory/{processId}");
        var letters = page.QuerySelectorAll("a[href*='letters/chase']").Where(a => a.TextContent.Contains("Advice provided", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, letters.Count);
        var (_, second) = await family.OpenAsync(letters.Single(a => a.TextContent.Contains("Speech and language therapy", StringComparison.Ordinal)).GetAttribute("href")!);
        Assert.Contains("Advice provided (Speech and language therapy)", second.QuerySelector(".cg-letter")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calculator_the_progress_api_and_the_record_agree_on_the_same_events()
    {
        // Request 1 May 2026; told it will assess 5 June; draft 1 September; comments 10 September; final plan 25 September (late).
        (StatutoryEventKind Kind, DateOnly On)[] events =
        [
            (StatutoryEventKind.RequestReceived, new(2026, 5, 1)), (StatutoryEventKind.DecisionToAssess, new(2026, 6, 5)),
            (StatutoryEventKind.DraftPlanServed, new(2026, 9, 1)), (StatutoryEventKind.RepresentationsMade, new(2026, 9, 10)),
            (StatutoryEventKind.FinalPlanIssued, new(2026, 9, 25)),
        ];
        var (jordan, processId) = await RecordedAsync(StatutoryProcessKind.NeedsAssessment, events);
        var family = await SignedInAsync("youngperson@example.org");
        var (_, record) = await family.OpenAsync($"/children/{jordan}/statutory/{processId}");

        // The calculator asks for these as the request date (box 0) and the "what has happened since" boxes.
        var boxes = new Dictionary<StatutoryEventKind, int>
        {
            [StatutoryEventKind.RequestReceived] = 0, [StatutoryEventKind.DecisionToAssess] = 6, [StatutoryEventKind.DraftPlanServed] = 8,
            [StatutoryEventKind.RepresentationsMade] = 9, [StatutoryEventKind.FinalPlanIssued] = 11,
        };
        var query = string.Join("&", events.Select(e => $"Dates[{boxes[e.Kind]}].Day={e.On.Day}&Dates[{boxes[e.Kind]}].Month={e.On.Month}&Dates[{boxes[e.Kind]}].Year={e.On.Year}"));
        var (_, calculator) = await App.NewClient().OpenAsync("/check-your-dates/needs-assessment/check?" + query);

        var body = JsonSerializer.Serialize(new
        {
            asOf = "2026-11-23",
            events = events.Select(e => new { @event = e.Kind.Slug(), date = e.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }),
        });
        var response = await App.NewClient().PostAsync("/api/v1/timescales/needs-assessment/progress", new StringContent(body, Encoding.UTF8, "application/json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var api = json.RootElement.GetProperty("deadlines").EnumerateArray().ToDictionary(d => d.GetProperty("key").GetString()!, d => d.GetProperty("state").GetString()!);

        var expected = new Dictionary<string, string>
        {
            ["decision-whether-to-assess"] = "met", ["decision-not-to-issue-plan"] = "not-applicable", ["latest-draft-plan"] = "met",
            ["representations-last-day"] = "met", ["final-plan"] = "late",
        };
        Assert.Equal(expected, api);
        Assert.Equal(expected, StatesOnPage(record));
        Assert.Equal(expected, StatesOnPage(calculator));
    }

    [Fact]
    public async Task Arranging_a_review_meeting_records_it_on_the_annual_review_and_held_needs_that_meeting()
    {
        var sam = await ChildIdAsync("Samuel");
        var caseworker = await SignedInAsync("caseworker@example.org");
        var (started, _) = await caseworker.SubmitAsync($"/children/{sam}/statutory/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", new(2026, 1, 12)))
        {
            ["Input.Kind"] = nameof(StatutoryProcessKind.AnnualReview),
        });
        var process = started.Headers.Location!.OriginalString;

        // Held with no meeting chosen is refused, and nothing is written.
        var before = await App.QueryAsync(db => db.StatutoryEvents.CountAsync());
        var (refused, refusal) = await caseworker.SubmitAsync($"{process}/events/new", new Dictionary<string, string> { ["Input.Kind"] = nameof(StatutoryEventKind.ReviewMeetingHeld) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Choose which review meeting was held. Arrange it under Meetings first if it is not there", refusal.ErrorSummary());
        Assert.Equal(before, await App.QueryAsync(db => db.StatutoryEvents.CountAsync()));

        // The key worker arranges the review on Sam's record for Wednesday 9 December.
        var keyWorker = await SignedInAsync("senco@example.org");
        var parentId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "parent@example.org").Select(u => u.Id).SingleAsync());
        var sencoId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "senco@example.org").Select(u => u.Id).SingleAsync());
        var (arranged, arrangePage) = await keyWorker.SubmitAsync($"/children/{sam}/meetings/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", new(2026, 12, 9)))
        {
            ["Input.Kind"] = nameof(MeetingKind.Review), ["Input.Time"] = "10:00", ["Input.DurationMinutes"] = "60", ["Input.Place"] = "Brookside Primary",
            ["Input.OnlineLink"] = "", ["Input.Invitees[0]"] = parentId.ToString(), ["Input.NoteTakerId"] = sencoId.ToString(),
        });
        Assert.True(arranged.StatusCode == HttpStatusCode.Redirect, string.Join("; ", arrangePage.ErrorSummary()));

        var (_, page) = await caseworker.OpenAsync(process);
        Assert.Contains("9 December 2026", page.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        var states = StatesOnPage(page);
        Assert.Equal("upcoming", states["invitations-by"]);
        Assert.Equal("upcoming", states["advice-circulated-by"]);
        Assert.Contains("By Wednesday 25 November 2026", page.QuerySelector(".cg-deadline[data-deadline=invitations-by]")!.TextContent, StringComparison.Ordinal);

        // Once it has taken place, the meeting is offered when recording that it was held, and its date is the meeting's.
        App.Time.SetUtcNow(new DateTimeOffset(2026, 12, 9, 12, 0, 0, TimeSpan.Zero));
        caseworker = await SignedInAsync("caseworker@example.org");
        var (_, form) = await caseworker.OpenAsync($"{process}/events/new");
        var meetingId = await App.QueryAsync(db => db.Meetings.Select(m => m.Id).SingleAsync());
        Assert.Contains(form.QuerySelectorAll("input[name='Input.MeetingId']"), i => i.GetAttribute("value") == meetingId.ToString());
        var (held, heldPage) = await caseworker.SubmitAsync($"{process}/events/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(StatutoryEventKind.ReviewMeetingHeld), ["Input.MeetingId"] = meetingId.ToString(),
        });
        Assert.True(held.StatusCode == HttpStatusCode.Redirect, string.Join("; ", heldPage.ErrorSummary()));
        Assert.Equal(new DateOnly(2026, 12, 9), await App.QueryAsync(db => db.StatutoryEvents
            .Where(e => e.Kind == StatutoryEventKind.ReviewMeetingHeld && e.MeetingId == meetingId).Select(e => e.OccurredOn).SingleAsync()));
    }

    [Fact]
    public async Task The_lead_reaches_timeliness_from_the_navigation_and_its_pages_work()
    {
        var lead = await SignedInAsync("send.lead@example.org");
        var (_, home) = await lead.OpenAsync("/account");
        var link = home.QuerySelectorAll(".govuk-service-navigation__link").Single(a => a.TextContent.Trim() == "Timeliness");

        var (response, report) = await lead.OpenAsync(link.GetAttribute("href")!);
        var (second, _) = await lead.OpenAsync("/organisation/timeliness?year=2026&list=Late&pageNumber=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.DoesNotContain("is not valid", report.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Timeliness"], report.QuerySelectorAll(".govuk-service-navigation__link[aria-current=page]").Select(a => a.TextContent.Trim()));
    }
}
