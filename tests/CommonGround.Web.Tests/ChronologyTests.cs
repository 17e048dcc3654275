using System.Net;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

public sealed class ChronologyTests : FreshAppTests
{
    private async Task<(HttpClient Parent, Guid Sam)> WithChangesAsync()
    {
        var sam = await App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());
        var parent = App.NewClient();
        await parent.SignInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/about-me/strengths/edit", new Dictionary<string, string> { ["Input.Text"] = "Kind and funny." });
        await parent.SubmitAsync($"/children/{sam}/about-me/health-and-medical/edit", new Dictionary<string, string> { ["Input.Text"] = "=HYPERLINK(\"x\") asthma" });
        var therapistId = await App.QueryAsync(db => db.TeamMembers.Where(t => t.ChildId == sam && t.Professional!.UserAccount!.Email == "therapist@example.org").Select(t => t.Id).SingleAsync());
        await parent.SubmitAsync($"/children/{sam}/team/{therapistId}/remove", new Dictionary<string, string>());
        return (parent, sam);
    }

    [Fact]
    public async Task The_family_sees_every_change_newest_first_and_can_filter_by_part_of_the_record()
    {
        var (parent, sam) = await WithChangesAsync();
        var (_, all) = await parent.OpenAsync($"/children/{sam}/chronology");
        var rows = all.QuerySelectorAll("tbody .govuk-table__row").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("Took Grace Okafor off the team", rows[0], StringComparison.Ordinal);
        Assert.Contains("Changed \"My strengths and what people like about me\"", rows[2], StringComparison.Ordinal);

        var (_, health) = await parent.OpenAsync($"/children/{sam}/chronology?area=Health");
        var healthRows = health.QuerySelectorAll("tbody .govuk-table__row").Select(r => r.TextContent).ToList();
        Assert.True(healthRows.Count == 1, health.QuerySelector("main")!.TextContent);
        Assert.Contains("Changed \"Health and medical needs\"", Assert.Single(healthRows), StringComparison.Ordinal);

        var (_, team) = await parent.OpenAsync($"/children/{sam}/chronology?area=team-and-sharing");
        Assert.Contains("Took Grace Okafor off the team", Assert.Single(team.QuerySelectorAll("tbody .govuk-table__row")).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_change_links_to_what_it_was_about_and_the_link_opens_it()
    {
        var (parent, sam) = await WithChangesAsync();
        var (_, all) = await parent.OpenAsync($"/children/{sam}/chronology");
        var links = all.QuerySelectorAll("tbody .govuk-table__row a").Select(a => (Text: a.TextContent.Trim(), Href: a.GetAttribute("href")!)).ToList();
        Assert.Equal(
            [("Took Grace Okafor off the team", $"/children/{sam}/team"), ("Changed \"Health and medical needs\"", $"/children/{sam}/about-me#health-and-medical"), ("Changed \"My strengths and what people like about me\"", $"/children/{sam}/about-me#strengths")],
            links);
        foreach (var (_, href) in links)
        {
            Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync(href)).StatusCode);
        }
    }

    [Fact]
    public async Task The_chronology_downloads_as_csv_that_a_spreadsheet_will_not_run()
    {
        var (parent, sam) = await WithChangesAsync();
        var response = await parent.GetAsync($"/children/{sam}/chronology?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Sam-Morgan-chronology.csv", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("When (UK time),Who,Part of the record,What changed", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Contains("Alex Morgan", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("therapist@example.org", HttpStatusCode.NotFound)] // taken off the team in the set-up
    [InlineData("senco@example.org", HttpStatusCode.Forbidden)]
    [InlineData("parent@example.org", HttpStatusCode.OK)]
    public async Task Only_the_family_sees_the_chronology(string email, HttpStatusCode expected)
    {
        var (_, sam) = await WithChangesAsync();
        var client = App.NewClient();
        await client.SignInAsync(email);
        Assert.Equal(expected, (await client.GetAsync($"/children/{sam}/chronology")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/children/{sam}/chronology?handler=Csv")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_part_of_the_record_is_explained()
    {
        var (parent, sam) = await WithChangesAsync();
        var (response, page) = await parent.OpenAsync($"/children/{sam}/chronology?area=Nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Choose a part of the record from the list"], page.ErrorSummary());
    }
}
