using CommonGround.Core.Access;
using CommonGround.Core.Notifications;
using CommonGround.Core.Attention;
using System.Diagnostics;
using System.Text.RegularExpressions;
using CommonGround.Bench;
using CommonGround.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

/// <summary>Generates an area's worth of data, starts the app on it and measures its busiest pages against their budgets.</summary>
internal static class Harness
{
    private const double AttentionEveryChildBudgetSeconds = 10;
    private const double AttentionNothingChangedBudgetSeconds = 1;

    public static async Task<int> Main(string[] args)
    {
        if (args is ["--timescales", ..])
        {
            return TimelineBenchmarks.Run(args[1..]);
        }

        if (args is ["--language"])
        {
            return LanguageBenchmarks.Run();
        }

        Options options;
        try
        {
            if (Options.Parse(args) is not { } parsed)
            {
                Console.Error.WriteLine(Options.Usage);
                return 2;
            }

            options = parsed;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Options.Usage);
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"commonground-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        string connectionString;
        string? postgresDatabase = null;
        if (options.Provider == DatabaseProvider.Postgres)
        {
            postgresDatabase = $"cg_bench_{Guid.NewGuid():N}";
            await using (var server = new NpgsqlConnection(options.PostgresServer))
            {
                await server.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{postgresDatabase}\"", server);
                await create.ExecuteNonQueryAsync();
            }

            connectionString = new NpgsqlConnectionStringBuilder(options.PostgresServer) { Database = postgresDatabase }.ConnectionString;
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(folder, "commonground.db")}";
        }

        CommonGroundDbContext NewContext()
        {
            var builder = new DbContextOptionsBuilder<CommonGroundDbContext>();
            DatabaseSetup.Configure(builder, options.Provider, connectionString);
            return new CommonGroundDbContext(builder.Options);
        }

        Console.WriteLine($"CommonGround benchmark: {options.Children:N0} children on {options.Provider}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var clock = Stopwatch.StartNew();
        await using (var db = NewContext())
        {
            await DatabaseSetup.MigrateAsync(db, NullLogger.Instance);
        }

        var people = await new BenchData(NewContext, options.Children).GenerateAsync(step => Console.WriteLine($"  generated {step} ({clock.Elapsed.TotalSeconds:N0} s)"));
        await using (var db = NewContext())
        {
            // Both databases plan queries from statistics; gather them as a real database would have.
            await db.Database.ExecuteSqlRawAsync("ANALYZE");

            Console.WriteLine($"  {await db.Children.CountAsync():N0} children, {await db.TeamMembers.CountAsync():N0} team places, {await db.SharingConsents.CountAsync():N0} sharing decisions, " +
                $"{await db.ProfileSections.CountAsync():N0} About me sections, {await db.AccessLog.CountAsync():N0} views logged, {await db.AuditEvents.CountAsync():N0} changes, " +
                $"{await db.Commitments.CountAsync():N0} commitments, {await db.DeliveryRecords.CountAsync():N0} delivery records, " +
                $"{await db.StatutoryProcesses.CountAsync():N0} needs assessments with {await db.StatutoryEvents.CountAsync():N0} events");
        }

        // The periodic attention run: from nothing; again later the same day with nothing changed (only children whose
        // records changed since the last run are looked at, and the data was made half an hour before); and the first
        // run of the next day, which looks again at each child's groups of rules whose day to be worked out again has come.
        var recomputeFailures = 0;
        await using (var db = NewContext())
        {
            foreach (var (run, time, budget) in new (string, TimeProvider, double)[]
            {
                ("from nothing", new Later(TimeSpan.FromMinutes(30)), AttentionEveryChildBudgetSeconds),
                ("again the same day, nothing changed", new Later(TimeSpan.FromMinutes(45)), AttentionNothingChangedBudgetSeconds),
                ("the next day's first run", new Later(TimeSpan.FromDays(1)), AttentionEveryChildBudgetSeconds),
            })
            {
                // The job's own parts, as the app composes them, on this run's clock.
                await using var services = new ServiceCollection()
                    .AddDbContext<CommonGroundDbContext>(o => DatabaseSetup.Configure(o, options.Provider, connectionString))
                    .AddSingleton(time).AddScoped<ChildReadLog>().AddLogging()
                    .AddScoped<AccessService>().AddScoped<Notifier>().AddScoped<StatutoryWarnings>().AddScoped<AttentionSignals>().AddScoped<AttentionJob>()
                    .BuildServiceProvider();
                await using var scope = services.CreateAsyncScope();
                var job = scope.ServiceProvider.GetRequiredService<AttentionJob>();
                var timer = Stopwatch.StartNew();
                var done = await job.RefreshAreaAsync(people.AreaId);
                var seconds = timer.Elapsed.TotalSeconds;
                var ok = seconds < budget;
                recomputeFailures += ok ? 0 : 1;
                Console.WriteLine($"  attention signals for {options.Children:N0} children, {run}: {seconds:N1} s, {done?.Children:N0} children looked at, " +
                    $"{done?.SignalsChanged:N0} rows changed (budget < {budget} s: {(ok ? "within budget" : "OVER BUDGET")})");
            }

            Console.WriteLine($"  {await db.AttentionSignals.CountAsync():N0} signals, from {await db.Concerns.CountAsync():N0} concerns, {await db.Messages.CountAsync():N0} messages and {await db.Meetings.CountAsync():N0} meetings");
        }

        recomputeFailures += await RecordExportBenchmark.RunAsync(NewContext, people) ? 0 : 1;

        Console.WriteLine($"Data ready in {clock.Elapsed.TotalSeconds:N0} s. Starting the app in this process.");
        int exitCode;
        await using (var app = new BenchApp(options.Provider, connectionString, folder))
        {
            var failures = options.GrowthOnly ? await GrowthCheck.RunAloneAsync(app, people, options.Requests)
                : (options.WriteMixOnly ? 0 : await TimePagesAsync(app, people, options.Requests))
                    + (await WriteMix.RunAsync(app, NewContext, people, options.Provider) ? 0 : 1);

            exitCode = failures + recomputeFailures == 0 ? 0 : 1;
        }

        if (options.Keep)
        {
            Console.WriteLine($"Kept the database: {(postgresDatabase is null ? connectionString : $"PostgreSQL database {postgresDatabase}")}");
        }
        else
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            if (postgresDatabase is not null)
            {
                await using var server = new NpgsqlConnection(options.PostgresServer);
                await server.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE \"{postgresDatabase}\" WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync();
            }
        }

        return exitCode;
    }

    /// <summary>Times every page against the one-query page, the growth with the caseload, and one change; returns how many missed a goal.</summary>
    private static async Task<int> TimePagesAsync(BenchApp app, BenchPeople people, int requests)
    {
        var professional = await app.SignedInClientAsync(people.Professional, BenchData.Password);
        var parent = await app.SignedInClientAsync(people.Parent, BenchData.Password);
        var lead = await app.SignedInClientAsync(people.Lead, BenchData.Password);
        var keyWorker = await app.SignedInClientAsync(people.KeyWorker, BenchData.Password);
        var caseworker = await app.SignedInClientAsync(people.Caseworker, BenchData.Password);
        // The first commitment the professional's list links to: one they can see, as they would pick it.
        var commitments = $"/children/{people.ProfessionalsChild}/commitments";
        var commitmentPage = Regex.Match(await professional.GetStringAsync(commitments), $"href=\"({Regex.Escape(commitments)}/[0-9a-f-]{{36}})\"") is { Success: true } first
            ? first.Groups[1].Value
            : throw new InvalidOperationException("The professional's commitments page links to no commitment");
        var child = $"/children/{people.ProfessionalsChild}";
        var oneQuery = TimedPage.OneQuery(professional, people);
        TimedPage[] pages =
        [
            new("Child's overview (professional)", professional, child, PageKind.OneChild),
            new("About me (professional)", professional, $"{child}/about-me", PageKind.OneChild),
            new("What is happening (parent)", parent, $"/children/{people.BusyChild}/whats-happening", PageKind.OneChild),
            new($"Who has seen ({BenchData.BusyChildViews:N0} views)", parent, $"/children/{people.BusyChild}/who-has-seen", PageKind.OneChild),
            new($"Commitments ({BenchData.BusyChildCommitments}, {BenchData.BusyChildDeliveries:N0} deliveries)", professional, commitments, PageKind.OneChild),
            new("Support plans (parent)", parent, $"/children/{people.BusyChild}/plans", PageKind.OneChild),
            new("Support plan with its delivery (parent)", parent, $"/children/{people.BusyChild}/plans/{people.BusyChildPlan}", PageKind.OneChild),
            new("Support plan, Health lines (professional)", professional, $"/children/{people.BusyChild}/plans/{people.BusyChildPlan}", PageKind.OneChild),
            new($"Children I work with ({BenchData.ProfessionalsTeams} teams)", professional, "/children", PageKind.List),
            new($"What I owe ({BenchData.ProfessionalsTeams} children)", professional, "/what-i-owe", PageKind.List),
            new($"Advice asked of me ({BenchData.ProfessionalsTeams} requests)", professional, "/advice-asked", PageKind.List),
            new($"Needs attention (key worker, {BenchData.KeyWorkersChildren} children)", keyWorker, "/attention", PageKind.List),
            new($"Needs attention (caseworker, {BenchData.CaseworkersChildren} children)", caseworker, "/attention", PageKind.List),
            new("Needs attention (caseworker, page 2)", caseworker, "/attention?page=2", PageKind.List),
            new("Needs attention (lead: overdue concerns)", lead, "/attention", PageKind.List),
            new("Timeliness report (area, this year)", lead, "/organisation/timeliness", PageKind.List),
            new("Timeliness report with its late list", lead, "/organisation/timeliness?list=Late", PageKind.List),
        ];

        Console.WriteLine();
        Console.WriteLine($"Each page: {requests} requests one at a time, then {requests} shared by {TimedPage.AtOnce} clients at once, after every page has been asked for {TimedPage.WarmUpRequests} times to warm the app up.");
        Console.WriteLine($"Goals: a page about one child within {PageKind.OneChild.MostTimesOneQuery()}x the one-query page (median one at a time, and throughput at once), " +
            $"a list within {PageKind.List.MostTimesOneQuery()}x; p95 under {TimedPage.MostP95AtOnceMilliseconds} ms with {TimedPage.AtOnce} at once; no errors; under {TimedPage.MostCompressedKilobytes} KB compressed.");
        Console.WriteLine();
        Console.WriteLine($"{"Page",-48} {"median",8} {"x",6} {"p95",8} | {"req/s",7} {"x",6} {"p95",8} | {"KB",5}");
        // Every page is asked for many times before any is timed: a server runs warm, and otherwise the first pages
        // timed would carry the runtime's compiling of code that the pages timed after them share.
        foreach (var page in pages.Prepend(oneQuery))
        {
            await page.WarmUpAsync();
        }

        var baseline = await oneQuery.MeasureAsBaselineAsync(requests);
        var failures = 0;
        foreach (var page in pages)
        {
            var figures = await page.MeasureAsync(requests);
            var missed = page.Missed(figures, baseline);
            failures += missed.Count == 0 ? 0 : 1;
            Console.WriteLine(figures.Line(page.Name, baseline, missed.Count == 0) + (missed.Count == 0 ? "" : $"  MISSED: {string.Join("; ", missed)}"));
        }

        failures += await GrowthCheck.RunAsync(app, people, baseline, Math.Max(30, requests / 3));

        // A change, as people make them all day: the form is fetched first (not timed), then the POST is timed to its redirect.
        var comment = new PostBudget("Comment on a commitment (POST)", professional, commitmentPage, $"{commitmentPage}/comments",
            new Dictionary<string, string> { ["Input.Text"] = "Session went ahead as planned; next one on Tuesday." }, 50, 150);
        var (postMedian, postP95) = await comment.MeasureAsync(requests);
        var postOk = postMedian < comment.MedianBudget && postP95 < comment.P95Budget;
        failures += postOk ? 0 : 1;
        Console.WriteLine();
        Console.WriteLine($"{comment.Name,-48} {postMedian,6:N1}ms {postP95,6:N1}ms   median < {comment.MedianBudget}, p95 < {comment.P95Budget}: {(postOk ? "within budget" : "OVER BUDGET")}");
        return failures;
    }
}

/// <summary>Which goal a page is held to: a page about one child, or a list of a person's children or work.</summary>
internal enum PageKind
{
    OneChild,
    List,
}

internal static class PageKinds
{
    public static double MostTimesOneQuery(this PageKind kind) => kind == PageKind.OneChild ? 5 : 8;
}

/// <summary>What one page measured: one request at a time, then many at once, and how big it is compressed.</summary>
internal sealed record PageFigures(double Median, double P95, double RequestsPerSecond, double P95AtOnce, int Errors, double CompressedKilobytes)
{
    public double TimesMedian(PageFigures baseline) => Median / baseline.Median;

    public double TimesThroughput(PageFigures baseline) => baseline.RequestsPerSecond / RequestsPerSecond;

    public string Line(string name, PageFigures baseline, bool goalsMet) =>
        $"{name,-48} {Median,6:N1}ms {TimesMedian(baseline),5:N1}x {P95,6:N1}ms | {RequestsPerSecond,7:N0} {TimesThroughput(baseline),5:N1}x {P95AtOnce,6:N1}ms | {CompressedKilobytes,5:N0}" +
        (Errors > 0 ? $"  {Errors} errors" : "") + (goalsMet ? "" : "  <-");
}

/// <summary>One page, measured one request at a time and then with many clients at once, after warming up.</summary>
internal sealed record TimedPage(string Name, HttpClient Client, string Url, PageKind Kind)
{
    public const int AtOnce = 16;
    public const double MostP95AtOnceMilliseconds = 100;
    public const double MostCompressedKilobytes = 100;

    public async Task<PageFigures> MeasureAsync(int requests)
    {
        var oneAtATime = await OneAtATimeAsync(requests);

        // The same number of requests again, shared by many clients sending at once, as a busy office would.
        var each = Math.Max(requests / AtOnce, 10);
        var atOnce = new double[each * AtOnce];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(client => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await TryGetAsync())
                {
                    Interlocked.Increment(ref errors);
                }

                atOnce[client * each + i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;

        using var compressed = new HttpRequestMessage(HttpMethod.Get, Url);
        compressed.Headers.AcceptEncoding.ParseAdd("br");
        using var response = await Client.SendAsync(compressed);
        var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;

        return new PageFigures(Percentile(oneAtATime, 0.5), Percentile(oneAtATime, 0.95), atOnce.Length / seconds, Percentile(atOnce, 0.95), errors, bytes / 1024.0);
    }

    /// <summary>The page every other is compared with: signing the request in and one statement.</summary>
    public static TimedPage OneQuery(HttpClient client, BenchPeople people) =>
        new("One-query page (what the others are compared with)", client, $"/bench/one-query/{people.ProfessionalsChild}", PageKind.OneChild);

    /// <summary>
    /// Times this page as the yardstick, once the pages have been warmed: twice, the first time to warm the many-at-once
    /// path (the thread pool grows to meet it), so the comparison starts from a warm process. Prints and returns the second.
    /// </summary>
    public async Task<PageFigures> MeasureAsBaselineAsync(int requests)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        await MeasureAsync(requests);
        var baseline = await MeasureAsync(requests);
        Console.WriteLine(baseline.Line(Name, baseline, goalsMet: true));
        return baseline;
    }

    /// <summary>Requests enough, one at a time, for the runtime to have compiled the page's code fully.</summary>
    public const int WarmUpRequests = 200;

    public async Task WarmUpAsync(int requests = WarmUpRequests)
    {
        for (var i = 0; i < requests; i++)
        {
            await GetAsync();
        }
    }

    /// <summary>How long each of so many requests took, one at a time, after warming up.</summary>
    public async Task<double[]> OneAtATimeAsync(int requests)
    {
        await WarmUpAsync(30);

        var times = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await GetAsync();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return times;
    }

    /// <summary>The goals this page missed, in a few words each; none when it met them all.</summary>
    public IReadOnlyList<string> Missed(PageFigures figures, PageFigures baseline)
    {
        var most = Kind.MostTimesOneQuery();
        var missed = new List<string>();
        if (figures.TimesMedian(baseline) > most)
        {
            missed.Add($"median over {most}x");
        }

        if (figures.TimesThroughput(baseline) > most)
        {
            missed.Add($"throughput under 1/{most}");
        }

        if (figures.P95AtOnce >= MostP95AtOnceMilliseconds)
        {
            missed.Add($"p95 at once over {MostP95AtOnceMilliseconds} ms");
        }

        if (figures.Errors > 0)
        {
            missed.Add("errors");
        }

        if (figures.CompressedKilobytes >= MostCompressedKilobytes)
        {
            missed.Add($"over {MostCompressedKilobytes} KB");
        }

        return missed;
    }

    /// <summary>The time under which this fraction of the requests answered (sorts the times in place).</summary>
    public static double Percentile(double[] times, double fraction)
    {
        Array.Sort(times);
        return times[(int)Math.Ceiling(times.Length * fraction) - 1];
    }

    private async Task GetAsync()
    {
        using var response = await Client.GetAsync(Url);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{Url} gave {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        }
    }

    private async Task<bool> TryGetAsync()
    {
        try
        {
            using var response = await Client.GetAsync(Url);
            await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
        {
            // The app failing outright counts as an error, as a person would see one.
            return false;
        }
    }
}

/// <summary>A form a person sends: each time, the form is fetched for its token (not timed), then the POST is timed until it redirects.</summary>
internal sealed record PostBudget(string Name, HttpClient Client, string FormUrl, string PostUrl, IReadOnlyDictionary<string, string> Fields, double MedianBudget, double P95Budget)
{
    public async Task<(double Median, double P95)> MeasureAsync(int requests)
    {
        for (var i = 0; i < 10; i++)
        {
            await PostAsync();
        }

        var times = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            times[i] = await PostAsync();
        }

        return (TimedPage.Percentile(times, 0.5), TimedPage.Percentile(times, 0.95));
    }

    private async Task<double> PostAsync()
    {
        var form = await Client.GetStringAsync(FormUrl);
        var fields = new Dictionary<string, string>(Fields) { ["__RequestVerificationToken"] = Forms.TokenIn(form) };
        var started = Stopwatch.GetTimestamp();
        using var response = await Client.PostAsync(PostUrl, new FormUrlEncodedContent(fields));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"{PostUrl} gave {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        }

        return elapsed;
    }
}

internal static partial class Forms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    public static partial Regex Token();

    public static string TokenIn(string html) =>
        Token().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No form token on the page");
}

/// <summary>The clock some time from now, for the attention run's later runs.</summary>
internal sealed class Later(TimeSpan by) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
}
