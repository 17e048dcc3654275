using System.Net;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

/// <summary>The one-page profile, printed or shared by a time-limited link with someone who has no account.</summary>
public sealed class ShareLinkTests : FreshAppTests
{
    private Task<Guid> SamAsync() => App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());

    private async Task<(HttpClient Parent, Guid Sam)> WithProfileAsync()
    {
        var sam = await SamAsync();
        var parent = App.NewClient();
        await parent.SignInAsync("parent@example.org");
        foreach (var (section, text) in new[] { ("about-me", "Sam loves trains."), ("health-and-medical", "Sam has asthma."), ("getting-to-school", "Sam needs a window seat.") })
        {
            await parent.SubmitAsync($"/children/{sam}/about-me/{section}/edit", new Dictionary<string, string> { ["Input.Text"] = text });
        }

        return (parent, sam);
    }

    private static async Task<string> MakeLinkAsync(HttpClient parent, Guid sam, string days, params string[] include)
    {
        var (_, form) = await parent.OpenAsync($"/children/{sam}/about-me/share");
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("Input.Label", "Supply teacher"), new("Input.Days", days) };
        values.AddRange(include.Select(i => new KeyValuePair<string, string>("Input.Include", i)));
        var response = await parent.PostAsync($"/children/{sam}/about-me/share", new FormUrlEncodedContent(values));
        var page = await Browse.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Uri(page.QuerySelector("#share-link")!.TextContent.Trim()).PathAndQuery;
    }

    [Fact]
    public async Task The_family_prints_a_one_page_profile_of_everything_they_have_written()
    {
        var (parent, sam) = await WithProfileAsync();
        var (_, page) = await parent.OpenAsync($"/children/{sam}/about-me/one-page");
        Assert.Equal("All about Sam", page.Heading());
        var text = page.QuerySelector(".cg-one-page")!.TextContent;
        Assert.Contains("Sam loves trains.", text, StringComparison.Ordinal);
        Assert.Contains("Sam has asthma.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("What is important to me", text, StringComparison.Ordinal); // not written yet, so left out
    }

    [Fact]
    public async Task A_new_share_link_says_when_it_stops_and_offers_to_copy_it()
    {
        var (parent, sam) = await WithProfileAsync();
        var (_, form) = await parent.OpenAsync($"/children/{sam}/about-me/share");
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await parent.PostAsync($"/children/{sam}/about-me/share", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Label"] = "Taxi escort", ["Input.Days"] = "7",
        }));
        var page = await Browse.ParseAsync(response);

        // Made on Monday 23 November at 9am for 7 days.
        Assert.Contains("it stops working on 30 November 2026", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("share-link", page.QuerySelector("button[data-copy]")!.GetAttribute("data-copy"));
    }

    [Fact]
    public async Task Someone_without_an_account_opens_a_share_link_and_every_view_is_logged()
    {
        var (parent, sam) = await WithProfileAsync();
        var link = await MakeLinkAsync(parent, sam, "7", "Health");

        var (response, page) = await App.NewClient().OpenAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.QuerySelector(".cg-one-page")!.TextContent;
        Assert.Contains("Sam loves trains.", text, StringComparison.Ordinal);
        Assert.Contains("Sam has asthma.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("window seat", text, StringComparison.Ordinal);

        var (_, seen) = await parent.OpenAsync($"/children/{sam}/who-has-seen");
        Assert.Contains("Someone with the link for \"Supply teacher\"", seen.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await App.QueryAsync(db => db.AccessLog.CountAsync(a => a.ChildId == sam && a.ViewerUserId == null)));
    }

    [Fact]
    public async Task A_share_link_stops_working_when_it_expires_or_is_stopped()
    {
        var (parent, sam) = await WithProfileAsync();
        var oneDay = await MakeLinkAsync(parent, sam, "1");
        var stopped = await MakeLinkAsync(parent, sam, "30");

        var linkId = await App.QueryAsync(db => db.ProfileShareLinks.Where(l => l.ChildId == sam).OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).Select(l => l.Id).FirstAsync());
        var (stop, _) = await parent.SubmitAsync($"/children/{sam}/about-me/share", new Dictionary<string, string>(), action: $"/children/{sam}/about-me/share/{linkId}/stop");
        Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
        var (stoppedResponse, stoppedPage) = await App.NewClient().OpenAsync(stopped);
        Assert.Equal(HttpStatusCode.NotFound, stoppedResponse.StatusCode);
        Assert.Equal("This link is not working", stoppedPage.Heading());

        Assert.Equal(HttpStatusCode.OK, (await App.NewClient().GetAsync(oneDay)).StatusCode);
        App.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.NotFound, (await App.NewClient().GetAsync(oneDay)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.NewClient().GetAsync("/shared/made-up-token")).StatusCode);
    }

    [Theory]
    [InlineData("", "7", "Enter who the link is for")]
    [InlineData("Supply teacher", "", "Choose how long the link should work")]
    [InlineData("Supply teacher", "31", "Choose how long the link should work, from 1 to 30 days")]
    [InlineData("<script>x</script>", "7", "Who the link is for must not include web page code, such as <script>. Remove anything written between < and >")]
    public async Task A_link_with_bad_input_is_not_made(string label, string days, string expected)
    {
        var sam = await SamAsync();
        var parent = App.NewClient();
        await parent.SignInAsync("parent@example.org");
        var (response, page) = await parent.SubmitAsync($"/children/{sam}/about-me/share", new Dictionary<string, string> { ["Input.Label"] = label, ["Input.Days"] = days });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([expected], page.ErrorSummary());
        Assert.False(await App.QueryAsync(db => db.ProfileShareLinks.AnyAsync()));
    }
}
