using CommonGround.Core.Access;
using CommonGround.Core.Notifications;
using CommonGround.Core.Attention;
using System.Diagnostics;
using System.Text.RegularExpressions;
using CommonGround.Bench;
using CommonGround.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

/// <summary>Generates an area's worth of data, starts the app on it and measures its busiest pages against their budgets.</summary>
internal static class Harness
{
    private const int AttentionRecomputeBudgetSeconds = 10;

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

        // Recomputing every child's attention signals: once from nothing, then again with them all in place.
        var recomputeFailures = 0;
        await using (var db = NewContext())
        {
            var time = TimeProvider.System;
            var warnings = new StatutoryWarnings(db, new AccessService(db, new ChildReadLog(), time), new Notifier(db, time), time);
            var job = new AttentionJob(db, new AttentionSignals(db, warnings, time, NullLogger<AttentionSignals>.Instance), time);
            foreach (var run in new[] { "from nothing", "again" })
            {
                var timer = Stopwatch.StartNew();
                var changed = await job.RefreshAreaAsync(people.AreaId);
                var seconds = timer.Elapsed.TotalSeconds;
                var ok = seconds < AttentionRecomputeBudgetSeconds;
                recomputeFailures += ok ? 0 : 1;
                Console.WriteLine($"  attention signals for {options.Children:N0} children, {run}: {seconds:N1} s, {changed:N0} rows changed " +
                    $"(budget < {AttentionRecomputeBudgetSeconds} s: {(ok ? "within budget" : "OVER BUDGET")})");
            }

            Console.WriteLine($"  {await db.AttentionSignals.CountAsync():N0} signals, from {await db.Concerns.CountAsync():N0} concerns, {await db.Messages.CountAsync():N0} messages and {await db.Meetings.CountAsync():N0} meetings");
        }

        recomputeFailures += await RecordExportBenchmark.RunAsync(NewContext, people) ? 0 : 1;

        Console.WriteLine($"Data ready in {clock.Elapsed.TotalSeconds:N0} s. Starting the app in this process.");
        int exitCode;
        await using (var app = new BenchApp(options.Provider, connectionString, folder))
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
            IMeasured[] pages =
            [
                new Budget("Child's overview (professional)", professional, $"/children/{people.ProfessionalsChild}"),
                new Budget("About me (professional)", professional, $"/children/{people.ProfessionalsChild}/about-me"),
                new Budget($"Children I work with ({BenchData.ProfessionalsTeams} teams)", professional, "/children"),
                new Budget($"Who has seen ({BenchData.BusyChildViews:N0} views)", parent, $"/children/{people.BusyChild}/who-has-seen"),
                new Budget($"Commitments ({BenchData.BusyChildCommitments}, {BenchData.BusyChildDeliveries:N0} deliveries)", professional, $"/children/{people.ProfessionalsChild}/commitments", 50, 150),
                new Budget($"What I owe ({BenchData.ProfessionalsTeams} children)", professional, "/what-i-owe", 50, 150),
                new Budget($"Advice asked of me ({BenchData.ProfessionalsTeams} requests)", professional, "/advice-asked"),
                new Budget("Support plans (parent)", parent, $"/children/{people.BusyChild}/plans"),
                new Budget("Support plan with its delivery (parent)", parent, $"/children/{people.BusyChild}/plans/{people.BusyChildPlan}"),
                new Budget("Support plan, Health lines (professional)", professional, $"/children/{people.BusyChild}/plans/{people.BusyChildPlan}"),
                new Budget("Timeliness report (area, this year)", lead, "/organisation/timeliness", 200, 400),
                new Budget("Timeliness report with its late list", lead, "/organisation/timeliness?list=Late", 200, 400),
                new Budget($"Needs attention (key worker, {BenchData.KeyWorkersChildren} children)", keyWorker, "/attention", 50, 150),
                new Budget($"Needs attention (caseworker, {BenchData.CaseworkersChildren} children)", caseworker, "/attention", 50, 150),
                new Budget($"Needs attention (caseworker, page 2)", caseworker, "/attention?page=2", 50, 150),
                new Budget("Needs attention (lead: overdue concerns)", lead, "/attention", 50, 150),
                // A change, as people make them all day: the form is fetched first (not timed), then the POST is timed to its redirect.
                new PostBudget("Comment on a commitment (POST)", professional, commitmentPage, $"{commitmentPage}/comments",
                    new Dictionary<string, string> { ["Input.Text"] = "Session went ahead as planned; next one on Tuesday." }, 50, 150),
            ];

            Console.WriteLine();
            Console.WriteLine($"{"Page",-44} {"median",8} {"p95",8}   budget (ms)");
            var failures = 0;
            foreach (var page in pages)
            {
                var (median, p95) = await page.MeasureAsync(options.Requests);
                var ok = median < page.MedianBudget && p95 < page.P95Budget;
                failures += ok ? 0 : 1;
                Console.WriteLine($"{page.Name,-44} {median,6:N1}ms {p95,6:N1}ms   median < {page.MedianBudget}, p95 < {page.P95Budget}: {(ok ? "within budget" : "OVER BUDGET")}");
            }

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
}

/// <summary>One page measured over many requests after warming up.</summary>
internal interface IMeasured
{
    string Name { get; }
    double MedianBudget { get; }
    double P95Budget { get; }
    Task<(double Median, double P95)> MeasureAsync(int requests);
}

internal sealed record Budget(string Name, HttpClient Client, string Url, double MedianBudget = 30, double P95Budget = 100) : IMeasured
{
    public async Task<(double Median, double P95)> MeasureAsync(int requests)
    {
        for (var i = 0; i < 30; i++)
        {
            await GetAsync();
        }

        var times = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await GetAsync();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[requests / 2], times[(int)Math.Ceiling(requests * 0.95) - 1]);
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
}

/// <summary>A form a person sends: each time, the form is fetched for its token (not timed), then the POST is timed until it redirects.</summary>
internal sealed record PostBudget(string Name, HttpClient Client, string FormUrl, string PostUrl, IReadOnlyDictionary<string, string> Fields, double MedianBudget, double P95Budget) : IMeasured
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

        Array.Sort(times);
        return (times[requests / 2], times[(int)Math.Ceiling(requests * 0.95) - 1]);
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
