using CommonGround.Core.Access;
using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// Sam's record has been looked at 60 times this week, by Grace and Priya in turn. Alex reads who it was on a phone,
/// 50 visits to a page, then only Grace's, with JavaScript off and then on the smallest phone with it on.
/// </summary>
public sealed class WhoHasSeenJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _errors = [];

    private async Task<Guid> SamLookedAtSixtyTimesAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        var sam = await db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync();
        var first = browser.App.Time.GetUtcNow().UtcDateTime.AddDays(-3);
        var views = Enumerable.Range(0, 60).SelectMany(visit => new[] { ("About me", 0), ("The team", 3) }.Select(look => new AccessLogEntry
        {
            ChildId = sam, ViewerName = visit % 2 == 0 ? "Grace Okafor" : "Priya Nair", OrganisationName = visit % 2 == 0 ? "Northvale Community NHS Trust" : "Northvale Primary School",
            What = look.Item1, ViewedAt = first.AddMinutes(visit * 30 + look.Item2),
        })).ToList();
        AccessLogVisit.Place(views, before: null);
        db.AccessLog.AddRange(views);
        await db.SaveChangesAsync();
        return sam;
    }

    [Fact]
    public async Task A_parent_pages_through_who_has_seen_and_picks_one_person_on_a_phone_with_and_without_JavaScript()
    {
        if (browser.MissingReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var sam = await SamLookedAtSixtyTimesAsync();
        var parent = await browser.NewPageAsync(_errors, new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new() { Width = 390, Height = 844 } });
        await SignInAsync(parent, "parent@example.org");
        await parent.GotoAsync($"/children/{sam}");
        await Click(parent, AriaRole.Link, "Who has seen Sam's record");
        Assert.Equal("Who has seen Sam's record", (await parent.Locator("h1").First.InnerTextAsync()).Trim());
        var visits = parent.Locator("main tbody tr");
        await Assertions.Expect(parent.Locator("main caption")).ToHaveTextAsync("120 views");
        await Assertions.Expect(visits).ToHaveCountAsync(50);
        await Assertions.Expect(visits.First).ToContainTextAsync("Priya Nair");
        await Assertions.Expect(visits.First).ToContainTextAsync("The team; About me (2 views)");
        await AssertNoSidewaysScrollAsync(parent, 390);

        await parent.GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(visits).ToHaveCountAsync(10);
        await Assertions.Expect(visits.Last).ToContainTextAsync("Grace Okafor");

        // Only Grace's visits: the choice is sent with the form's own button, no script needed.
        await parent.GetByLabel("Who").SelectOptionAsync("Grace Okafor");
        await Click(parent, AriaRole.Button, "Show views");
        await Assertions.Expect(parent.Locator("main caption")).ToHaveTextAsync("60 views");
        await Assertions.Expect(visits).ToHaveCountAsync(30);
        Assert.All(await visits.AllInnerTextsAsync(), row => Assert.Contains("Grace Okafor", row, StringComparison.Ordinal));
        await AssertNoSidewaysScrollAsync(parent, 390);

        // The smallest phone, with JavaScript on: the second page passes the accessibility scan and fits the screen.
        var small = await browser.NewPageAsync(_errors, new BrowserNewContextOptions { ViewportSize = new() { Width = 320, Height = 640 } });
        await SignInAsync(small, "parent@example.org");
        await small.GotoAsync($"/children/{sam}/who-has-seen?pageNumber=2");
        await AssertPageAsync(small, "Who has seen Sam's record");
        await Assertions.Expect(small.Locator("main tbody tr")).ToHaveCountAsync(10);
        await AssertNoSidewaysScrollAsync(small, 320);
        Assert.Empty(_errors);
    }

    private Task AssertPageAsync(IPage page, string heading) => Steps.AssertPageAsync(page, heading, _errors);
}
