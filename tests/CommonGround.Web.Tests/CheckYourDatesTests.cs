using System.Net;
using DocumentFormat.OpenXml.Packaging;

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
        // Today is 23 November 2026, so with nothing else told the council's decision was missed: someone else's failure.
        Assert.Contains("Missed", page.QuerySelectorAll(".cg-deadline")[0].QuerySelector(".govuk-tag--red")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("What you can do:", deadlines[0], StringComparison.Ordinal);
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
        Assert.Equal(6, form.QuerySelectorAll(".govuk-date-input").Count(d => d.Closest("details") is null));
        var since = form.QuerySelector("details")!;
        Assert.Equal(6, since.QuerySelectorAll(".govuk-date-input").Length);
        Assert.False(since.HasAttribute("open"));
    }

    private const string Request = "Dates[0].Day=1&Dates[0].Month=9&Dates[0].Year=2025";

    private static string Happened(int index, DateOnly date) => $"&Dates[{index}].Day={date.Day}&Dates[{index}].Month={date.Month}&Dates[{index}].Year={date.Year}";

    [Fact]
    public async Task After_a_final_plan_the_familys_own_window_is_not_missed_and_nothing_is_chased()
    {
        // Told 10 October it will assess, draft sent 2 January, final plan 18 January: everything was on time.
        var query = Request + Happened(6, new(2025, 10, 10)) + Happened(8, new(2026, 1, 2)) + Happened(11, new(2026, 1, 18));

        var (response, page) = await app.NewClient().OpenAsync("/check-your-dates/needs-assessment/check?" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var main = page.QuerySelector("main")!;
        Assert.Empty(main.QuerySelectorAll(".govuk-tag--red"));
        Assert.DoesNotContain("Missed", main.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("What you can do:", main.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("A letter about", main.TextContent, StringComparison.Ordinal);
        var comments = page.QuerySelectorAll(".cg-deadline").Single(d => d.TextContent.Contains("Last day for your comments on the draft plan", StringComparison.Ordinal));
        Assert.Contains("Date passed", comments.TextContent, StringComparison.Ordinal);
        Assert.Contains("Your right", comments.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Done on time", "No longer applies", "Done on time", "Done on time"],
            page.QuerySelectorAll(".cg-deadline").Where(d => d != comments).Select(d => d.QuerySelector(".govuk-tag")!.TextContent.Trim()));
        // What it was worked out from is restated, so a printout stands on its own.
        var told = page.QuerySelector(".govuk-summary-list")!.TextContent;
        Assert.All(["1 September 2025", "10 October 2025", "2 January 2026", "18 January 2026"], date => Assert.Contains(date, told, StringComparison.Ordinal));

        var (chase, _) = await app.NewClient().OpenAsync($"/check-your-dates/needs-assessment/letter/chase?{query}&deadline=representations-last-day");
        Assert.Equal(HttpStatusCode.NotFound, chase.StatusCode);
    }

    [Fact]
    public async Task A_date_that_mattered_only_if_the_council_refused_passes_without_being_called_missed()
    {
        var (_, page) = await app.NewClient().OpenAsync("/check-your-dates/needs-assessment/check?" + Request + Happened(6, new(2025, 10, 10)));

        var lapsed = page.QuerySelector(".cg-deadline[data-deadline=decision-not-to-issue-plan]")!;
        Assert.Equal("lapsed", lapsed.GetAttribute("data-state"));
        Assert.Null(lapsed.QuerySelector(".govuk-tag--red"));
        Assert.Contains("the local authority should be preparing a plan. The date for the final plan still stands", lapsed.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missed_decision_offers_a_letter_filled_in_from_the_dates_given_to_print_or_download()
    {
        var client = app.NewClient();
        var (_, result) = await client.OpenAsync("/check-your-dates/needs-assessment/check?" + Request);
        var link = result.QuerySelectorAll("main a").Single(a => a.TextContent.Contains("decision whether to assess (missed)", StringComparison.Ordinal)).GetAttribute("href")!;

        var (response, letter) = await client.OpenAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = letter.QuerySelector(".cg-letter")!.TextContent;
        Assert.Contains("1 September 2025", text, StringComparison.Ordinal);
        Assert.Contains("13 October 2025", text, StringComparison.Ordinal);
        var download = await client.GetAsync(letter.QuerySelector("a[download]")!.GetAttribute("href"));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType?.MediaType);
        using var word = WordprocessingDocument.Open(await download.Content.ReadAsStreamAsync(), false);
        Assert.Contains("13 October 2025", word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("needs-assessment/letter/ask-for-assessment", "ask")]
    [InlineData("appeal/letter/mediation-certificate?Dates[0].Day=2&Dates[0].Month=11&Dates[0].Year=2026", "2 November 2026")]
    [InlineData("annual-review/letter/early-review?Dates[0].Day=2&Dates[0].Month=3&Dates[0].Year=2026", "review")]
    public async Task Each_letter_the_calculator_offers_opens_without_signing_in(string path, string expected)
    {
        var (response, letter) = await app.NewClient().OpenAsync("/check-your-dates/" + path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, letter.QuerySelector(".cg-letter")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_mistake_in_what_happened_since_opens_that_part_and_says_what_is_wrong()
    {
        var (response, page) = await app.NewClient().OpenAsync("/check-your-dates/needs-assessment/check?" + Request + "&Dates[6].Day=40&Dates[6].Month=10&Dates[6].Year=2025");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The date you were told the local authority will assess must be a real date", page.ErrorSummary());
        Assert.True(page.QuerySelector("main form details")!.HasAttribute("open"));
    }
}
