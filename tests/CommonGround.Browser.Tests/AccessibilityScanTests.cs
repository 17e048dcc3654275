namespace CommonGround.Browser.Tests;

/// <summary>The accessibility scan every page gets finds what it should, on a page with a frame and on one without.</summary>
public sealed class AccessibilityScanTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_field_without_a_label_fails_the_scan_and_the_same_field_labelled_passes(bool withFrame)
    {
        var page = await browser.NewPageAsync([]);
        var frame = withFrame ? "<iframe title=\"A letter\" srcdoc=\"<p>Dear Sam</p>\"></iframe>" : "";

        await page.SetContentAsync(Page($"<input type=\"text\" name=\"reason\">{frame}"));
        var failed = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(page.AssertAccessibleAsync);
        Assert.Contains("label", failed.Message, StringComparison.Ordinal);

        await page.SetContentAsync(Page($"<label for=\"reason\">Reason</label><input type=\"text\" id=\"reason\" name=\"reason\">{frame}"));
        await page.AssertAccessibleAsync();
    }

    private static string Page(string content) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><title>Scan</title></head><body><main><h1>Scan</h1>{content}</main></body></html>";
}
