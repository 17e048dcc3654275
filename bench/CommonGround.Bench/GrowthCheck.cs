namespace CommonGround.Bench;

/// <summary>
/// The same list pages for caseworkers alike in all but the size of their caseload (40, 600 and 3,000 children), each
/// showing its first page of 25: a paged list should cost about the same for each, as it shows the same amount.
/// </summary>
internal static class GrowthCheck
{
    /// <summary>The largest caseload's median may be at most this many times the smallest's.</summary>
    public const double MostGrowth = 2;

    private static readonly (string Name, string Url)[] Pages =
    [
        ("Children I work with", "/children"),
        ("What I owe", "/what-i-owe"),
        ("Advice asked of me", "/advice-asked"),
        ("Needs attention", "/attention"),
    ];

    /// <summary>
    /// The check on its own, for tuning a list: the one-query page and every list for every caseload are asked for as
    /// many times as the full run asks for every page before timing any, then the one-query page is timed as there
    /// (<see cref="TimedPage.MeasureAsBaselineAsync"/>).
    /// </summary>
    public static async Task<int> RunAloneAsync(BenchApp app, BenchPeople people, int requests)
    {
        var professional = await app.SignedInClientAsync(people.Professional, BenchData.Password);
        var oneQuery = TimedPage.OneQuery(professional, people);
        await oneQuery.WarmUpAsync();
        foreach (var (_, email) in people.Caseloads)
        {
            var client = await app.SignedInClientAsync(email, BenchData.Password);
            foreach (var (name, url) in Pages)
            {
                await new TimedPage(name, client, url, PageKind.List).WarmUpAsync();
            }
        }

        Console.WriteLine();
        var baseline = await oneQuery.MeasureAsBaselineAsync(requests);
        return await RunAsync(app, people, baseline, Math.Max(30, requests / 3));
    }

    /// <summary>Prints each page's median for each caseload and returns how many pages missed a goal.</summary>
    public static async Task<int> RunAsync(BenchApp app, BenchPeople people, PageFigures baseline, int requests)
    {
        var clients = new List<(int Caseload, HttpClient Client)>();
        foreach (var (caseload, email) in people.Caseloads)
        {
            clients.Add((caseload, await app.SignedInClientAsync(email, BenchData.Password)));
        }

        var most = PageKind.List.MostTimesOneQuery();
        Console.WriteLine();
        Console.WriteLine($"Growth with the caseload: the first page of each list for caseworkers on {string.Join(", ", clients.Select(c => $"{c.Caseload:N0}"))} children's teams, " +
            $"{requests} requests each one at a time. Goals: each within {most}x the one-query page; the largest caseload's at most {MostGrowth}x the smallest's.");
        Console.WriteLine($"{"Page",-48} " + string.Join(" ", clients.Select(c => $"{c.Caseload.ToString("N0") + " children",16}")) + $" {"largest/smallest",17}");
        var failures = 0;
        foreach (var (name, url) in Pages)
        {
            var medians = new List<double>();
            foreach (var (caseload, client) in clients)
            {
                medians.Add(TimedPage.Percentile(await new TimedPage(name, client, url, PageKind.List).OneAtATimeAsync(requests), 0.5));
            }

            var growth = medians[^1] / medians[0];
            var missed = new List<string>();
            if (medians.Any(m => m / baseline.Median > most))
            {
                missed.Add($"over {most}x the one-query page");
            }

            if (growth > MostGrowth)
            {
                missed.Add($"grows over {MostGrowth}x with the caseload");
            }

            failures += missed.Count == 0 ? 0 : 1;
            Console.WriteLine($"{name,-48} " + string.Join(" ", medians.Select(m => $"{$"{m:N1}ms {m / baseline.Median:N1}x",16}")) + $" {growth,16:N2}x" +
                (missed.Count == 0 ? "" : $"  <-  MISSED: {string.Join("; ", missed)}"));
        }

        return failures;
    }
}
