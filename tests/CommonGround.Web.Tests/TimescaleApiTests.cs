using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

/// <summary>The API keeps nothing, so one app serves every test here (well under the per-minute request limit).</summary>
public sealed class TimescaleApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(HttpResponseMessage Response, JsonElement Json)> GetAsync(string pathAndQuery)
    {
        var response = await app.NewClient().GetAsync("/api/v1/timescales/" + pathAndQuery);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response, json.RootElement.Clone());
    }

    [Fact]
    public async Task Needs_assessment_gives_every_date_with_its_rule_status_and_explanation()
    {
        var (response, json) = await GetAsync("needs-assessment?requestReceived=2025-09-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["jurisdiction", "deadlines", "exceptions", "notes"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("england", json.GetProperty("jurisdiction").GetString());
        var deadlines = json.GetProperty("deadlines").EnumerateArray().ToList();
        Assert.Equal(
            [("decision-whether-to-assess", "2025-10-13"), ("decision-not-to-issue-plan", "2025-12-22"), ("latest-draft-plan", "2026-01-04"), ("final-plan", "2026-01-19")],
            deadlines.Select(d => (d.GetProperty("key").GetString(), d.GetProperty("date").GetString())));
        var finalPlan = deadlines[3];
        Assert.Equal(["key", "date", "rule", "status", "explanation"], finalPlan.EnumerateObject().Select(p => p.Name));
        Assert.Equal("SEND Regulations 2014, regulation 13(2)", finalPlan.GetProperty("rule").GetString());
        Assert.Equal("statutory", finalPlan.GetProperty("status").GetString());
        Assert.Equal("derived", deadlines[2].GetProperty("status").GetString());
        Assert.Equal(
            [("school-closure", false), ("absence-from-area", false), ("exceptional-personal-circumstances", false)],
            json.GetProperty("exceptions").EnumerateArray().Select(e => (e.GetProperty("key").GetString(), e.GetProperty("applies").GetBoolean())));
    }

    [Fact]
    public async Task Exceptions_are_flags_with_their_facts_and_never_change_a_date()
    {
        var (_, json) = await GetAsync("needs-assessment?requestReceived=2026-06-15&adviceRequested=2026-07-20&schoolClosedFrom=2026-07-22&schoolReopens=2026-09-03&exceptionalCircumstances=true");

        var closure = json.GetProperty("exceptions").EnumerateArray().First(e => e.GetProperty("key").GetString() == "school-closure");
        Assert.True(closure.GetProperty("applies").GetBoolean());
        Assert.Contains("20 July 2026", closure.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-11-02", json.GetProperty("deadlines")[3].GetProperty("date").GetString());
    }

    public static TheoryData<string, string[], string[]> EveryProcess() => new()
    {
        { "needs-assessment?requestReceived=2025-09-01", ["decision-whether-to-assess", "decision-not-to-issue-plan", "latest-draft-plan", "final-plan"], ["2025-10-13", "2025-12-22", "2026-01-04", "2026-01-19"] },
        { "advice-request?received=2026-01-12&missedAppointment=true", ["advice-due"], ["2026-02-23"] },
        { "draft-plan?served=2025-06-02", ["representations-last-day", "earliest-final-plan"], ["2025-06-16", "2025-06-17"] },
        { "reassessment?decisionNotified=2026-01-05", ["final-plan"], ["2026-04-13"] },
        { "annual-review?lastReviewed=2028-02-29", ["review-period-ends", "latest-review-meeting"], ["2029-02-28", "2029-01-31"] },
        { "annual-review?lastReviewed=2025-08-31&underFive=true", ["review-period-ends", "latest-review-meeting", "early-review-from", "early-review-by"], ["2026-08-30", "2026-08-02", "2025-11-30", "2026-02-28"] },
        { "review-meeting?meeting=2026-03-10", ["invitations-by", "advice-circulated-by", "report-by", "decision-by", "final-amended-plan-by"], ["2026-02-24", "2026-02-24", "2026-03-24", "2026-04-07", "2026-06-02"] },
        { "amendment-notice?sent=2026-03-02", ["representations-last-day", "final-amended-plan-by"], ["2026-03-16", "2026-04-27"] },
        { "phase-transfer?transfer=school&year=2027", ["amended-plan-by", "latest-review-meeting", "latest-amendment-notice"], ["2027-02-14", "2026-11-22", "2026-12-20"] },
        { "phase-transfer?transfer=post-16&year=2027", ["amended-plan-by", "latest-review-meeting", "latest-amendment-notice"], ["2027-03-30", "2027-01-05", "2027-02-02"] },
        { "phase-transfer?transfer=post-16-other&date=2028-07-31", ["amended-plan-by"], ["2028-02-29"] },
        { "appeal?decisionSent=2025-10-25", ["mediation-adviser-contact-by", "appeal-by"], ["2025-12-25", "2026-01-02"] },
        { "appeal?decisionSent=2026-01-10&certificateIssued=2026-03-20", ["mediation-adviser-contact-by", "appeal-by"], ["2026-03-10", "2026-04-20"] },
        { "mediation-certificate?from=2026-12-23", ["certificate-by"], ["2026-12-30"] },
        { "mediation?requested=2026-01-15", ["mediation-by"], ["2026-02-14"] },
        { "tribunal-order?type=assess&date=2026-03-02", ["notify-by", "decision-not-to-issue-plan", "final-plan"], ["2026-03-16", "2026-05-11", "2026-06-08"] },
        { "tribunal-order?type=make-and-maintain&date=2026-03-02", ["draft-plan", "final-plan"], ["2026-04-06", "2026-05-18"] },
    };

    [Theory]
    [MemberData(nameof(EveryProcess))]
    public async Task Every_process_answers_with_its_listed_keys_and_dates(string query, string[] keys, string[] dates)
    {
        var (response, json) = await GetAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deadlines = json.GetProperty("deadlines").EnumerateArray().ToList();
        Assert.Equal(keys, deadlines.Select(d => d.GetProperty("key").GetString()));
        Assert.Equal(dates, deadlines.Select(d => d.GetProperty("date").GetString()));
    }

    public static TheoryData<string, string> BadQueries() => new()
    {
        { "needs-assessment", "requestReceived" },
        { "needs-assessment?requestReceived=", "requestReceived" },
        { "needs-assessment?requestReceived=2025-02-30", "requestReceived" },
        { "needs-assessment?requestReceived=01/09/2025", "requestReceived" },
        { "needs-assessment?requestReceived=2025-09-01&requestReceived=2025-09-02", "requestReceived" },
        { "needs-assessment?requestReceived=2013-09-01", "requestReceived" },
        { "needs-assessment?requestReceived=9999-12-31", "requestReceived" },
        { "needs-assessment?requestReceived=2025-09-01&schoolClosedFrom=2025-07-22", "schoolReopens" },
        { "needs-assessment?requestReceived=2025-09-01&absentFrom=2025-10-01&absentTo=2025-09-01", "absentTo" },
        { "needs-assessment?requestReceived=2025-09-01&exceptionalCircumstances=yes", "exceptionalCircumstances" },
        { "phase-transfer?transfer=university&year=2027", "transfer" },
        { "phase-transfer?transfer=school", "year" },
        { "phase-transfer?transfer=school&year=twenty", "year" },
        { "phase-transfer?transfer=post-16-other", "date" },
        { "appeal?decisionSent=2026-03-01&certificateIssued=2026-02-01", "certificateIssued" },
        { "tribunal-order?type=appeal&date=2026-03-02", "type" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Malformed_or_impossible_input_gets_a_problem_naming_the_parameter(string query, string parameter)
    {
        var (response, json) = await GetAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = json.GetProperty("errors");
        Assert.Contains(parameter, errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains(parameter, errors.GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(parameter, json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_process_is_not_found_and_lists_the_real_ones()
    {
        var (response, json) = await GetAsync("school-dinners?date=2026-01-01");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("needs-assessment", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_needs_no_sign_in_and_stores_nothing()
    {
        var auditBefore = await app.QueryAsync(db => db.AuditEvents.CountAsync());
        var accessBefore = await app.QueryAsync(db => db.AccessLog.CountAsync());

        var (response, _) = await GetAsync("draft-plan?served=2025-06-02");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(auditBefore, await app.QueryAsync(db => db.AuditEvents.CountAsync()));
        Assert.Equal(accessBefore, await app.QueryAsync(db => db.AccessLog.CountAsync()));
    }

    [Fact]
    public async Task The_OpenAPI_description_lists_the_endpoint_and_every_process()
    {
        var response = await app.NewClient().GetAsync("/api/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(text);
        var operation = json.RootElement.GetProperty("paths").GetProperty("/api/v1/timescales/{process}").GetProperty("get");
        var description = operation.GetProperty("description").GetString()!;
        Assert.All(["needs-assessment", "tribunal-order", "`requestReceived`*", "`certificateIssued`"], part => Assert.Contains(part, description, StringComparison.Ordinal));
        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _));
    }
}
