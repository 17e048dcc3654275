using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CommonGround.Browser.Tests;

public static class Accessibility
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
        // Only failures are reported on: passes and incomplete checks keep just one example each, which saves most of a scan's time.
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Scans the page as it stands with axe-core against WCAG 2.2 A and AA, and fails on any violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await ScanAsync(page);
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"{page.Url} has accessibility violations:\n{string.Join('\n', violations)}");
    }

    /// <summary>
    /// The service's pages hold no frames, so axe-core runs in the page itself. The scan built for frames from other
    /// sites gathers each frame's part and then opens a new browser page to put the parts together: two to three
    /// seconds a scan against a third of a second, for the same findings. A page with a frame still gets that scan.
    /// </summary>
    private static async Task<AxeResult> ScanAsync(IPage page)
    {
        if (page.Frames.Count > 1)
        {
            return await page.RunAxe(WcagAa);
        }

#pragma warning disable CS0618 // The in-page scan is marked for removal in a later version; the frame scan above is its replacement.
        return await page.RunAxeLegacy(null, WcagAa);
#pragma warning restore CS0618
    }
}
