using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

/// <summary>The progress API keeps nothing, so one app serves every test here (well under the per-minute request limit).</summary>
public sealed class ProgressApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(HttpResponseMessage Response, JsonElement Json)> PostAsync(string process, string body, string mediaType = "application/json")
    {
        var response = await app.NewClient().PostAsync($"/api/v1/timescales/{process}/progress", new StringContent(body, Encoding.UTF8, mediaType));
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return (response, json.RootElement.Clone());
    }

    private static Dictionary<string, (string Actor, string State, string? DoneOn)> ByKey(JsonElement json) =>
        json.GetProperty("deadlines").EnumerateArray().ToDictionary(
            d => d.GetProperty("key").GetString()!,
            d => (d.GetProperty("actor").GetString()!, d.GetProperty("state").GetString()!, d.GetProperty("doneOn").GetString()));

    [Fact]
    public async Task After_a_final_plan_the_familys_unused_window_is_closed_not_missed_and_not_next()
    {
        var (response, json) = await PostAsync("needs-assessment", """
            {"asOf": "2026-02-01", "events": [
              {"event": "request-received", "date": "2025-09-01"},
              {"event": "decision-to-assess", "date": "2025-10-10"},
              {"event": "draft-plan-served", "date": "2026-01-02"},
              {"event": "final-plan-issued", "date": "2026-01-18"}]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["deadlines", "exceptions", "next", "notes"], json.EnumerateObject().Select(p => p.Name));
        var first = json.GetProperty("deadlines")[0];
        Assert.Equal(["key", "date", "rule", "status", "explanation", "actor", "state", "doneOn"], first.EnumerateObject().Select(p => p.Name));
        var deadlines = ByKey(json);
        Assert.Equal(("family", "closed", null), deadlines["representations-last-day"]);
        Assert.Equal(("local-authority", "met", "2025-10-10"), deadlines["decision-whether-to-assess"]);
        Assert.Equal(("local-authority", "not-applicable", null), deadlines["decision-not-to-issue-plan"]);
        Assert.Equal(("local-authority", "met", "2026-01-18"), deadlines["final-plan"]);
        Assert.Empty(json.GetProperty("next").EnumerateArray());
    }

    [Fact]
    public async Task A_missed_council_decision_is_missed_by_the_local_authority_and_comes_first_in_next()
    {
        var (response, json) = await PostAsync("needs-assessment", """{"asOf": "2025-10-20", "events": [{"event": "request-received", "date": "2025-09-01"}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("local-authority", "missed", null), ByKey(json)["decision-whether-to-assess"]);
        Assert.Equal(["decision-whether-to-assess", "decision-not-to-issue-plan", "latest-draft-plan", "final-plan"],
            json.GetProperty("next").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task An_under_fives_review_uses_the_date_of_birth_for_the_early_review()
    {
        var (_, json) = await PostAsync("annual-review", """{"asOf": "2026-03-10", "bornOn": "2023-06-01", "events": [{"event": "plan-made-or-reviewed", "date": "2025-08-31"}]}""");

        Assert.Equal(("local-authority", "missed", null), ByKey(json)["early-review-by"]);
    }

    public static TheoryData<string, string, string> BadBodies() => new()
    {
        { "school-dinners", """{"asOf": "2026-01-01", "events": [{"event": "request-received", "date": "2025-09-01"}]}""", "process" },
        { "needs-assessment", """{"asOf": "2026-01-01", "events": [{"event": "cake-baked", "date": "2025-09-01"}]}""", "events[0].event" },
        { "needs-assessment", """{"asOf": "2026-01-01", "events": [{"event": "request-received", "date": "2025-02-30"}]}""", "events[0].date" },
        { "needs-assessment", """{"asOf": "2026-01-01", "events": [{"event": "decision-to-assess", "date": "2025-10-01"}]}""", "events" },
        { "needs-assessment", """{"events": [{"event": "request-received", "date": "2025-09-01"}]}""", "asOf" },
        { "needs-assessment", """{"asOf": "2026-01-01", "events": [{"event": "request-received", "date": "2025-09-01"}, {"event": "absent-from-area", "date": "2025-09-10"}]}""", "events[1].endDate" },
        { "annual-review", """{"asOf": "2026-01-01", "events": [{"event": "plan-made-or-reviewed", "date": "2025-01-01"}, {"event": "review-decision-notified", "date": "2025-12-01"}]}""", "events[1].detail" },
        { "mediation-and-appeal", """{"asOf": "2026-01-01", "events": [{"event": "request-received", "date": "2025-09-01"}]}""", "events[0].event" },
        { "needs-assessment", """{"asOf": 20260101, "events": []}""", "body" },
        { "needs-assessment", "{not json", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_gets_a_problem_naming_what_is_wrong(string process, string body, string name)
    {
        var (response, json) = await PostAsync(process, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(name, json.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_as_unsupported()
    {
        var (response, _) = await PostAsync("needs-assessment", "asOf=2026-01-01", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task It_needs_no_sign_in_and_stores_nothing()
    {
        var auditBefore = await app.QueryAsync(db => db.AuditEvents.CountAsync());
        var eventsBefore = await app.QueryAsync(db => db.StatutoryEvents.CountAsync());

        var (response, _) = await PostAsync("mediation-and-appeal", """{"asOf": "2025-07-02", "events": [{"event": "decision-sent", "date": "2025-06-02"}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(auditBefore, await app.QueryAsync(db => db.AuditEvents.CountAsync()));
        Assert.Equal(eventsBefore, await app.QueryAsync(db => db.StatutoryEvents.CountAsync()));
    }

    [Fact]
    public async Task The_OpenAPI_description_lists_the_progress_endpoint_with_every_process_and_its_events()
    {
        var response = await app.NewClient().GetAsync("/api/openapi/v1.json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var operation = json.RootElement.GetProperty("paths").GetProperty("/api/v1/timescales/{process}/progress").GetProperty("post");
        var description = operation.GetProperty("description").GetString()!;
        Assert.All(["`needs-assessment`", "`mediation-and-appeal`", "`tribunal-order`", "`review-decision-notified`", "closed"], part => Assert.Contains(part, description, StringComparison.Ordinal));
        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(operation.TryGetProperty("requestBody", out _));
    }
}
