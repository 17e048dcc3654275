using System.Net;

namespace CommonGround.Web.Tests;

/// <summary>The calculator keeps nothing, so one app serves every test here.</summary>
public sealed class CheckYourDatesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Anyone_can_pick_what_happened_without_signing_in()
    {
        var client = app.NewClient();

        var (start, page) = await client.OpenAsync("/check-your-dates");
        var (chosen, _) = await client.OpenAsync("/check-your-dates?handler=choose&Process=draft-plan");

        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Equal("Check your dates", page.Heading());
        Assert.Equal(12, page.QuerySelectorAll("input[name=Process]").Length);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/check-your-dates/draft-plan", chosen.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Choosing_nothing_asks_again()
    {
        var (response, page) = await app.NewClient().OpenAsync("/check-your-dates?handler=choose");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Select what happened"], page.ErrorSummary());
    }

    [Fact]
    public async Task A_needs_assessment_request_lists_each_date_its_law_its_status_and_what_to_do_if_missed()
    {
        var (response, page) = await app.NewClient().OpenAsync("/check-your-dates/needs-assessment/check?Dates[0].Day=1&Dates[0].Month=9&Dates[0].Year=2025");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deadlines = page.QuerySelectorAll(".cg-deadline").Select(d => d.TextContent).ToList();
        Assert.Equal(4, deadlines.Count);
        Assert.Contains("By Monday 13 October 2025", deadlines[0], StringComparison.Ordinal);
        Assert.Contains("SEND Regulations 2014, regulations 4(1) and 5(1)", deadlines[0], StringComparison.Ordinal);
        Assert.Contains("The law", deadlines[0], StringComparison.Ordinal);
        Assert.Contains("If it does not happen:", deadlines[0], StringComparison.Ordinal);
        Assert.Contains("Worked out", deadlines[2], StringComparison.Ordinal);
        Assert.Contains("By Monday 19 January 2026", deadlines[3], StringComparison.Ordinal);
        Assert.Contains("Exceptional personal circumstances: does not apply", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_appeal_date_over_Christmas_says_why_it_moved()
    {
        var (_, page) = await app.NewClient().OpenAsync("/check-your-dates/appeal/check?Dates[0].Day=25&Dates[0].Month=10&Dates[0].Year=2025&Dates[1].Day=&Dates[1].Month=&Dates[1].Year=");

        var appeal = page.QuerySelectorAll(".cg-deadline")[1].TextContent;
        Assert.Contains("By Friday 2 January 2026", appeal, StringComparison.Ordinal);
        Assert.Contains("first working day after 1 January", appeal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phase_transfer_asks_which_move_and_the_year()
    {
        var (response, page) = await app.NewClient().OpenAsync("/check-your-dates/phase-transfer/check?Choice=school&Year=2027&Dates[0].Day=&Dates[0].Month=&Dates[0].Year=");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("By Sunday 14 February 2027", page.QuerySelector(".cg-deadline")!.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadFacts() => new()
    {
        { "needs-assessment/check?Dates[0].Day=&Dates[0].Month=&Dates[0].Year=", "Enter the date the local authority received the request" },
        { "needs-assessment/check?Dates[0].Day=30&Dates[0].Month=2&Dates[0].Year=2025", "The date the local authority received the request must be a real date" },
        { "needs-assessment/check?Dates[0].Day=1&Dates[0].Month=9&Dates[0].Year=", "The date the local authority received the request must include a year" },
        { "needs-assessment/check?Dates[0].Day=1&Dates[0].Month=9&Dates[0].Year=2013", "The date the local authority received the request must be between 1 September 2014 and 31 December 2099" },
        { "needs-assessment/check?Dates[0].Day=1&Dates[0].Month=9&Dates[0].Year=2025&Dates[1].Day=&Dates[2].Day=22&Dates[2].Month=7&Dates[2].Year=2025", "Enter the date it reopened" },
        { "phase-transfer/check?Choice=school&Year=", "Enter the year of the move" },
        { "phase-transfer/check?Year=2027", "Select which move it is" },
        { "tribunal-order/check?Choice=assess&Dates[0].Day=&Dates[0].Month=&Dates[0].Year=", "Enter the date of the order" },
    };

    [Theory]
    [MemberData(nameof(BadFacts))]
    public async Task Missing_or_impossible_facts_get_a_plain_message_and_no_dates(string query, string message)
    {
        var (response, page) = await app.NewClient().OpenAsync("/check-your-dates/" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.ErrorSummary());
        Assert.Empty(page.QuerySelectorAll(".cg-deadline"));
    }

    [Fact]
    public async Task An_unknown_process_is_not_found()
    {
        var (response, _) = await app.NewClient().OpenAsync("/check-your-dates/school-dinners");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_form_works_without_JavaScript_as_a_plain_GET()
    {
        var (_, page) = await app.NewClient().OpenAsync("/check-your-dates/needs-assessment");

        var form = page.QuerySelector("main form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/check-your-dates/needs-assessment/check", form.GetAttribute("action"));
        Assert.Equal(6, page.QuerySelectorAll(".govuk-date-input").Length);
    }
}
