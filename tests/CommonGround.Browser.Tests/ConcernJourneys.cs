using CommonGround.Core.Meetings;
using CommonGround.Core.Statutory;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// A concern on its clock: a parent raises it, the key worker acknowledges it late, it goes to the school's lead, it is
/// resolved with "you said, we did" and the parent reopens it; the emails say what changed and nothing sensitive; the
/// parent's calendar holds the meeting and the deadlines. This class moves the clock, so it has an app of its own.
/// Today is Monday 23 November 2026, 9am.
/// </summary>
public sealed class ConcernJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string WhatIsHappening = "Sam comes home upset every Tuesday after swimming and will not say why.";

    private readonly List<string> _errors = [];

    private Task AssertPageAsync(IPage page, string heading) => Steps.AssertPageAsync(page, heading, _errors);

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync(_errors);
        await SignInAsync(page, email);
        return page;
    }

    [Fact]
    public async Task A_late_concern_goes_to_the_lead_is_resolved_and_reopened_and_everyone_is_told_what_changed()
    {
        var sam = await browser.App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());

        // The parent raises a concern; it goes to the key worker by default.
        var parent = await SignedInAsync("parent@example.org");
        await parent.GotoAsync($"/children/{sam}");
        await Click(parent, AriaRole.Link, "Concerns");
        await AssertPageAsync(parent, "Concerns");
        await Click(parent, AriaRole.Button, "Raise a concern");
        await AssertPageAsync(parent, "Raise a concern");
        await Click(parent, AriaRole.Button, "Raise the concern");
        await AssertPageAsync(parent, "Raise a concern");
        await Assertions.Expect(parent.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what the concern is about");
        await parent.GetByLabel("What is your concern about?").FillAsync("Swimming lessons");
        await parent.GetByLabel("Education", new() { Exact = true }).CheckAsync();
        await parent.GetByLabel("What is happening?").FillAsync(WhatIsHappening);
        await parent.GetByLabel("What would you like to happen? (optional)").FillAsync("Someone to talk to Sam and let me know.");
        await Assertions.Expect(parent.GetByLabel("Priya Nair, key worker")).ToBeCheckedAsync();
        await Click(parent, AriaRole.Button, "Raise the concern");
        await AssertPageAsync(parent, "Swimming lessons");
        await Assertions.Expect(parent.Locator(".govuk-notification-banner")).ToContainTextAsync("acknowledged by Wednesday 25 November 2026");

        // Thursday: the key worker acknowledges a day late, from their notification.
        browser.App.Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
        var keyWorker = await SignedInAsync("senco@example.org");
        await Click(keyWorker, AriaRole.Link, "Notifications (1 unread)");
        await AssertPageAsync(keyWorker, "Notifications");
        await keyWorker.GetByRole(AriaRole.Link, new() { Name = "A concern about Sam was raised for you to answer: \"Swimming lessons\"" }).ClickAsync();
        await AssertPageAsync(keyWorker, "Swimming lessons");
        await Assertions.Expect(keyWorker.Locator(".govuk-warning-text")).ToContainTextAsync("This concern is overdue");
        await Click(keyWorker, AriaRole.Button, "Acknowledge");
        await AssertPageAsync(keyWorker, "Acknowledge the concern");
        await keyWorker.GetByLabel("Message to go with it (optional)").FillAsync("Sorry for the wait. I will speak to the swimming teacher today.");
        await Click(keyWorker, AriaRole.Button, "Acknowledge");
        await AssertPageAsync(keyWorker, "Swimming lessons");

        // It went to the school's lead, who sees it on their attention list.
        var lead = await SignedInAsync("orgadmin@example.org");
        await Click(lead, AriaRole.Link, "Needs attention");
        await AssertPageAsync(lead, "Needs attention");
        await Assertions.Expect(lead.Locator(".cg-attention")).ToContainTextAsync("Sam Morgan");
        await Assertions.Expect(lead.Locator(".cg-attention")).ToContainTextAsync("Concern overdue");
        await lead.Locator(".cg-attention a").First.ClickAsync();
        await AssertPageAsync(lead, "Concern about Sam Morgan");

        // The parent sees plainly that it was late and who has it now.
        parent = await SignedInAsync("parent@example.org");
        await parent.GotoAsync($"/children/{sam}/whats-happening");
        await AssertPageAsync(parent, "What's happening");
        await parent.GotoAsync($"/children/{sam}/concerns");
        await AssertPageAsync(parent, "Concerns");
        await Click(parent, AriaRole.Link, "Swimming lessons");
        await AssertPageAsync(parent, "Swimming lessons");
        await Assertions.Expect(parent.Locator("main")).ToContainTextAsync("Helen Brooks, a lead at Brookside Primary School, because it is overdue. Priya Nair still owns it");
        await Assertions.Expect(parent.Locator("main")).ToContainTextAsync("Done late");

        // The key worker resolves it: you said, we did.
        await keyWorker.ReloadAsync();
        await Click(keyWorker, AriaRole.Button, "Resolve: you said, we did");
        await AssertPageAsync(keyWorker, "Resolve: you said, we did");
        await Assertions.Expect(keyWorker.GetByLabel("You said")).ToHaveValueAsync("Someone to talk to Sam and let me know.");
        await keyWorker.GetByLabel("We did").FillAsync("I spoke to Sam and the swimming teacher. Sam now changes in a quieter room.");
        await Click(keyWorker, AriaRole.Button, "Resolve the concern");
        await AssertPageAsync(keyWorker, "Swimming lessons");

        // The parent does not agree, and reopens it with a reason.
        await parent.ReloadAsync();
        await Click(parent, AriaRole.Button, "Say whether it is resolved");
        await AssertPageAsync(parent, "Is it resolved?");
        await parent.GetByLabel("No, reopen it").CheckAsync();
        await Click(parent, AriaRole.Button, "Send");
        await AssertPageAsync(parent, "Is it resolved?");
        await Assertions.Expect(parent.Locator(".govuk-error-summary")).ToContainTextAsync("Say why it is not resolved");
        await parent.GetByLabel("What is still wrong?").FillAsync("Sam is still upset after swimming.");
        await Click(parent, AriaRole.Button, "Send");
        await AssertPageAsync(parent, "Swimming lessons");
        await Assertions.Expect(parent.Locator("main")).ToContainTextAsync("Reopened");

        // The record's history links each step to the concern it was about, on a phone as on a computer.
        await parent.SetViewportSizeAsync(390, 844);
        await parent.GotoAsync($"/children/{sam}/chronology");
        await AssertPageAsync(parent, "Sam's chronology");
        await Click(parent, AriaRole.Link, "Acknowledged a concern about Education");
        await AssertPageAsync(parent, "Swimming lessons");

        // The emails say what changed, link to it, and carry nothing of what the family wrote.
        var emails = await browser.App.DeliverEmailAsync();
        var toParent = emails.Where(m => m.To.Mailboxes.Any(t => t.Address == "parent@example.org")).ToList();
        Assert.Contains(toParent, m => (m.TextBody ?? "").Contains("Priya Nair acknowledged your concern about Sam", StringComparison.Ordinal));
        Assert.Contains(toParent, m => (m.TextBody ?? "").Contains("Priya Nair says your concern about Sam is resolved: tell them if it is", StringComparison.Ordinal));
        Assert.Contains(emails, m => m.To.Mailboxes.Any(t => t.Address == "orgadmin@example.org") && m.Subject == "A concern about Sam was not acknowledged in time and has come to you");
        foreach (var email in emails)
        {
            foreach (var sensitive in new[] { "swimming", "Swimming", "upset", "quieter room" })
            {
                Assert.DoesNotContain(sensitive, email.TextBody ?? "", StringComparison.Ordinal);
                Assert.DoesNotContain(sensitive, email.Subject ?? "", StringComparison.Ordinal);
            }
        }

        Assert.True(_errors.Count == 0, string.Join('\n', _errors));
    }

    [Fact]
    public async Task The_parents_calendar_feed_holds_the_meeting_and_the_deadlines()
    {
        var sam = await browser.App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());
        await browser.App.QueryAsync(async db =>
        {
            var senco = await db.Users.SingleAsync(u => u.Email == "senco@example.org");
            var parentAccount = await db.Users.SingleAsync(u => u.Email == "parent@example.org");
            var school = await db.Professionals.Include(p => p.Organisation).SingleAsync(p => p.UserAccountId == senco.Id);
            var now = browser.App.Time.GetUtcNow().UtcDateTime;
            var meeting = new Meeting
            {
                ChildId = sam, AreaId = school.AreaId, Kind = MeetingKind.Review, StartsAt = now.AddDays(14), DurationMinutes = 60, Place = "Brookside Primary School",
                OrganiserUserId = senco.Id, OrganiserName = senco.DisplayName, OrganiserEmail = senco.Email!, OrganiserOrganisationId = school.OrganisationId,
                OrganiserOrganisationName = school.Organisation!.Name, NoteTakerUserId = senco.Id, NoteTakerName = senco.DisplayName, ScheduledAt = now,
            };
            var invitee = new MeetingInvitee { MeetingId = meeting.Id, UserAccountId = parentAccount.Id, Name = parentAccount.DisplayName, Email = parentAccount.Email!, Role = "Parent", IsFamily = true };
            db.Meetings.Add(meeting);
            db.MeetingInvitees.Add(invitee);
            var process = new StatutoryProcess { ChildId = sam, AreaId = school.AreaId, Kind = StatutoryProcessKind.NeedsAssessment, StartedAt = now, StartedByUserId = parentAccount.Id, StartedByName = parentAccount.DisplayName };
            process.Events.Add(new StatutoryEvent
            {
                ProcessId = process.Id, ChildId = sam, Kind = StatutoryEventKind.RequestReceived, OccurredOn = new DateOnly(2026, 11, 2),
                RecordedAt = now, RecordedByUserId = parentAccount.Id, RecordedByName = parentAccount.DisplayName, RecordedByFamily = true,
            });
            process.Refresh(Timescales.England);
            db.StatutoryProcesses.Add(process);
            return await db.SaveChangesAsync();
        });

        var parent = await SignedInAsync("parent@example.org");
        await parent.GotoAsync("/account");
        await AssertPageAsync(parent, "Your account");
        await parent.GetByRole(AriaRole.Link, new() { Name = "Manage your calendar address" }).ClickAsync();
        await AssertPageAsync(parent, "Your calendar");
        await Click(parent, AriaRole.Button, "Make my calendar address");
        await AssertPageAsync(parent, "Your calendar");
        var address = (await parent.Locator(".cg-calendar-address").InnerTextAsync()).Trim();

        // The address is on the service's public address; here the service runs on a port of its own.
        Assert.StartsWith("https://localhost/calendar/", address, StringComparison.Ordinal);
        var response = await parent.APIRequest.GetAsync(new Uri(address).PathAndQuery);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/calendar", response.Headers["content-type"], StringComparison.Ordinal);
        var calendar = Calendar.Load(await response.TextAsync())!;
        var summaries = calendar.Events.Select(e => e.Summary).ToList();
        Assert.Contains("Review for Sam", summaries);
        Assert.Contains("Decision whether to assess: Sam", summaries);
        Assert.Contains("Final EHC plan issued: Sam", summaries);
        Assert.True(_errors.Count == 0, string.Join('\n', _errors));
    }
}
