using System.Net;
using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

/// <summary>The team around the child and what the family shares with each member.</summary>
public sealed class TeamTests : FreshAppTests
{
    private static Dictionary<string, string> TeamInvitation(string email, string role) =>
        new() { ["Input.Name"] = "Someone", ["Input.Email"] = email, ["Input.Role"] = role };

    /// <summary>Posts a form with ticked area checkboxes, each sent under the same name as a browser does.</summary>
    private static async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> PostWithAreasAsync(HttpClient client, string url, Dictionary<string, string> fields, params RecordArea[] areas)
    {
        var (_, page) = await client.OpenAsync(url);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Concat(areas.Select(a => new KeyValuePair<string, string>("Input.Areas", a.ToString())))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(values));
        return (response, await Browse.ParseAsync(response));
    }

    [Fact]
    public async Task A_family_invites_a_professional_who_sees_exactly_what_was_shared_and_the_family_sees_every_view()
    {
        var parent = await SignedInAsync("parent@example.org");
        var ellie = await ChildIdAsync("Ellie");
        var (sent, _) = await PostWithAreasAsync(parent, $"/children/{ellie}/team/invite",
            TeamInvitation("therapist@example.org", "Speech and language therapist"), RecordArea.Health, RecordArea.AboutMe);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var link = await App.LinkInLatestEmailToAsync("therapist@example.org");
        var therapist = await SignedInAsync("therapist@example.org");
        var (_, invitation) = await therapist.OpenAsync(link);
        Assert.Equal("Join Ellie's team on CommonGround", invitation.Heading());
        Assert.Contains("About me, Health", invitation.Body!.TextContent, StringComparison.Ordinal);
        var (accepted, _) = await therapist.SubmitAsync(link, new Dictionary<string, string>());
        Assert.Equal($"/children/{ellie}", accepted.Headers.Location!.OriginalString);

        var (_, list) = await therapist.OpenAsync("/children");
        var row = list.QuerySelectorAll(".govuk-table__row").Single(r => r.TextContent.Contains("Ellie Morgan", StringComparison.Ordinal));
        Assert.Contains("About me, Health", row.TextContent, StringComparison.Ordinal);

        var (overview, overviewPage) = await therapist.OpenAsync($"/children/{ellie}");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Equal("Ellie Morgan", overviewPage.Heading());

        var (_, seen) = await parent.OpenAsync($"/children/{ellie}/who-has-seen");
        var views = seen.QuerySelectorAll("tbody .govuk-table__row").Select(r => r.TextContent).ToList();
        Assert.Contains(views, v => v.Contains("Grace Okafor", StringComparison.Ordinal) && v.Contains("Northvale Community NHS Trust", StringComparison.Ordinal) && v.Contains("Overview", StringComparison.Ordinal));
        // The family's own views are not logged.
        Assert.DoesNotContain(views, v => v.Contains("Alex Morgan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Withdrawing_an_area_takes_effect_at_once_and_the_child_stays_on_the_professionals_list()
    {
        var sam = await ChildIdAsync("Samuel");
        var therapistId = await MemberIdAsync(sam, "therapist@example.org");
        var parent = await SignedInAsync("parent@example.org");
        var (saved, _) = await PostWithAreasAsync(parent, $"/children/{sam}/team/{therapistId}/sharing", [], RecordArea.AboutMe);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var therapist = await SignedInAsync("therapist@example.org");
        var (_, list) = await therapist.OpenAsync("/children");
        var row = list.QuerySelectorAll(".govuk-table__row").Single(r => r.TextContent.Contains("Sam Morgan", StringComparison.Ordinal));
        Assert.Contains("About me", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Health", row.TextContent, StringComparison.Ordinal);

        var (_, history) = await parent.OpenAsync($"/children/{sam}/team/{therapistId}/sharing");
        var decisions = history.QuerySelectorAll("tbody .govuk-table__row").Select(r => r.TextContent).ToList();
        Assert.Contains(decisions, d => d.Contains("Health", StringComparison.Ordinal) && d.Contains("by Alex Morgan", StringComparison.Ordinal));
        Assert.True(await App.QueryAsync(db => db.SharingConsents.AnyAsync(c => c.TeamMemberId == therapistId && c.Area == RecordArea.Health && c.WithdrawnAt != null)));
        Assert.True(await App.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.SharingChanged && a.EntityId == sam)));
    }

    [Fact]
    public async Task Someone_taken_off_the_team_can_no_longer_find_the_child()
    {
        var sam = await ChildIdAsync("Samuel");
        var transportId = await MemberIdAsync(sam, "transport@example.org");
        var transport = await SignedInAsync("transport@example.org");
        Assert.Equal(HttpStatusCode.OK, (await transport.GetAsync($"/children/{sam}")).StatusCode);

        var parent = await SignedInAsync("parent@example.org");
        var (removed, _) = await parent.SubmitAsync($"/children/{sam}/team/{transportId}/remove", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await transport.GetAsync($"/children/{sam}")).StatusCode);
        var (_, list) = await transport.OpenAsync("/children");
        Assert.DoesNotContain("Sam Morgan", list.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Taking_someone_off_the_team_as_another_change_to_what_they_see_is_saved_keeps_that_change_and_asks_again()
    {
        var sam = await ChildIdAsync("Samuel");
        var transportId = await MemberIdAsync(sam, "transport@example.org");
        var parentId = await UserIdAsync("parent@example.org");
        var parent = await SignedInAsync("parent@example.org");
        // Someone else in the family shares Sam's meetings with the transport officer just as Alex takes them off the team.
        App.Race.BeforeSave(
            db => db.ChangeTracker.Entries<TeamMember>().Any(e => e.Entity.Id == transportId && e.State == EntityState.Modified),
            () => App.QueryAsync(async db =>
            {
                db.SharingConsents.Add(new SharingConsent
                {
                    TeamMemberId = transportId, ChildId = sam, Area = RecordArea.Meetings, From = App.Time.TodayInUk(),
                    GrantedByUserId = parentId, GrantedAt = App.Time.GetUtcNow().UtcDateTime,
                });
                return await db.SaveChangesAsync();
            }));

        var (refused, page) = await parent.SubmitAsync($"/children/{sam}/team/{transportId}/remove", new Dictionary<string, string>());

        Assert.True(App.Race.Ran);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Someone else changed this team member's place while you were choosing. Nothing was saved. Check the team now, then try again"], page.ErrorSummary());
        var place = await App.QueryAsync(db => db.TeamMembers.Include(t => t.Consents).SingleAsync(t => t.Id == transportId));
        Assert.Null(place.LeftAt);
        Assert.Contains(place.Consents, c => c.Area == RecordArea.Meetings && c.WithdrawnAt == null);
        Assert.False(await App.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.TeamMemberRemoved && a.EntityId == sam)));

        // Asked again, the leaving withdraws everything, the part shared meanwhile too.
        var (removed, _) = await parent.SubmitAsync($"/children/{sam}/team/{transportId}/remove", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        place = await App.QueryAsync(db => db.TeamMembers.Include(t => t.Consents).SingleAsync(t => t.Id == transportId));
        Assert.NotNull(place.LeftAt);
        Assert.All(place.Consents, c => Assert.NotNull(c.WithdrawnAt));
        Assert.Equal((0, false), (place.SharedPartBits, place.SharesWithDates));
    }

    [Theory]
    [InlineData("sunita.shah@example.org", HttpStatusCode.NotFound)] // another family
    [InlineData("orgadmin@example.org", HttpStatusCode.NotFound)] // same school as the SENCO, not on the team
    [InlineData("admin@example.org", HttpStatusCode.NotFound)] // the service admin sees no child by default
    [InlineData("therapist@example.org", HttpStatusCode.OK)] // on the team
    [InlineData("parent@example.org", HttpStatusCode.OK)]
    public async Task Only_the_family_and_the_team_can_open_a_childs_record(string email, HttpStatusCode expected)
    {
        var sam = await ChildIdAsync("Samuel");
        var client = await SignedInAsync(email);
        Assert.Equal(expected, (await client.GetAsync($"/children/{sam}")).StatusCode);
    }

    [Theory]
    [InlineData("therapist@example.org", "/team/invite", HttpStatusCode.Forbidden)] // on the team, not its key worker
    [InlineData("senco@example.org", "/team/invite", HttpStatusCode.OK)] // the key worker manages the team
    [InlineData("senco@example.org", "/who-has-seen", HttpStatusCode.Forbidden)] // only the family sees who looked
    [InlineData("parent@example.org", "/who-has-seen", HttpStatusCode.OK)]
    [InlineData("youngperson@example.org", "/who-has-seen", HttpStatusCode.NotFound)] // not Sam's family
    public async Task Related_people_without_the_capability_are_refused(string email, string page, HttpStatusCode expected)
    {
        var sam = await ChildIdAsync("Samuel");
        var client = await SignedInAsync(email);
        var response = await client.GetAsync($"/children/{sam}{page}");
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Equal("You do not have permission to see this page", (await Browse.ParseAsync(response)).Heading());
        }
    }

    [Fact]
    public async Task From_16_the_young_person_decides_what_is_shared_and_the_parent_does_not()
    {
        var jordan = await ChildIdAsync("Jordan");
        var caseworkerId = await MemberIdAsync(jordan, "caseworker@example.org");
        var dee = await SignedInAsync("dee.reid@example.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await dee.GetAsync($"/children/{jordan}/team/{caseworkerId}/sharing")).StatusCode);

        var youngPerson = await SignedInAsync("youngperson@example.org");
        Assert.Equal(HttpStatusCode.OK, (await youngPerson.GetAsync($"/children/{jordan}/team/{caseworkerId}/sharing")).StatusCode);
    }

    [Theory]
    [InlineData("therapist@example.org", new RecordArea[0], "Choose at least one part of the record they can see")]
    [InlineData("sunita.shah@example.org", new[] { RecordArea.Health }, "This email address belongs to a family account. Invite professionals with their work email address")]
    [InlineData("senco@example.org", new[] { RecordArea.Health }, "This person is already on the team")]
    public async Task An_invitation_to_the_team_that_cannot_be_sent_says_why(string email, RecordArea[] areas, string expected)
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        var before = await App.QueryAsync(db => db.Invitations.CountAsync());
        var (response, page) = await PostWithAreasAsync(parent, $"/children/{sam}/team/invite", TeamInvitation(email, "Someone"), areas);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([expected], page.ErrorSummary());
        Assert.Equal(before, await App.QueryAsync(db => db.Invitations.CountAsync()));
    }

    [Fact]
    public async Task A_professional_without_an_account_is_told_to_ask_their_organisation()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        await PostWithAreasAsync(parent, $"/children/{sam}/team/invite", TeamInvitation("new.escort@example.org", "Taxi escort"), RecordArea.Transport);
        var link = await App.LinkInLatestEmailToAsync("new.escort@example.org");

        var (_, page) = await App.NewClient().OpenAsync(link);
        Assert.Contains("Ask your organisation's admin to invite you", page.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("If your organisation does not use CommonGround yet", page.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form"));
    }

    [Fact]
    public async Task The_key_worker_is_shown_to_the_family_with_how_to_reach_them()
    {
        var sam = await ChildIdAsync("Samuel");
        var therapistId = await MemberIdAsync(sam, "therapist@example.org");
        var parent = await SignedInAsync("parent@example.org");
        var (moved, _) = await parent.SubmitAsync($"/children/{sam}/team", new Dictionary<string, string>(), action: $"/children/{sam}/team/{therapistId}/key-worker");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var (_, overview) = await parent.OpenAsync($"/children/{sam}");
        var keyWorker = overview.QuerySelector(".govuk-summary-list")!.TextContent;
        Assert.Contains("Grace Okafor", keyWorker, StringComparison.Ordinal);
        Assert.Contains("therapist@example.org", keyWorker, StringComparison.Ordinal);
        Assert.Equal(1, await App.QueryAsync(db => db.TeamMembers.CountAsync(t => t.ChildId == sam && t.IsKeyWorker)));
    }

    [Fact]
    public async Task An_unknown_child_or_team_member_is_not_found()
    {
        var parent = await SignedInAsync("parent@example.org");
        var sam = await ChildIdAsync("Samuel");
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/children/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/children/{sam}/team/{Guid.NewGuid()}/sharing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync("/children/not-a-guid")).StatusCode);
    }

    [Fact]
    public async Task Sharing_can_start_on_a_date_to_come_and_begins_on_that_day()
    {
        var sam = await ChildIdAsync("Samuel");
        var therapistId = await MemberIdAsync(sam, "therapist@example.org");
        var parent = await SignedInAsync("parent@example.org");
        var start = AppFactory.Start.AddDays(10);
        var (saved, _) = await PostWithAreasAsync(parent, $"/children/{sam}/team/{therapistId}/sharing", new Dictionary<string, string>
        {
            ["Input.From.Day"] = start.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.From.Month"] = start.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.From.Year"] = start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, RecordArea.AboutMe, RecordArea.Health, RecordArea.Transport);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        async Task<string> WhatTherapistSeesAsync()
        {
            var therapist = await SignedInAsync("therapist@example.org");
            var (_, overview) = await therapist.OpenAsync($"/children/{sam}");
            return overview.QuerySelector("main")!.TextContent;
        }

        Assert.Contains("Nothing at the moment", await WhatTherapistSeesAsync(), StringComparison.Ordinal);
        App.Time.Advance(TimeSpan.FromDays(10));
        Assert.Contains("About me, Health, Transport", await WhatTherapistSeesAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, null, "The date they can see it from must be today or in the future")]
    [InlineData(5, 2, "The date they can see it until must be the same as or after the date they can see it from")]
    [InlineData(null, -3, "The date they can see it until must be today or in the future")]
    public async Task Sharing_dates_that_make_no_sense_are_refused_and_nothing_changes(int? fromDays, int? untilDays, string expected)
    {
        var sam = await ChildIdAsync("Samuel");
        var therapistId = await MemberIdAsync(sam, "therapist@example.org");
        var parent = await SignedInAsync("parent@example.org");
        var before = await App.QueryAsync(db => db.SharingConsents.CountAsync(c => c.TeamMemberId == therapistId && c.WithdrawnAt == null));
        var fields = new Dictionary<string, string>();
        void Date(string name, int? days)
        {
            if (days is { } offset)
            {
                var date = DateOnly.FromDateTime(AppFactory.Start.UtcDateTime).AddDays(offset);
                fields[$"Input.{name}.Day"] = date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
                fields[$"Input.{name}.Month"] = date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture);
                fields[$"Input.{name}.Year"] = date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        Date("From", fromDays);
        Date("Until", untilDays);
        var (response, page) = await PostWithAreasAsync(parent, $"/children/{sam}/team/{therapistId}/sharing", fields, RecordArea.AboutMe);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([expected], page.ErrorSummary());
        Assert.Equal(before, await App.QueryAsync(db => db.SharingConsents.CountAsync(c => c.TeamMemberId == therapistId && c.WithdrawnAt == null)));
    }

    [Fact]
    public async Task Who_has_seen_pages_through_many_views_newest_first()
    {
        var sam = await ChildIdAsync("Samuel");
        await App.QueryAsync(async db =>
        {
            for (var i = 0; i < 60; i++)
            {
                // Far enough apart that each is a visit of its own.
                db.AccessLog.Add(new AccessLogEntry { ChildId = sam, ViewerName = "Grace Okafor", What = $"View {i}", ViewedAt = AppFactory.Start.UtcDateTime.AddMinutes(i * 15) });
            }

            return await db.SaveChangesAsync();
        });

        var parent = await SignedInAsync("parent@example.org");
        var (_, first) = await parent.OpenAsync($"/children/{sam}/who-has-seen");
        Assert.Equal(50, first.QuerySelectorAll("tbody .govuk-table__row").Length);
        Assert.Contains("View 59", first.QuerySelector("tbody .govuk-table__row")!.TextContent, StringComparison.Ordinal);

        var next = first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        var (response, second) = await parent.OpenAsync($"/children/{sam}/who-has-seen{next}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(10, second.QuerySelectorAll("tbody .govuk-table__row").Length);
        Assert.Contains("View 9", second.QuerySelector("tbody .govuk-table__row")!.TextContent, StringComparison.Ordinal);
    }
}
