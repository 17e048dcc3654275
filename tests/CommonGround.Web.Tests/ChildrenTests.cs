using System.Net;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

/// <summary>A family starting a child's record, which exercises the GOV.UK date input, radios and select.</summary>
public sealed class ChildrenTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<Dictionary<string, string>> ValidChildAsync(string day, string month, string year, string relationship = nameof(FamilyRelationship.ParentCarer)) => new()
    {
        ["Input.Relationship"] = relationship,
        ["Input.FirstName"] = "Ruby",
        ["Input.LastName"] = "Shah",
        ["Input.DateOfBirth.Day"] = day,
        ["Input.DateOfBirth.Month"] = month,
        ["Input.DateOfBirth.Year"] = year,
        ["Input.AreaId"] = (await app.QueryAsync(db => db.Areas.Select(a => a.Id).FirstAsync())).ToString(),
    };

    [Fact]
    public async Task A_parent_adds_a_child_who_then_appears_in_their_list()
    {
        var client = app.NewClient();
        await client.SignInAsync("sunita.shah@example.org");
        var (response, _) = await client.SubmitAsync("/children/add", await ValidChildAsync("14", "2", "2019"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (_, list) = await client.OpenAsync("/children");
        Assert.Contains("Ruby Shah", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Born 14 February 2019", list.Body!.TextContent, StringComparison.Ordinal);
        var child = await app.QueryAsync(db => db.Children.SingleAsync(c => c.FirstName == "Ruby"));
        Assert.Equal(new DateOnly(2019, 2, 14), child.DateOfBirth);
        Assert.True(await app.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.ChildAdded && a.EntityId == child.Id)));
    }

    [Theory]
    [InlineData("", "", "", "Enter their date of birth")]
    [InlineData("14", "", "2019", "Date of birth must include a month")]
    [InlineData("", "", "2019", "Date of birth must include a day and month")]
    [InlineData("30", "2", "2019", "Date of birth must be a real date")]
    [InlineData("1", "13", "2019", "Date of birth must be a real date")]
    [InlineData("one", "2", "2019", "Date of birth must be a real date")]
    [InlineData("1", "2", "19", "Year must include 4 numbers")]
    [InlineData("1", "2", "2030", "Date of birth must be in the past")]
    [InlineData("1", "2", "1990", "CommonGround is for children and young people up to age 25. Check the date of birth")]
    public async Task A_date_of_birth_that_is_missing_incomplete_or_not_real_is_explained_and_nothing_is_added(string day, string month, string year, string expected)
    {
        var client = app.NewClient();
        await client.SignInAsync("parent@example.org");
        var before = await app.QueryAsync(db => db.Children.CountAsync());

        var (response, page) = await client.SubmitAsync("/children/add", await ValidChildAsync(day, month, year));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([expected], page.ErrorSummary());
        Assert.Equal("#Input_DateOfBirth", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#Input_DateOfBirth"));
        // What was typed is shown again.
        Assert.Equal(day, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_DateOfBirth")!.Value);
        Assert.Equal(year, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_DateOfBirth-year")!.Value);
        Assert.Equal("Ruby", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_FirstName")!.Value);
        Assert.Equal(before, await app.QueryAsync(db => db.Children.CountAsync()));
    }

    [Fact]
    public async Task A_young_person_under_16_cannot_start_their_own_record()
    {
        var client = app.NewClient();
        await client.SignInAsync("parent@example.org");
        var (response, page) = await client.SubmitAsync("/children/add", await ValidChildAsync("1", "1", "2015", nameof(FamilyRelationship.YoungPerson)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Young people can hold their own record from age 16. Ask a parent or carer to add you"], page.ErrorSummary());
        Assert.NotNull(page.QuerySelector("input[name='Input.Relationship'][value='YoungPerson'][checked]"));
    }

    [Fact]
    public async Task A_professional_on_no_team_is_told_how_children_will_appear()
    {
        var client = app.NewClient();
        await client.SignInAsync("orgadmin@example.org");
        var (response, page) = await client.OpenAsync("/children");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Your day", page.Heading());
        Assert.Contains("You are not on any child's team yet", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Morgan", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Children_I_work_with_are_listed_by_last_name_or_oldest_first_and_searched_by_name()
    {
        var client = app.NewClient();
        await client.SignInAsync("caseworker@example.org");
        var mine = await app.QueryAsync(db => db.TeamMembers.Where(t => t.LeftAt == null && t.Professional!.UserAccount!.Email == "caseworker@example.org")
            .Join(db.Children, t => t.ChildId, c => c.Id, (_, c) => new { c.Id, c.FirstName, c.LastName, c.PreferredName, c.DateOfBirth }).ToListAsync());
        Assert.True(mine.Count >= 2, "The caseworker needs children of different ages for this test");
        static List<string?> Listed(AngleSharp.Dom.IDocument page) =>
            page.QuerySelectorAll("table.govuk-table th a").Select(a => a.GetAttribute("href")).ToList();
        static string? SortChosen(AngleSharp.Dom.IDocument page) => page.QuerySelector("#sort option[selected]")?.GetAttribute("value");

        var (_, byName) = await client.OpenAsync("/children");
        Assert.Equal(mine.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).Select(c => ChildLinks.Overview(c.Id)), Listed(byName));
        Assert.Equal("name", SortChosen(byName));

        var (_, oldestFirst) = await client.OpenAsync("/children?sort=age");
        Assert.Equal(mine.OrderBy(c => c.DateOfBirth).ThenBy(c => c.LastName).Select(c => ChildLinks.Overview(c.Id)), Listed(oldestFirst));
        Assert.Equal("age", SortChosen(oldestFirst));

        // A part of a name, in any case, finds the children whose first, last or preferred name holds it, in the order chosen.
        var sought = mine.OrderBy(c => c.LastName).First();
        var part = sought.LastName[1..^1].ToLowerInvariant();
        var (_, found) = await client.OpenAsync($"/children?q={Uri.EscapeDataString(part)}&sort=age");
        Assert.Equal(mine.Where(c => new[] { c.FirstName, c.LastName, c.PreferredName ?? "" }.Any(name => name.Contains(part, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.DateOfBirth).ThenBy(c => c.LastName).Select(c => ChildLinks.Overview(c.Id)), Listed(found));
        Assert.Contains(ChildLinks.Overview(sought.Id), Listed(found));
        Assert.Equal(part, found.QuerySelector("#q")!.GetAttribute("value"));

        var (response, none) = await client.OpenAsync("/children?q=zzzz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Listed(none));
        Assert.Contains("No children on your teams match \"zzzz\"", none.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("caseworker@example.org", "Your day")]
    [InlineData("parent@example.org", "What needs you")]
    public async Task The_first_page_after_signing_in_is_not_titled_as_an_error(string email, string heading)
    {
        // A screen reader reads the title first: "Error:" there tells someone who sent nothing that something went wrong.
        var client = app.NewClient();
        await client.SignInAsync(email);
        var (response, page) = await client.OpenAsync("/children");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{heading} – CommonGround", page.Title);
    }
}
