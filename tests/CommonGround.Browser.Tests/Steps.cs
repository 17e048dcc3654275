using CommonGround.Testing;
using Microsoft.Playwright;

namespace CommonGround.Browser.Tests;

/// <summary>What every journey does the same way: sign in, fill a GOV.UK date, press a control by its exact name, and check a page.</summary>
public static class Steps
{
    public static async Task SignInAsync(IPage page, string email, string password = TestRecords.Password)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public static async Task FillDateAsync(IPage page, string name, DateOnly date)
    {
        await page.Locator($"[name='{name}.Day']").FillAsync(date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"[name='{name}.Month']").FillAsync(date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"[name='{name}.Year']").FillAsync(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Presses the control. When it sends a form, waits until the page it leads to has loaded, so that a check of
    /// the next page cannot pass on the old one when both have the same heading (a form shown again with advice or errors).
    /// </summary>
    public static async Task Click(IPage page, AriaRole role, string name)
    {
        var control = page.GetByRole(role, new() { Name = name, Exact = true });
        var sendsForm = role == AriaRole.Button && await control.EvaluateAsync<bool>("b => b.type === 'submit' && b.form !== null");
        if (!sendsForm)
        {
            await control.ClickAsync();
            return;
        }

        var nextPage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Loaded(object? sender, IPage loaded) => nextPage.TrySetResult();
        page.Load += Loaded;
        try
        {
            await control.ClickAsync();
            await nextPage.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Pressing \"{name}\" on {page.Url} did not lead to a page within 30 seconds.");
        }
        finally
        {
            page.Load -= Loaded;
        }
    }

    /// <summary>Nothing on the page is wider than a screen this wide.</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page, int width) =>
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, $"{page.Url} scrolls sideways at {width} px");

    /// <summary>The page has this heading, passes the accessibility scan, and the browser reported no errors on the way.</summary>
    public static async Task AssertPageAsync(IPage page, string heading, List<string> errors)
    {
        Assert.Equal(heading, (await page.Locator("h1").First.InnerTextAsync()).Trim());
        await page.AssertAccessibleAsync();
        Assert.True(errors.Count == 0, $"Errors in the browser on {page.Url}:\n{string.Join('\n', errors)}");
    }
}
