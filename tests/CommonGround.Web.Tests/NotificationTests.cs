using System.Net;
using CommonGround.Core.Concerns;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CommonGround.Web.Tests;

public sealed class NotificationTests : FreshAppTests
{
    private async Task<Notification> NotifyAsync(string email, NotificationKind kind = NotificationKind.Commitments, string link = "/children", bool mandatory = false)
    {
        var userId = await UserIdAsync(email);
        await using var scope = App.Services.CreateAsyncScope();
        var notification = await scope.ServiceProvider.GetRequiredService<Notifier>()
            .NotifyAsync(userId, kind, "A new delivery was recorded for Sam's speech and language therapy", "A new delivery was recorded for one of Sam's commitments", link, mandatory: mandatory);
        await scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>().SaveChangesAsync();
        return notification;
    }

    [Fact]
    public async Task Opening_a_notification_marks_it_read_and_goes_to_the_thing_that_changed()
    {
        var notification = await NotifyAsync("parent@example.org", link: "/children?from=notification");
        var parent = await SignedInAsync("parent@example.org");
        var (_, list) = await parent.OpenAsync("/notifications");
        Assert.Contains("Notifications (1 unread)", list.QuerySelector(".govuk-service-navigation")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sam's speech and language therapy", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var opened = await parent.GetAsync($"/notifications/{notification.Id}/open");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/children?from=notification", opened.Headers.Location!.OriginalString);
        Assert.NotNull(await App.QueryAsync(db => db.Notifications.Where(n => n.Id == notification.Id).Select(n => n.ReadAt).SingleAsync()));
        var (_, after) = await parent.OpenAsync("/notifications");
        Assert.DoesNotContain("unread", after.QuerySelector(".govuk-service-navigation")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_menu_counts_unread_notifications_up_to_99_and_says_99_plus_beyond_that()
    {
        var userId = await UserIdAsync("parent@example.org");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            for (var i = 0; i < NotificationService.UnreadCountedUpTo; i++)
            {
                await notifier.NotifyAsync(userId, NotificationKind.Commitments, $"Delivery {i} was recorded for Sam", "A new delivery was recorded", "/children");
            }

            await scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>().SaveChangesAsync();
        }

        var parent = await SignedInAsync("parent@example.org");
        var (_, ninetyNine) = await parent.OpenAsync("/children");
        Assert.Contains("Notifications (99 unread)", ninetyNine.QuerySelector(".govuk-service-navigation")!.TextContent, StringComparison.Ordinal);

        await NotifyAsync("parent@example.org");
        var (_, more) = await parent.OpenAsync("/children");
        Assert.Contains("Notifications (99+ unread)", more.QuerySelector(".govuk-service-navigation")!.TextContent, StringComparison.Ordinal);
        var (_, list) = await parent.OpenAsync("/notifications?show=unread");
        Assert.Contains("100 unread.", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page_instead_of_saying_there_is_nothing()
    {
        await NotifyAsync("parent@example.org");
        var parent = await SignedInAsync("parent@example.org");
        var (_, page) = await parent.OpenAsync("/notifications?page=7");
        Assert.Single(page.QuerySelectorAll(".cg-notifications li"));
    }

    [Fact]
    public async Task Someone_elses_notification_is_not_found_and_stays_unread()
    {
        var notification = await NotifyAsync("parent@example.org");
        var keyWorker = await SignedInAsync("senco@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await keyWorker.GetAsync($"/notifications/{notification.Id}/open")).StatusCode);
        Assert.Null(await App.QueryAsync(db => db.Notifications.Where(n => n.Id == notification.Id).Select(n => n.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task Mark_all_as_read_reads_only_the_persons_own()
    {
        await NotifyAsync("parent@example.org");
        await NotifyAsync("parent@example.org");
        var other = await NotifyAsync("senco@example.org");
        var parent = await SignedInAsync("parent@example.org");
        var (_, unread) = await parent.OpenAsync("/notifications?show=unread");
        Assert.Equal(2, unread.QuerySelectorAll(".cg-notifications li").Length);

        var (marked, _) = await parent.SubmitAsync("/notifications", new Dictionary<string, string>(), action: "/notifications/read");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal(0, await App.QueryAsync(db => db.Notifications.CountAsync(n => n.ReadAt == null && n.RecipientUserId != other.RecipientUserId)));
        Assert.Null(await App.QueryAsync(db => db.Notifications.Where(n => n.Id == other.Id).Select(n => n.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task The_email_says_what_changed_in_one_line_with_a_link_and_no_sensitive_detail()
    {
        await NotifyAsync("parent@example.org", link: "/children/123/commitments");
        var email = (await App.DeliverEmailAsync()).Single();
        Assert.Equal("A new delivery was recorded for one of Sam's commitments", email.Subject);
        Assert.Contains("https://localhost/children/123/commitments", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("speech", email.TextBody, StringComparison.Ordinal);
        // Delivered once: running the jobs again sends nothing more.
        Assert.Single(await App.DeliverEmailAsync());
    }

    [Fact]
    public async Task A_daily_digest_waits_for_8am_and_sends_everything_in_one_email()
    {
        var parent = await SignedInAsync("parent@example.org");
        var (saved, _) = await parent.SubmitAsync("/account/notifications", Choices(commitments: "DailyDigest"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await NotifyAsync("parent@example.org");
        await NotifyAsync("parent@example.org");

        Assert.Empty(await App.DeliverEmailAsync());
        App.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var digest = Assert.Single(await App.DeliverEmailAsync());
        Assert.Equal("2 updates on CommonGround", digest.Subject);
        Assert.Equal(2, await App.QueryAsync(db => db.Notifications.CountAsync(n => n.EmailState == NotificationEmailState.Emailed && n.OutboxMessageId != null)));
    }

    [Fact]
    public async Task Quiet_hours_hold_an_email_until_they_end_even_one_that_cannot_be_turned_off()
    {
        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync("/account/notifications", Choices(quietFrom: "08:30", quietUntil: "10:00"));
        await NotifyAsync("parent@example.org", NotificationKind.StatutoryDeadlines, mandatory: true);

        Assert.Empty(await App.DeliverEmailAsync());
        App.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        Assert.Single(await App.DeliverEmailAsync());
    }

    [Fact]
    public async Task Turned_off_kinds_are_not_emailed_but_still_shown()
    {
        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync("/account/notifications", Choices(commitments: "Off"));
        await NotifyAsync("parent@example.org");

        Assert.Empty(await App.DeliverEmailAsync());
        Assert.Equal(NotificationEmailState.NotEmailed, await App.QueryAsync(db => db.Notifications.Select(n => n.EmailState).SingleAsync()));
        var (_, list) = await parent.OpenAsync("/notifications");
        Assert.Single(list.QuerySelectorAll(".cg-notifications li"));
    }

    [Theory]
    [InlineData("StatutoryDeadlines", "Off", "", "", "You cannot turn off emails about statutory dates that are close or missed")]
    [InlineData("Commitments", "Immediately", "21:00", "", "Enter both times for quiet hours, or neither")]
    [InlineData("Commitments", "Immediately", "21:00", "21:00", "Quiet hours must start and end at different times")]
    [InlineData("Commitments", "Immediately", "9pm", "07:00", "Enter a time on the 24-hour clock, like 21:00")]
    public async Task Choices_that_are_not_allowed_are_refused_and_nothing_is_saved(string kind, string frequency, string from, string until, string error)
    {
        var parent = await SignedInAsync("parent@example.org");
        var form = Choices(quietFrom: from, quietUntil: until);
        form[$"Input.{kind}"] = frequency;
        var (response, page) = await parent.SubmitAsync("/account/notifications", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(error, page.ErrorSummary());
        Assert.Equal(0, await App.QueryAsync(db => db.NotificationPreferences.CountAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.NotificationSettings.CountAsync()));
    }

    private static Dictionary<string, string> Choices(string commitments = "Immediately", string quietFrom = "", string quietUntil = "") => new()
    {
        ["Input.ConcernRaised"] = "Immediately",
        ["Input.ConcernUpdated"] = "Immediately",
        ["Input.ConcernOverdue"] = "Immediately",
        ["Input.Messages"] = "Immediately",
        ["Input.Commitments"] = commitments,
        ["Input.Meetings"] = "WeeklyDigest",
        ["Input.Plans"] = "Immediately",
        ["Input.StatutoryDeadlines"] = "Immediately",
        ["Input.QuietHoursFrom"] = quietFrom,
        ["Input.QuietHoursUntil"] = quietUntil,
    };
}

/// <summary>Two instances of the app on one database, as behind a load balancer: each piece of work is done once.</summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private readonly AppFactory _first = new();
    private AppFactory _second = default!;

    public async ValueTask InitializeAsync()
    {
        await _first.InitializeAsync();
        _ = _first.Services;
        _second = new AppFactory { SharesDatabaseWith = _first };
        await _second.InitializeAsync();
        _ = _second.Services;
    }

    public async ValueTask DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task Each_notification_is_emailed_exactly_once_when_two_instances_run_the_jobs_at_once()
    {
        const int People = 6, PerPerson = 70;
        var users = await _first.QueryAsync(db => db.Users.Where(u => u.Email != null).OrderBy(u => u.Email).Select(u => u.Id).Take(People).ToListAsync());
        await using (var scope = _first.Services.CreateAsyncScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            for (var i = 0; i < PerPerson; i++)
            {
                foreach (var user in users)
                {
                    await notifier.NotifyAsync(user, NotificationKind.Commitments, $"Change {i}", $"Change number {i} happened", "/children");
                }
            }

            await scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>().SaveChangesAsync();
        }

        // Both instances run the notification job and then the email job, several times over, at the same time.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => RunAsync<NotificationEmailJob>(i % 2 == 0 ? _first : _second)));
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => RunAsync<EmailDeliveryJob>(i % 2 == 0 ? _first : _second)));

        var notifications = await _first.QueryAsync(db => db.Notifications.ToListAsync());
        Assert.All(notifications, n => Assert.Equal(NotificationEmailState.Emailed, n.EmailState));
        var outbox = await _first.QueryAsync(db => db.OutboxMessages.ToListAsync());
        Assert.All(outbox, m => Assert.NotNull(m.SentAt));
        Assert.Equal(outbox.Select(m => m.Id).Order(), notifications.Select(n => n.OutboxMessageId!.Value).Distinct().Order());

        var delivered = new[] { _first.PickupFolder, _second.PickupFolder }.Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*.eml")).Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(outbox.Count, delivered.Count);
        // Every change reaches every person once: no line is missing or repeated in what they received.
        foreach (var group in delivered.GroupBy(m => m.To.Mailboxes.Single().Address))
        {
            var lines = group.SelectMany(m => (m.TextBody ?? "").Split('\n').Where(l => l.StartsWith("Change number ", StringComparison.Ordinal)).Select(l => l.Trim())).ToList();
            Assert.Equal(PerPerson, lines.Count);
            Assert.Equal(PerPerson, lines.Distinct().Count());
        }
    }

    [Fact]
    public async Task Each_overdue_concern_is_escalated_exactly_once_when_two_instances_look_at_once()
    {
        var sam = await _first.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());
        await using (var scope = _first.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
            var owner = await db.TeamMembers.Include(t => t.Professional!).ThenInclude(p => p.Organisation).Include(t => t.Professional!).ThenInclude(p => p.UserAccount)
                .SingleAsync(t => t.ChildId == sam && t.IsKeyWorker);
            var parent = await db.Users.Where(u => u.Email == "parent@example.org").Select(u => u.Id).SingleAsync();
            for (var i = 0; i < 30; i++)
            {
                var concern = new Concern
                {
                    ChildId = sam, AreaId = owner.AreaId, Topic = $"Concern {i}", About = Core.Access.RecordArea.Education, WhatIsHappening = "Something",
                    Urgency = ConcernUrgency.Standard, RaisedAt = _first.Time.GetUtcNow().UtcDateTime, RaisedByUserId = parent, RaisedByName = "Alex Morgan", RaisedByFamily = true,
                    OwnerOrganisationId = owner.Professional!.OrganisationId, OwnerOrganisationName = owner.Professional.Organisation!.Name,
                    OwnerProfessionalId = owner.ProfessionalId, OwnerName = owner.Professional.UserAccount!.DisplayName,
                    ClockStartsOn = new DateOnly(2026, 11, 23), AcknowledgeBy = new DateOnly(2026, 11, 25), RespondBy = new DateOnly(2026, 12, 7),
                };
                db.Concerns.Add(concern);
                db.ConcernUpdates.Add(concern.Raise(parent, "Alex Morgan", true));
            }

            await db.SaveChangesAsync();
        }

        foreach (var app in new[] { _first, _second })
        {
            app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero));
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => RunAsync<ConcernEscalationJob>(i % 2 == 0 ? _first : _second)));

        Assert.Equal(30, await _first.QueryAsync(db => db.ConcernUpdates.CountAsync(u => u.Kind == ConcernUpdateKind.Escalated)));
        Assert.Equal(30, await _first.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == "concern.escalated")));
        // The lead, the owner and the parent each hear once about each concern.
        Assert.Equal(90, await _first.QueryAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.ConcernOverdue)));
    }

    private static async Task RunAsync<TJob>(AppFactory app) where TJob : Core.Jobs.IJob
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TJob>().ExecuteAsync(CancellationToken.None);
    }
}
