using CommonGround.Core.Data;
using CommonGround.Core.Statutory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// Tom, Sam's caseworker, keeps up with Sam. On a phone with JavaScript off, Sam's overview tells him what the family
/// changed since he last looked. At his desk he makes a calendar address, and his calendar app reading it gets Sam's
/// needs assessment dates; Alex then sees that reading in Who has seen, on a phone.
/// </summary>
public sealed class KeepingUpJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _errors = [];

    private async Task<Guid> SamsAssessmentRequestedAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        var sam = await db.Children.SingleAsync(c => c.FirstName == "Samuel");
        var parent = await db.Users.SingleAsync(u => u.Email == "parent@example.org");
        var now = browser.App.Time.GetUtcNow().UtcDateTime;
        var process = new StatutoryProcess { ChildId = sam.Id, AreaId = sam.AreaId, Kind = StatutoryProcessKind.NeedsAssessment, StartedAt = now, StartedByUserId = parent.Id, StartedByName = parent.DisplayName };
        process.Events.Add(new StatutoryEvent
        {
            ProcessId = process.Id, ChildId = sam.Id, Kind = StatutoryEventKind.RequestReceived, OccurredOn = DateOnly.FromDateTime(now).AddDays(-10),
            RecordedAt = now, RecordedByUserId = parent.Id, RecordedByName = parent.DisplayName, RecordedByFamily = true,
        });
        process.Refresh(Timescales.England);
        db.StatutoryProcesses.Add(process);
        await db.SaveChangesAsync();
        return sam.Id;
    }

    [Fact]
    public async Task A_caseworker_sees_what_changed_and_gets_the_dates_in_their_calendar_and_the_family_sees_the_calendar_read()
    {
        if (browser.MissingReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var sam = await SamsAssessmentRequestedAsync();
        var tom = await browser.NewPageAsync(_errors, new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new() { Width = 390, Height = 844 } });
        await SignInAsync(tom, "caseworker@example.org");
        await tom.GotoAsync($"/children/{sam}");

        browser.App.Time.Advance(TimeSpan.FromMinutes(5));
        var alex = await browser.NewPageAsync(_errors, new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
        await SignInAsync(alex, "parent@example.org");
        await alex.GotoAsync($"/children/{sam}/about-me/strengths/edit");
        await alex.Locator("textarea[name='Input.Text']").FillAsync("Sam is kind, and loves drawing trains.");
        await Click(alex, AriaRole.Button, "Save");

        browser.App.Time.Advance(TimeSpan.FromMinutes(5));
        await tom.GotoAsync($"/children/{sam}");
        var news = tom.Locator("main .govuk-list--bullet li");
        await Assertions.Expect(news).ToHaveCountAsync(1);
        await Assertions.Expect(news.First).ToContainTextAsync("Alex Morgan");
        await AssertNoSidewaysScrollAsync(tom, 390);
        await tom.GotoAsync($"/children/{sam}");
        await Assertions.Expect(tom.Locator("main")).ToContainTextAsync("Nothing has changed since you last looked");

        var desk = await browser.NewPageAsync(_errors, new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        await SignInAsync(desk, "caseworker@example.org");
        await desk.GotoAsync("/account/calendar");
        await Click(desk, AriaRole.Button, "Make my calendar address");
        var address = new Uri((await desk.Locator(".cg-calendar-address").InnerTextAsync()).Trim());
        await AssertPageAsync(desk, "Your calendar", _errors);
        var feed = await desk.APIRequest.GetAsync(address.PathAndQuery);
        Assert.Equal(200, feed.Status);
        Assert.Contains("Decision whether to assess: Sam", await feed.TextAsync(), StringComparison.Ordinal);

        await alex.GotoAsync($"/children/{sam}/who-has-seen");
        var latest = alex.Locator("main tbody tr").First;
        await Assertions.Expect(latest).ToContainTextAsync("Tom Hughes");
        await Assertions.Expect(latest).ToContainTextAsync("Dates, in their calendar app");
        await AssertPageAsync(alex, "Who has seen Sam's record", _errors);
        await AssertNoSidewaysScrollAsync(alex, 390);
    }
}
