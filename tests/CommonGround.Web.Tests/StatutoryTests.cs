using System.Net;
using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Statutory;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

public sealed class StatutoryTests : FreshAppTests
{
    private async Task<(HttpClient Client, Guid ChildId, Guid ProcessId)> RequestRecordedAsync(string email, DateOnly received)
    {
        var client = await SignedInAsync(email);
        var jordan = await ChildIdAsync("Jordan");
        var (response, page) = await client.SubmitAsync($"/children/{jordan}/statutory/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", received))
        {
            ["Input.Kind"] = nameof(StatutoryProcessKind.NeedsAssessment), ["Input.Detail"] = "Parent",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("; ", page.ErrorSummary()));
        var processId = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        return (client, jordan, processId);
    }

    [Fact]
    public async Task Caseworker_records_a_request_and_the_deadlines_follow_with_status_and_legal_basis()
    {
        // Received 16 October 2026: the 6-week decision is due 27 November, within 10 working days of today (23 November).
        var (client, jordan, processId) = await RequestRecordedAsync("caseworker@example.org", new(2026, 10, 16));

        var (_, page) = await client.OpenAsync($"/children/{jordan}/statutory/{processId}");

        var deadlines = page.QuerySelectorAll(".cg-deadline").Select(d => d.TextContent).ToList();
        Assert.Equal(4, deadlines.Count);
        Assert.Contains("By Friday 27 November 2026", deadlines[0], StringComparison.Ordinal);
        Assert.Contains("Due soon", deadlines[0], StringComparison.Ordinal);
        Assert.Contains("regulations 4(1) and 5(1)", deadlines[0], StringComparison.Ordinal);
        Assert.Contains("By Friday 5 March 2027", deadlines[3], StringComparison.Ordinal);
        Assert.Contains("Decision whether to assess", page.QuerySelector(".cg-next-step")!.TextContent, StringComparison.Ordinal);
        var audit = await App.QueryAsync(db => db.AuditEvents.Where(a => a.Action.StartsWith("statutory.")).Select(a => a.Action).ToListAsync());
        Assert.Equal([Core.Audit.AuditActions.StatutoryEventRecorded, Core.Audit.AuditActions.StatutoryProcessStarted], audit.Order());

        // The chronology shows what happened and the legal dates beside it.
        var youngPerson = await SignedInAsync("youngperson@example.org");
        var (_, chronology) = await youngPerson.OpenAsync($"/children/{jordan}/chronology");
        var text = chronology.QuerySelector("main")!.TextContent;
        Assert.Contains("EHC needs assessment: The local authority received a request for an EHC needs assessment on 16 October 2026", text, StringComparison.Ordinal);
        Assert.Contains("Decision whether to assess", chronology.QuerySelectorAll("main table")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_on_time_is_done_and_a_missed_date_offers_the_family_a_chasing_letter()
    {
        var (caseworker, jordan, processId) = await RequestRecordedAsync("caseworker@example.org", new(2026, 9, 1));
        var (recorded, _) = await caseworker.SubmitAsync($"/children/{jordan}/statutory/{processId}/events/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", new(2026, 10, 12)))
        {
            ["Input.Kind"] = nameof(StatutoryEventKind.DecisionToAssess),
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var (_, page) = await caseworker.OpenAsync($"/children/{jordan}/statutory/{processId}");
        Assert.Contains("Done on time", page.QuerySelectorAll(".cg-deadline")[0].TextContent, StringComparison.Ordinal);

        // 8 weeks on, with no draft by the 125-day date: the family sees it missed and can chase it.
        App.Time.SetUtcNow(new DateTimeOffset(2027, 1, 6, 9, 0, 0, TimeSpan.Zero));
        var family = await SignedInAsync("youngperson@example.org");
        var (_, familyPage) = await family.OpenAsync($"/children/{jordan}/statutory/{processId}");
        var chase = familyPage.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("letters/chase", StringComparison.Ordinal) && h.EndsWith("deadline=latest-draft-plan", StringComparison.Ordinal));

        var (letterResponse, letter) = await family.OpenAsync(chase);
        Assert.Equal(HttpStatusCode.OK, letterResponse.StatusCode);
        Assert.Contains("4 January 2027", letter.QuerySelector(".cg-letter")!.TextContent, StringComparison.Ordinal);
        var download = await family.GetAsync(letter.QuerySelector("a[download]")!.GetAttribute("href"));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType?.MediaType);
        using var word = WordprocessingDocument.Open(await download.Content.ReadAsStreamAsync(), false);
        Assert.Contains("Jordan Reid", word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_not_yet_missed_cannot_be_chased()
    {
        var (_, jordan, processId) = await RequestRecordedAsync("caseworker@example.org", new(2026, 11, 2));
        var family = await SignedInAsync("youngperson@example.org");

        var (response, _) = await family.OpenAsync($"/children/{jordan}/statutory/letters/chase?processId={processId}&deadline=final-plan");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_familys_date_is_marked_as_theirs_and_a_correction_keeps_both()
    {
        var (_, jordan, processId) = await RequestRecordedAsync("youngperson@example.org", new(2026, 11, 2));
        var eventId = await App.QueryAsync(db => db.StatutoryEvents.Where(e => e.ProcessId == processId).Select(e => e.Id).SingleAsync());
        var caseworker = await SignedInAsync("caseworker@example.org");

        var (_, before) = await caseworker.OpenAsync($"/children/{jordan}/statutory/{processId}");
        Assert.Contains("Recorded by the family", before.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        var (corrected, _) = await caseworker.SubmitAsync($"/children/{jordan}/statutory/{processId}/events/{eventId}/correct", new Dictionary<string, string>(Browse.DateFields("Input.Date", new(2026, 11, 4)))
        {
            ["Input.Reason"] = "The letter arrived by post on the 4th",
        });

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var (_, after) = await caseworker.OpenAsync($"/children/{jordan}/statutory/{processId}");
        var events = after.QuerySelector("main table")!.TextContent;
        Assert.Contains("4 November 2026", events, StringComparison.Ordinal);
        Assert.Contains("The family gave 2 November 2026", events, StringComparison.Ordinal);
        Assert.Contains("The letter arrived by post on the 4th", events, StringComparison.Ordinal);
        Assert.Contains("By Wednesday 16 December 2026", after.QuerySelector(".cg-deadline")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_move_the_family_recorded_ahead_can_be_corrected_to_another_day_ahead()
    {
        var family = await SignedInAsync("youngperson@example.org");
        var jordan = await ChildIdAsync("Jordan");
        var (recorded, _) = await family.SubmitAsync($"/children/{jordan}/statutory/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", new(2027, 9, 6)))
        {
            ["Input.Kind"] = nameof(StatutoryProcessKind.PhaseTransfer), ["Input.Transfer"] = "post-16-other",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var processId = Guid.Parse(recorded.Headers.Location!.OriginalString.Split('/')[^1]);
        var eventId = await App.QueryAsync(db => db.StatutoryEvents.Where(e => e.ProcessId == processId).Select(e => e.Id).SingleAsync());

        var caseworker = await SignedInAsync("caseworker@example.org");
        var (corrected, page) = await caseworker.SubmitAsync($"/children/{jordan}/statutory/{processId}/events/{eventId}/correct", new Dictionary<string, string>(Browse.DateFields("Input.Date", new(2027, 9, 1)))
        {
            ["Input.Reason"] = "College starts on the 1st",
        });

        Assert.True(corrected.StatusCode == HttpStatusCode.Redirect, string.Join("; ", page.ErrorSummary()));
        Assert.Equal(new DateOnly(2027, 9, 1), await App.QueryAsync(db => db.StatutoryEvents.Where(e => e.Id == eventId).Select(e => e.OccurredOn).SingleAsync()));
    }

    [Fact]
    public async Task What_the_family_records_is_in_the_history_of_the_childs_area()
    {
        var family = await SignedInAsync("youngperson@example.org");
        var jordan = await ChildIdAsync("Jordan");
        var (recorded, _) = await family.SubmitAsync($"/children/{jordan}/statutory/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", new(2027, 9, 6)))
        {
            ["Input.Kind"] = nameof(StatutoryProcessKind.PhaseTransfer), ["Input.Transfer"] = "post-16-other",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var area = await App.QueryAsync(db => db.Children.Where(c => c.Id == jordan).Select(c => c.AreaId).SingleAsync());
        var events = await App.QueryAsync(db => db.AuditEvents
            .Where(a => a.EntityId == jordan && (a.Action == AuditActions.StatutoryProcessStarted || a.Action == AuditActions.StatutoryEventRecorded))
            .Select(a => new { a.AreaId, a.RecordArea }).ToListAsync());
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(area, e.AreaId));
        Assert.All(events, e => Assert.Equal(Core.Access.RecordArea.StatutoryProcess, e.RecordArea));
    }

    public static TheoryData<string, string, string> BadEvents() => new()
    {
        { "", "1", "Select what happened" },
        { nameof(StatutoryEventKind.DecisionToAssess), "", "Enter the date" },
        { nameof(StatutoryEventKind.DecisionToAssess), "2099", "The date must be today or in the past" },
        { nameof(StatutoryEventKind.AbsentFromArea), "2026", "Enter the end date" },
        { nameof(StatutoryEventKind.AppealLodged), "2026", "Choose what happened" },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task Bad_events_get_a_clear_message_and_change_nothing(string kind, string year, string message)
    {
        var (client, jordan, processId) = await RequestRecordedAsync("caseworker@example.org", new(2026, 11, 2));
        var before = await App.QueryAsync(db => db.StatutoryEvents.CountAsync());

        var (response, page) = await client.SubmitAsync($"/children/{jordan}/statutory/{processId}/events/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = kind, ["Input.Date.Day"] = year.Length == 0 ? "" : "10", ["Input.Date.Month"] = year.Length == 0 ? "" : "11", ["Input.Date.Year"] = year == "1" ? "2026" : year,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.ErrorSummary());
        Assert.Equal(before, await App.QueryAsync(db => db.StatutoryEvents.CountAsync()));
    }

    [Fact]
    public async Task Caseworker_list_sorts_by_next_deadline_and_the_lead_sees_20_week_timeliness()
    {
        var (caseworker, jordan, processId) = await RequestRecordedAsync("caseworker@example.org", new(2026, 5, 1));
        await caseworker.SubmitAsync($"/children/{jordan}/statutory/{processId}/events/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", new(2026, 9, 25)))
        {
            ["Input.Kind"] = nameof(StatutoryEventKind.FinalPlanIssued),
        });

        var (listResponse, list) = await caseworker.OpenAsync("/statutory");
        Assert.Equal(HttpStatusCode.OK, listResponse.StatusCode);
        Assert.Contains("Jordan Reid", list.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        var lead = await SignedInAsync("send.lead@example.org");
        var (_, report) = await lead.OpenAsync("/organisation/timeliness?year=2026");
        var figures = report.QuerySelector(".govuk-summary-list")!.TextContent;
        Assert.Contains("0 of 1 (0%)", figures, StringComparison.Ordinal);
        var (_, late) = await lead.OpenAsync("/organisation/timeliness?year=2026&list=Late");
        Assert.Contains("18 September 2026", late.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Jordan", late.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        var school = await SignedInAsync("orgadmin@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync("/organisation/timeliness")).StatusCode);
    }

    [Fact]
    public async Task A_child_leaves_the_caseworkers_list_while_the_family_does_not_share_the_process_and_comes_back_on_the_day_it_is_shared_again()
    {
        var (caseworker, jordan, _) = await RequestRecordedAsync("caseworker@example.org", new(2026, 10, 16));
        var placeId = await MemberIdAsync(jordan, "caseworker@example.org");
        async Task<bool> ListedAsync()
        {
            var (_, list) = await caseworker.OpenAsync("/statutory");
            return list.QuerySelector("main")!.TextContent.Contains("Jordan Reid", StringComparison.Ordinal);
        }

        Assert.True(await ListedAsync());
        var today = App.Time.TodayInUk();
        await App.QueryAsync(async db =>
        {
            var place = await db.TeamMembers.Include(t => t.Consents).SingleAsync(t => t.Id == placeId);
            place.Consents.Single(c => c.Area == RecordArea.StatutoryProcess && c.WithdrawnAt == null).Withdraw(Guid.Empty, App.Time.GetUtcNow().UtcDateTime);
            db.SharingConsents.Add(new SharingConsent
            {
                TeamMemberId = placeId, ChildId = jordan, Area = RecordArea.StatutoryProcess, From = today.AddDays(7), GrantedByUserId = Guid.Empty, GrantedAt = App.Time.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
        Assert.False(await ListedAsync());

        App.Time.Advance(TimeSpan.FromDays(7));
        // A week on, the earlier session has long ended (sessions end after 30 minutes idle).
        caseworker = await SignedInAsync("caseworker@example.org");
        Assert.True(await ListedAsync());
    }
}
