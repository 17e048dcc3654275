using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// Alex adds Sam's therapy report on a phone with JavaScript off, first picking the wrong file; Grace, who is shared
/// Health, downloads it on a desktop. Today is Monday 23 November 2026.
/// </summary>
public sealed class DocumentJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _errors = [];

    private Task AssertPageAsync(IPage page, string heading) => Steps.AssertPageAsync(page, heading, _errors);

    private async Task<IPage> SignedInAsync(string email, BrowserNewContextOptions? options = null)
    {
        var page = await browser.NewPageAsync(_errors, options);
        await SignInAsync(page, email);
        return page;
    }

    [Fact]
    public async Task A_parent_adds_a_report_on_a_phone_and_the_therapist_downloads_it()
    {
        var sam = await browser.App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());
        var pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();

        var parent = await SignedInAsync("parent@example.org", new() { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = false });
        await parent.GotoAsync($"/children/{sam}");
        await Click(parent, AriaRole.Link, "Documents");
        Assert.Equal("Documents", (await parent.Locator("h1").First.InnerTextAsync()).Trim());
        await Click(parent, AriaRole.Button, "Add a document");
        await parent.GetByLabel("What is it?").FillAsync("Speech and language therapy report, March 2026");
        await parent.GetByLabel("Health", new() { Exact = true }).CheckAsync();
        await parent.GetByLabel("The file").SetInputFilesAsync(new FilePayload { Name = "report.pdf", MimeType = "application/pdf", Buffer = "MZ not a report"u8.ToArray() });
        await Click(parent, AriaRole.Button, "Add the document");
        await Assertions.Expect(parent.Locator(".govuk-error-summary")).ToContainTextAsync("The selected file must be a PDF, Word (.docx), PNG or JPEG");
        await parent.GetByLabel("The file").SetInputFilesAsync(new FilePayload { Name = "report.pdf", MimeType = "application/pdf", Buffer = pdf });
        await Click(parent, AriaRole.Button, "Add the document");
        await Assertions.Expect(parent.Locator(".govuk-notification-banner")).ToContainTextAsync("Document added");

        // The pages fit a phone, and pass the scan, with JavaScript on.
        var phone = await SignedInAsync("parent@example.org", new() { ViewportSize = new() { Width = 390, Height = 844 } });
        foreach (var (url, heading) in new[] { ($"/children/{sam}/documents", "Documents"), ($"/children/{sam}/documents/new", "Add a document") })
        {
            await phone.GotoAsync(url);
            await AssertPageAsync(phone, heading);
            Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, $"{url} scrolls sideways on a phone");
        }

        var therapist = await SignedInAsync("therapist@example.org");
        await therapist.GotoAsync($"/children/{sam}/documents");
        await AssertPageAsync(therapist, "Documents");
        await Click(therapist, AriaRole.Link, "Speech and language therapy report, March 2026");
        await AssertPageAsync(therapist, "Speech and language therapy report, March 2026");
        var download = await therapist.RunAndWaitForDownloadAsync(() => Click(therapist, AriaRole.Link, "Download report.pdf"));
        Assert.Equal("report.pdf", download.SuggestedFilename);
        Assert.Equal(pdf, await File.ReadAllBytesAsync((await download.PathAsync())!));
    }
}
