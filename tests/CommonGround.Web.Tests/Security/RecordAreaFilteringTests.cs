using System.Net;
using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Commitments;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests.Security;

/// <summary>
/// The permission records (Sam's commitment is about health, his concern about education, and Sol Worker is shared
/// commitments, concerns and meetings but neither health nor education), with more that belongs to parts Sol may not see.
/// </summary>
public sealed class RecordAreaFixture : IAsyncLifetime
{
    public AppFactory App { get; } = new();
    public PermissionRecords Records { get; private set; } = default!;
    public Guid OwnedHealthCommitment { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        Records = await PermissionRecords.PrepareAsync(App);
        var sam = Records.Children["Samuel"];
        var today = App.Time.TodayInUk();
        var now = App.Time.GetUtcNow().UtcDateTime;
        OwnedHealthCommitment = await App.QueryAsync(async db =>
        {
            var sol = await db.TeamMembers.Include(t => t.Professional!).ThenInclude(p => p.Organisation).Include(t => t.Professional!).ThenInclude(p => p.UserAccount)
                .SingleAsync(t => t.ChildId == sam && t.Professional!.UserAccount!.Email == "social.worker@example.org");
            // Sol is a team lead, so sees Sam's early warnings; the family later stopped sharing health with them, after
            // this health commitment was given to them and a meeting's action about health was agreed.
            sol.IsTeamLead = true;
            var owned = new Commitment
            {
                ChildId = sam, AreaId = sol.AreaId, What = "Arrange a hearing test", RecordArea = CommitmentArea.Health, Source = CommitmentSource.AddedDirectly,
                OwnerProfessionalId = sol.ProfessionalId, OwnerName = sol.Professional!.UserAccount!.DisplayName, OwnerOrganisationId = sol.Professional.OrganisationId,
                OwnerOrganisationName = sol.Professional.Organisation!.Name, Kind = CommitmentKind.OneOff, DueDate = today.AddDays(5), CreatedAt = now,
                CreatedByUserId = sol.Professional.UserAccountId, CreatedByName = "Sol Worker",
            };
            owned.ChangeStatus(CommitmentStatus.Agreed, null, sol.Professional.UserAccountId, "Sol Worker", now, today);
            db.Commitments.Add(owned);
            var keyWorker = await db.TeamMembers.Include(t => t.Professional!).ThenInclude(p => p.Organisation).Include(t => t.Professional!).ThenInclude(p => p.UserAccount)
                .SingleAsync(t => t.Id == Records.KeyWorkers["Samuel"]);
            db.Commitments.Add(new Commitment
            {
                ChildId = sam, AreaId = sol.AreaId, What = "Book an audiology appointment", RecordArea = CommitmentArea.Health, Source = CommitmentSource.Meeting,
                MeetingId = Records.Meetings["Samuel"], OwnerProfessionalId = keyWorker.ProfessionalId, OwnerName = keyWorker.Professional!.UserAccount!.DisplayName,
                OwnerOrganisationId = keyWorker.Professional.OrganisationId, OwnerOrganisationName = keyWorker.Professional.Organisation!.Name,
                Kind = CommitmentKind.OneOff, DueDate = today.AddDays(20), CreatedAt = now, CreatedByUserId = keyWorker.Professional.UserAccountId, CreatedByName = "Key worker",
            });
            db.Notifications.Add(new Notification
            {
                RecipientUserId = sol.Professional.UserAccountId, ChildId = sam, Area = RecordArea.Commitments, AboutArea = RecordArea.Health,
                Kind = NotificationKind.Commitments, Title = "A new delivery was recorded for Sam's Weekly check-in", EmailLine = "A delivery was recorded",
                Link = $"/children/{sam}/commitments/{Records.Commitments["Samuel"]}", CreatedAt = now, EmailDueAt = now,
            });
            db.Notifications.Add(new Notification
            {
                RecipientUserId = sol.Professional.UserAccountId, ChildId = sam, Area = RecordArea.Meetings,
                Kind = NotificationKind.Meetings, Title = "The record of Sam's review is ready to read", EmailLine = "A record is ready",
                Link = $"/children/{sam}/meetings/{Records.Meetings["Samuel"]}", CreatedAt = now, EmailDueAt = now,
            });
            await db.SaveChangesAsync();
            return owned.Id;
        });
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AttentionJob>().ExecuteAsync(CancellationToken.None);
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>Whatever belongs to a part of the record is shown only to people the family shares that part with.</summary>
public sealed class RecordAreaFilteringTests(RecordAreaFixture fixture) : IClassFixture<RecordAreaFixture>
{
    private Guid Sam => fixture.Records.Children["Samuel"];

    private async Task<HttpClient> AsAsync(string email)
    {
        var client = fixture.App.NewClient();
        await client.SignInAsync(email);
        return client;
    }

    [Fact]
    public async Task A_health_commitment_is_not_found_by_someone_shared_commitments_but_not_health()
    {
        var sol = await AsAsync("social.worker@example.org");
        var commitment = fixture.Records.Commitments["Samuel"];
        Assert.Equal(HttpStatusCode.NotFound, (await sol.GetAsync($"/children/{Sam}/commitments/{commitment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sol.GetAsync($"/children/{Sam}/commitments/{commitment}/deliveries/new")).StatusCode);
        var (list, page) = await sol.OpenAsync($"/children/{Sam}/commitments");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("Weekly check-in", page.Body!.TextContent, StringComparison.Ordinal);
        var csv = await sol.GetStringAsync($"/children/{Sam}/commitments/export");
        Assert.DoesNotContain("Weekly check-in", csv, StringComparison.Ordinal);

        var (_, senco) = await (await AsAsync("senco@example.org")).OpenAsync($"/children/{Sam}/commitments");
        Assert.Contains("Weekly check-in", senco.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Their_own_health_commitment_leaves_what_they_owe_and_their_calendar_once_health_is_not_shared()
    {
        var sol = await AsAsync("social.worker@example.org");
        var (_, owe) = await sol.OpenAsync("/what-i-owe");
        Assert.DoesNotContain("Arrange a hearing test", owe.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Arrange a hearing test", await sol.GetStringAsync("/what-i-owe/export"), StringComparison.Ordinal);

        await sol.SubmitAsync("/account/calendar", new Dictionary<string, string>(), action: "/account/calendar/create");
        var (_, calendarPage) = await sol.OpenAsync("/account/calendar");
        var feed = await fixture.App.NewClient().GetStringAsync(new Uri(calendarPage.QuerySelector(".cg-calendar-address")!.TextContent).PathAndQuery);
        Assert.DoesNotContain("hearing test", feed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(fixture.OwnedHealthCommitment.ToString(), feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concern_about_education_is_not_found_by_someone_shared_concerns_but_not_education()
    {
        var sol = await AsAsync("social.worker@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await sol.GetAsync($"/children/{Sam}/concerns/{fixture.Records.Concerns["Samuel"]}")).StatusCode);
        var (_, list) = await sol.OpenAsync($"/children/{Sam}/concerns");
        Assert.DoesNotContain("Homework", list.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_record_leaves_out_actions_about_parts_not_shared_and_says_so()
    {
        var sol = await AsAsync("social.worker@example.org");
        var (response, record) = await sol.OpenAsync($"/children/{Sam}/meetings/{fixture.Records.Meetings["Samuel"]}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("audiology", record.Body!.TextContent, StringComparison.Ordinal);

        var (_, parents) = await (await AsAsync("parent@example.org")).OpenAsync($"/children/{Sam}/meetings/{fixture.Records.Meetings["Samuel"]}");
        Assert.Contains("Book an audiology appointment", parents.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifications_about_a_part_no_longer_shared_are_not_shown_or_opened()
    {
        var sol = await AsAsync("social.worker@example.org");
        var (_, page) = await sol.OpenAsync("/notifications");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("The record of Sam's review is ready to read", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Weekly check-in", text, StringComparison.Ordinal);
        Assert.Contains("Notifications (1 unread)", page.Body!.TextContent, StringComparison.Ordinal);

        var hidden = await fixture.App.QueryAsync(db => db.Notifications.Where(n => n.AboutArea == RecordArea.Health).Select(n => n.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await sol.GetAsync($"/notifications/{hidden}/open")).StatusCode);
    }

    [Fact]
    public async Task Early_warnings_about_a_health_commitment_are_not_shown_without_health()
    {
        var (_, solPage) = await (await AsAsync("social.worker@example.org")).OpenAsync("/attention");
        Assert.DoesNotContain("disputes", solPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var (_, sencoPage) = await (await AsAsync("senco@example.org")).OpenAsync("/attention");
        Assert.Contains("disputes", sencoPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
