using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommonGround.Core.Demo;
using Microsoft.Playwright;

namespace CommonGround.Browser.Tests;

/// <summary>
/// Every page in the permission matrix, as each demo person reaches it by following links from their home page, at a
/// phone's narrowest width (320 CSS pixels, the width of a 1280 pixel screen at 400% zoom) and at a desktop's: no
/// page scrolls sideways, and axe-core finds no WCAG 2.2 A or AA failure at either width. Each is sent compressed, in
/// under 100 KB.
/// </summary>
public sealed partial class EveryPage(DemoBrowserFixture browser) : IClassFixture<DemoBrowserFixture>
{
    private const int PhoneWidth = 320;
    private const int DesktopWidth = 1280;
    private const int UrlsPerRoute = 3;
    private const int MostCompressedPageBytes = 100 * 1024;

    /// <summary>Pages no link leads to without a secret only an email carries, or that are not pages; each is proved elsewhere.</summary>
    private static readonly Dictionary<string, string> NotReachedByLinks = new()
    {
        ["/health"] = "a status for load balancers, not a page",
        ["/account/stay-signed-in"] = "the timeout warning's button posts to it; opened, it goes back to the account page",
        ["/notifications/{notificationId:guid}/open"] = "marks a notification read and goes on to what it is about",
        ["/api/v1/timescales/{process}"] = "JSON for other systems, checked by the API tests",
        ["/api/openapi/{documentName}.json"] = "the API's description, not a page",
        ["/calendar/{token}.ics"] = "a calendar feed, opened by a calendar app with its secret address",
        ["/invitations/{token}"] = "opened from the invitation email's secret link; the team journeys open it",
        ["/shared/{token}"] = "opened from a share link the family makes; the share link tests open it",
        ["/confirm-email"] = "opened from the confirmation email's secret link",
        ["/reset-password"] = "opened from the reset email's secret link",
        ["/account/email/confirm"] = "opened from the link emailed to a new address; the account tests open it",
        ["/sign-in/two-factor"] = "reached only by signing in to an account with two-factor sign-in; the security journeys walk it",
        ["/sign-in/recovery-code"] = "reached only by signing in to an account with two-factor sign-in",
        ["/account/two-factor/turn-off"] = "offered only once two-factor sign-in is on; the security journeys walk it",
        ["/children/{childId:guid}/about-me/suggestions/{suggestionId:guid}/{decision:regex(^(edit|decline)$)}"] = "needs a suggested change waiting for the family; the About me tests decide one",
        ["/children/{childId:guid}/commitments/{commitmentId:guid}/deliveries/{deliveryId:guid}/resolve"] = "needs a delivery the family disputed; the commitment tests resolve one",
        ["/children/{childId:guid}/statutory/{processId:guid}/events/{eventId:guid}/correct"] = "offered for an event the family recorded and staff have not confirmed",
        ["/children/{childId:guid}/plans/{planId:guid}/recommendations/{answerId:guid}/disagree"] = "needs an answer to a recommendation in a plan the family is answering; the recommendation journeys walk it",
        ["/children/{childId:guid}/plans/{planId:guid}/answers/{responseId:guid}/reply"] = "needs a family answer waiting for a reply; the plan journeys walk it",
        ["/children/{childId:guid}/plans/{planId:guid}/agree"] = "offered once every family answer has a reply; the plan journeys walk it",
        ["/children/{childId:guid}/plans/{planId:guid}/answer"] = "offered while a shared plan waits for the family; the plan journeys walk it",
        ["/children/{childId:guid}/meetings/{meetingId:guid}/feedback"] = "offered after a meeting whose record the family agreed; the meeting journeys walk it",
        ["/children/{childId:guid}/meetings/{meetingId:guid}/record/versions/{number:int}"] = "offered once a record has more than one version",
        ["/children/{childId:guid}/advice/{requestId:guid}/missed-appointment"] = "offered for advice that needs an appointment; the advice tests record one",
        ["/children/{childId:guid}/access-requests"] = "offered while someone asks the family for access; the access request tests answer one",
        ["/children/{childId:guid}/ask-for-access"] = "offered to a team member who is not shared a part; the access request tests ask",
        ["/children/{childId:guid}/concerns/{concernId:guid}/resolved"] = "offered once the owner says a concern is resolved; the concern journeys confirm one",
        ["/children/{childId:guid}/meetings/{meetingId:guid}/record/share"] = "offered while a record is a draft; the meeting journeys share one",
        ["/children/{childId:guid}/emergency-access/{handler?}"] = "reached by finding a child by name on the emergency access page; the emergency access journey walks it",
        ["/organisation/concerns/{concernId:guid}"] = "offered to an organisation's leads for a concern waiting in its inbox",
    };

    [Fact]
    public async Task Every_page_fits_a_phone_and_a_desktop_and_passes_the_accessibility_scan()
    {
        var routes = Routes();
        var found = new Dictionary<string, List<(string Url, string Who, int Status)>>();
        var problems = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var people = new List<(string Who, IPage Page)>();
        var errors = new List<string>();

        people.Add(("someone not signed in", await browser.NewPageAsync(errors)));
        foreach (var account in DemoData.Accounts)
        {
            var page = await browser.NewPageAsync(errors);
            await Steps.SignInAsync(page, account.Email, DemoData.Password);
            people.Add((account.Name, page));
        }

        foreach (var (who, page) in people)
        {
            string[] starts = who == people[0].Who
                ? ["/", "/sign-in", "/register", "/register/check-your-email", "/forgotten-password", "/check-your-dates", "/check-your-dates/needs-assessment", "/signed-out", "/error/404"]
                : ["/", "/children", "/sign-out"];
            await CrawlAsync(page, who, starts, routes, found);
        }

        var notFound = routes.Keys.Where(r => !found.ContainsKey(r) && !NotReachedByLinks.ContainsKey(r)).ToList();
        Assert.True(notFound.Count == 0, $"No demo person reached these pages by following links:\n{string.Join('\n', notFound)}");

        // Each page once, and every person's home page, as each sees it.
        var visits = found.SelectMany(f => f.Key is "/children" ? f.Value : f.Value.Take(1)).Where(v => v.Url is not null).Distinct().ToList();
        // Each person's pages in their own tab, a few people at once: the scans, not the app, take the time.
        using var running = new SemaphoreSlim(3);
        await Task.WhenAll(visits.GroupBy(v => v.Who).Select(async mine =>
        {
            await running.WaitAsync();
            try
            {
                var page = people.Single(p => p.Who == mine.Key).Page;
                foreach (var (url, who, status) in mine)
                {
                    await CheckAsync(page, url, who, status, problems);
                }
            }
            finally
            {
                running.Release();
            }
        }));

        foreach (var error in errors)
        {
            problems.Enqueue(error);
        }

        Assert.True(problems.IsEmpty, $"{problems.Count} problems on {visits.Count} pages:\n{string.Join("\n", problems)}");
    }

    /// <summary>The page at a phone's width and then a desktop's: nothing wider than the screen, nothing axe-core finds.</summary>
    private static async Task CheckAsync(IPage page, string url, string who, int status, System.Collections.Concurrent.ConcurrentQueue<string> problems)
    {
        await page.SetViewportSizeAsync(PhoneWidth, 800);
        var response = await page.GotoAsync(url);
        if (response is null || response.Status != status)
        {
            problems.Enqueue($"{url} as {who}: status {response?.Status}, not {status} as when it was found");
            return;
        }

        // Sent compressed, and small enough for a phone on a weak signal.
        if (await response.HeaderValueAsync("content-encoding") is not ("br" or "gzip"))
        {
            problems.Enqueue($"{url} as {who}: not sent compressed");
        }

        if ((await response.Request.SizesAsync()).ResponseBodySize is var bytes and > MostCompressedPageBytes)
        {
            problems.Enqueue($"{url} as {who}: {bytes / 1024} KB compressed, over {MostCompressedPageBytes / 1024} KB");
        }

        foreach (var width in new[] { PhoneWidth, DesktopWidth })
        {
            await page.SetViewportSizeAsync(width, 800);
            if (await WiderThanScreenAsync(page) is { } wide)
            {
                problems.Enqueue($"{url} as {who} at {width}px scrolls sideways: {wide}");
            }

            try
            {
                await page.AssertAccessibleAsync();
            }
            catch (Xunit.Sdk.XunitException failed)
            {
                problems.Enqueue($"{url} as {who} at {width}px: {failed.Message}");
            }
        }
    }

    /// <summary>Follows every link on the person's pages, keeping up to a few addresses for each page of the matrix.</summary>
    private static async Task CrawlAsync(IPage page, string who, string[] starts, Dictionary<string, Regex> routes, Dictionary<string, List<(string Url, string Who, int Status)>> found)
    {
        var queue = new Queue<string>(starts);
        var seen = new HashSet<string>(starts, StringComparer.Ordinal);
        var mine = new Dictionary<string, int>();
        while (queue.TryDequeue(out var address))
        {
            // Where a redirect lands is the page a person sees; an error page is a page only where it was asked for.
            var response = await page.APIRequest.GetAsync(address);
            var url = new Uri(response.Url).AbsolutePath;
            var route = routes.FirstOrDefault(r => r.Value.IsMatch(url)).Key;
            if (route is null || (response.Status != (int)HttpStatusCode.OK && !(starts.Contains(address) && IsHtml(response))))
            {
                continue;
            }

            found.TryAdd(route, []);
            found[route].Add((IsHtml(response) ? url : null!, who, response.Status));
            if (!IsHtml(response))
            {
                continue;
            }

            foreach (Match link in Href().Matches(await response.TextAsync()))
            {
                var next = WebUtility.HtmlDecode(link.Groups[1].Value).Split('#')[0].Split('?')[0];
                if (next.Length == 0 || !next.StartsWith('/') || next.StartsWith("//", StringComparison.Ordinal) || next.StartsWith("/assets/", StringComparison.Ordinal)
                    || !seen.Add(next) || routes.FirstOrDefault(r => r.Value.IsMatch(next)).Key is not { } nextRoute
                    || mine.GetValueOrDefault(nextRoute) >= UrlsPerRoute)
                {
                    continue;
                }

                mine[nextRoute] = mine.GetValueOrDefault(nextRoute) + 1;
                queue.Enqueue(next);
            }
        }
    }

    private static bool IsHtml(IAPIResponse response) =>
        response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal);

    /// <summary>What sticks out past the right edge of the screen, if anything: the deepest elements that do.</summary>
    private static async Task<string?> WiderThanScreenAsync(IPage page) => await page.EvaluateAsync<string?>("""
        () => {
          const root = document.documentElement;
          if (root.scrollWidth <= root.clientWidth) return null;
          const wide = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > root.clientWidth + 1));
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
          return `${root.scrollWidth}px wide; ` + wide.slice(0, 4).map(name).join(', ');
        }
        """);

    /// <summary>Every page a browser opens (GET) in permissions.json, as a pattern its addresses match.</summary>
    private static Dictionary<string, Regex> Routes()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "permissions.json")))
        {
            folder = folder.Parent ?? throw new FileNotFoundException("permissions.json was not found above the test folder.");
        }

        using var matrix = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.FullName, "permissions.json")));
        return matrix.RootElement.GetProperty("endpoints").EnumerateArray()
            .Where(e => e.GetProperty("methods").EnumerateArray().Any(m => m.GetString() == "GET"))
            .Select(e => e.GetProperty("route").GetString()!)
            .ToDictionary(r => r, ToRegex);
    }

    /// <summary>A route template as a pattern: literal text as it is, each parameter by its constraint, optional ones with their slash.</summary>
    private static Regex ToRegex(string route)
    {
        var pattern = new System.Text.StringBuilder("^");
        var at = 0;
        foreach (Match parameter in Parameter().Matches(route))
        {
            pattern.Append(Regex.Escape(route[at..parameter.Index]));
            var constraint = parameter.Groups["constraint"].Value;
            var value = constraint switch
            {
                "guid" => "[0-9a-f-]{36}",
                "int" => "[0-9]+",
                _ when constraint.StartsWith("regex(^", StringComparison.Ordinal) => constraint["regex(^".Length..^"$)".Length],
                _ => "[^/]+",
            };
            var slash = parameter.Groups["slash"].Success ? "/" : "";
            pattern.Append(parameter.Groups["optional"].Success ? $"(?:{slash}{value})?" : slash + value);
            at = parameter.Index + parameter.Length;
        }

        pattern.Append(Regex.Escape(route[at..])).Append('$');
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"(?<slash>/)?\{(?<name>[a-zA-Z]+)(?::(?<constraint>regex\(\^.*?\$\)|[^}?]+))?(?<optional>\?)?}")]
    private static partial Regex Parameter();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
