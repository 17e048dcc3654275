using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommonGround.Core.Language;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

public sealed class LanguageApiTests : FreshAppTests
{
    private const string Url = "/api/v1/language/check";

    [Fact]
    public async Task Anyone_can_check_text_and_each_finding_says_where_what_and_why()
    {
        var text = "Mum is a difficult parent and Sam suffers from anxiety.";

        var response = await App.NewClient().PostAsJsonAsync(Url, new { text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(2, findings.Count);
        var first = findings[0];
        Assert.Equal(text.IndexOf("difficult parent", StringComparison.Ordinal), first.GetProperty("start").GetInt32());
        Assert.Equal("difficult parent".Length, first.GetProperty("length").GetInt32());
        Assert.Equal("difficult parent", first.GetProperty("phrase").GetString());
        Assert.Equal("family-label", first.GetProperty("category").GetString());
        Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("explanation").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("suggestion").GetString()));
        Assert.Equal("disability", findings[1].GetProperty("category").GetString());
    }

    [Fact]
    public async Task A_label_no_rule_knows_is_answered_by_the_semantic_stage_for_its_whole_sentence()
    {
        var sentence = LanguageExample.BuiltIn.First(e => e.ForEvaluation && e.Labels && e.Category != LanguageCategory.Disability
            && RespectfulLanguageAdvisor.BuiltIn.Check(e.Text).Count == 0).Text;
        var text = "The review was on Tuesday. " + sentence;

        var response = await App.NewClient().PostAsJsonAsync(Url, new { text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("The review was on Tuesday. ".Length, finding.GetProperty("start").GetInt32());
        Assert.Equal(sentence, finding.GetProperty("phrase").GetString());
        Assert.Contains(finding.GetProperty("category").GetString(), new[] { "family-label", "family-blame", "child-deficit", "person-label" });
        Assert.False(string.IsNullOrWhiteSpace(finding.GetProperty("suggestion").GetString()));
    }

    [Fact]
    public async Task Respectful_text_gets_an_empty_list_and_nothing_is_stored()
    {
        var changesBefore = await App.QueryAsync(db => db.AuditEvents.CountAsync());

        var response = await App.NewClient().PostAsJsonAsync(Url, new { text = "We had a difficult conversation and Mum challenged the decision." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"findings":[]}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(changesBefore, await App.QueryAsync(db => db.AuditEvents.CountAsync()));
    }

    [Fact]
    public async Task Text_of_exactly_20000_characters_is_checked()
    {
        var response = await App.NewClient().PostAsJsonAsync(Url, new { text = new string('a', 20_000) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> BadBodies() => new(
        JsonSerializer.Serialize(new { text = new string('a', 20_001) }),
        "{\"text\": ",
        "not json",
        "",
        "{}",
        "{\"text\": 42}",
        "[]",
        "{\"text\": null}");

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_gets_a_problem_description_not_an_error_page(string body)
    {
        var response = await App.NewClient().PostAsync(Url, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task A_body_far_larger_than_any_allowed_text_is_refused_without_reading_it_all()
    {
        var body = JsonSerializer.Serialize(new { text = new string('a', 1_000_000) });

        var response = await App.NewClient().PostAsync(Url, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Callers_are_limited_to_60_checks_a_minute()
    {
        var client = App.NewClient();
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(Url, new { text = "Hello" })).StatusCode);
        }

        var refused = await client.PostAsJsonAsync(Url, new { text = "Hello" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_api_is_described_in_an_openapi_document()
    {
        var response = await App.NewClient().GetAsync("/api/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var operation = json.RootElement.GetProperty("paths").GetProperty(Url).GetProperty("post");
        Assert.True(operation.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _));
    }
}
