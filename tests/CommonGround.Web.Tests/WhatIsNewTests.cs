using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

public sealed class WhatIsNewTests : FreshAppTests
{
    private static List<string> Changes(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("main .govuk-list--bullet li").Select(li => li.TextContent).ToList();

    [Fact]
    public async Task The_overview_lists_what_others_changed_since_the_person_last_looked()
    {
        var sam = await App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());
        var parent = App.NewClient();
        await parent.SignInAsync("parent@example.org");
        var (_, first) = await parent.OpenAsync($"/children/{sam}");
        Assert.Contains("This is the first time you have opened Sam's record", first.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        App.Time.Advance(TimeSpan.FromMinutes(5));
        var therapist = App.NewClient();
        await therapist.SignInAsync("therapist@example.org");
        await therapist.OpenAsync($"/children/{sam}");
        await therapist.SubmitAsync($"/children/{sam}/about-me/health-and-medical/suggest", new Dictionary<string, string> { ["Input.Text"] = "Sam has asthma." });
        // The family's own changes are not news to the family.
        await parent.SubmitAsync($"/children/{sam}/about-me/strengths/edit", new Dictionary<string, string> { ["Input.Text"] = "Kind." });

        App.Time.Advance(TimeSpan.FromMinutes(5));
        var (_, second) = await parent.OpenAsync($"/children/{sam}");
        var news = Assert.Single(Changes(second));
        Assert.Contains("Grace Okafor: Suggested a change to \"Health and medical needs\"", news, StringComparison.Ordinal);

        var (_, third) = await parent.OpenAsync($"/children/{sam}");
        Assert.Empty(Changes(third));
        Assert.Contains("Nothing has changed since you last looked", third.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_member_hears_only_of_changes_in_areas_shared_with_them()
    {
        var sam = await App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());
        var transport = App.NewClient();
        await transport.SignInAsync("transport@example.org");
        await transport.OpenAsync($"/children/{sam}");

        App.Time.Advance(TimeSpan.FromMinutes(5));
        var parent = App.NewClient();
        await parent.SignInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/about-me/health-and-medical/edit", new Dictionary<string, string> { ["Input.Text"] = "Sam has asthma." });
        await parent.SubmitAsync($"/children/{sam}/about-me/getting-to-school/edit", new Dictionary<string, string> { ["Input.Text"] = "Window seat, please." });

        App.Time.Advance(TimeSpan.FromMinutes(5));
        var (_, page) = await transport.OpenAsync($"/children/{sam}");
        var news = Assert.Single(Changes(page));
        Assert.Contains("Getting to school and transport needs", news, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changes_beyond_the_ten_listed_are_counted_and_exactly_ten_have_nothing_more()
    {
        var sam = await App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());
        var transport = App.NewClient();
        await transport.SignInAsync("transport@example.org");
        await transport.OpenAsync($"/children/{sam}");
        var parent = App.NewClient();
        await parent.SignInAsync("parent@example.org");

        foreach (var (changes, more) in new[] { (10, (string?)null), (12, "And 2 more.") })
        {
            App.Time.Advance(TimeSpan.FromMinutes(5));
            for (var i = 1; i <= changes; i++)
            {
                await parent.SubmitAsync($"/children/{sam}/about-me/getting-to-school/edit", new Dictionary<string, string> { ["Input.Text"] = $"Window seat, please ({changes}, {i})." });
            }

            App.Time.Advance(TimeSpan.FromMinutes(5));
            var (_, page) = await transport.OpenAsync($"/children/{sam}");
            Assert.Equal(10, Changes(page).Count);
            var main = page.QuerySelector("main")!.TextContent;
            if (more is null)
            {
                Assert.DoesNotContain("more.", main, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains(more, main, StringComparison.Ordinal);
            }
        }
    }
}
