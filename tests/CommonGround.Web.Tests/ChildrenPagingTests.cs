using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

/// <summary>
/// Children I work with, paged through when children share a name or a birthday: every child is on exactly one page,
/// always in the same place. Without a last tie-breaker a database may give tied rows in any order, and a child can
/// then show on two pages and another on none.
/// </summary>
public sealed class ChildrenPagingTests : FreshAppTests
{
    [Fact]
    public async Task Children_who_share_a_name_and_a_birthday_are_each_on_one_page_in_a_steady_order()
    {
        await GiveTheCaseworkerTiedChildrenAsync();
        var client = await SignedInAsync("caseworker@example.org");
        var mine = await App.QueryAsync(db => db.TeamMembers.Where(t => t.LeftAt == null && t.Professional!.UserAccount!.Email == "caseworker@example.org")
            .Join(db.Children, t => t.ChildId, c => c.Id, (_, c) => new { c.Id, c.FirstName, c.LastName, c.DateOfBirth }).ToListAsync());
        Assert.True(mine.Count > 25, "the caseworker needs more than one page of children for this test");

        var byName = mine.OrderBy(c => c.LastName, StringComparer.Ordinal).ThenBy(c => c.FirstName, StringComparer.Ordinal)
            .ThenBy(c => c.Id.ToString(), StringComparer.OrdinalIgnoreCase).Select(c => ChildLinks.Overview(c.Id)).ToList();
        Assert.Equal(byName, await EveryPageAsync(client, "/children?sort=name", mine.Count));

        var oldestFirst = mine.OrderBy(c => c.DateOfBirth).ThenBy(c => c.LastName, StringComparer.Ordinal).ThenBy(c => c.FirstName, StringComparer.Ordinal)
            .ThenBy(c => c.Id.ToString(), StringComparer.OrdinalIgnoreCase).Select(c => ChildLinks.Overview(c.Id)).ToList();
        Assert.Equal(oldestFirst, await EveryPageAsync(client, "/children?sort=age", mine.Count));
    }

    /// <summary>The children linked from each page in turn, first page to last.</summary>
    private static async Task<List<string>> EveryPageAsync(HttpClient client, string list, int count)
    {
        var listed = new List<string>();
        for (var page = 1; page <= (count + 24) / 25; page++)
        {
            var (_, shown) = await client.OpenAsync($"{list}&pageNumber={page}");
            listed.AddRange(shown.QuerySelectorAll("table.govuk-table th a").Select(a => a.GetAttribute("href") ?? ""));
        }

        return listed;
    }

    /// <summary>
    /// Thirty children called Sam Tie born on one day, and twins Zara and Amy Twin born on another, put on the caseworker's
    /// teams in the reverse of the order the list must show them, so a list that leans on the order rows were added fails.
    /// </summary>
    private async Task GiveTheCaseworkerTiedChildrenAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        var build = TestRecords.Create(db, scope.ServiceProvider.GetRequiredService<IPasswordHasher<UserAccount>>(), App.Time);
        var caseworker = await db.Professionals.SingleAsync(p => p.UserAccount!.Email == "caseworker@example.org");
        var area = await db.Areas.SingleAsync(a => a.Id == caseworker.AreaId);
        var tied = Enumerable.Range(0, 30).Select(_ => build.Child(area, "Sam", "Tie", 9)).ToList();
        var twins = new[] { build.Child(area, "Zara", "Twin", 9), build.Child(area, "Amy", "Twin", 9) };
        foreach (var child in tied.OrderByDescending(c => c.Id.ToString(), StringComparer.OrdinalIgnoreCase).Concat(twins))
        {
            build.Team(child, caseworker, "SEND caseworker", caseworker.UserAccountId, shared: [RecordArea.Education]);
        }

        await build.SaveAsync();
    }
}
