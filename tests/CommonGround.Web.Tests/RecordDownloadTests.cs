using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.DataRights;
using CommonGround.Core.Demo;
using CommonGround.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

/// <summary>The demo, whose records hold a little of everything, for checking a download against the database.</summary>
public sealed class RecordDownloadApp : AppFactory
{
    protected override bool StartsWithDemo => true;
}

/// <summary>A download as the person who asked for it receives it.</summary>
public sealed class DownloadedZip(byte[] bytes)
{
    private readonly ZipArchive _zip = new(new MemoryStream(bytes));

    public IReadOnlyList<string> Paths => _zip.Entries.Select(e => e.FullName).ToList();

    public string Text(string path)
    {
        using var reader = new StreamReader(_zip.GetEntry(path)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public JsonElement Json(string path) => JsonDocument.Parse(Text(path)).RootElement;

    /// <summary>Rows in each data table, as the manifest states them.</summary>
    public Dictionary<string, int> RowsByTable() => Json("manifest.json").GetProperty("files").EnumerateArray()
        .Where(f => f.GetProperty("path").GetString()!.EndsWith(".json", StringComparison.Ordinal))
        .ToDictionary(f => f.GetProperty("path").GetString()!["data/".Length..^".json".Length], f => f.GetProperty("rows").GetInt32());

    /// <summary>Asks for a download as the person would, lets the job prepare it, and takes it from the page's link.</summary>
    public static async Task<DownloadedZip> TakeAsync(AppFactory app, HttpClient client, Guid childId, Func<Task>? whilePreparing = null)
    {
        var (asked, _) = await client.SubmitAsync($"/children/{childId}/download", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        if (whilePreparing is not null)
        {
            await whilePreparing();
        }

        await RunJobAsync(app);
        var (_, page) = await client.OpenAsync($"/children/{childId}/download");
        var link = page.QuerySelectorAll("main a").First(a => a.GetAttribute("href")!.Contains("handler=File", StringComparison.Ordinal)).GetAttribute("href")!;
        var response = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        return new DownloadedZip(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A young person shares only <paramref name="areas"/> with a member of their family, on the sharing page.</summary>
    public static async Task ShareOnlyAsync(HttpClient youngPerson, Guid childId, Guid familyMemberId, params RecordArea[] areas)
    {
        var url = $"/children/{childId}/family/{familyMemberId}/sharing";
        var (_, sharing) = await youngPerson.OpenAsync(url);
        var token = sharing.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = areas.Select(a => new KeyValuePair<string, string>("Input.Areas", a.ToString())).Append(new("__RequestVerificationToken", token));
        var shared = await youngPerson.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
    }

    public static async Task RunJobAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecordExportJob>().ExecuteAsync(CancellationToken.None);
    }
}

public sealed class RecordDownloadTests(RecordDownloadApp app) : IClassFixture<RecordDownloadApp>
{
    private Task<Guid> ChildIdAsync(string firstName) => app.QueryAsync(db => db.Children.Where(c => c.FirstName == firstName).Select(c => c.Id).SingleAsync());

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.NewClient();
        await client.SignInAsync(email, DemoData.Password);
        return client;
    }

    /// <summary>How many of each kind of thing the database holds about a child, counted here without the download's code.</summary>
    private static Dictionary<string, Func<CommonGroundDbContext, Guid, Task<int>>> Counts { get; } = new()
    {
        ["child"] = (db, id) => db.Children.CountAsync(c => c.Id == id),
        ["family-members"] = (db, id) => db.FamilyMembers.CountAsync(x => x.ChildId == id),
        ["family-sharing-decisions"] = (db, id) => db.FamilySharingDecisions.CountAsync(x => x.ChildId == id),
        ["team-members"] = (db, id) => db.TeamMembers.CountAsync(x => x.ChildId == id),
        ["sharing-consents"] = (db, id) => db.SharingConsents.CountAsync(x => x.ChildId == id),
        ["invitations"] = (db, id) => db.Invitations.CountAsync(x => x.ChildId == id),
        ["access-requests"] = (db, id) => db.AccessRequests.CountAsync(x => x.ChildId == id),
        ["covers"] = (db, id) => db.Covers.CountAsync(x => x.ChildId == id),
        ["handovers"] = (db, id) => db.Handovers.CountAsync(x => x.ChildId == id),
        ["about-me"] = (db, id) => db.ProfileSections.CountAsync(x => x.ChildId == id),
        ["about-me-versions"] = (db, id) => db.ProfileSectionVersions.CountAsync(x => x.ChildId == id),
        ["about-me-suggestions"] = (db, id) => db.ProfileSuggestions.CountAsync(x => x.ChildId == id),
        ["share-links"] = (db, id) => db.ProfileShareLinks.CountAsync(x => x.ChildId == id),
        ["plans"] = (db, id) => db.SupportPlans.CountAsync(x => x.ChildId == id),
        ["plan-lines"] = (db, id) => db.PlanLines.CountAsync(x => x.ChildId == id),
        ["plan-responses"] = (db, id) => db.PlanResponses.CountAsync(x => x.ChildId == id),
        ["plan-versions"] = (db, id) => db.PlanVersions.CountAsync(x => x.ChildId == id),
        ["outcome-progress"] = (db, id) => db.OutcomeProgress.CountAsync(x => x.ChildId == id),
        ["commitments"] = (db, id) => db.Commitments.CountAsync(x => x.ChildId == id),
        ["commitment-status-changes"] = (db, id) => db.CommitmentStatusChanges.CountAsync(x => db.Commitments.Any(c => c.Id == x.CommitmentId && c.ChildId == id)),
        ["commitment-comments"] = (db, id) => db.CommitmentComments.CountAsync(x => x.ChildId == id),
        ["delivery-records"] = (db, id) => db.DeliveryRecords.CountAsync(x => x.ChildId == id),
        ["meetings"] = (db, id) => db.Meetings.CountAsync(x => x.ChildId == id),
        ["meeting-invitees"] = (db, id) => db.MeetingInvitees.CountAsync(x => db.Meetings.Any(m => m.Id == x.MeetingId && m.ChildId == id)),
        ["agenda-items"] = (db, id) => db.AgendaItems.CountAsync(x => db.Meetings.Any(m => m.Id == x.MeetingId && m.ChildId == id)),
        ["meeting-record-versions"] = (db, id) => db.MeetingRecordVersions.CountAsync(x => db.Meetings.Any(m => m.Id == x.MeetingId && m.ChildId == id)),
        ["meeting-record-corrections"] = (db, id) => db.RecordCorrections.CountAsync(x => db.Meetings.Any(m => m.Id == x.MeetingId && m.ChildId == id)),
        ["meeting-feedback"] = (db, id) => db.MeetingFeedback.CountAsync(x => x.ChildId == id),
        ["concerns"] = (db, id) => db.Concerns.CountAsync(x => x.ChildId == id),
        ["concern-updates"] = (db, id) => db.ConcernUpdates.CountAsync(x => x.ChildId == id),
        ["conversations"] = (db, id) => db.Conversations.CountAsync(x => x.ChildId == id),
        ["messages"] = (db, id) => db.Messages.CountAsync(x => x.ChildId == id),
        ["statutory-processes"] = (db, id) => db.StatutoryProcesses.CountAsync(x => x.ChildId == id),
        ["statutory-events"] = (db, id) => db.StatutoryEvents.CountAsync(x => x.ChildId == id),
        ["advice-requests"] = (db, id) => db.AdviceRequests.CountAsync(x => x.ChildId == id),
        ["recommendations"] = (db, id) => db.Recommendations.CountAsync(x => x.ChildId == id),
        ["recommendation-answers"] = (db, id) => db.RecommendationAnswers.CountAsync(x => x.ChildId == id),
        ["documents"] = (db, id) => db.Documents.CountAsync(x => x.ChildId == id),
        ["notifications"] = (db, id) => db.Notifications.CountAsync(x => x.ChildId == id),
        ["access-log"] = (db, id) => db.AccessLog.CountAsync(x => x.ChildId == id),
        ["corrections"] = (db, id) => db.CorrectionRequests.CountAsync(x => x.ChildId == id),
        ["erasure-requests"] = (db, id) => db.ErasureRequests.CountAsync(x => x.ChildId == id),
        ["emergency-access"] = (db, id) => db.EmergencyAccesses.CountAsync(x => x.ChildId == id),
        ["changes"] = (db, id) => db.AuditEvents.CountAsync(x => x.EntityType == "Child" && x.EntityId == id),
        ["downloads"] = (db, id) => db.RecordExports.CountAsync(x => x.ChildId == id),
    };

    /// <summary>The kinds the right of access must cover, which the demo's record of Sam holds at least one of each.</summary>
    private static readonly string[] MustHold =
    [
        "about-me", "about-me-versions", "family-members", "team-members", "sharing-consents", "plans", "plan-lines", "plan-versions",
        "commitments", "delivery-records", "meetings", "meeting-record-versions", "concerns", "concern-updates", "conversations", "messages",
        "statutory-processes", "statutory-events", "documents", "notifications", "access-log", "changes",
    ];

    [Fact]
    public async Task Sams_download_holds_every_kind_of_thing_on_his_record_counted_against_the_database()
    {
        var sam = await ChildIdAsync("Samuel");
        // Someone outside the family looks, so the access log has this view in it too.
        await (await SignedInAsync("therapist@example.org")).GetAsync($"/children/{sam}");
        var parent = await SignedInAsync("parent@example.org");

        // The database is counted as the download is asked for; what preparing it adds (its own notice) comes after.
        var expected = new Dictionary<string, int>();
        var zip = await DownloadedZip.TakeAsync(app, parent, sam, async () =>
        {
            foreach (var (table, count) in Counts)
            {
                expected[table] = await app.QueryAsync(db => count(db, sam));
            }
        });

        var rows = zip.RowsByTable();
        Assert.Equal(Counts.Keys.Order(), rows.Keys.Order());
        var mismatches = new List<string>();
        foreach (var table in Counts.Keys)
        {
            if (rows[table] != expected[table])
            {
                mismatches.Add($"{table}: {rows[table]} in the download, {expected[table]} in the database");
            }

            Assert.Equal(rows[table], zip.Json($"data/{table}.json").GetArrayLength());
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
        Assert.All(MustHold, table => Assert.True(rows[table] > 0, $"Sam's record in the demo holds no {table}"));

        // Each document's file is in the download, as it was added.
        var files = await app.QueryAsync(db => db.DocumentContents.Where(c => db.Documents.Any(d => d.Id == c.DocumentId && d.ChildId == sam && d.RemovedAt == null)).Select(c => c.Bytes).ToListAsync());
        var inZip = zip.Paths.Where(p => p.StartsWith("documents/", StringComparison.Ordinal)).ToList();
        Assert.Equal(files.Count, inZip.Count);

        // The report names the child and says what each section holds; nothing in it reaches outside the file.
        var report = zip.Text("report.html");
        Assert.Contains("Everything held about Samuel Morgan", report, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", report, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", report, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", report, StringComparison.Ordinal);
        var manifest = zip.Json("manifest.json");
        Assert.Equal("Alex Morgan", manifest.GetProperty("preparedFor").GetString());
        Assert.Equal(RecordAreas.All.Count, manifest.GetProperty("partsOfTheRecord").GetArrayLength());
        Assert.DoesNotContain("ipAddress", zip.Text("data/access-log.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_about_any_other_child_is_in_the_download_even_a_brother_or_sister()
    {
        var sam = await ChildIdAsync("Samuel");
        // Ellie is Alex's child too; Jordan shares Sam's team and area, and his record is full of things.
        var ellie = await ChildIdAsync("Ellie");
        var jordan = await ChildIdAsync("Jordan");
        var parent = await SignedInAsync("parent@example.org");
        var otherIds = await app.QueryAsync(async db => (await db.Commitments.Where(c => c.ChildId == jordan).Select(c => c.Id).ToListAsync())
            .Concat(await db.AuditEvents.Where(a => a.EntityId == jordan).Select(a => a.Id).ToListAsync())
            .Concat(await db.ProfileSections.Where(s => s.ChildId == jordan).Select(s => s.Id).ToListAsync())
            .Concat(await db.TeamMembers.Where(t => t.ChildId == jordan).Select(t => t.Id).ToListAsync())
            .Concat(await db.AccessLog.Where(a => a.ChildId == jordan).Select(a => a.Id).ToListAsync())
            .Concat([ellie, jordan]).ToList());
        Assert.True(otherIds.Count > 10, "Jordan's record holds nothing to look for");

        var zip = await DownloadedZip.TakeAsync(app, parent, sam);

        foreach (var path in zip.Paths.Where(p => !p.StartsWith("documents/", StringComparison.Ordinal)))
        {
            var text = zip.Text(path);
            Assert.DoesNotContain(otherIds, id => text.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));
        }

        Assert.All(zip.Json("data/commitments.json").EnumerateArray(), c => Assert.Equal(sam, c.GetProperty("childId").GetGuid()));
    }

    [Fact]
    public async Task A_parent_whose_young_person_shares_only_some_parts_gets_only_those_parts()
    {
        var jordan = await ChildIdAsync("Jordan");
        var dee = await app.QueryAsync(db => db.FamilyMembers.Where(f => f.ChildId == jordan && f.UserAccount!.Email == "dee.reid@example.org").Select(f => f.Id).SingleAsync());
        var youngPerson = await SignedInAsync("youngperson@example.org");
        await DownloadedZip.ShareOnlyAsync(youngPerson, jordan, dee, RecordArea.Education, RecordArea.StatutoryProcess);
        var parent = await SignedInAsync("dee.reid@example.org");
        var (_, page) = await parent.OpenAsync($"/children/{jordan}/download");
        Assert.Contains("holds only what Jordan shares with you: Education, Statutory process", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var limited = await DownloadedZip.TakeAsync(app, parent, jordan);
        var full = await DownloadedZip.TakeAsync(app, youngPerson, jordan);

        Assert.Equal(["Education", "Statutory process"], limited.Json("manifest.json").GetProperty("partsOfTheRecord").EnumerateArray().Select(p => p.GetString()).ToList());
        var limitedRows = limited.RowsByTable();
        var fullRows = full.RowsByTable();
        Assert.Equal(0, limitedRows["about-me"]);
        Assert.True(fullRows["about-me"] > 0);
        Assert.False(limitedRows.ContainsKey("meetings"), "Meetings are not shared with Dee");
        Assert.True(fullRows["meetings"] > 0 || fullRows["statutory-processes"] > 0);
        var parts = new[] { "Education", "StatutoryProcess" };
        Assert.All(limited.Json("data/documents.json").EnumerateArray(), d => Assert.Contains(d.GetProperty("part").GetString(), parts));
        Assert.All(limited.Json("data/changes.json").EnumerateArray(), c =>
            Assert.True(c.GetProperty("recordArea").ValueKind == JsonValueKind.Null || parts.Contains(c.GetProperty("recordArea").GetString())));
        Assert.Contains("The parts of the record not shared with you: About me, Health", limited.Text("report.html"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("therapist@example.org", HttpStatusCode.Forbidden)]
    [InlineData("senco@example.org", HttpStatusCode.Forbidden)]
    [InlineData("send.lead@example.org", HttpStatusCode.NotFound)]
    public async Task Only_the_family_may_download_and_others_change_nothing(string email, HttpStatusCode expected)
    {
        var sam = await ChildIdAsync("Samuel");
        var client = await SignedInAsync(email);
        var before = await app.QueryAsync(db => db.RecordExports.CountAsync());
        Assert.Equal(expected, (await client.GetAsync($"/children/{sam}/download")).StatusCode);
        var (_, children) = await client.OpenAsync("/children");
        var token = children.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var posted = await client.PostAsync($"/children/{sam}/download", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.True(posted.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{posted.StatusCode}");
        Assert.Equal(before, await app.QueryAsync(db => db.RecordExports.CountAsync()));
    }

    [Fact]
    public async Task Everything_kept_about_a_child_is_in_the_download_or_named_as_left_out_with_a_reason()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        var aboutAChild = db.Model.GetEntityTypes().Where(e => e.FindProperty("ChildId") is not null).Select(e => e.ClrType).ToHashSet();
        var family = await db.FamilyMembers.Include(f => f.Child).FirstAsync(f => f.Relationship == Core.Children.FamilyRelationship.ParentCarer);
        var everything = new ChildAccess(family.Child!, new ChildRelationship(RelationshipKind.ParentCarer), RecordAreas.All, null);
        var exported = (await scope.ServiceProvider.GetRequiredService<ChildRecordReader>().ReadAsync(everything, CancellationToken.None)).Tables.Select(t => t.RowType).ToHashSet();
        var missing = aboutAChild.Where(t => !exported.Contains(t) && !ChildRecordReader.NotInDownload.ContainsKey(t)).Select(t => t.Name).Order().ToList();
        Assert.True(missing.Count == 0, $"Kept about a child but neither downloaded nor named as left out: {string.Join(", ", missing)}");
    }
}

/// <summary>A download's life: asked for, prepared, taken once by the person who asked, and deleted if never taken.</summary>
public sealed class RecordDownloadLifecycleTests : FreshAppTests
{
    /// <summary>Asks for a download, lets the job prepare it, and returns the link the page offers for it.</summary>
    private async Task<string> PreparedLinkAsync(HttpClient client, Guid? childId)
    {
        var page = childId is { } id ? $"/children/{id}/download" : "/account/download";
        await client.SubmitAsync(page, new Dictionary<string, string>());
        await DownloadedZip.RunJobAsync(App);
        var (_, ready) = await client.OpenAsync(page);
        return ready.QuerySelector("main a[href*='handler=File']")!.GetAttribute("href")!;
    }

    [Fact]
    public async Task A_download_is_prepared_in_the_background_the_family_is_told_and_it_can_be_taken_only_once()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        var (asked, _) = await parent.SubmitAsync($"/children/{sam}/download", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);

        // While it is being prepared the page says so, and asking again adds nothing.
        var (_, waiting) = await parent.OpenAsync($"/children/{sam}/download");
        Assert.NotNull(waiting.QuerySelector("[data-refresh-while-preparing]"));
        Assert.Contains("Being prepared", waiting.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        var token = waiting.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await parent.OpenAsync($"/children/{sam}")).Page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (again, againPage) = await parent.PostFormAsync($"/children/{sam}/download", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already being prepared", Assert.Single(againPage.ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(1, await App.QueryAsync(db => db.RecordExports.CountAsync()));

        await DownloadedZip.RunJobAsync(App);
        var notice = await App.QueryAsync(db => db.Notifications.SingleAsync(n => n.Kind == NotificationKind.YourData));
        Assert.Equal("Everything held about Sam is ready to download", notice.Title);
        var email = (await App.DeliverEmailAsync()).Single(m => m.To.Mailboxes.Single().Address == "parent@example.org" && (m.TextBody ?? "").Contains("download", StringComparison.Ordinal));
        Assert.Contains("once, until 30 November 2026", email.TextBody!, StringComparison.Ordinal);

        var (_, ready) = await parent.OpenAsync($"/children/{sam}/download");
        var link = ready.QuerySelector("main a[href*='handler=File']")!.GetAttribute("href")!;
        Assert.Contains("Ready", ready.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        // Someone with no place on Sam's record is told it is not there.
        var stranger = await SignedInAsync("dee.reid@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(link)).StatusCode);

        var first = await parent.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith("sam-morgan-record-2026-11-23", first.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);
        var (second, secondPage) = await parent.OpenAsync(link);
        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.Contains("already been used", Assert.Single(secondPage.ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(0, await App.QueryAsync(db => db.RecordExportFiles.CountAsync()));

        // Asking, the file being ready and taking it are each on the chronology, for the family only.
        var actions = await App.QueryAsync(db => db.AuditEvents.Where(a => a.EntityId == sam).OrderBy(a => a.OccurredAt).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditActions.RecordDownloadRequested, AuditActions.RecordDownloadReady, AuditActions.RecordDownloaded], actions.Where(a => a.StartsWith("record.", StringComparison.Ordinal)));
        var (_, chronology) = await parent.OpenAsync($"/children/{sam}/chronology");
        Assert.Contains("Alex Morgan downloaded everything held about Sam", chronology.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_not_taken_within_seven_days_is_deleted_and_the_family_can_ask_again()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        var link = await PreparedLinkAsync(parent, sam);

        App.Time.Advance(TimeSpan.FromDays(RecordExport.DaysKept));
        await DownloadedZip.RunJobAsync(App);
        parent = await SignedInAsync("parent@example.org");

        Assert.Equal(0, await App.QueryAsync(db => db.RecordExportFiles.CountAsync()));
        Assert.Equal(RecordExportStatus.Expired, await App.QueryAsync(db => db.RecordExports.Select(e => e.Status).SingleAsync()));
        var (gone, gonePage) = await parent.OpenAsync(link);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("has now been deleted", Assert.Single(gonePage.ErrorSummary()), StringComparison.Ordinal);
        Assert.Contains("Deleted", gonePage.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        var (asked, _) = await parent.SubmitAsync($"/children/{sam}/download", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
    }

    [Fact]
    public async Task Only_the_person_who_asked_can_take_it_not_another_person_in_the_family()
    {
        var jordan = await ChildIdAsync("Jordan");
        var parent = await SignedInAsync("dee.reid@example.org");
        var link = await PreparedLinkAsync(parent, jordan);

        var youngPerson = await SignedInAsync("youngperson@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await youngPerson.GetAsync(link)).StatusCode);
        var (_, theirs) = await youngPerson.OpenAsync($"/children/{jordan}/download");
        Assert.Null(theirs.QuerySelector("main table"));

        Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Someone_who_leaves_the_family_before_it_is_ready_is_given_nothing()
    {
        var jordan = await ChildIdAsync("Jordan");
        var dee = await App.QueryAsync(db => db.FamilyMembers.Where(f => f.ChildId == jordan && f.UserAccount!.Email == "dee.reid@example.org").Select(f => f.Id).SingleAsync());
        var parent = await SignedInAsync("dee.reid@example.org");
        await parent.SubmitAsync($"/children/{jordan}/download", new Dictionary<string, string>());

        // Jordan shares nothing with Dee any more: the download is put together from what Dee may see when it is built.
        var youngPerson = await SignedInAsync("youngperson@example.org");
        await DownloadedZip.ShareOnlyAsync(youngPerson, jordan, dee);
        await DownloadedZip.RunJobAsync(App);

        var zip = await App.QueryAsync(db => db.RecordExportFiles.Select(f => f.Bytes).SingleAsync());
        var rows = new DownloadedZip(zip).RowsByTable();
        Assert.Equal(0, rows["about-me"]);
        Assert.False(rows.ContainsKey("statutory-processes"));
    }

    [Fact]
    public async Task A_person_downloads_everything_held_about_themself_but_nothing_of_a_record_they_have_left()
    {
        var sam = await ChildIdAsync("Samuel");
        var therapist = await SignedInAsync("therapist@example.org");
        var (suggested, _) = await therapist.SubmitAsync($"/children/{sam}/about-me/strengths/suggest",
            new Dictionary<string, string> { ["Input.Text"] = "Sam loves building marble runs.", ["Input.Reason"] = "He told me in our session." });
        Assert.Equal(HttpStatusCode.Redirect, suggested.StatusCode);
        await therapist.GetAsync($"/children/{sam}/about-me");

        var (_, account) = await therapist.OpenAsync("/account");
        Assert.NotNull(account.QuerySelector("main a[href='/account/download']"));
        var link = await PreparedLinkAsync(therapist, null);
        var viewsBefore = await App.QueryAsync(db => db.AccessLog.CountAsync(a => a.ChildId == sam));
        var first = new DownloadedZip(await (await therapist.GetAsync(link)).Content.ReadAsByteArrayAsync());

        var manifest = first.Json("manifest.json");
        Assert.Equal("Grace Okafor", manifest.GetProperty("person").GetString());
        var account1 = first.Json("data/account.json")[0];
        Assert.Equal("therapist@example.org", account1.GetProperty("email").GetString());
        Assert.False(account1.TryGetProperty("passwordHash", out _), "The password hash is never given out");
        Assert.False(account1.TryGetProperty("securityStamp", out _));
        var rows = first.RowsByTable();
        Assert.Equal(1, rows["about-me-suggestions"]);
        Assert.True(rows["records-you-looked-at"] > 0);
        Assert.True(rows["actions"] > 0);
        Assert.Contains("Sam loves building marble runs.", first.Text("report.html"), StringComparison.Ordinal);
        // Sam's family sees that what Grace wrote on his record left the service in her download.
        Assert.Equal(viewsBefore + 1, await App.QueryAsync(db => db.AccessLog.CountAsync(a => a.ChildId == sam)));
        Assert.Equal("What they wrote on the record, in a download of their own data",
            await App.QueryAsync(db => db.AccessLog.Where(a => a.ChildId == sam).OrderByDescending(a => a.ViewedAt).ThenByDescending(a => a.Id).Select(a => a.What).FirstAsync()));

        // Once Grace is off Sam's team, her download holds nothing from his record.
        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/team/{await MemberIdAsync(sam, "therapist@example.org")}/remove", new Dictionary<string, string>());
        var second = new DownloadedZip(await (await therapist.GetAsync(await PreparedLinkAsync(therapist, null))).Content.ReadAsByteArrayAsync());
        var after = second.RowsByTable();
        Assert.Equal(0, after["about-me-suggestions"]);
        Assert.Equal(0, after["records-you-looked-at"]);
        Assert.DoesNotContain(second.Json("data/actions.json").EnumerateArray(), a => a.GetProperty("entityId").ValueKind == JsonValueKind.String && a.GetProperty("entityId").GetGuid() == sam);
        Assert.Contains("no longer in", second.Text("report.html"), StringComparison.Ordinal);
    }
}
