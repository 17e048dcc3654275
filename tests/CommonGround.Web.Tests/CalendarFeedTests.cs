using System.Net;
using System.Text.RegularExpressions;
using CommonGround.Core.Access;
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
    public async Task A_caseworkers_feed_holds_what_each_family_shares_and_logs_a_read_only_of_the_children_whose_dates_it_gave()
    {
        var sam = await ChildIdAsync("Samuel");
        await AddMeetingAndProcessAsync(sam);
        var caseworker = await SignedInAsync("caseworker@example.org");
        var address = await MakeAddressAsync(caseworker);
        var onTeam = await App.QueryAsync(db => db.TeamMembers.Where(t => t.LeftAt == null && t.Professional!.UserAccount!.Email == "caseworker@example.org")
            .Select(t => t.ChildId).ToListAsync());

        var first = Calendar.Load(await App.NewClient().GetStringAsync(address))!;
        Assert.Contains(first.Events, e => e.Summary == "Decision whether to assess: Sam");
        var dated = DatedChildren(first);
        Assert.Subset(onTeam.ToHashSet(), dated);
        Assert.Equal(dated.Order(), (await ReadsAsync()).Keys.Order());

        // The family stops sharing the needs assessment with the caseworker: its dates leave the feed at once, and the
        // calendar app reading the feed again is no longer a read of Sam's record.
        var place = await MemberIdAsync(sam, "caseworker@example.org");
        await App.QueryAsync(async db =>
        {
            var sharing = await db.SharingConsents.SingleAsync(c => c.TeamMemberId == place && c.Area == RecordArea.StatutoryProcess && c.WithdrawnAt == null);
            sharing.Withdraw(await db.Users.Where(u => u.Email == "parent@example.org").Select(u => u.Id).SingleAsync(), App.Time.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        var before = await ReadsAsync();
        var second = Calendar.Load(await App.NewClient().GetStringAsync(address))!;
        Assert.DoesNotContain(second.Events, e => e.Summary!.EndsWith(": Sam", StringComparison.Ordinal));
        Assert.DoesNotContain(sam, DatedChildren(second));
        var after = await ReadsAsync();
        Assert.Equal(before.GetValueOrDefault(sam), after.GetValueOrDefault(sam));
        Assert.All(DatedChildren(second), child => Assert.Equal(before.GetValueOrDefault(child) + 1, after[child]));
    }

    /// <summary>The children the feed's dates are about, from the link to the service in each.</summary>
    private static HashSet<Guid> DatedChildren(Calendar calendar) =>
        calendar.Events.Select(e => Guid.Parse(Regex.Match(e.Description!, "/children/([0-9a-f-]{36})/").Groups[1].Value)).ToHashSet();

    /// <summary>How many times the caseworker's calendar app has read each child's record.</summary>
    private Task<Dictionary<Guid, int>> ReadsAsync() => App.QueryAsync(db => db.AccessLog
        .Where(a => a.ViewerName == "Tom Hughes" && a.What == "Dates, in their calendar app")
        .GroupBy(a => a.ChildId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));

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
