using System.Net;
using System.Net.Http.Headers;
using CommonGround.Core.Commitments;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests.Security;

/// <summary>Input that the service would store and then fail on, or store wrongly, is refused with a clear message and changes nothing.</summary>
public sealed class BadInputTests : FreshAppTests
{
    private Task<int> ChangesAsync() => App.QueryAsync(db => db.AuditEvents.CountAsync());

    [Theory]
    [InlineData("/organisation/staff/invite", "orgadmin@example.org")]
    [InlineData("/children/{sam}/team/invite", "parent@example.org")]
    [InlineData("/children/{sam}/family/invite", "parent@example.org")]
    public async Task An_email_address_that_could_never_be_sent_to_is_refused_on_every_invitation(string url, string email)
    {
        var sam = await ChildIdAsync("Samuel");
        var client = await SignedInAsync(email);
        var before = (await ChangesAsync(), await App.QueryAsync(db => db.Invitations.CountAsync()), await App.QueryAsync(db => db.OutboxMessages.CountAsync()));
        var (response, page) = await client.SubmitAsync(url.Replace("{sam}", sam.ToString(), StringComparison.Ordinal), new Dictionary<string, string>
        {
            ["Input.Name"] = "Someone", ["Input.Email"] = "{{7*7}}${7*7}@(1+1)", ["Input.JobTitle"] = "Teacher", ["Input.Role"] = "Teacher",
            ["Input.Relationship"] = "ParentCarer", ["Input.Areas"] = "AboutMe",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter an email address in the correct format, like name@example.com", page.ErrorSummary());
        Assert.Equal(before, (await ChangesAsync(), await App.QueryAsync(db => db.Invitations.CountAsync()), await App.QueryAsync(db => db.OutboxMessages.CountAsync())));
    }

    [Theory]
    [InlineData("0x10")]
    [InlineData("abc")]
    [InlineData("1e3")]
    public async Task A_number_is_read_only_as_people_write_numbers(string minutes)
    {
        var sam = await ChildIdAsync("Samuel");
        var senco = await SignedInAsync("senco@example.org");
        var before = await ChangesAsync();
        var (response, page) = await senco.SubmitAsync($"/children/{sam}/commitments/new", new Dictionary<string, string>
        {
            ["Input.What"] = "Speech therapy", ["Input.Area"] = nameof(CommitmentArea.Health), ["Input.OwnerId"] = (await MemberIdAsync(sam, "senco@example.org")).ToString(),
            ["Input.Source"] = nameof(CommitmentSource.Plan), ["Input.Kind"] = nameof(CommitmentKind.Recurring), ["Input.Quantity"] = "2",
            ["Input.Unit"] = nameof(ProvisionUnit.Sessions), ["Input.MinutesPerSession"] = minutes, ["Input.Period"] = nameof(ProvisionPeriod.Week),
            ["Input.StartDate.Day"] = "9", ["Input.StartDate.Month"] = "11", ["Input.StartDate.Year"] = "2026",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(page.ErrorSummary(), e => e.EndsWith("must be a whole number, like 2 or 30", StringComparison.Ordinal));
        Assert.Equal(before, await ChangesAsync());
    }

    [Theory]
    [InlineData("Ruby\u0007")]
    [InlineData("Ruby\u001fShah")]
    [InlineData("Ruby\nShah")]
    public async Task A_name_with_hidden_characters_or_line_breaks_is_refused(string firstName)
    {
        var parent = await SignedInAsync("parent@example.org");
        var before = await App.QueryAsync(db => db.Children.CountAsync());
        var (response, page) = await parent.SubmitAsync("/children/add", new Dictionary<string, string>
        {
            ["Input.Relationship"] = "ParentCarer", ["Input.FirstName"] = firstName, ["Input.LastName"] = "Shah",
            ["Input.DateOfBirth.Day"] = "14", ["Input.DateOfBirth.Month"] = "2", ["Input.DateOfBirth.Year"] = "2019",
            ["Input.AreaId"] = (await App.QueryAsync(db => db.Areas.Select(a => a.Id).FirstAsync())).ToString(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(page.ErrorSummary(), e => e.Contains("Type it again rather than copying it", StringComparison.Ordinal));
        Assert.Equal(before, await App.QueryAsync(db => db.Children.CountAsync()));
    }

    [Fact]
    public async Task A_form_the_server_cannot_read_at_all_is_refused_with_a_page_saying_nothing_changed()
    {
        var parent = await SignedInAsync("parent@example.org");
        var (_, form) = await parent.OpenAsync("/children/add");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await App.QueryAsync(db => db.Children.CountAsync());
        var (response, page) = await parent.PostFormAsync("/children/add", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.FirstName"] = "Ruby\u0000Shah", ["Input.LastName"] = "Shah",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nothing has been changed", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await App.QueryAsync(db => db.Children.CountAsync()));
    }

    [Fact]
    public async Task Longer_writing_keeps_its_line_breaks_but_not_hidden_characters()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        var fields = (string text) => new Dictionary<string, string>
        {
            ["Input.Topic"] = "Homework", ["Input.About"] = "Education", ["Input.WhatIsHappening"] = text,
            ["Input.WhatWouldHelp"] = "A call", ["Input.Urgency"] = "Standard", ["Input.Owner"] = "key-worker",
        };
        var (refused, _) = await parent.SubmitAsync($"/children/{sam}/concerns/new", fields("Too much\u001b[31m homework"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var (saved, _) = await parent.SubmitAsync($"/children/{sam}/concerns/new", fields("Too much homework.\r\nEvery night."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("banana")]
    public async Task The_team_lead_button_sent_without_a_clear_answer_asks_and_changes_nothing(string? flag)
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        var member = await MemberIdAsync(sam, "senco@example.org");
        await App.QueryAsync(db => db.TeamMembers.Where(t => t.Id == member).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsTeamLead, true)));
        var before = await ChangesAsync();

        var (_, team) = await parent.OpenAsync($"/children/{sam}/team");
        var token = team.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var values = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        if (flag is not null)
        {
            values["IsTeamLead"] = flag;
        }

        var (response, page) = await parent.PostFormAsync($"/children/{sam}/team/{member}/team-lead", values);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Choose whether they should be a team lead"], page.ErrorSummary());
        Assert.True(await App.QueryAsync(db => db.TeamMembers.Where(t => t.Id == member).Select(t => t.IsTeamLead).SingleAsync()));
        Assert.Equal(before, await ChangesAsync());
    }

    [Theory]
    [InlineData("9999", "Due by must be between 1900 and 2099")]
    [InlineData("2040", "The date it is due by must be within 10 years of today")]
    public async Task A_date_outside_a_sensible_range_for_its_field_is_refused(string year, string message)
    {
        var sam = await ChildIdAsync("Samuel");
        var senco = await SignedInAsync("senco@example.org");
        var before = await ChangesAsync();
        var (response, page) = await senco.SubmitAsync($"/children/{sam}/commitments/new", new Dictionary<string, string>
        {
            ["Input.What"] = "Send the reading report", ["Input.Area"] = nameof(CommitmentArea.Education), ["Input.OwnerId"] = (await MemberIdAsync(sam, "senco@example.org")).ToString(),
            ["Input.Source"] = nameof(CommitmentSource.Meeting), ["Input.Kind"] = nameof(CommitmentKind.OneOff),
            ["Input.DueDate.Day"] = "1", ["Input.DueDate.Month"] = "12", ["Input.DueDate.Year"] = year,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(page.ErrorSummary(), e => e.StartsWith(message, StringComparison.Ordinal) || e.EndsWith(message, StringComparison.Ordinal));
        Assert.Equal(before, await ChangesAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task The_api_answers_a_wrong_content_type_with_problem_details(string contentType)
    {
        var content = new StringContent("{\"text\":\"hello\"}");
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var response = await App.NewClient().PostAsync("/api/v1/language/check", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_api_answers_an_unknown_address_with_problem_details()
    {
        var response = await App.NewClient().GetAsync("/api/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
