using System.Globalization;
using System.Net;
using CommonGround.Core.Attention;
using CommonGround.Core.Statutory;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

public sealed class AttentionTests : FreshAppTests
{
    private static Dictionary<string, string> Concern(string topic) => new()
    {
        ["Input.Topic"] = topic, ["Input.About"] = "Education", ["Input.WhatIsHappening"] = "Sam is unhappy at school.", ["Input.Urgency"] = "Standard", ["Input.Owner"] = "key-worker",
    };

    private async Task RunAttentionJobAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AttentionJob>().ExecuteAsync(CancellationToken.None);
    }

    /// <summary>The caseworker records Jordan's needs assessment request of 20 October 2026, so a legal date comes up within days.</summary>
    private async Task<(Guid Jordan, HttpClient Caseworker)> CaseworkerStartsJordansNeedsAssessmentAsync()
    {
        var jordan = await ChildIdAsync("Jordan");
        var caseworker = await SignedInAsync("caseworker@example.org");
        var (recorded, _) = await caseworker.SubmitAsync($"/children/{jordan}/statutory/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", new DateOnly(2026, 10, 20)))
        {
            ["Input.Kind"] = nameof(StatutoryProcessKind.NeedsAssessment),
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        return (jordan, caseworker);
    }

    /// <summary>Sam's parent raises three concerns, enough for "3 concerns raised in the last 30 days"; returns Sam's id.</summary>
    private async Task<Guid> SamsParentRaisesThreeConcernsAsync()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        foreach (var topic in new[] { "Lunchtimes", "Homework", "Playground" })
        {
            await parent.SubmitAsync($"/children/{sam}/concerns/new", Concern(topic));
        }

        return sam;
    }

    [Fact]
    public async Task A_closed_record_keeps_no_early_warning_except_the_familys_request_about_their_data()
    {
        var sam = await SamsParentRaisesThreeConcernsAsync();
        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/erasure", new Dictionary<string, string> { ["Input.Reason"] = "Sam has moved to a school in another area." });
        Task<List<AttentionSignalKind>> KindsAsync() => App.QueryAsync(db => db.AttentionSignals.Where(s => s.ChildId == sam).Select(s => s.Kind).Distinct().ToListAsync());
        Assert.Contains(AttentionSignalKind.RepeatedConcerns, await KindsAsync());
        Assert.Contains(AttentionSignalKind.ErasureWaiting, await KindsAsync());

        await App.QueryAsync(async db =>
        {
            (await db.Children.SingleAsync(c => c.Id == sam)).Close(Core.DataRights.RetentionSchedule.SendRecord, "Sam has moved away.", "Tom Hughes", App.Time.TodayInUk());
            return await db.SaveChangesAsync();
        });
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AttentionSignals>().RefreshAsync([sam]);
        }

        Assert.Equal([AttentionSignalKind.ErasureWaiting], await KindsAsync());
        var computed = await App.QueryAsync(db => AttentionSignals.ComputeAsync(db, [sam], App.Time.UtcNow(), App.Time.TodayInUk(), AttentionRules.All));
        Assert.Equal([AttentionSignalKind.ErasureWaiting], computed.Select(s => s.Kind));
    }

    private static async Task<string> AttentionAsync(HttpClient client)
    {
        var (response, page) = await client.OpenAsync("/attention");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelector("main")!.TextContent;
    }

    [Fact]
    public async Task An_overdue_concern_reaches_the_key_workers_list_and_the_leads_even_off_the_team()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/concerns/new", Concern("Lunchtimes"));
        var concern = await App.QueryAsync(db => db.Concerns.Select(c => c.Id).SingleAsync());

        // Due on Wednesday: on Tuesday it is within one working day.
        App.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero));
        await RunAttentionJobAsync();
        var keyWorker = await SignedInAsync("senco@example.org");
        Assert.Contains("Concern due soon", await AttentionAsync(keyWorker), StringComparison.Ordinal);

        App.Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero));
        await RunAttentionJobAsync();
        keyWorker = await SignedInAsync("senco@example.org");
        var (_, page) = await keyWorker.OpenAsync("/attention");
        Assert.Contains("Concern not acknowledged by 25 November 2026, 1 working day late. Owner: Priya Nair", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/children/{sam}/concerns/{concern}']"));

        var lead = await SignedInAsync("orgadmin@example.org");
        var (_, leadPage) = await lead.OpenAsync("/attention");
        Assert.Contains("Sam Morgan", leadPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(leadPage.QuerySelector($"a[href='/organisation/concerns/{concern}']"));

        // The therapist is on Sam's team but is neither key worker nor shared concerns: nothing shows.
        Assert.Contains("Nothing needs your attention", await AttentionAsync(await SignedInAsync("therapist@example.org")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Children_come_most_pressing_first_then_by_how_many_signals_they_have_counted_by_the_database()
    {
        // The caseworker, in the local authority, sees every child whose team they are on: two in the demo.
        var caseworker = await App.QueryAsync(db => db.Professionals.Where(p => p.UserAccount!.Email == "caseworker@example.org").Select(p => p.Id).SingleAsync());
        var children = await App.QueryAsync(db => db.TeamMembers.Where(t => t.ProfessionalId == caseworker && t.LeftAt == null)
            .Join(db.Children, t => t.ChildId, c => c.Id, (t, c) => new { c.Id, c.AreaId, Name = (c.PreferredName ?? c.FirstName) + " " + c.LastName })
            .OrderBy(c => c.Name).ToListAsync());
        Assert.Equal(2, children.Count);
        AttentionSignal Signal(int child, AttentionSignalKind kind, int measure, DateOnly? dueOn = null, DateOnly? sinceOn = null) => new()
        {
            ChildId = children[child].Id, AreaId = children[child].AreaId, Kind = kind, SubjectKey = $"{kind}-{measure}", Reason = $"{kind} for {children[child].Name}",
            Link = $"/children/{children[child].Id}", Measure = measure, DueOn = dueOn, SinceOn = sinceOn, ComputedAt = App.Time.GetUtcNow().UtcDateTime,
        };
        // The signals are written here as a refresh would write them, with their places' summaries; the list is read
        // from the summaries, and again with none kept, when it works every place out itself: both must agree.
        async Task<IReadOnlyList<string>> ListedAsync(string url)
        {
            await App.QueryAsync(async db =>
            {
                db.AttentionSummaries.AddRange(await AttentionSummaries.KeepAsync(db, children.Select(c => c.Id).ToList(), App.Time.TodayInUk(), default));
                return await db.SaveChangesAsync();
            });
            var fromSummaries = await ReadAsync();
            await App.QueryAsync(db => db.AttentionSummaries.ExecuteDeleteAsync());
            Assert.Equal(fromSummaries, await ReadAsync());
            return fromSummaries;

            async Task<IReadOnlyList<string>> ReadAsync()
            {
                var (_, page) = await (await SignedInAsync("caseworker@example.org")).OpenAsync(url);
                Assert.Contains("2 children need attention.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
                return page.QuerySelectorAll(".cg-attention > li").Select(li => li.QuerySelector("h2")!.TextContent.Trim() + ": " + li.QuerySelector(".govuk-tag")!.TextContent.Trim()).ToList();
            }
        }

        // Both have repeated concerns; the second child has no contact for weeks as well, so comes first.
        await App.QueryAsync(async db =>
        {
            await db.AttentionSignals.ExecuteDeleteAsync();
            db.AttentionSignals.AddRange(Signal(0, AttentionSignalKind.RepeatedConcerns, 5), Signal(1, AttentionSignalKind.RepeatedConcerns, 5), Signal(1, AttentionSignalKind.NoContact, 0, sinceOn: App.Time.TodayInUk().AddDays(-70)));
            return await db.SaveChangesAsync();
        });
        Assert.Equal([$"{children[1].Name}: Several concerns", $"{children[0].Name}: Several concerns"], await ListedAsync("/attention"));

        // A legal date missed for the first child puts it first, its most pressing reason at the top; a page past the end shows the last.
        await App.QueryAsync(async db =>
        {
            db.AttentionSignals.Add(Signal(0, AttentionSignalKind.StatutoryMissed, 3, new DateOnly(2026, 11, 2)));
            return await db.SaveChangesAsync();
        });
        Assert.Equal([$"{children[0].Name}: Legal date missed", $"{children[1].Name}: Several concerns"], await ListedAsync("/attention?page=7"));

        // Three more missed dates for the second child (five warnings) and two more late commitments for the first (four):
        // both now have a legal date missed, and the one with more warnings comes first, each warning counted.
        await App.QueryAsync(async db =>
        {
            db.AttentionSignals.AddRange(Enumerable.Range(4, 3).Select(day => Signal(1, AttentionSignalKind.StatutoryMissed, day, new DateOnly(2026, 11, day))));
            db.AttentionSignals.AddRange(Enumerable.Range(1, 2).Select(i => Signal(0, AttentionSignalKind.CommitmentOverdue, i, new DateOnly(2026, 11, 10 + i))));
            return await db.SaveChangesAsync();
        });
        Assert.Equal([$"{children[1].Name}: Legal date missed", $"{children[0].Name}: Legal date missed"], await ListedAsync("/attention"));
    }

    [Fact]
    public async Task Signals_follow_a_change_at_once_without_waiting_for_the_job()
    {
        var sam = await SamsParentRaisesThreeConcernsAsync();

        var text = await AttentionAsync(await SignedInAsync("senco@example.org"));
        Assert.Contains("3 concerns raised in the last 30 days", text, StringComparison.Ordinal);

        // A local authority caseworker sees a legal date coming up on a child on their caseload.
        var (jordan, caseworker) = await CaseworkerStartsJordansNeedsAssessmentAsync();
        var caseload = await AttentionAsync(caseworker);
        Assert.Contains("Jordan Reid", caseload, StringComparison.Ordinal);
        Assert.Contains("Decision whether to assess: by Tuesday 1 December 2026", caseload, StringComparison.Ordinal);

        // The date is within 10 working days: Jordan, their parent and the caseworker are warned, once each however
        // often the job runs, and the warning cannot be turned off.
        await RunAttentionJobAsync();
        await RunAttentionJobAsync();
        var warned = await App.QueryAsync(db => db.Notifications.Where(n => n.Kind == Core.Notifications.NotificationKind.StatutoryDeadlines)
            .Join(db.Users, n => n.RecipientUserId, u => u.Id, (n, u) => new { u.Email, n.Mandatory, n.EmailLine }).ToListAsync());
        Assert.Equal(["caseworker@example.org", "dee.reid@example.org", "youngperson@example.org"], warned.Select(w => w.Email!).Order());
        Assert.All(warned, w => Assert.True(w.Mandatory));
        Assert.All(warned, w => Assert.Equal("A legal date in Jordan's EHC process is due by 1 December 2026", w.EmailLine));
    }

    /// <summary>Each place's kept summary of these children is what working it out from their stored warnings today gives.</summary>
    private async Task AssertSummariesAreWorkedOutAsync(IReadOnlyCollection<Guid> children)
    {
        var differ = await App.QueryAsync(async db =>
            (await AttentionSummaries.KeepAsync(db, children, App.Time.TodayInUk(), CancellationToken.None)).Select(s => $"missing {s.ChildId} {s.RankKey}")
            .Concat(db.ChangeTracker.Entries<AttentionSummary>().Where(e => e.State != EntityState.Unchanged).Select(e => $"{e.State} {e.Entity.ChildId}: "
                + string.Join(", ", e.Properties.Where(p => p.IsModified).Select(p => $"{p.Metadata.Name} {p.OriginalValue} to {p.CurrentValue}"))))
            .ToList());
        Assert.True(differ.Count == 0, $"On {App.Time.TodayInUk()} a kept summary is not what working it out gives:\n{string.Join("\n", differ)}");
    }

    /// <summary>Sam's stored signals, and every signal working out every rule gives for Sam now, as comparable lines.</summary>
    private async Task<(List<string> Stored, List<string> AllRules)> SamsSignalsAsync(Guid sam)
    {
        static string Line(AttentionSignal s) => $"{s.Kind} {s.SubjectKey} {s.Measure} {s.DueOn} {s.SinceOn} {s.Reason}|{s.ReasonEnd}";
        var stored = await App.QueryAsync(db => db.AttentionSignals.Where(s => s.ChildId == sam).ToListAsync());
        var computed = await App.QueryAsync(db => AttentionSignals.ComputeAsync(db, [sam], App.Time.UtcNow(), App.Time.TodayInUk(), AttentionRules.All));
        return (stored.Select(Line).Order().ToList(), computed.Select(Line).Order().ToList());
    }

    [Fact]
    public async Task A_message_a_concern_and_a_delivery_refresh_only_the_warnings_they_can_move_and_leave_them_as_working_out_every_rule_would()
    {
        // Weekly therapy for Sam from 9 November with nothing delivered; three weeks later nobody has written to the family.
        var sam = await ChildIdAsync("Samuel");
        var keyWorker = await SignedInAsync("senco@example.org");
        var (saved, _) = await keyWorker.SubmitAsync($"/children/{sam}/commitments/new", new Dictionary<string, string>
        {
            ["Input.What"] = "Speech and language therapy in school", ["Input.Area"] = "Health", ["Input.OwnerId"] = (await MemberIdAsync(sam, "senco@example.org")).ToString(),
            ["Input.Source"] = "Plan", ["Input.Kind"] = "Recurring", ["Input.Quantity"] = "2", ["Input.Unit"] = "Sessions", ["Input.MinutesPerSession"] = "30", ["Input.Period"] = "Week",
            ["Input.StartDate.Day"] = "9", ["Input.StartDate.Month"] = "11", ["Input.StartDate.Year"] = "2026", ["Input.AlreadyAgreed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var commitment = await App.QueryAsync(db => db.Commitments.Where(c => c.ChildId == sam).Select(c => c.Id).SingleAsync());
        App.Time.Advance(TimeSpan.FromDays(17));
        await RunAttentionJobAsync();
        var (stored, allRules) = await SamsSignalsAsync(sam);
        Assert.Equal(allRules, stored);
        Assert.Contains(stored, s => s.StartsWith($"{AttentionSignalKind.NoContact} ", StringComparison.Ordinal));
        Assert.Contains(stored, s => s.StartsWith($"{AttentionSignalKind.ProvisionBehind} {commitment} 0 ", StringComparison.Ordinal));

        // The family writes: only when they last heard from someone moves, and nothing else is worked out again.
        await App.QueryAsync(db => db.AttentionSignals.Where(s => s.ChildId == sam && s.Kind == AttentionSignalKind.ProvisionBehind).ExecuteDeleteAsync());
        var parent = await SignedInAsync("parent@example.org");
        var (started, _) = await parent.SubmitAsync($"/children/{sam}/conversations/new",
            new Dictionary<string, string> { ["Input.Subject"] = "Therapy", ["Input.Text"] = "Has the therapy started yet?" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        (stored, allRules) = await SamsSignalsAsync(sam);
        Assert.DoesNotContain(stored, s => s.StartsWith($"{AttentionSignalKind.NoContact} ", StringComparison.Ordinal));
        Assert.Equal(allRules.Where(s => !s.StartsWith($"{AttentionSignalKind.ProvisionBehind} ", StringComparison.Ordinal)), stored);
        await RunAttentionJobAsync();

        // A concern raised: its clock appears, with everything else as it was.
        var (raised, _) = await parent.SubmitAsync($"/children/{sam}/concerns/new", Concern("Therapy not started"));
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        (stored, allRules) = await SamsSignalsAsync(sam);
        Assert.Contains(stored, s => s.StartsWith($"{AttentionSignalKind.ConcernToAcknowledge} ", StringComparison.Ordinal));
        Assert.Equal(allRules, stored);

        // A delivery recorded: the therapy is less far behind.
        var today = App.Time.TodayInUk();
        var (recorded, _) = await (await SignedInAsync("senco@example.org")).SubmitAsync($"/children/{sam}/commitments/{commitment}/deliveries/new", new Dictionary<string, string>
        {
            ["Input.Date.Day"] = today.Day.ToString(CultureInfo.InvariantCulture), ["Input.Date.Month"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.Date.Year"] = today.Year.ToString(CultureInfo.InvariantCulture), ["Input.Delivered"] = "true", ["Input.Quantity"] = "2",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        (stored, allRules) = await SamsSignalsAsync(sam);
        Assert.Contains(stored, s => s.StartsWith($"{AttentionSignalKind.ProvisionBehind} {commitment} ", StringComparison.Ordinal)
            && !s.StartsWith($"{AttentionSignalKind.ProvisionBehind} {commitment} 0 ", StringComparison.Ordinal));
        Assert.Equal(allRules, stored);
    }

    [Fact]
    public async Task A_concern_raised_works_out_its_own_clock_and_the_count_and_leaves_the_other_open_concerns_alone()
    {
        var sam = await SamsParentRaisesThreeConcernsAsync();
        var first = await App.QueryAsync(db => db.Concerns.Where(c => c.ChildId == sam).OrderBy(c => c.RaisedAt).Select(c => c.Id).FirstAsync());

        // The first concern's warning is gone, as if its refresh had failed: raising a fourth does not work it out again.
        await App.QueryAsync(db => db.AttentionSignals.Where(s => s.ChildId == sam && s.SubjectKey == first.ToString()).ExecuteDeleteAsync());
        var (raised, _) = await (await SignedInAsync("parent@example.org")).SubmitAsync($"/children/{sam}/concerns/new", Concern("Getting to school"));
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var fourth = await App.QueryAsync(db => db.Concerns.Where(c => c.ChildId == sam && c.Topic == "Getting to school").Select(c => c.Id).SingleAsync());
        var (stored, allRules) = await SamsSignalsAsync(sam);
        Assert.Contains(stored, s => s.StartsWith($"{AttentionSignalKind.ConcernToAcknowledge} {fourth} ", StringComparison.Ordinal));
        Assert.Contains(stored, s => s.StartsWith($"{AttentionSignalKind.RepeatedConcerns} ", StringComparison.Ordinal) && s.Contains("4 concerns raised", StringComparison.Ordinal));
        Assert.Contains(allRules, s => s.Contains(first.ToString(), StringComparison.Ordinal));
        Assert.Equal(allRules.Where(s => !s.Contains(first.ToString(), StringComparison.Ordinal)), stored);
        // Sam's summaries count the other open concerns' warnings, which this refresh read without working them out.
        await AssertSummariesAreWorkedOutAsync([sam]);

        // The job, which works out every open concern of a child whose record changed, puts it back.
        await RunAttentionJobAsync();
        (stored, allRules) = await SamsSignalsAsync(sam);
        Assert.Equal(allRules, stored);
    }

    [Fact]
    public async Task A_place_taken_off_the_team_or_sharing_by_dates_loses_its_summary_when_the_job_looks_at_its_child_again()
    {
        var sam = await SamsParentRaisesThreeConcernsAsync();
        var places = await App.QueryAsync(db => db.AttentionSummaries.Where(s => s.ChildId == sam).Select(s => s.TeamMemberId).Order().ToListAsync());
        Assert.True(places.Count > 2, $"{places.Count} places kept");

        // One place leaves the team and another's sharing comes to turn on dates, written around the unit of work so
        // nothing but the job's next look at Sam can put their summaries right.
        var (leaving, dated) = (places[0], places[1]);
        await App.QueryAsync(db => db.TeamMembers.Where(t => t.Id == leaving).ExecuteUpdateAsync(u => u.SetProperty(t => t.LeftAt, App.Time.GetUtcNow().UtcDateTime)));
        await App.QueryAsync(db => db.TeamMembers.Where(t => t.Id == dated).ExecuteUpdateAsync(u => u.SetProperty(t => t.SharesWithDates, true)));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AttentionSignals>().RefreshAndKeepRechecksAsync([sam], AttentionRules.All);
        }

        Assert.Equal(places.Except([leaving, dated]), await App.QueryAsync(db => db.AttentionSummaries.Where(s => s.ChildId == sam).Select(s => s.TeamMemberId).Order().ToListAsync()));
        await AssertSummariesAreWorkedOutAsync([sam]);
    }

    [Fact]
    public async Task Changes_saved_at_the_same_moment_share_a_refresh_and_each_returns_once_its_childs_signals_are_there()
    {
        var sam = await SamsParentRaisesThreeConcernsAsync();

        var kept = await App.QueryAsync(db => db.Children.Select(c => new { c.Id, Count = db.AttentionSignals.Count(s => s.ChildId == c.Id) }).ToDictionaryAsync(c => c.Id, c => c.Count));
        Assert.True(kept.Count > 1 && kept[sam] > 0, $"{kept.Count} children, Sam with {kept.GetValueOrDefault(sam)} signals");
        await App.QueryAsync(db => db.AttentionSignals.ExecuteDeleteAsync());

        // Every child's change hands its child over at once; each, when it returns, finds its child's signals back.
        var refresher = App.Services.GetRequiredService<AttentionRefresher>();
        var found = await Task.WhenAll(kept.Keys.Select(child => Task.Run(async () =>
        {
            await refresher.RefreshAsync([child], AttentionRules.All, onlyConcerns: null, CancellationToken.None);
            return (Child: child, Count: await App.QueryAsync(db => db.AttentionSignals.CountAsync(s => s.ChildId == child)));
        })));
        Assert.All(found, f => Assert.Equal(kept[f.Child], f.Count));
        Assert.Contains("3 concerns raised in the last 30 days", await AttentionAsync(await SignedInAsync("senco@example.org")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refresh_that_fails_never_undoes_or_hides_the_change_and_the_job_puts_it_right()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/concerns/new", Concern("Lunchtimes"));
        await parent.SubmitAsync($"/children/{sam}/concerns/new", Concern("Homework"));

        // The early warnings cannot be written while the third concern is raised.
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE attention_signals RENAME TO attention_signals_away"));
        var (raised, _) = await parent.SubmitAsync($"/children/{sam}/concerns/new", Concern("Playground"));
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE attention_signals_away RENAME TO attention_signals"));

        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        Assert.Equal(3, await App.QueryAsync(db => db.Concerns.CountAsync(c => c.ChildId == sam)));
        Assert.DoesNotContain("3 concerns raised", await AttentionAsync(await SignedInAsync("senco@example.org")), StringComparison.Ordinal);

        await RunAttentionJobAsync();
        Assert.Contains("3 concerns raised in the last 30 days", await AttentionAsync(await SignedInAsync("senco@example.org")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batches_worked_on_at_once_leave_every_childs_signals_as_working_out_the_whole_area_would()
    {
        // Signals for two children: Sam's concerns, and a legal date coming up for Jordan.
        var sam = await SamsParentRaisesThreeConcernsAsync();
        var (jordan, _) = await CaseworkerStartsJordansNeedsAssessmentAsync();
        var area = await App.QueryAsync(db => db.Children.Where(c => c.Id == sam).Select(c => c.AreaId).SingleAsync());
        var children = await App.QueryAsync(db => db.Children.Where(c => c.AreaId == area).Select(c => c.Id).ToListAsync());
        await App.QueryAsync(db => db.AttentionSignals.ExecuteDeleteAsync());

        // One child to a batch, so the area's children are written by several units of work at the same time.
        App.Time.Advance(TimeSpan.FromDays(1));
        await using var scope = App.Services.CreateAsyncScope();
        var run = await new AttentionJob(scope.ServiceProvider.GetRequiredService<Core.Data.CommonGroundDbContext>(),
            scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>(), App.Time) { BatchSize = 1 }.RefreshAreaAsync(area);

        Assert.Equal((true, children.Count), (run!.EveryChild, run.Children));
        static string Line(AttentionSignal s) => $"{s.ChildId} {s.Kind} {s.SubjectKey} {s.Measure} {s.DueOn} {s.SinceOn} {s.Reason}|{s.ReasonEnd}";
        var stored = await App.QueryAsync(db => db.AttentionSignals.Where(s => s.AreaId == area).ToListAsync());
        var computed = await App.QueryAsync(db => AttentionSignals.ComputeAsync(db, children, App.Time.UtcNow(), App.Time.TodayInUk(), AttentionRules.All));
        Assert.Equal(computed.Select(Line).Order(), stored.Select(Line).Order());
        Assert.Contains(stored, s => s.ChildId == sam && s.Kind == AttentionSignalKind.RepeatedConcerns);
        Assert.Contains(stored, s => s.ChildId == jordan && s.Kind == AttentionSignalKind.StatutoryDueSoon);
        Assert.True(children.Count > AttentionJob.BatchesAtOnce, $"{children.Count} children: more batches than are worked on at once");
    }

    [Fact]
    public async Task Later_runs_the_same_day_look_only_at_children_whose_records_changed_and_a_new_day_at_those_whose_day_to_recheck_came()
    {
        var sam = await ChildIdAsync("Samuel");
        var area = await App.QueryAsync(db => db.Children.Where(c => c.Id == sam).Select(c => c.AreaId).SingleAsync());
        var children = await App.QueryAsync(db => db.Children.CountAsync(c => c.AreaId == area));
        async Task<AttentionRun> RunAsync()
        {
            await using var scope = App.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<AttentionJob>().RefreshAreaAsync(area))!;
        }

        // An hour after the demo records were made, the first run of the day looks at every child; the next, at none.
        App.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new AttentionRun(true, children, 0), (await RunAsync()) with { SignalsChanged = 0 });
        App.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(new AttentionRun(false, 0, 0), await RunAsync());

        // Sam's record changes and its own refresh fails: the next run looks at Sam alone, and puts it right.
        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/concerns/new", Concern("Lunchtimes"));
        await parent.SubmitAsync($"/children/{sam}/concerns/new", Concern("Homework"));
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE attention_signals RENAME TO attention_signals_away"));
        await parent.SubmitAsync($"/children/{sam}/concerns/new", Concern("Playground"));
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE attention_signals_away RENAME TO attention_signals"));
        App.Time.Advance(TimeSpan.FromMinutes(15));
        var changedRun = await RunAsync();
        Assert.Equal((false, 1), (changedRun.EveryChild, changedRun.Children));
        Assert.Contains("3 concerns raised in the last 30 days", await AttentionAsync(await SignedInAsync("senco@example.org")), StringComparison.Ordinal);

        // Past midnight, the children with something time can move today: not every child.
        App.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 0, 30, 0, TimeSpan.Zero));
        var today = App.Time.TodayInUk();
        var due = await App.QueryAsync(db => db.AttentionRechecks.Where(r => r.AreaId == area && r.RecheckOn <= today).Select(r => r.ChildId).Distinct().CountAsync());
        Assert.InRange(due, 1, children - 1);
        Assert.Equal((false, due), ((await RunAsync()) is var nextDay ? (nextDay.EveryChild, nextDay.Children) : default));

        // An area with no days kept (its last run was by a build that kept none) is looked at whole on the next day.
        await App.QueryAsync(db => db.AttentionRechecks.ExecuteDeleteAsync());
        App.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal((true, children), ((await RunAsync()) is var afterUpgrade ? (afterUpgrade.EveryChild, afterUpgrade.Children) : default));
        Assert.True(await App.QueryAsync(db => db.AttentionRechecks.AnyAsync(r => r.AreaId == area)));
    }

    [Fact]
    public async Task Each_days_first_run_for_a_year_leaves_every_childs_warnings_and_legal_date_warnings_as_working_out_every_child_would()
    {
        // Records with clocks of every kind: a needs assessment's legal dates, concerns, provision, advice asked for and advice
        // given, words the family asked to have corrected, a plan to review, a meeting arranged for a later day and its
        // record waiting for the family, a record asked to be erased, and contact that lapses.
        var (jordan, _) = await CaseworkerStartsJordansNeedsAssessmentAsync();
        var sam = await SamsParentRaisesThreeConcernsAsync();
        var keyWorker = await SignedInAsync("senco@example.org");
        var owner = (await MemberIdAsync(sam, "senco@example.org")).ToString();
        // Weekly therapy from the new year, and a report due by 15 January.
        foreach (var fields in new[]
        {
            new Dictionary<string, string>
            {
                ["Input.Kind"] = "Recurring", ["Input.What"] = "Speech and language therapy in school", ["Input.Quantity"] = "1", ["Input.Unit"] = "Sessions",
                ["Input.MinutesPerSession"] = "30", ["Input.Period"] = "Week", ["Input.StartDate.Day"] = "4", ["Input.StartDate.Month"] = "1", ["Input.StartDate.Year"] = "2027",
            },
            new Dictionary<string, string>
            {
                ["Input.Kind"] = "OneOff", ["Input.What"] = "Send the reading assessment", ["Input.DueDate.Day"] = "15", ["Input.DueDate.Month"] = "1", ["Input.DueDate.Year"] = "2027",
            },
        })
        {
            var (saved, page) = await keyWorker.SubmitAsync($"/children/{sam}/commitments/new", new Dictionary<string, string>(fields)
            {
                ["Input.Area"] = "Health", ["Input.OwnerId"] = owner, ["Input.Source"] = "Plan", ["Input.AlreadyAgreed"] = "true",
            });
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join("; ", page.ErrorSummary()));
        }

        var meeting = await SamsAdvicePlanCorrectionAndMeetingAsync(sam, keyWorker, owner);

        var area = await App.QueryAsync(db => db.Children.Where(c => c.Id == sam).Select(c => c.AreaId).SingleAsync());
        var children = await App.QueryAsync(db => db.Children.Where(c => c.AreaId == area).Select(c => c.Id).ToListAsync());
        async Task<AttentionRun> RunAsync()
        {
            await using var scope = App.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<AttentionJob>().RefreshAreaAsync(area))!;
        }

        static string Line(AttentionSignal s) => $"{s.ChildId} {s.Kind} {s.SubjectKey} {s.Measure} {s.DueOn} {s.SinceOn} {s.Reason}|{s.ReasonEnd}";
        Assert.True((await RunAsync()).EveryChild);
        var looked = 0;
        var kindsSeen = new HashSet<AttentionSignalKind>();
        for (var day = 1; day <= 400; day++)
        {
            App.Time.Advance(TimeSpan.FromDays(1));
            if (App.Time.TodayInUk() == new DateOnly(2027, 1, 8))
            {
                // One session of the therapy given in its first week, so the share delivered falls a point at a time after it.
                var therapy = await App.QueryAsync(db => db.Commitments.Where(c => c.ChildId == sam && c.What == "Speech and language therapy in school").Select(c => c.Id).SingleAsync());
                var (recorded, recordedPage) = await (await SignedInAsync("senco@example.org")).SubmitAsync($"/children/{sam}/commitments/{therapy}/deliveries/new",
                    new Dictionary<string, string>(Browse.DateFields("Input.Date", new DateOnly(2027, 1, 6))) { ["Input.Delivered"] = "true", ["Input.Quantity"] = "1" });
                Assert.True(recorded.StatusCode == HttpStatusCode.Redirect, string.Join("; ", recordedPage.ErrorSummary()));
            }

            if (App.Time.TodayInUk() == new DateOnly(2027, 2, 12))
            {
                // The meeting's record, shared on the Friday after it and never agreed.
                var noteTaker = await SignedInAsync("senco@example.org");
                var (written, writtenPage) = await noteTaker.SubmitAsync($"{meeting}/record/edit", new Dictionary<string, string>
                {
                    ["Input.FamilyViews"] = "Sam's mum said lunchtimes are too loud.", ["Input.Decisions"] = "Sam will eat in the library for a month.",
                });
                Assert.True(written.StatusCode == HttpStatusCode.Redirect, string.Join("; ", writtenPage.ErrorSummary()));
                Assert.Equal(HttpStatusCode.Redirect, (await noteTaker.SubmitAsync($"{meeting}/record/share", new Dictionary<string, string>())).Response.StatusCode);
            }

            if (App.Time.TodayInUk() == new DateOnly(2027, 3, 1))
            {
                // Jordan, a young person, asks for his record to be erased, and the answer goes late: the only request
                // about his data, so nothing else moves the day his warning is looked at again.
                var (asked, askedPage) = await (await SignedInAsync("youngperson@example.org")).SubmitAsync($"/children/{jordan}/erasure",
                    new Dictionary<string, string> { ["Input.Reason"] = "I want to start afresh at college." });
                Assert.True(asked.StatusCode == HttpStatusCode.Redirect, string.Join("; ", askedPage.ErrorSummary()));
            }

            var run = await RunAsync();
            Assert.False(run.EveryChild);
            looked += run.Children;

            var stored = await App.QueryAsync(db => db.AttentionSignals.Where(s => s.AreaId == area).ToListAsync());
            var computed = await App.QueryAsync(db => AttentionSignals.ComputeAsync(db, children, App.Time.UtcNow(), App.Time.TodayInUk(), AttentionRules.All));
            Assert.True(computed.Select(Line).Order().SequenceEqual(stored.Select(Line).Order()),
                $"On {App.Time.TodayInUk()}, kept:\n{string.Join("\n", stored.Select(Line).Except(computed.Select(Line)))}\nworked out:\n{string.Join("\n", computed.Select(Line).Except(stored.Select(Line)))}");
            kindsSeen.UnionWith(stored.Select(s => s.Kind));
            // Every place's kept summary, read by the lists in place of the warnings, is what working it out today gives.
            await AssertSummariesAreWorkedOutAsync(children);

            // Every legal date's warning went out on its day: working out every child now sends nothing more.
            var sent = await App.QueryAsync(db => db.Notifications.CountAsync());
            await using (var scope = App.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<StatutoryWarnings>().AddAsync(computed, CancellationToken.None);
                await scope.ServiceProvider.GetRequiredService<Core.Data.CommonGroundDbContext>().SaveChangesAsync();
            }

            Assert.Equal(sent, await App.QueryAsync(db => db.Notifications.CountAsync()));
        }

        // The year went through warnings that appear and go by the day, and most days looked at few children.
        var expected = new[]
        {
            AttentionSignalKind.StatutoryDueSoon, AttentionSignalKind.StatutoryMissed, AttentionSignalKind.RepeatedConcerns, AttentionSignalKind.ConcernOverdue,
            AttentionSignalKind.NoContact, AttentionSignalKind.ProvisionBehind, AttentionSignalKind.CommitmentOverdue, AttentionSignalKind.AdviceLate,
            AttentionSignalKind.RecommendationsUnanswered, AttentionSignalKind.CorrectionWaiting, AttentionSignalKind.PlanReviewOverdue,
            AttentionSignalKind.RecordAwaitingAgreement, AttentionSignalKind.ErasureWaiting,
        };
        Assert.True(expected.All(kindsSeen.Contains), $"Seen: {string.Join(", ", kindsSeen)}");
        Assert.True(looked < 400 * children.Count / 2, $"{looked} children looked at over 400 days, of {children.Count}");
        Assert.Contains(jordan, children);
    }

    /// <summary>
    /// For the year-long test, on Sam's record: advice asked of the therapist by 1 February, which nobody gives; an SEN
    /// support plan agreed with the family, to be reviewed by 23 March; the family's own advice, given after the plan,
    /// whose recommendation no plan answers; the key worker's words, which the family asks to have corrected and nobody
    /// answers; and a review meeting on Thursday 11 February. Returns the meeting's page.
    /// </summary>
    private async Task<string> SamsAdvicePlanCorrectionAndMeetingAsync(Guid sam, HttpClient keyWorker, string owner)
    {
        // Advice asked of the therapist by 1 February, which nobody gives.
        var (asked, askedPage) = await keyWorker.SubmitAsync($"/children/{sam}/advice/new", new Dictionary<string, string>(Browse.DateFields("Input.DueOn", new DateOnly(2027, 2, 1)))
        {
            ["Input.AdviserId"] = (await MemberIdAsync(sam, "therapist@example.org")).ToString(), ["Input.Part"] = "Health", ["Input.About"] = "Speech and language at school",
        });
        Assert.True(asked.StatusCode == HttpStatusCode.Redirect, string.Join("; ", askedPage.ErrorSummary()));

        var parent = await SignedInAsync("parent@example.org");
        // And an SEN support plan agreed with the family, with reading in a small group, to be reviewed by 23 March.
        var (planStarted, _) = await keyWorker.SubmitAsync($"/children/{sam}/plans/new", new Dictionary<string, string> { ["Input.Kind"] = "SenSupport" });
        Assert.Equal(HttpStatusCode.Redirect, planStarted.StatusCode);
        var planId = await App.QueryAsync(db => db.SupportPlans.Where(p => p.ChildId == sam && p.Kind == Core.Plans.PlanKind.SenSupport).Select(p => p.Id).SingleAsync());
        var plan = $"/children/{sam}/plans/{planId}";
        foreach (var (step, fields) in new[]
        {
            ("needs", new Dictionary<string, string> { ["Input.Text"] = "Sam finds spoken instructions hard to follow", ["Input.Part"] = "Education", ["Input.BroadArea"] = "CommunicationAndInteraction" }),
            ("outcomes", new Dictionary<string, string> { ["Input.Text"] = "Sam will ask an adult for help when he is stuck", ["Input.Part"] = "Education" }),
            ("provision", new Dictionary<string, string>(Browse.DateFields("Input.StartDate", new DateOnly(2027, 1, 4)))
            {
                ["Input.Text"] = "Small-group reading", ["Input.Part"] = "Education", ["Input.ProviderId"] = owner, ["Input.Quantity"] = "3", ["Input.Unit"] = "Sessions",
                ["Input.MinutesPerSession"] = "30", ["Input.Period"] = "Week",
            }),
            ("share", new Dictionary<string, string>()),
        })
        {
            var (done, donePage) = await keyWorker.SubmitAsync($"{plan}/{step}", fields);
            Assert.True(done.StatusCode == HttpStatusCode.Redirect, $"{step}: {string.Join("; ", donePage.ErrorSummary())}");
        }

        var lines = await App.QueryAsync(db => db.PlanLines.Where(l => l.PlanId == planId).Select(l => l.Id).ToListAsync());
        var (answered, _) = await parent.SubmitAsync($"{plan}/answer", lines.SelectMany(l => new[] { ($"Answers[{l}]", "Agree"), ($"Words[{l}]", "") }).ToDictionary());
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var (planAgreed, planAgreedPage) = await keyWorker.SubmitAsync($"{plan}/agree", new Dictionary<string, string>());
        Assert.True(planAgreed.StatusCode == HttpStatusCode.Redirect, string.Join("; ", planAgreedPage.ErrorSummary()));
        // And the family's own advice, given after the plan, whose recommendations no plan answers.
        var (given, givenPage) = await parent.SubmitAsync($"/children/{sam}/advice/family", new Dictionary<string, string>
        {
            ["Input.Part"] = "Education", ["Input.About"] = "What helps Sam at home", ["Input.Advice"] = "Sam copes when he knows what is coming.",
            ["Input.Recommendations"] = "A visual timetable in class",
        });
        Assert.True(given.StatusCode == HttpStatusCode.Redirect, string.Join("; ", givenPage.ErrorSummary()));
        // And the key worker's words in a conversation, which the family asks to have corrected and nobody answers.
        var (started, _) = await parent.SubmitAsync($"/children/{sam}/conversations/new", new Dictionary<string, string> { ["Input.Subject"] = "Swimming", ["Input.Text"] = "How is swimming going?" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var (replied, _) = await keyWorker.SubmitAsync(started.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Input.Text"] = "Sam refused to get in the pool again." });
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var reply = await App.QueryAsync(db => db.Messages.Where(m => m.ChildId == sam && !m.ByFamily).Select(m => m.Id).SingleAsync());
        var (correction, _) = await parent.SubmitAsync($"/children/{sam}/corrections/ask/message/{reply}", new Dictionary<string, string>
        {
            ["Input.WhatIsWrong"] = "Sam did not refuse: the changing room was too loud for him.", ["Input.SuggestedWords"] = "Sam could not manage the changing room today.",
        });
        Assert.Equal(HttpStatusCode.Redirect, correction.StatusCode);
        // And a review meeting on Thursday 11 February, whose record is shared on the Friday and never agreed: it waits a
        // working day by the Monday, with no change to the record in between.
        var (arranged, arrangedPage) = await keyWorker.SubmitAsync($"/children/{sam}/meetings/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", new DateOnly(2027, 2, 11)))
        {
            ["Input.Kind"] = "Review", ["Input.Time"] = "10:30", ["Input.DurationMinutes"] = "60", ["Input.Place"] = "Brookside Primary, room 2", ["Input.OnlineLink"] = "",
            ["Input.Invitees[0]"] = (await UserIdAsync("parent@example.org")).ToString(), ["Input.NoteTakerId"] = (await UserIdAsync("senco@example.org")).ToString(),
        });
        Assert.True(arranged.StatusCode == HttpStatusCode.Redirect, string.Join("; ", arrangedPage.ErrorSummary()));
        return arranged.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task A_week_passing_rewrites_no_warning_that_has_only_grown_older_and_the_list_counts_the_days_on_the_day_it_is_read()
    {
        // Seven weeks on from the demo records' start nobody has been in touch with Sam's family, and a concern is a day late.
        var sam = await ChildIdAsync("Samuel");
        await (await SignedInAsync("parent@example.org")).SubmitAsync($"/children/{sam}/concerns/new", Concern("Lunchtimes"));
        App.Time.SetUtcNow(new DateTimeOffset(2027, 1, 11, 9, 0, 0, TimeSpan.Zero));
        await RunAttentionJobAsync();
        var kept = await App.QueryAsync(db => db.AttentionSignals.Where(s => s.ChildId == sam).OrderBy(s => s.Id).Select(s => new { s.Id, s.Kind, s.ComputedAt }).ToListAsync());
        Assert.Contains(kept, s => s.Kind == AttentionSignalKind.NoContact);
        Assert.Contains(kept, s => s.Kind == AttentionSignalKind.ConcernOverdue);
        var list = await AttentionAsync(await SignedInAsync("senco@example.org"));
        Assert.Contains("No messages, meetings or answers to the family for 7 weeks", list, StringComparison.Ordinal);
        Assert.Contains("working days late", list, StringComparison.Ordinal);

        // A week later each is a week older, and the job rewrites none of them: what the list shows is counted as it is read.
        App.Time.SetUtcNow(new DateTimeOffset(2027, 1, 18, 9, 0, 0, TimeSpan.Zero));
        await RunAttentionJobAsync();
        Assert.Equal(kept, await App.QueryAsync(db => db.AttentionSignals.Where(s => s.ChildId == sam).OrderBy(s => s.Id).Select(s => new { s.Id, s.Kind, s.ComputedAt }).ToListAsync()));
        Assert.Contains("No messages, meetings or answers to the family for 8 weeks", await AttentionAsync(await SignedInAsync("senco@example.org")), StringComparison.Ordinal);
        var (stored, allRules) = await SamsSignalsAsync(sam);
        Assert.Equal(allRules, stored);
    }

    [Fact]
    public async Task An_organisations_thresholds_decide_what_its_staff_see()
    {
        // The demo records begin today; seven weeks on, nobody has been in touch with Sam's family.
        await ChildIdAsync("Samuel");
        App.Time.SetUtcNow(new DateTimeOffset(2027, 1, 11, 9, 0, 0, TimeSpan.Zero));
        await RunAttentionJobAsync();
        var keyWorker = await SignedInAsync("senco@example.org");
        Assert.Contains("No messages, meetings or answers to the family for 7 weeks", await AttentionAsync(keyWorker), StringComparison.Ordinal);

        var lead = await SignedInAsync("orgadmin@example.org");
        var (refused, refusedPage) = await lead.SubmitAsync("/organisation/attention-thresholds", Thresholds(noContactWeeks: "40"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Enter a whole number from 2 to 26"], refusedPage.ErrorSummary());
        Assert.Equal(0, await App.QueryAsync(db => db.AttentionThresholds.CountAsync()));

        var (saved, _) = await lead.SubmitAsync("/organisation/attention-thresholds", Thresholds(noContactWeeks: "8"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain("No messages, meetings or answers", await AttentionAsync(keyWorker), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_family_is_asked_to_check_the_delivery_records_waiting_for_them_counted_up_to_99()
    {
        var sam = await ChildIdAsync("Samuel");
        var commitment = await App.QueryAsync(async db =>
        {
            var grace = await db.Professionals.Include(p => p.UserAccount).Include(p => p.Organisation).SingleAsync(p => p.UserAccount!.Email == "therapist@example.org");
            var now = App.Time.GetUtcNow().UtcDateTime;
            var today = App.Time.TodayInUk();
            var sessions = new Core.Commitments.Commitment
            {
                ChildId = sam, AreaId = grace.AreaId, What = "Speech and language therapy", RecordArea = Core.Commitments.CommitmentArea.Health,
                Source = Core.Commitments.CommitmentSource.Meeting, OwnerProfessionalId = grace.Id, OwnerName = grace.UserAccount!.DisplayName, OwnerOrganisationId = grace.OrganisationId,
                OwnerOrganisationName = grace.Organisation!.Name, Kind = Core.Commitments.CommitmentKind.Recurring, QuantityPerPeriod = 1, Unit = Core.Commitments.ProvisionUnit.Sessions,
                Period = Core.Commitments.ProvisionPeriod.Week, StartDate = today.AddYears(-3), CreatedAt = now, CreatedByUserId = grace.UserAccountId, CreatedByName = "Grace Okafor",
            };
            sessions.ChangeStatus(Core.Commitments.CommitmentStatus.Agreed, null, grace.UserAccountId, "Grace Okafor", now, today);
            db.Commitments.Add(sessions);
            await db.SaveChangesAsync();
            return sessions;
        });
        async Task RecordAsync(int sessions) => await App.QueryAsync(async db =>
        {
            var today = App.Time.TodayInUk();
            var recorded = await db.DeliveryRecords.CountAsync();
            db.DeliveryRecords.AddRange(Enumerable.Range(recorded + 1, sessions).Select(n => new Core.Commitments.DeliveryRecord
            {
                CommitmentId = commitment.Id, ChildId = sam, Date = today.AddDays(-7 * n), Delivered = true, Quantity = 1,
                RecordedByUserId = commitment.CreatedByUserId, RecordedByName = "Grace Okafor", RecordedAt = App.Time.GetUtcNow().UtcDateTime,
            }));
            return await db.SaveChangesAsync();
        });
        var parent = await SignedInAsync("parent@example.org");
        async Task<string> WaitingAsync() => (await parent.OpenAsync($"/children/{sam}/whats-happening")).Page.QuerySelector("main")!.TextContent;

        await RecordAsync(3);
        Assert.Contains("Check 3 delivery records: say if they are right", await WaitingAsync(), StringComparison.Ordinal);
        await RecordAsync(96);
        Assert.Contains("Check 99 delivery records: say if they are right", await WaitingAsync(), StringComparison.Ordinal);
        await RecordAsync(1);
        Assert.Contains("Check your delivery records: more than 99 are waiting for you to say if they are right", await WaitingAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_family_sees_what_is_waiting_for_them_what_is_late_and_who_has_it()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/concerns/new", Concern("Lunchtimes"));
        await parent.SubmitAsync($"/children/{sam}/concerns/new", Concern("Homework"));
        var concerns = await App.QueryAsync(db => db.Concerns.OrderBy(c => c.Topic).Select(c => c.Id).ToListAsync());
        var keyWorker = await SignedInAsync("senco@example.org");
        await keyWorker.SubmitAsync($"/children/{sam}/concerns/{concerns[0]}/resolve", new Dictionary<string, string> { ["Input.YouSaid"] = "Less homework", ["Input.WeDid"] = "One task a week" });

        await keyWorker.SubmitAsync($"/children/{sam}/concerns/new", Concern("Reading at home"));

        var (_, today) = await parent.OpenAsync($"/children/{sam}/whats-happening");
        Assert.Contains("The concern \"Reading at home\" raised by Priya Nair should be acknowledged", today.QuerySelector("ul[aria-labelledby='coming-up']")!.TextContent, StringComparison.Ordinal);

        App.Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        await RunAttentionJobAsync();
        parent = await SignedInAsync("parent@example.org");
        var (_, page) = await parent.OpenAsync($"/children/{sam}/whats-happening");
        var waiting = page.QuerySelector("ul[aria-labelledby='waiting']")!.TextContent;
        var late = page.QuerySelector("ul[aria-labelledby='late']")!.TextContent;
        Assert.Contains("Say whether your concern \"Homework\" is resolved", waiting, StringComparison.Ordinal);
        Assert.Contains("Concern not acknowledged by 25 November 2026", late, StringComparison.Ordinal);
        Assert.Contains("Owner: Priya Nair", late, StringComparison.Ordinal);

        keyWorker = await SignedInAsync("senco@example.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await keyWorker.GetAsync($"/children/{sam}/whats-happening")).StatusCode);
    }

    private static Dictionary<string, string> Thresholds(string noContactWeeks) => new()
    {
        ["Input.ProvisionBehindPercent"] = "80", ["Input.RecordAwaitingWorkingDays"] = "10", ["Input.RepeatedConcerns"] = "3",
        ["Input.NoContactWeeks"] = noContactWeeks, ["Input.StatutoryDueWorkingDays"] = "10",
    };
}
