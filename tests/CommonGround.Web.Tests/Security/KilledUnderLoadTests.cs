using System.Collections.Concurrent;
using System.Net;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests.Security;

/// <summary>
/// The app killed without warning while people read and write: a page that reached its reader is in the family's
/// "Who has seen", a change that was answered is kept with its audit event, and the app starts again on the same
/// database. The access log is written for many responses together, so this is what shows that sharing a write never
/// lets a page out before its views are stored.
/// </summary>
public sealed class KilledUnderLoadTests : IAsyncLifetime
{
    /// <summary>Pages sent before the kill, at the least, for it to count as under load.</summary>
    private const int PagesBeforeKill = 60;

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"cg-killed-{Guid.NewGuid():N}");
    private TestDatabase _database = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        await TestCast.AddIfEmptyAsync(db, new PasswordHasher<UserAccount>(), TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    /// <summary>One person reading one page again and again, several requests at a time.</summary>
    private sealed record Reader(string Email, string Name, string Child, string Path);

    [Fact]
    public async Task Killed_mid_load_every_page_that_arrived_has_its_view_logged_and_every_answered_change_is_kept()
    {
        Dictionary<string, Guid> children;
        await using (var db = _database.CreateContext())
        {
            children = await db.Children.ToDictionaryAsync(c => c.FirstName, c => c.Id);
        }

        Reader[] readers =
        [
            new("senco@example.org", "Priya Nair", "Samuel", ""),
            new("therapist@example.org", "Grace Okafor", "Samuel", "/about-me"),
            new("caseworker@example.org", "Tom Hughes", "Jordan", ""),
        ];
        var arrived = new ConcurrentDictionary<Reader, int>();
        var sent = new ConcurrentDictionary<Reader, int>();
        var answered = new ConcurrentBag<string>();
        var failures = new ConcurrentQueue<string>();
        var inFlight = 0;
        var killed = false;

        await using (var app = await AppProcess.StartAsync(_database, _dataFolder))
        {
            var loops = new List<Task>();
            foreach (var reader in readers)
            {
                var client = app.NewClient();
                await client.SignInAsync(reader.Email);
                var url = $"/children/{children[reader.Child]}{reader.Path}";
                for (var i = 0; i < 3; i++)
                {
                    loops.Add(Task.Run(async () =>
                    {
                        while (true)
                        {
                            Interlocked.Increment(ref inFlight);
                            sent.AddOrUpdate(reader, 1, (_, n) => n + 1);
                            try
                            {
                                // The status line is enough: the page has reached its reader, whatever becomes of the rest.
                                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                                if (response.StatusCode == HttpStatusCode.OK)
                                {
                                    arrived.AddOrUpdate(reader, 1, (_, n) => n + 1);
                                }
                                else
                                {
                                    failures.Enqueue($"{reader.Name} opening {url} was answered {(int)response.StatusCode}");
                                    return;
                                }

                                await response.Content.ReadAsStringAsync();
                            }
                            catch (Exception e) when (e is HttpRequestException or IOException)
                            {
                                if (!Volatile.Read(ref killed))
                                {
                                    failures.Enqueue($"{reader.Name} opening {url} failed before the kill: {e.Message}");
                                }

                                return;
                            }
                            finally
                            {
                                Interlocked.Decrement(ref inFlight);
                            }
                        }
                    }));
                }
            }

            // A parent raising concerns at the same time, each one a change the app either answered or did not.
            var parent = app.NewClient();
            await parent.SignInAsync("parent@example.org");
            loops.Add(Task.Run(async () =>
            {
                for (var n = 0; ; n++)
                {
                    var topic = $"Lunchtimes, note {n}";
                    try
                    {
                        var (response, _) = await parent.SubmitAsync($"/children/{children["Samuel"]}/concerns/new", new Dictionary<string, string>
                        {
                            ["Input.Topic"] = topic, ["Input.About"] = "Education", ["Input.Urgency"] = "Standard", ["Input.Owner"] = "key-worker",
                            ["Input.WhatIsHappening"] = "Sam is eating alone most days.", ["Input.WhatWouldHelp"] = "A quiet table with a friend.",
                        });
                        if (response.StatusCode == HttpStatusCode.Redirect)
                        {
                            answered.Add(topic);
                        }
                        else
                        {
                            failures.Enqueue($"Raising a concern was answered {(int)response.StatusCode}");
                            return;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
                    {
                        if (!Volatile.Read(ref killed))
                        {
                            failures.Enqueue($"Raising a concern failed before the kill: {e.Message}");
                        }

                        return;
                    }
                }
            }));

            var waited = System.Diagnostics.Stopwatch.StartNew();
            while ((arrived.Values.Sum() < PagesBeforeKill || answered.Count < 3) && failures.IsEmpty && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20);
            }

            Assert.True(failures.IsEmpty, $"{string.Join('\n', failures)}\n{app.Output}");
            Volatile.Write(ref killed, true);
            var inFlightAtKill = Volatile.Read(ref inFlight);
            app.KillAtOnce();
            await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(failures.IsEmpty, string.Join('\n', failures));
            Assert.True(arrived.Values.Sum() >= PagesBeforeKill && answered.Count >= 3,
                $"Only {arrived.Values.Sum()} pages and {answered.Count} concerns were answered in a minute");
            Assert.True(inFlightAtKill > 0, "Nothing was being asked for when the app was killed");
            TestContext.Current.TestOutputHelper?.WriteLine($"{inFlightAtKill} pages on their way when killed; {answered.Count} concerns answered");
        }

        await using (var db = _database.CreateContext())
        {
            foreach (var reader in readers)
            {
                var logged = await db.AccessLog.CountAsync(a => a.ChildId == children[reader.Child] && a.ViewerName == reader.Name);
                TestContext.Current.TestOutputHelper?.WriteLine($"{reader.Name}: {sent[reader]} asked for, {arrived[reader]} arrived, {logged} logged");
                // Every page that arrived is logged; a page logged but lost on its way out may be too, never more than were asked for.
                Assert.InRange(logged, arrived[reader], sent[reader]);
            }

            var concerns = await db.Concerns.Where(c => c.ChildId == children["Samuel"]).Select(c => new { c.Id, c.Topic }).ToListAsync();
            var audited = await db.AuditEvents.Where(a => a.Action == AuditActions.ConcernRaised && a.EntityId == children["Samuel"])
                .Select(a => a.Payload!).ToListAsync();
            foreach (var topic in answered)
            {
                var concern = Assert.Single(concerns, c => c.Topic == topic);
                Assert.Single(audited, payload => payload.Contains(concern.Id.ToString(), StringComparison.OrdinalIgnoreCase));
            }
        }

        // Started again on the same database, the family sees the views in "Who has seen".
        await using (var again = await AppProcess.StartAsync(_database, _dataFolder))
        {
            var parent = again.NewClient();
            await parent.SignInAsync("parent@example.org");
            var (response, page) = await parent.OpenAsync($"/children/{children["Samuel"]}/who-has-seen");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Priya Nair", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Grace Okafor", page.Body!.TextContent, StringComparison.Ordinal);
        }
    }
}
