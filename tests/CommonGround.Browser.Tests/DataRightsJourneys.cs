using System.IO.Compression;
using CommonGround.Core.DataRights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// Alex downloads everything held about Sam on a phone: asks for it, waits on the page while it is prepared, takes the
/// zip and reads the report in it. Today is Monday 23 November 2026.
/// </summary>
public sealed class DataRightsJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _errors = [];

    private Task AssertPageAsync(IPage page, string heading) => Steps.AssertPageAsync(page, heading, _errors);

    [Fact]
    public async Task A_parent_downloads_everything_about_Sam_on_a_phone_and_reads_the_report()
    {
        var sam = await browser.App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());
        var phone = new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, AcceptDownloads = true };
        var parent = await browser.NewPageAsync(_errors, phone);
        await SignInAsync(parent, "parent@example.org");

        await parent.GotoAsync($"/children/{sam}");
        await Click(parent, AriaRole.Link, "Download a copy of Sam's whole record");
        await AssertPageAsync(parent, "Download a copy of Sam's whole record");
        await Click(parent, AriaRole.Button, "Prepare a download");
        await Assertions.Expect(parent.Locator(".govuk-notification-banner")).ToContainTextAsync("We are preparing your download");
        await Assertions.Expect(parent.Locator("main table")).ToContainTextAsync("Being prepared");
        await AssertPageAsync(parent, "Download a copy of Sam's whole record");
        Assert.True(await parent.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The download page scrolls sideways on a phone");

        // The page looks again on its own while it waits, and offers the file once the service has prepared it.
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RecordExportJob>().ExecuteAsync(CancellationToken.None);
        }

        var link = parent.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Download \\(zip") });
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(parent.Locator("[data-download-status]")).ToHaveTextAsync("Your download is ready.");
        var download = await parent.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.StartsWith("sam-morgan-record-", download.SuggestedFilename, StringComparison.Ordinal);

        // The report in the zip opens on the phone as a file, reads well at its width, and passes the scan.
        var unzipped = Directory.CreateTempSubdirectory("cg-download-");
        ZipFile.ExtractToDirectory((await download.PathAsync())!, unzipped.FullName);
        await parent.GotoAsync(new Uri(Path.Combine(unzipped.FullName, "report.html")).AbsoluteUri);
        Assert.Equal("Everything held about Samuel Morgan", (await parent.Locator("h1").InnerTextAsync()).Trim());
        await parent.GetByRole(AriaRole.Link, new() { Name = "The team", Exact = true }).ClickAsync();
        await Assertions.Expect(parent.Locator("#team-members ~ table td[data-label='Name']").Filter(new() { HasText = "Priya Nair" })).ToBeVisibleAsync();
        Assert.True(await parent.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The report scrolls sideways on a phone");
        await parent.AssertAccessibleAsync();
        unzipped.Delete(recursive: true);

        // Going back to the page, the download is used up and says so.
        await parent.GotoAsync($"/children/{sam}/download");
        await Assertions.Expect(parent.Locator("main table")).ToContainTextAsync("Downloaded");
        await AssertPageAsync(parent, "Download a copy of Sam's whole record");
    }
}
