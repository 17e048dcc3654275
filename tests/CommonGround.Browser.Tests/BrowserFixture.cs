using System.Net;
using CommonGround.Web.Tests;
using Microsoft.Playwright;

namespace CommonGround.Browser.Tests;

/// <summary>The app on a real loopback port, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserAppFactory : AppFactory
{
    private readonly bool _startsWithDemo;

    public BrowserAppFactory(bool startsWithDemo = false)
    {
        _startsWithDemo = startsWithDemo;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    protected override bool StartsWithDemo => _startsWithDemo;

    // Plain HTTP on loopback, as a developer's machine runs it.
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Security:AllowPlainHttp"] = "true",
        ["AllowedHosts"] = "127.0.0.1",
    };
}

/// <summary>The app with the people the tests talk about (<see cref="CommonGround.Testing.TestCast"/>), and a browser.</summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public BrowserFixture()
        : this(startsWithDemo: false)
    {
    }

    protected BrowserFixture(bool startsWithDemo) => App = new BrowserAppFactory(startsWithDemo);

    public BrowserAppFactory App { get; }
    public IBrowser? Browser { get; private set; }
    public string? MissingReason { get; private set; }
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var chromium = FindChromium();
        if (chromium is null)
        {
            MissingReason = "Chromium was not found: install Debian's chromium package or set CHROMIUM_PATH to run the browser tests.";
            return;
        }

        await App.InitializeAsync();
        App.StartServer();
        BaseUrl = App.ServerAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser profile on a page of the app; skipped, with the reason, when there is no Chromium (fails instead in CI).</summary>
    public async Task<IPage> NewPageAsync(List<string> consoleErrors, BrowserNewContextOptions? options = null)
    {
        if (Browser is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(MissingReason + " CI must run them.");
            }

            Assert.Skip(MissingReason!);
        }

        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseUrl;
        var context = await Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            // A page shown with an error status (404, 500) is reported as a failed load; that is the page, not a fault.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                consoleErrors.Add(message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                consoleErrors.Add($"{response.Status} for {response.Request.ResourceType} {response.Url}");
            }
        };
        page.PageError += (_, error) => consoleErrors.Add(error);
        return page;
    }

    private static string? FindChromium()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } named)
        {
            return File.Exists(named) ? named : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator)
            .SelectMany(folder => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>The app with the demo as a newcomer first sees it, and a browser.</summary>
public sealed class DemoBrowserFixture() : BrowserFixture(startsWithDemo: true);
