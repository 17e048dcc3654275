using CommonGround.Core.Children;
using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// Tom, a caseworker, lands on his first screen after signing in, puts the children he works with oldest first and
/// finds one by part of a name: on a phone without JavaScript, and on the smallest phone with it.
/// </summary>
public sealed class ChildrenJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _errors = [];

    [Theory]
    [InlineData(390, false)]
    [InlineData(320, true)]
    public async Task A_caseworker_sorts_the_children_he_works_with_oldest_first_and_finds_one_by_name_on_a_phone(int width, bool javaScript)
    {
        if (browser.MissingReason is { } reason)
        {
            Assert.Skip(reason);
        }

        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        var mine = await db.TeamMembers.Where(t => t.LeftAt == null && t.Professional!.UserAccount!.Email == "caseworker@example.org")
            .Join(db.Children, t => t.ChildId, c => c.Id, (_, c) => new { c.Id, c.LastName, c.DateOfBirth }).ToListAsync();
        Assert.True(mine.Count >= 2, "The caseworker needs children of different ages for this journey");
        var phone = await browser.NewPageAsync(_errors, new() { ViewportSize = new() { Width = width, Height = 700 }, JavaScriptEnabled = javaScript });
        Task<string?[]> ListedAsync() => phone.Locator("table.govuk-table th a").EvaluateAllAsync<string?[]>("links => links.map(a => a.getAttribute('href'))");

        // The accessibility scan runs in the page, so only with JavaScript on; without it the heading is checked.
        async Task CheckAsync()
        {
            if (javaScript)
            {
                await AssertPageAsync(phone, "Your day", _errors);
            }
            else
            {
                Assert.Equal("Your day", (await phone.Locator("h1").First.InnerTextAsync()).Trim());
            }
        }

        await SignInAsync(phone, "caseworker@example.org");
        await phone.GotoAsync("/children");
        Assert.Equal("Your day – CommonGround", await phone.TitleAsync());
        await CheckAsync();
        await AssertNoSidewaysScrollAsync(phone, width);

        await phone.SelectOptionAsync("#sort", "age");
        await Click(phone, AriaRole.Button, "Show children");
        await Assertions.Expect(phone.Locator("#sort")).ToHaveValueAsync("age");
        Assert.Equal(mine.OrderBy(c => c.DateOfBirth).ThenBy(c => c.LastName).Select(c => ChildLinks.Overview(c.Id)), await ListedAsync());
        Assert.Equal("Your day – CommonGround", await phone.TitleAsync());
        await AssertNoSidewaysScrollAsync(phone, width);

        var sought = mine.OrderBy(c => c.LastName).First();
        await phone.FillAsync("#q", sought.LastName[..3].ToLowerInvariant());
        await Click(phone, AriaRole.Button, "Show children");
        Assert.Contains(ChildLinks.Overview(sought.Id), await ListedAsync());
        await Assertions.Expect(phone.Locator("#sort")).ToHaveValueAsync("age");
        await CheckAsync();
        await AssertNoSidewaysScrollAsync(phone, width);

        await phone.FillAsync("#q", "zzzz");
        await Click(phone, AriaRole.Button, "Show children");
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("No children on your teams match \"zzzz\"");
        await CheckAsync();
    }
}
