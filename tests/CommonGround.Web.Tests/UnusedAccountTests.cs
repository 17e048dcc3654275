using System.Net;
using System.Text.RegularExpressions;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.DataRights;
using CommonGround.Core.Time;
using CommonGround.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CommonGround.Web.Tests;

/// <summary>
/// Deleting accounts nobody needs, after warning their owners. Today is Monday 23 November 2026; two years and two days
/// on is the first day an account made today counts as unused.
/// </summary>
public sealed class UnusedAccountTests : FreshAppTests
{
    private const string WarningSubject = "Your CommonGround account will be deleted on ";
    private static readonly TimeSpan UnusedLongEnough = TimeSpan.FromDays(2 * 365 + 2);

    private async Task RunAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UnusedAccountJob>().ExecuteAsync(CancellationToken.None);
    }

    /// <summary>An account as someone makes it who signs up and never adds a child.</summary>
    private async Task<Guid> AccountAsync(string email, string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var user = new UserAccount { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Kind = AccountKind.Family, CreatedAt = App.Time.GetUtcNow().UtcDateTime };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().CreateAsync(user, TestRecords.Password)).Succeeded);
        return user.Id;
    }

    /// <summary>Sends what is waiting, and returns every warning delivered to an address so far.</summary>
    private async Task<List<MimeMessage>> WarningsToAsync(string address) => (await App.DeliverEmailAsync())
        .Where(m => m.To.Mailboxes.Any(t => t.Address == address) && (m.Subject ?? "").StartsWith(WarningSubject, StringComparison.Ordinal)).ToList();

    private Task<bool> ExistsAsync(Guid userId) => App.QueryAsync(db => db.Users.AnyAsync(u => u.Id == userId));

    private string Today => UkDates.Date(App.Time.TodayInUk());

    [Fact]
    public async Task An_account_linked_to_no_child_and_unused_for_two_years_is_deleted_a_month_after_its_owner_is_warned_leaving_nothing_of_them()
    {
        var kim = await AccountAsync("kim.taylor@example.org", "Kim Taylor");
        var (_, notice) = await App.NewClient().OpenAsync("/privacy");
        Assert.Contains("is deleted once nobody has signed in to it for 2 years. Its owner is emailed 30 days before, and signing in keeps it.",
            notice.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // After a year and a half it is not unused for long enough.
        App.Time.Advance(TimeSpan.FromDays(548));
        await RunAsync();
        Assert.Empty(await WarningsToAsync("kim.taylor@example.org"));

        App.Time.Advance(UnusedLongEnough - TimeSpan.FromDays(548));
        await RunAsync();
        var warning = Assert.Single(await WarningsToAsync("kim.taylor@example.org"));
        var deleteOn = UkDates.Date(App.Time.TodayInUk().AddDays(RetentionSchedule.AccountWarningDays));
        Assert.Equal(WarningSubject + deleteOn, warning.Subject);
        Assert.Contains("To keep your account, sign in before then: https://localhost/sign-in", warning.TextBody, StringComparison.Ordinal);
        Assert.Equal(kim, await App.QueryAsync(db => db.AuditEvents.Where(a => a.Action == AuditActions.AccountDeletionWarned).Select(a => a.EntityId).SingleAsync()));

        // One warning, not one a run; and nobody linked to a child, or running the service, is warned however long unused.
        await RunAsync();
        Assert.Single(await WarningsToAsync("kim.taylor@example.org"));
        Assert.Empty(await WarningsToAsync("parent@example.org"));
        Assert.Empty(await WarningsToAsync("caseworker@example.org"));
        Assert.Empty(await WarningsToAsync("admin@example.org"));

        // The day before the date in the email, the account is still there; on the day it is gone.
        App.Time.Advance(TimeSpan.FromDays(RetentionSchedule.AccountWarningDays - 1));
        await RunAsync();
        Assert.True(await ExistsAsync(kim));
        App.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(deleteOn, Today);
        await RunAsync();
        Assert.False(await ExistsAsync(kim));

        // Nothing anywhere holds her name or email address, and only the log of what was done holds the account's id.
        Assert.Empty(await App.TracesAsync("kim.taylor@example.org", new Regex(@"Kim Taylor")));
        Assert.Empty(await App.TracesAsync(kim.ToString(), new Regex("(?!)"), "audit_events"));
        var deleted = await App.QueryAsync(db => db.AuditEvents.SingleAsync(a => a.Action == AuditActions.AccountDeleted));
        Assert.Equal(kim, deleted.EntityId);
        Assert.Equal("Deleted an account unused for 2 years and linked to no child, 30 days after its owner was warned by email", deleted.Summary);

        var (signIn, _) = await App.NewClient().SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = "kim.taylor@example.org", ["Input.Password"] = TestRecords.Password });
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Signing_in_keeps_an_account_and_a_warning_that_never_arrived_is_not_counted()
    {
        var lee = await AccountAsync("lee.evans@example.org", "Lee Evans");
        var mo = await AccountAsync("mo.hassan@example.org", "Mo Hassan");
        App.Time.Advance(UnusedLongEnough);
        await RunAsync();

        // Mo's warning cannot be delivered: the email service gives up on it.
        await App.QueryAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "mo.hassan@example.org")
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.AbandonedAt, App.Time.GetUtcNow().UtcDateTime)));
        Assert.Single(await WarningsToAsync("lee.evans@example.org"));
        Assert.Empty(await WarningsToAsync("mo.hassan@example.org"));

        // Lee signs in a week later, which withdraws the warning.
        App.Time.Advance(TimeSpan.FromDays(7));
        var leeSignedIn = App.NewClient();
        await leeSignedIn.SignInAsync("lee.evans@example.org");
        var (_, accountPage) = await leeSignedIn.OpenAsync("/account");
        Assert.Contains("Once it does neither, it is deleted when nobody has signed in to it for 2 years. We email you 30 days before, and signing in keeps it.",
            accountPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var account = await App.QueryAsync(db => db.Users.SingleAsync(u => u.Id == lee));
        Assert.Null(account.DeletionWarningId);
        Assert.Equal(App.Time.GetUtcNow().UtcDateTime, account.LastSignedInAt);

        // A month after the warnings, Lee keeps the account and is not warned again; Mo is warned again, not deleted.
        App.Time.Advance(TimeSpan.FromDays(RetentionSchedule.AccountWarningDays));
        await RunAsync();
        Assert.True(await ExistsAsync(lee));
        Assert.True(await ExistsAsync(mo));
        Assert.Single(await WarningsToAsync("lee.evans@example.org"));
        Assert.Single(await WarningsToAsync("mo.hassan@example.org"));
        Assert.Equal(3, await App.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.AccountDeletionWarned)));
    }

    [Fact]
    public async Task A_professional_who_has_left_keeps_only_their_name_where_their_work_is_in_a_childs_record()
    {
        var sam = await ChildIdAsync("Samuel");
        var grace = await App.QueryAsync(async db =>
        {
            var now = App.Time.GetUtcNow().UtcDateTime;
            var professional = await db.Professionals.SingleAsync(p => p.UserAccount!.Email == "therapist@example.org");
            professional.Deactivate(now);
            foreach (var place in await db.TeamMembers.Include(t => t.Consents).Where(t => t.ProfessionalId == professional.Id).ToListAsync())
            {
                place.Leave(professional.UserAccountId, now);
            }

            // She joined by an invitation, which keeps the address it was sent to.
            var invitation = new Invitation
            {
                Kind = InvitationKind.Staff, Email = "Therapist@example.org", DisplayName = "Grace Okafor", AreaId = professional.AreaId, OrganisationId = professional.OrganisationId,
                JobTitle = professional.JobTitle, TokenHash = "used", InvitedByUserId = professional.UserAccountId, CreatedAt = now.AddYears(-1), ExpiresAt = now.AddYears(-1).AddDays(7),
            };
            invitation.Accept(professional.UserAccountId, now.AddYears(-1));
            db.Invitations.Add(invitation);

            // An invitation to her address that she never took up is an offer to the address, not a copy of her account's.
            db.Invitations.Add(new Invitation
            {
                Kind = InvitationKind.Family, Email = "therapist@example.org", DisplayName = "Grace Okafor", AreaId = professional.AreaId, ChildId = sam,
                Relationship = Core.Children.FamilyRelationship.OtherCarer, TokenHash = "never-used", InvitedByUserId = professional.UserAccountId, CreatedAt = now, ExpiresAt = now.AddDays(7),
            });
            await db.SaveChangesAsync();
            return professional.UserAccountId;
        });

        App.Time.Advance(UnusedLongEnough);
        await RunAsync();
        Assert.Single(await WarningsToAsync("therapist@example.org"));
        App.Time.Advance(TimeSpan.FromDays(RetentionSchedule.AccountWarningDays));
        await RunAsync();

        var account = await App.QueryAsync(db => db.Users.SingleAsync(u => u.Id == grace));
        Assert.Equal("Grace Okafor", account.DisplayName);
        Assert.NotNull(account.DeletedAt);
        Assert.Null(account.Email);
        Assert.Null(account.PasswordHash);
        Assert.Equal($"deleted-{grace:N}", account.UserName);
        Assert.Equal(1, await App.QueryAsync(db => db.Professionals.CountAsync(p => p.UserAccountId == grace)));
        Assert.Equal("Deleted an account unused for 2 years and linked to no child, 30 days after its owner was warned by email; only its name is kept, on its owner's work in children's records",
            await App.QueryAsync(db => db.AuditEvents.Where(a => a.Action == AuditActions.AccountDeleted).Select(a => a.Summary).SingleAsync()));
        Assert.Equal(["invitations.email"], await App.TracesAsync("therapist@example.org", new Regex("(?!)")));
        Assert.Equal("never-used", await App.QueryAsync(db => db.Invitations.Where(i => i.Email == "therapist@example.org").Select(i => i.TokenHash).SingleAsync()));
        Assert.Equal("", await App.QueryAsync(db => db.Invitations.Where(i => i.AcceptedByUserId == grace).Select(i => i.Email).SingleAsync()));
        Assert.Empty(await App.QueryAsync(db => db.UserSessions.Where(s => s.UserAccountId == grace).ToListAsync()));
        Assert.Empty(await App.QueryAsync(db => db.Notifications.Where(n => n.RecipientUserId == grace).ToListAsync()));

        // Nobody can sign in with it; a second run leaves it as it is; Sam's record still opens for his family.
        var (signIn, _) = await App.NewClient().SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = "therapist@example.org", ["Input.Password"] = TestRecords.Password });
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        await RunAsync();
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.AccountDeleted)));
        var parent = await SignedInAsync("parent@example.org");
        Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync($"/children/{sam}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync($"/children/{sam}/chronology")).StatusCode);
    }
}
