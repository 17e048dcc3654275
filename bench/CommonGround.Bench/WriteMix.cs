using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Bench;

/// <summary>
/// People changing records at the same time, as a busy morning would have them: families raising concerns and writing
/// to their child's key worker, a therapist recording the sessions they gave. Each person fetches the form (not timed),
/// sends it and is timed until it redirects, again and again for the whole run. The same people first change records
/// for <see cref="WarmUp"/> untimed, as every page is asked for before any is timed: a server runs warm, and the
/// runtime is still compiling the forms' code for the first 40 seconds or more of load in a new process.
/// </summary>
internal static partial class WriteMix
{
    public const int Users = 32;
    public static readonly TimeSpan Length = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(45);

    public static double MostP95Milliseconds(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? 200 : 500;

    /// <summary>One person: what they do, and the page whose form they send (each form posts back to its own page).</summary>
    private sealed record Writer(string Kind, HttpClient Client, string Url, Func<int, Dictionary<string, string>> Fields);

    /// <summary>Runs the mix, prints what it did and returns whether it met its goals.</summary>
    public static async Task<bool> RunAsync(BenchApp app, Func<CommonGroundDbContext> newContext, BenchPeople people, DatabaseProvider provider)
    {
        var today = TimeProvider.System.TodayInUk();
        var writers = new List<Writer>();
        await using (var db = newContext())
        {
            // Families other than the one whose pages are timed, each with their own child.
            var families = await db.FamilyMembers.AsNoTracking()
                .Join(db.Users, f => f.UserAccountId, u => u.Id, (f, u) => new { f.ChildId, u.Email })
                .Where(f => f.Email!.StartsWith("parent."))
                .OrderBy(f => f.Email).Take(Users - Users / 3).ToListAsync();
            var professional = await db.Users.Where(u => u.Email == people.Professional)
                .Join(db.Professionals, u => u.Id, p => p.UserAccountId, (u, p) => p.Id).SingleAsync();
            var owed = await db.Commitments.AsNoTracking().Where(c => c.OwnerProfessionalId == professional && c.ChildId != people.BusyChild)
                .OrderBy(c => c.ChildId).Select(c => new { c.Id, c.ChildId }).ToListAsync();
            var deliveries = owed.DistinctBy(c => c.ChildId).Take(Users / 3).ToList();

            for (var i = 0; i < families.Count; i++)
            {
                var (child, client) = (families[i].ChildId, await app.SignedInClientAsync(families[i].Email!, BenchData.Password));
                writers.Add(i % 2 == 0
                    ? new Writer("Raising a concern", client, $"/children/{child}/concerns/new", n => new()
                    {
                        ["Input.Topic"] = $"Lunchtimes, week {n}", ["Input.About"] = "Education", ["Input.Urgency"] = "Standard", ["Input.Owner"] = "key-worker",
                        ["Input.WhatIsHappening"] = "They are eating alone most days and come home hungry.", ["Input.WhatWouldHelp"] = "A quiet table with a friend.",
                    })
                    : await ConversationAsync(client, child));
            }

            foreach (var commitment in deliveries)
            {
                var client = await app.SignedInClientAsync(people.Professional, BenchData.Password);
                var url = $"/children/{commitment.ChildId}/commitments/{commitment.Id}/deliveries/new";
                writers.Add(new Writer("Recording a delivery", client, url, _ => new()
                {
                    ["Input.Date.Day"] = today.Day.ToString(), ["Input.Date.Month"] = today.Month.ToString(), ["Input.Date.Year"] = today.Year.ToString(),
                    ["Input.Delivered"] = "true", ["Input.Quantity"] = "1",
                }));
            }
        }

        var warming = await SendForAsync(writers, WarmUp, firstChange: 0);
        var warmingErrors = warming.Count(t => !t.Ok);
        var clock = Stopwatch.StartNew();
        var cpuBefore = CpuUse.Now();
        var times = await SendForAsync(writers, Length, firstChange: warming.Count);
        var elapsed = clock.Elapsed;
        var cpu = CpuUse.PerEach(cpuBefore, CpuUse.Now(), times.Count, elapsed);
        var seconds = elapsed.TotalSeconds;

        var most = MostP95Milliseconds(provider);
        var all = times.Select(t => t.Milliseconds).ToArray();
        var errors = times.Count(t => !t.Ok) + warmingErrors;
        var p95 = TimedPage.Percentile(all, 0.95);
        var ok = errors == 0 && p95 < most;
        Console.WriteLine();
        Console.WriteLine($"Write mix: {writers.Count} people at once for {Length.TotalSeconds:N0} s, after {WarmUp.TotalSeconds:N0} s untimed to warm up " +
            $"({warming.Count:N0} sent, median {TimedPage.Percentile(warming.Select(t => t.Milliseconds).ToArray(), 0.5):N1} ms, {warmingErrors} errors). Goals: no errors, p95 under {most} ms on {provider}.");
        foreach (var kind in times.GroupBy(t => t.Kind))
        {
            var each = kind.Select(t => t.Milliseconds).ToArray();
            Console.WriteLine($"  {kind.Key,-24} {each.Length,6:N0} sent, median {TimedPage.Percentile(each, 0.5),6:N1} ms, p95 {TimedPage.Percentile(each, 0.95),6:N1} ms, {kind.Count(t => !t.Ok)} errors");
        }

        Console.WriteLine($"  {"All",-24} {all.Length,6:N0} sent, {all.Length / seconds:N0} a second, median {TimedPage.Percentile(all, 0.5):N1} ms, p95 {p95:N1} ms, {errors} errors: " +
            (ok ? "within budget" : "OVER BUDGET"));
        // Each change here is its form fetched and sent; on SQLite the database is part of this process.
        Console.WriteLine($"  Processor time per change, its form included: {cpu.Process:N1} ms in this process (the app and the benchmark's clients)"
            + (cpu.Elsewhere is { } elsewhere ? $", {elsewhere:N1} ms in the rest of the machine{(provider == DatabaseProvider.Postgres ? " (mostly the database server)" : "")}" : ""));
        foreach (var error in warming.Concat(times).Where(t => t.Error is not null).GroupBy(t => t.Error).Take(5))
        {
            Console.WriteLine($"  {error.Count()} x {error.Key}");
        }

        return ok;
    }

    /// <summary>Every person changing records, one change after another, for so long; each change's number follows <paramref name="firstChange"/>.</summary>
    private static async Task<List<(string Kind, double Milliseconds, bool Ok, string? Error)>> SendForAsync(List<Writer> writers, TimeSpan length, int firstChange)
    {
        var times = new List<(string Kind, double Milliseconds, bool Ok, string? Error)>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(writers.Select(writer => Task.Run(async () =>
        {
            for (var n = firstChange; clock.Elapsed < length; n++)
            {
                var result = await SendAsync(writer, n);
                lock (times)
                {
                    times.Add((writer.Kind, result.Milliseconds, result.Error is null, result.Error));
                }
            }
        })));
        return times;
    }

    /// <summary>A family's conversation with the key worker: started once, then written to again and again.</summary>
    private static async Task<Writer> ConversationAsync(HttpClient client, Guid child)
    {
        var form = await client.GetStringAsync($"/children/{child}/conversations/new");
        using var started = await client.PostAsync($"/children/{child}/conversations/new", new FormUrlEncodedContent(WithTokens(form, new()
        {
            ["Input.Subject"] = "Getting ready for the school trip", ["Input.Text"] = "Could we talk about what the day will look like?",
        })));
        var conversation = started.StatusCode == HttpStatusCode.Redirect && started.Headers.Location is { } location
            ? location.OriginalString
            : throw new InvalidOperationException($"Starting a conversation gave {(int)started.StatusCode}");
        return new Writer("Sending a message", client, conversation, n => new() { ["Input.Text"] = $"Thank you. One more question ({n}): what time do they leave?" });
    }

    private static async Task<(double Milliseconds, string? Error)> SendAsync(Writer writer, int n)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var form = await writer.Client.GetStringAsync(writer.Url);
            var fields = new FormUrlEncodedContent(WithTokens(form, writer.Fields(n)));
            started = Stopwatch.GetTimestamp();
            using var response = await writer.Client.PostAsync(writer.Url, fields);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return response.StatusCode == HttpStatusCode.Redirect
                ? (elapsed, null)
                : (elapsed, $"{writer.Kind} gave {(int)response.StatusCode}{ErrorIn(await response.Content.ReadAsStringAsync())}");
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
        {
            return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, $"{writer.Kind} failed: {e.GetType().Name}");
        }
    }

    /// <summary>The form's anti-forgery token and its one-time id, as a browser sends them back.</summary>
    private static Dictionary<string, string> WithTokens(string form, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Forms.TokenIn(form);
        if (FormId().Match(form) is { Success: true } id)
        {
            fields["__FormId"] = id.Groups[1].Value;
        }

        return fields;
    }

    private static string ErrorIn(string page) => ErrorSummary().Match(page) is { Success: true } summary ? $": {Regex.Replace(summary.Groups[1].Value, "<[^>]+>|\\s+", " ").Trim()}" : "";

    [GeneratedRegex("name=\"__FormId\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FormId();

    [GeneratedRegex("class=\"govuk-error-summary__list\">(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummary();
}
