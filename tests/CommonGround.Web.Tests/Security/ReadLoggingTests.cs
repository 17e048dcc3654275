using System.Net;
using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests.Security;

/// <summary>The permission fixture's records, with the attention job run so the lists have something to show.</summary>
public sealed class ReadLogFixture : IAsyncLifetime
{
    public AppFactory App { get; } = new();
    public PermissionRecords Records { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        Records = await PermissionRecords.PrepareAsync(App);
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AttentionJob>().ExecuteAsync(CancellationToken.None);
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>Every response that shows a child's data to someone outside the family is in the access log, once per child.</summary>
public sealed class ReadLoggingTests(ReadLogFixture fixture) : IClassFixture<ReadLogFixture>
{
    private Task<int> ViewsAsync(Guid childId, string viewer) =>
        fixture.App.QueryAsync(db => db.AccessLog.CountAsync(a => a.ChildId == childId && a.ViewerName == viewer));

    [Fact]
    public async Task Every_child_page_that_answers_logs_exactly_one_view_of_the_child()
    {
        var sam = fixture.Records.Children["Samuel"];
        var client = fixture.App.NewClient();
        await client.SignInAsync("senco@example.org");
        var wrong = new List<string>();
        var answered = 0;
        foreach (var row in PermissionMatrixTests.Rows.Where(r => r.Access == "child" && r.Methods.Contains("GET")))
        {
            var before = await ViewsAsync(sam, "Priya Nair");
            var response = await client.GetAsync(fixture.Records.Url(row, "Samuel"));
            var logged = await ViewsAsync(sam, "Priya Nair") - before;
            var expected = response.StatusCode == HttpStatusCode.OK ? 1 : 0;
            answered += expected;
            if (logged != expected)
            {
                wrong.Add($"{row.Route}: {(int)response.StatusCode} logged {logged} views, expected {expected}");
            }
        }

        Assert.True(answered > 30, $"Only {answered} child pages answered the key worker");
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Theory]
    [InlineData("senco@example.org", "Priya Nair", "/children", "Samuel")]
    [InlineData("senco@example.org", "Priya Nair", "/attention", "Samuel")]
    [InlineData("senco@example.org", "Priya Nair", "/what-i-owe", "Samuel")]
    [InlineData("senco@example.org", "Priya Nair", "/what-i-owe/export", "Samuel")]
    [InlineData("caseworker@example.org", "Tom Hughes", "/statutory", "Jordan")]
    [InlineData("send.lead@example.org", "Ruth Adeyemi", "/organisation/concerns", "Jordan")]
    public async Task Lists_log_each_child_they_show(string email, string name, string url, string child)
    {
        var childId = fixture.Records.Children[child];
        var client = fixture.App.NewClient();
        await client.SignInAsync(email);
        var before = await ViewsAsync(childId, name);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(child == "Samuel" ? "Sam" : "Jordan", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await ViewsAsync(childId, name));
    }

    [Fact]
    public async Task A_lead_opening_one_of_the_organisation_s_concerns_is_logged()
    {
        var jordan = fixture.Records.Children["Jordan"];
        var client = fixture.App.NewClient();
        await client.SignInAsync("send.lead@example.org");
        var before = await ViewsAsync(jordan, "Ruth Adeyemi");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/organisation/concerns/{fixture.Records.Concerns["Jordan"]}")).StatusCode);
        Assert.Equal(before + 1, await ViewsAsync(jordan, "Ruth Adeyemi"));
    }

    [Fact]
    public async Task A_calendar_app_reading_the_feed_is_logged_as_its_owner()
    {
        var sam = fixture.Records.Children["Samuel"];
        var client = fixture.App.NewClient();
        await client.SignInAsync("senco@example.org");
        await client.SubmitAsync("/account/calendar", new Dictionary<string, string>(), action: "/account/calendar/create");
        var (_, page) = await client.OpenAsync("/account/calendar");
        var path = new Uri(page.QuerySelector(".cg-calendar-address")!.TextContent).PathAndQuery;

        var before = await ViewsAsync(sam, "Priya Nair");
        var feed = await fixture.App.NewClient().GetStringAsync(path);
        Assert.Contains("BEGIN:VEVENT", feed, StringComparison.Ordinal);
        Assert.Equal(before + 1, await ViewsAsync(sam, "Priya Nair"));
        Assert.Equal("Dates, in their calendar app", await fixture.App.QueryAsync(db => db.AccessLog.Where(a => a.ChildId == sam && a.ViewerName == "Priya Nair")
            .OrderByDescending(a => a.ViewedAt).ThenByDescending(a => a.Id).Select(a => a.What).FirstAsync()));
    }

    [Fact]
    public async Task The_family_s_own_reading_is_not_logged()
    {
        var sam = fixture.Records.Children["Samuel"];
        var client = fixture.App.NewClient();
        await client.SignInAsync("parent@example.org");
        var before = await fixture.App.QueryAsync(db => db.AccessLog.CountAsync(a => a.ChildId == sam));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/children/{sam}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/children")).StatusCode);
        Assert.Equal(before, await fixture.App.QueryAsync(db => db.AccessLog.CountAsync(a => a.ChildId == sam)));
    }

    [Fact]
    public async Task Refused_and_missing_pages_log_nothing()
    {
        var sam = fixture.Records.Children["Samuel"];
        var transport = fixture.App.NewClient();
        await transport.SignInAsync("transport@example.org");
        var senco = fixture.App.NewClient();
        await senco.SignInAsync("senco@example.org");
        var before = await fixture.App.QueryAsync(db => db.AccessLog.CountAsync(a => a.ChildId == sam));
        Assert.Equal(HttpStatusCode.Forbidden, (await transport.GetAsync($"/children/{sam}/record/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await senco.GetAsync($"/children/{sam}/commitments/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(before, await fixture.App.QueryAsync(db => db.AccessLog.CountAsync(a => a.ChildId == sam)));
    }
}

/// <summary>"Who has seen" stays readable: one person's views minutes apart are one line, still counted.</summary>
public sealed class WhoHasSeenGroupingTests : FreshAppTests
{
    [Fact]
    public async Task Views_by_one_person_a_few_minutes_apart_show_as_one_visit()
    {
        var sam = await ChildIdAsync("Samuel");
        var senco = await SignedInAsync("senco@example.org");
        foreach (var page in new[] { "", "/about-me", "/team", "/about-me" })
        {
            Assert.Equal(HttpStatusCode.OK, (await senco.GetAsync($"/children/{sam}{page}")).StatusCode);
            App.Time.Advance(TimeSpan.FromMinutes(2));
        }

        App.Time.Advance(TimeSpan.FromHours(3));
        senco = await SignedInAsync("senco@example.org");
        Assert.Equal(HttpStatusCode.OK, (await senco.GetAsync($"/children/{sam}")).StatusCode);

        var (_, seen) = await (await SignedInAsync("parent@example.org")).OpenAsync($"/children/{sam}/who-has-seen");
        var rows = seen.QuerySelectorAll("tbody .govuk-table__row").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Overview", rows[0], StringComparison.Ordinal);
        Assert.DoesNotContain("views", rows[0], StringComparison.Ordinal);
        Assert.Contains("(4 views)", rows[1], StringComparison.Ordinal);
        Assert.Contains("Team", rows[1], StringComparison.Ordinal);
        Assert.Equal("5 views", seen.QuerySelector("caption")!.TextContent.Trim());
    }

    [Fact]
    public async Task Visits_come_fifty_to_a_page_newest_first_and_one_persons_visits_can_be_chosen()
    {
        var sam = await ChildIdAsync("Samuel");
        // 60 visits over the last few days, Grace and Priya in turn, each looking at About me and then the team.
        var first = App.Time.GetUtcNow().UtcDateTime.AddDays(-3);
        var views = Enumerable.Range(0, 60).SelectMany(visit => new[] { ("About me", 0), ("Team", 3) }.Select(look => new AccessLogEntry
        {
            ChildId = sam, ViewerName = visit % 2 == 0 ? "Grace Okafor" : "Priya Nair", OrganisationName = "Northvale", What = $"{look.Item1} {visit}",
            ViewedAt = first.AddMinutes(visit * 30 + look.Item2),
        })).ToList();
        AccessLogVisit.Place(views, before: null);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Core.Data.CommonGroundDbContext>();
            db.AccessLog.AddRange(views);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var parent = await SignedInAsync("parent@example.org");
        static List<string> Rows(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("tbody .govuk-table__row").Select(r => r.TextContent).ToList();
        var (_, one) = await parent.OpenAsync($"/children/{sam}/who-has-seen");
        Assert.Equal("120 views", one.QuerySelector("caption")!.TextContent.Trim());
        Assert.Equal(50, Rows(one).Count);
        Assert.Contains("Priya Nair", Rows(one)[0], StringComparison.Ordinal);
        Assert.Contains("Team 59; About me 59 (2 views)", Rows(one)[0], StringComparison.Ordinal);
        Assert.Contains("Team 10; About me 10 (2 views)", Rows(one)[^1], StringComparison.Ordinal);
        Assert.NotNull(one.QuerySelector("a[href='?pageNumber=2']"));

        var (_, two) = await parent.OpenAsync($"/children/{sam}/who-has-seen?pageNumber=2");
        Assert.Equal(10, Rows(two).Count);
        Assert.Contains("Team 0; About me 0 (2 views)", Rows(two)[^1], StringComparison.Ordinal);
        var (_, pastTheEnd) = await parent.OpenAsync($"/children/{sam}/who-has-seen?pageNumber=9");
        Assert.Equal(Rows(two), Rows(pastTheEnd));

        var (_, grace) = await parent.OpenAsync($"/children/{sam}/who-has-seen?viewer=Grace+Okafor");
        Assert.Equal("60 views", grace.QuerySelector("caption")!.TextContent.Trim());
        Assert.Equal(30, Rows(grace).Count);
        Assert.All(Rows(grace), row => Assert.Contains("Grace Okafor", row, StringComparison.Ordinal));
        Assert.Contains("Team 58; About me 58 (2 views)", Rows(grace)[0], StringComparison.Ordinal);
    }
}
