using System.Net;
using CommonGround.Core.Meetings;
using CommonGround.Core.Statutory;
using Ical.Net;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

public sealed class CalendarFeedTests : FreshAppTests
{
    private async Task<string> MakeAddressAsync(HttpClient client)
    {
        var (made, _) = await client.SubmitAsync("/account/calendar", new Dictionary<string, string>(), action: "/account/calendar/create");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var (_, page) = await client.OpenAsync("/account/calendar");
        var address = page.QuerySelector(".cg-calendar-address")!.TextContent.Trim();
        Assert.Matches("^https://localhost/calendar/[0-9a-f]{64}\\.ics$", address);
        var (_, again) = await client.OpenAsync("/account/calendar");
        Assert.Null(again.QuerySelector(".cg-calendar-address"));
        return new Uri(address).PathAndQuery;
    }

    private async Task AddMeetingAndProcessAsync(Guid sam)
    {
        await App.QueryAsync(async db =>
        {
            var senco = await db.Users.SingleAsync(u => u.Email == "senco@example.org");
            var parent = await db.Users.SingleAsync(u => u.Email == "parent@example.org");
            var organisation = await db.Professionals.Include(p => p.Organisation).SingleAsync(p => p.UserAccountId == senco.Id);
            var now = App.Time.GetUtcNow().UtcDateTime;
            var meeting = new Meeting
            {
                ChildId = sam, AreaId = organisation.AreaId, Kind = MeetingKind.Review, StartsAt = new DateTime(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc), DurationMinutes = 60,
                Place = "Brookside Primary School", OrganiserUserId = senco.Id, OrganiserName = senco.DisplayName, OrganiserEmail = senco.Email!,
                OrganiserOrganisationId = organisation.OrganisationId, OrganiserOrganisationName = organisation.Organisation!.Name,
                NoteTakerUserId = senco.Id, NoteTakerName = senco.DisplayName, ScheduledAt = now,
            };
            meeting.Invitees.Add(new MeetingInvitee { MeetingId = meeting.Id, UserAccountId = parent.Id, Name = parent.DisplayName, Email = parent.Email!, Role = "Parent", IsFamily = true });
            db.Meetings.Add(meeting);
            db.MeetingInvitees.Add(meeting.Invitees[0]);
            var process = new StatutoryProcess { ChildId = sam, AreaId = organisation.AreaId, Kind = StatutoryProcessKind.NeedsAssessment, StartedAt = now, StartedByUserId = parent.Id, StartedByName = parent.DisplayName };
            process.Events.Add(new StatutoryEvent
            {
                ProcessId = process.Id, ChildId = sam, Kind = StatutoryEventKind.RequestReceived, OccurredOn = new DateOnly(2026, 11, 2),
                RecordedAt = now, RecordedByUserId = parent.Id, RecordedByName = parent.DisplayName, RecordedByFamily = true,
            });
            process.Refresh(Timescales.England);
            db.StatutoryProcesses.Add(process);
            await db.SaveChangesAsync();
            return 0;
        });
    }

    [Fact]
    public async Task The_family_feed_holds_the_meeting_and_the_statutory_deadlines_and_reads_as_a_calendar()
    {
        var sam = await ChildIdAsync("Samuel");
        await AddMeetingAndProcessAsync(sam);
        var parent = await SignedInAsync("parent@example.org");
        var address = await MakeAddressAsync(parent);

        var response = await App.NewClient().GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Calendar.Load(text)!;
        var summaries = calendar.Events.Select(e => e.Summary).ToList();
        Assert.Contains("Review for Sam", summaries);
        var decision = calendar.Events.Single(e => e.Summary == "Decision whether to assess: Sam");
        // Request received on 2 November 2026: the decision is due six weeks later, as a whole-day date.
        Assert.Equal(new DateOnly(2026, 12, 14), DateOnly.FromDateTime(decision.Start!.Value));
        Assert.False(decision.Start.HasTime);
        Assert.All(calendar.Events, e => Assert.False(string.IsNullOrEmpty(e.Uid)));
        Assert.Contains("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20261214", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_professionals_feed_holds_the_dates_of_concerns_they_own_and_nothing_they_may_not_see()
    {
        var sam = await ChildIdAsync("Samuel");
        await AddMeetingAndProcessAsync(sam);
        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/concerns/new", new Dictionary<string, string>
        {
            ["Input.Topic"] = "Lunchtimes", ["Input.About"] = "Education", ["Input.WhatIsHappening"] = "Sam eats alone.", ["Input.Urgency"] = "Standard", ["Input.Owner"] = "key-worker",
        });
        var keyWorker = await SignedInAsync("senco@example.org");
        var address = await MakeAddressAsync(keyWorker);

        var calendar = Calendar.Load(await App.NewClient().GetStringAsync(address))!;
        var summaries = calendar.Events.Select(e => e.Summary).ToList();
        Assert.Contains("Review for Sam", summaries);
        var acknowledge = calendar.Events.Single(e => e.Summary == "Acknowledge a concern about Sam");
        Assert.Equal(new DateOnly(2026, 11, 25), DateOnly.FromDateTime(acknowledge.Start!.Value));
        // The family does not share the statutory process with the key worker, so its dates are not in their feed.
        Assert.DoesNotContain(summaries, s => s!.StartsWith("Decision", StringComparison.Ordinal));
        Assert.DoesNotContain("Lunchtimes", await App.NewClient().GetStringAsync(address), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_address_stops_the_old_one_and_a_stopped_address_is_not_found()
    {
        var parent = await SignedInAsync("parent@example.org");
        var first = await MakeAddressAsync(parent);
        var second = await MakeAddressAsync(parent);
        var anyone = App.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync(second)).StatusCode);

        var (stopped, _) = await parent.SubmitAsync("/account/calendar", new Dictionary<string, string>(), action: "/account/calendar/stop");
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/calendar/not-a-real-address.ics")).StatusCode);
        Assert.Equal(3, await App.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action.StartsWith("account.calendar-feed"))));
    }
}
