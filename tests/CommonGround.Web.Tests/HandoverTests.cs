using System.Net;
using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Attention;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Meetings;
using CommonGround.Core.Organisations;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using CommonGround.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

/// <summary>Nobody's promise is lost when people move: hand-over of what a leaver owns, cover for the key worker, and a team nobody is left on.</summary>
public sealed class HandoverTests : FreshAppTests
{
    private sealed record Owned(Guid Sam, Guid SencoProfessional, Guid SencoPlace, Guid Omar, Guid Commitment, Guid Concern, Guid Meeting);

    /// <summary>
    /// Priya, Sam's key worker, owns a commitment, a concern the family raised and a meeting whose record she is still
    /// writing; Omar is a colleague at her school who is not on Sam's team.
    /// </summary>
    private async Task<Owned> PriyaOwnsThingsAsync()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        var (raised, _) = await parent.SubmitAsync($"/children/{sam}/concerns/new", new Dictionary<string, string>
        {
            ["Input.Topic"] = "Lunchtimes", ["Input.About"] = "Education", ["Input.WhatIsHappening"] = "Sam eats alone.", ["Input.Urgency"] = "Standard", ["Input.Owner"] = "key-worker",
        });
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        var build = TestRecords.Create(db, scope.ServiceProvider.GetRequiredService<IPasswordHasher<UserAccount>>(), App.Time);
        var senco = await db.TeamMembers.Include(t => t.Professional!).ThenInclude(p => p.UserAccount).Include(t => t.Professional!).ThenInclude(p => p.Organisation)
            .SingleAsync(t => t.ChildId == sam && t.IsKeyWorker);
        var omar = build.Professional(senco.Professional!.Organisation!, "omar.shah@example.org", "Omar Shah", "Deputy SENCO");
        var now = build.Now;
        var commitment = new Commitment
        {
            ChildId = sam, AreaId = senco.AreaId, What = "Speech and language sessions", RecordArea = CommitmentArea.Education, Source = CommitmentSource.Meeting,
            OwnerProfessionalId = senco.ProfessionalId, OwnerName = "Priya Nair", OwnerOrganisationId = senco.Professional.OrganisationId, OwnerOrganisationName = senco.Professional.Organisation!.Name,
            Kind = CommitmentKind.Recurring, QuantityPerPeriod = 1, Unit = ProvisionUnit.Sessions, MinutesPerSession = 30, Period = ProvisionPeriod.Week,
            StartDate = build.Today.AddDays(-14), CreatedAt = now, CreatedByUserId = senco.Professional.UserAccountId, CreatedByName = "Priya Nair",
        };
        commitment.ChangeStatus(CommitmentStatus.Agreed, null, senco.Professional.UserAccountId, "Priya Nair", now, build.Today);
        db.Commitments.Add(commitment);
        var meeting = new Meeting
        {
            ChildId = sam, AreaId = senco.AreaId, Kind = MeetingKind.Review, StartsAt = now.AddDays(-2), DurationMinutes = 60, Place = "School",
            OrganiserUserId = senco.Professional.UserAccountId, OrganiserName = "Priya Nair", OrganiserEmail = "senco@example.org",
            OrganiserOrganisationId = senco.Professional.OrganisationId, OrganiserOrganisationName = senco.Professional.Organisation.Name,
            NoteTakerUserId = senco.Professional.UserAccountId, NoteTakerName = "Priya Nair", ScheduledAt = now.AddDays(-9),
        };
        meeting.WriteRecord("Alex wants lunchtimes to be calmer.", null, "A lunchtime club from Monday.", null, "Priya Nair");
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        var concern = await db.Concerns.Where(c => c.ChildId == sam).Select(c => c.Id).SingleAsync();
        return new Owned(sam, senco.ProfessionalId, senco.Id, omar.Id, commitment.Id, concern, meeting.Id);
    }

    [Fact]
    public async Task Deactivating_as_the_family_withdraws_part_of_the_leavers_sharing_saves_nothing_and_the_successor_never_gets_that_part()
    {
        var owned = await PriyaOwnsThingsAsync();
        var admin = await SignedInAsync("orgadmin@example.org");
        var url = $"/organisation/staff/{owned.SencoProfessional}/deactivate";
        var parentId = await UserIdAsync("parent@example.org");
        // The family stops sharing Sam's health with Priya's place just as her admin deactivates her.
        App.Race.BeforeSave(
            db => db.ChangeTracker.Entries<TeamMember>().Any(e => e.Entity.Id == owned.SencoPlace && e.State == EntityState.Modified),
            () => App.QueryAsync(async db =>
            {
                var place = await db.TeamMembers.Include(t => t.Consents).SingleAsync(t => t.Id == owned.SencoPlace);
                place.Consents.Single(c => c.Area == RecordArea.Health && c.WithdrawnAt == null).Withdraw(parentId, App.Time.GetUtcNow().UtcDateTime);
                return await db.SaveChangesAsync();
            }));
        var everything = new Dictionary<string, string> { ["Input.Everyone"] = owned.Omar.ToString(), [$"Input.Choices[{owned.Concern}]"] = "organisation" };

        var (refused, page) = await admin.SubmitAsync(url, everything);

        Assert.True(App.Race.Ran);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Someone changed one of Priya Nair's places on a child's team while you were choosing. Nothing was saved. Check what they look after now, then try again"], page.ErrorSummary());
        Assert.Null(await App.QueryAsync(db => db.Professionals.Where(p => p.Id == owned.SencoProfessional).Select(p => p.DeactivatedAt).SingleAsync()));
        Assert.Null(await App.QueryAsync(db => db.TeamMembers.Where(t => t.Id == owned.SencoPlace).Select(t => t.LeftAt).SingleAsync()));
        Assert.False(await App.QueryAsync(db => db.TeamMembers.AnyAsync(t => t.ProfessionalId == owned.Omar)));
        Assert.Equal(0, await App.QueryAsync(db => db.Handovers.CountAsync()));
        Assert.Equal(owned.SencoProfessional, await App.QueryAsync(db => db.Commitments.Where(c => c.Id == owned.Commitment).Select(c => c.OwnerProfessionalId).SingleAsync()));

        // Asked again, Omar takes her place with what the family shares with it now: not health.
        var (done, _) = await admin.SubmitAsync(url, everything);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var omarsParts = await App.QueryAsync(db => db.SharingConsents.Where(c => c.ChildId == owned.Sam && c.WithdrawnAt == null && db.TeamMembers.Any(t => t.Id == c.TeamMemberId && t.ProfessionalId == owned.Omar)).Select(c => c.Area).ToListAsync());
        Assert.Equal(
            new[] { RecordArea.AboutMe, RecordArea.Education, RecordArea.Commitments, RecordArea.Meetings, RecordArea.Concerns }.Order(),
            omarsParts.Order());
    }

    [Fact]
    public async Task Deactivating_is_refused_until_everything_the_leaver_owns_has_a_new_owner_and_then_the_new_owners_have_it()
    {
        var owned = await PriyaOwnsThingsAsync();
        var admin = await SignedInAsync("orgadmin@example.org");
        var url = $"/organisation/staff/{owned.SencoProfessional}/deactivate";

        var (_, page) = await admin.OpenAsync(url);
        var choices = page.QuerySelectorAll("select[name^='Input.Choices']").Select(s => s.GetAttribute("name")).ToList();
        Assert.Equal(
            new[] { owned.SencoPlace, owned.Commitment, owned.Concern, owned.Meeting }.Select(id => $"Input.Choices[{id}]").Order(),
            choices.Order());
        Assert.Contains("Sam Morgan", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // A colleague can take a concern or leave it to the school's leads; a commitment needs a person.
        Assert.NotNull(page.QuerySelector($"select[name='Input.Choices[{owned.Concern}]'] option[value=organisation]"));
        Assert.Null(page.QuerySelector($"select[name='Input.Choices[{owned.Commitment}]'] option[value=organisation]"));

        // Nothing chosen: refused, each thing named, and nothing changed.
        var auditBefore = await App.QueryAsync(db => db.AuditEvents.CountAsync());
        var (refused, refusedPage) = await admin.SubmitAsync(url, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(4, refusedPage.ErrorSummary().Count);
        Assert.Contains("Choose who takes \"Speech and language sessions\" for Sam Morgan", refusedPage.ErrorSummary());
        // A commitment cannot go to nobody in particular.
        var (personNeeded, personNeededPage) = await admin.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.Everyone"] = owned.Omar.ToString(), [$"Input.Choices[{owned.Commitment}]"] = "organisation",
        });
        Assert.Equal(HttpStatusCode.BadRequest, personNeeded.StatusCode);
        Assert.Single(personNeededPage.ErrorSummary());
        Assert.Equal(auditBefore, await App.QueryAsync(db => db.AuditEvents.CountAsync()));
        Assert.Null(await App.QueryAsync(db => db.Professionals.Where(p => p.Id == owned.SencoProfessional).Select(p => p.DeactivatedAt).SingleAsync()));

        // Everything to Omar, except the concern, which goes back to the school's leads.
        var (done, _) = await admin.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.Everyone"] = owned.Omar.ToString(), [$"Input.Choices[{owned.Concern}]"] = "organisation",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var omarsPlace = await App.QueryAsync(db => db.TeamMembers.Include(t => t.Consents).SingleAsync(t => t.ChildId == owned.Sam && t.ProfessionalId == owned.Omar && t.LeftAt == null));
        Assert.True(omarsPlace.IsKeyWorker);
        Assert.Equal("SENCO at Sam's school", omarsPlace.Role);
        Assert.Equal(
            new[] { RecordArea.AboutMe, RecordArea.Education, RecordArea.Health, RecordArea.Commitments, RecordArea.Meetings, RecordArea.Concerns }.Order(),
            omarsPlace.Consents.Select(c => c.Area).Order());
        Assert.Equal(owned.Omar, await App.QueryAsync(db => db.Commitments.Where(c => c.Id == owned.Commitment).Select(c => c.OwnerProfessionalId).SingleAsync()));
        var concern = await App.QueryAsync(db => db.Concerns.SingleAsync(c => c.Id == owned.Concern));
        Assert.Null(concern.OwnerProfessionalId);
        Assert.Equal("Brookside Primary School", concern.OwnerOrganisationName);
        var meeting = await App.QueryAsync(db => db.Meetings.SingleAsync(m => m.Id == owned.Meeting));
        Assert.Equal(("Omar Shah", "Omar Shah"), (meeting.OrganiserName, meeting.NoteTakerName));
        Assert.Equal(4, await App.QueryAsync(db => db.Handovers.CountAsync(h => h.ChildId == owned.Sam)));

        // Omar owes the sessions now, and can finish the meeting record.
        var omar = await SignedInAsync("omar.shah@example.org");
        var (_, owes) = await omar.OpenAsync("/what-i-owe");
        Assert.Contains("Speech and language sessions", owes.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (notices, _) = await omar.OpenAsync("/notifications");
        Assert.Equal(HttpStatusCode.OK, notices.StatusCode);
        Assert.Equal(3, await App.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientUserId == db.Professionals.Where(p => p.Id == owned.Omar).Select(p => p.UserAccountId).Single())));

        // The family's record says who took what.
        var parent = await SignedInAsync("parent@example.org");
        var (_, team) = await parent.OpenAsync($"/children/{owned.Sam}/team");
        var handed = team.QuerySelector("#handovers + ul")!.TextContent;
        Assert.Contains("Priya Nair left Brookside Primary School and handed Sam's \"Speech and language sessions\" to Omar Shah", handed, StringComparison.Ordinal);
        Assert.Contains("Priya Nair left Brookside Primary School, so Omar Shah became Sam's key worker", handed, StringComparison.Ordinal);
        Assert.Contains("to the leads at Brookside Primary School", handed, StringComparison.Ordinal);
        Assert.Contains("Omar Shah (key worker)", team.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        var (_, chronology) = await parent.OpenAsync($"/children/{owned.Sam}/chronology");
        Assert.Contains("handed Sam's \"Speech and language sessions\" to Omar Shah", chronology.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(await App.QueryAsync(db => db.Notifications.Where(n => n.ChildId == owned.Sam && n.RecipientUserId == db.Users.Where(u => u.Email == "parent@example.org").Select(u => u.Id).Single()).Select(n => n.Title).ToListAsync()),
            t => t.Contains("Omar Shah is your new key worker", StringComparison.Ordinal));

        // The admin's look at what Priya owned was logged for the family to see.
        var seen = await App.QueryAsync(db => db.AccessLog.Where(a => a.ChildId == owned.Sam).Select(a => a.ViewerName + ": " + a.What).ToListAsync());
        Assert.Contains("Helen Brooks: What Priya Nair looks after, to hand it on as they leave Brookside Primary School", seen);
    }

    [Fact]
    public async Task A_meeting_record_can_be_finished_by_a_lead_of_the_organisers_organisation()
    {
        var owned = await PriyaOwnsThingsAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
            var build = TestRecords.Create(db, scope.ServiceProvider.GetRequiredService<IPasswordHasher<UserAccount>>(), App.Time);
            var sam = await db.Children.SingleAsync(c => c.Id == owned.Sam);
            var helen = await db.Professionals.SingleAsync(p => p.UserAccount!.Email == "orgadmin@example.org");
            var therapist = await db.TeamMembers.SingleAsync(t => t.ChildId == sam.Id && t.Professional!.UserAccount!.Email == "therapist@example.org");
            build.Team(sam, helen, "Head of inclusion", Guid.Empty, shared: [RecordArea.Meetings]);
            db.SharingConsents.Add(new Core.Team.SharingConsent { TeamMemberId = therapist.Id, ChildId = sam.Id, Area = RecordArea.Meetings, From = build.Today, GrantedByUserId = Guid.Empty, GrantedAt = build.Now });
            await db.SaveChangesAsync();
        }

        var edit = $"/children/{owned.Sam}/meetings/{owned.Meeting}/record/edit";
        var fields = new Dictionary<string, string> { ["Input.Decisions"] = "A lunchtime club from Monday, run by Mrs Patel." };
        var therapistClient = await SignedInAsync("therapist@example.org");
        var (refused, _) = await therapistClient.SubmitAsync(edit, fields);
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);

        var lead = await SignedInAsync("orgadmin@example.org");
        var (written, _) = await lead.SubmitAsync(edit, fields);
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        Assert.Equal("A lunchtime club from Monday, run by Mrs Patel.", await App.QueryAsync(db => db.Meetings.Where(m => m.Id == owned.Meeting).Select(m => m.Decisions).SingleAsync()));
    }

    /// <summary>Tom, the caseworker on Sam's team, is shared Sam's concerns from today, as cover for the key worker needs; returns his place.</summary>
    private async Task<Guid> TomSeesSamsConcernsAsync(Guid sam)
    {
        var tomsPlace = await MemberIdAsync(sam, "caseworker@example.org");
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        db.SharingConsents.Add(new Core.Team.SharingConsent { TeamMemberId = tomsPlace, ChildId = sam, Area = RecordArea.Concerns, From = App.Time.TodayInUk(), GrantedByUserId = Guid.Empty, GrantedAt = App.Time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        return tomsPlace;
    }

    /// <summary>The titles of the copies Tom was sent as cover for the key worker.</summary>
    private Task<List<string>> TomsCoverCopiesAsync() => App.QueryAsync(db => db.Notifications
        .Where(n => n.RecipientUserId == db.Users.Where(u => u.Email == "caseworker@example.org").Select(u => u.Id).Single() && n.Title.StartsWith("Covering for"))
        .Select(n => n.Title).ToListAsync());

    [Fact]
    public async Task Cover_receives_a_new_concern_and_the_family_sees_who_covers_until_when()
    {
        var sam = await ChildIdAsync("Samuel");
        var tomsPlace = await TomSeesSamsConcernsAsync(sam);

        var today = new DateOnly(2026, 11, 23);
        var priya = await SignedInAsync("senco@example.org");
        var url = $"/children/{sam}/team/cover";

        // The last day is needed; nothing is written without it.
        var (missing, missingPage) = await priya.SubmitAsync(url, new Dictionary<string, string> { ["Input.CoverPlaceId"] = tomsPlace.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Enter the last day of cover", missingPage.ErrorSummary());
        var (before, beforePage) = await priya.SubmitAsync(url, new Dictionary<string, string>(Browse.DateFields("Input.Until", today.AddDays(-1))) { ["Input.CoverPlaceId"] = tomsPlace.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Contains("The last day of cover must be the same as or after the day it starts", beforePage.ErrorSummary());
        Assert.Equal(0, await App.QueryAsync(db => db.Covers.CountAsync()));

        var (set, _) = await priya.SubmitAsync(url, new Dictionary<string, string>(Browse.DateFields("Input.Until", today.AddDays(11)))
        {
            ["Input.CoverPlaceId"] = tomsPlace.ToString(), ["Input.Note"] = "Priya is back on 7 December.",
        });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        // A second cover over the same days is refused.
        var (overlap, overlapPage) = await priya.SubmitAsync(url, new Dictionary<string, string>(Browse.DateFields("Input.Until", today.AddDays(3)))
        {
            ["Input.CoverPlaceId"] = (await MemberIdAsync(sam, "therapist@example.org")).ToString(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, overlap.StatusCode);
        Assert.Contains("Tom Hughes already covers from 23 November 2026 until 4 December 2026", overlapPage.ErrorSummary()[0], StringComparison.Ordinal);

        var parent = await SignedInAsync("parent@example.org");
        var (_, overview) = await parent.OpenAsync($"/children/{sam}");
        var main = overview.QuerySelector("main")!.TextContent;
        Assert.Contains("Tom Hughes covers for Priya Nair until 4 December 2026.", main, StringComparison.Ordinal);
        Assert.Contains("Priya is back on 7 December.", main, StringComparison.Ordinal);
        Assert.Contains(await App.QueryAsync(db => db.Notifications.Where(n => n.RecipientUserId == db.Users.Where(u => u.Email == "parent@example.org").Select(u => u.Id).Single()).Select(n => n.Title).ToListAsync()),
            t => t == "Tom Hughes covers for Priya Nair, Sam's key worker, from 23 November 2026 until 4 December 2026");

        // The family raises a concern for the key worker: the cover hears of it and can answer it.
        var (raised, _) = await parent.SubmitAsync($"/children/{sam}/concerns/new", new Dictionary<string, string>
        {
            ["Input.Topic"] = "Homework", ["Input.About"] = "Education", ["Input.WhatIsHappening"] = "Sam is up late.", ["Input.Urgency"] = "Standard", ["Input.Owner"] = "key-worker",
        });
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var concern = await App.QueryAsync(db => db.Concerns.SingleAsync());
        Assert.Equal("Priya Nair", concern.OwnerName);
        var tom = await SignedInAsync("caseworker@example.org");
        var (_, notifications) = await tom.OpenAsync("/notifications");
        Assert.Contains("Covering for Priya Nair: A concern about Sam was raised for you to answer", notifications.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Days later it is still not acknowledged: it is on the cover's attention list, as on the key worker's.
        App.Time.Advance(TimeSpan.FromDays(3));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AttentionJob>().ExecuteAsync(CancellationToken.None);
        }

        tom = await SignedInAsync("caseworker@example.org");
        var (_, attention) = await tom.OpenAsync("/attention");
        Assert.Contains("Sam Morgan", attention.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Concern not acknowledged", attention.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (acknowledged, _) = await tom.SubmitAsync($"/children/{sam}/concerns/{concern.Id}/acknowledge", new Dictionary<string, string> { ["Input.Text"] = "I am covering for Priya and will call you today." });
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);

        // When cover ends, it no longer reaches Tom.
        priya = await SignedInAsync("senco@example.org");
        parent = await SignedInAsync("parent@example.org");
        var coverId = await App.QueryAsync(db => db.Covers.Select(c => c.Id).SingleAsync());
        var (ended, _) = await priya.SubmitAsync($"/children/{sam}/team", new Dictionary<string, string>(), $"/children/{sam}/team/cover/{coverId}/end");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var (_, after) = await parent.OpenAsync($"/children/{sam}");
        Assert.DoesNotContain("covers for Priya Nair", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (raisedAfter, _) = await parent.SubmitAsync($"/children/{sam}/concerns/new", new Dictionary<string, string>
        {
            ["Input.Topic"] = "Transport", ["Input.About"] = "Education", ["Input.WhatIsHappening"] = "The taxi was late.", ["Input.Urgency"] = "Standard", ["Input.Owner"] = "key-worker",
        });
        Assert.Equal(HttpStatusCode.Redirect, raisedAfter.StatusCode);
        Assert.Equal(2, await App.QueryAsync(db => db.Concerns.CountAsync()));
        Assert.Equal(["Covering for Priya Nair: A concern about Sam was raised for you to answer: \"Homework\""], await TomsCoverCopiesAsync());
    }

    [Fact]
    public async Task Cover_arranged_to_start_later_reaches_its_cover_only_from_its_first_day()
    {
        var sam = await ChildIdAsync("Samuel");
        var tomsPlace = await TomSeesSamsConcernsAsync(sam);

        // Monday 23 November: cover from Thursday 26 November until 4 December.
        var today = App.Time.TodayInUk();
        var priya = await SignedInAsync("senco@example.org");
        var (set, _) = await priya.SubmitAsync($"/children/{sam}/team/cover", new Dictionary<string, string>(Browse.DateFields("Input.From", today.AddDays(3))
            .Concat(Browse.DateFields("Input.Until", new DateOnly(2026, 12, 4))))
        {
            ["Input.CoverPlaceId"] = tomsPlace.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        async Task<string> RaiseAsync(string topic)
        {
            var parent = await SignedInAsync("parent@example.org");
            var (_, form) = await parent.OpenAsync($"/children/{sam}/concerns/new");
            var (raised, _) = await parent.SubmitAsync($"/children/{sam}/concerns/new", new Dictionary<string, string>
            {
                ["Input.Topic"] = topic, ["Input.About"] = "Education", ["Input.WhatIsHappening"] = "Sam is up late.", ["Input.Urgency"] = "Standard", ["Input.Owner"] = "key-worker",
            });
            Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
            return form.QuerySelector("main")!.TextContent;
        }

        // Before it starts, the family is not told the cover will see a concern, and the cover gets no copy.
        var formBefore = await RaiseAsync("Homework");
        Assert.DoesNotContain("covers until", formBefore, StringComparison.Ordinal);
        Assert.Empty(await TomsCoverCopiesAsync());

        // From its first day, both.
        App.Time.Advance(TimeSpan.FromDays(3));
        var formFrom = await RaiseAsync("Transport");
        Assert.Contains("Tom Hughes covers until 4 December 2026 and will see it too", formFrom, StringComparison.Ordinal);
        Assert.Equal(["Covering for Priya Nair: A concern about Sam was raised for you to answer: \"Transport\""], await TomsCoverCopiesAsync());
    }

    [Fact]
    public async Task A_child_whose_whole_team_left_is_on_the_local_authoritys_attention_list()
    {
        var jordan = await ChildIdAsync("Jordan");
        var tomsPlace = await MemberIdAsync(jordan, "caseworker@example.org");
        var lead = await SignedInAsync("send.lead@example.org");
        var (_, before) = await lead.OpenAsync("/attention");
        Assert.DoesNotContain("Nobody on the team", before.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Jordan takes the only person on their team off it; being key worker is left for nobody, as there is nobody.
        var youngPerson = await SignedInAsync("youngperson@example.org");
        var (removed, _) = await youngPerson.SubmitAsync($"/children/{jordan}/team/{tomsPlace}/remove", new Dictionary<string, string> { [$"Input.Choices[{tomsPlace}]"] = "organisation" });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        var (_, after) = await lead.OpenAsync("/attention");
        var list = after.QuerySelector("main")!.TextContent;
        Assert.Contains("Jordan Reid", list, StringComparison.Ordinal);
        Assert.Contains("Nobody on the team", list, StringComparison.Ordinal);
        Assert.Contains("Nobody is on the team since Tom Hughes of Northvale Council SEND Team left on 23 November 2026", list, StringComparison.Ordinal);
        Assert.Contains("You are not on the team, so you cannot open the record.", list, StringComparison.Ordinal);

        // A school's leads are not told about a child their staff never looked after.
        var schoolLead = await SignedInAsync("orgadmin@example.org");
        var (_, school) = await schoolLead.OpenAsync("/attention");
        Assert.DoesNotContain("Jordan", school.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_setting_ends_or_hands_on_each_of_the_old_settings_commitments_and_none_is_dropped()
    {
        var sam = await ChildIdAsync("Samuel");
        Guid sessions, stories, kim;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
            var build = TestRecords.Create(db, scope.ServiceProvider.GetRequiredService<IPasswordHasher<UserAccount>>(), App.Time);
            var child = await db.Children.SingleAsync(c => c.Id == sam);
            var priya = await db.Professionals.Include(p => p.Organisation).SingleAsync(p => p.UserAccount!.Email == "senco@example.org");
            var hillcrest = await db.Organisations.SingleAsync(o => o.Name == "Hillcrest Academy");
            var kimAtHillcrest = build.Professional(hillcrest, "kim.lee@example.org", "Kim Lee", "SENCO");
            build.Team(child, kimAtHillcrest, "SENCO at Sam's new school", Guid.Empty, shared: [RecordArea.AboutMe, RecordArea.Education, RecordArea.Commitments, RecordArea.Meetings]);
            Commitment Promise(string what, CommitmentKind kind)
            {
                var commitment = new Commitment
                {
                    ChildId = sam, AreaId = child.AreaId, What = what, RecordArea = CommitmentArea.Education, Source = CommitmentSource.Meeting,
                    OwnerProfessionalId = priya.Id, OwnerName = "Priya Nair", OwnerOrganisationId = priya.OrganisationId, OwnerOrganisationName = priya.Organisation!.Name, Kind = kind,
                    QuantityPerPeriod = kind == CommitmentKind.Recurring ? 1 : null, Unit = kind == CommitmentKind.Recurring ? ProvisionUnit.Sessions : null,
                    Period = kind == CommitmentKind.Recurring ? ProvisionPeriod.Week : null, StartDate = kind == CommitmentKind.Recurring ? build.Today.AddDays(-7) : null,
                    DueDate = kind == CommitmentKind.OneOff ? build.Today.AddDays(30) : null,
                    CreatedAt = build.Now, CreatedByUserId = priya.UserAccountId, CreatedByName = "Priya Nair",
                };
                commitment.ChangeStatus(CommitmentStatus.Agreed, null, priya.UserAccountId, "Priya Nair", build.Now, build.Today);
                db.Commitments.Add(commitment);
                return commitment;
            }

            var running = Promise("Speech and language sessions", CommitmentKind.Recurring);
            running.ChangeStatus(CommitmentStatus.Active, null, priya.UserAccountId, "Priya Nair", build.Now, build.Today);
            sessions = running.Id;
            stories = Promise("Social stories for the new timetable", CommitmentKind.OneOff).Id;
            kim = kimAtHillcrest.Id;
            await db.SaveChangesAsync();
        }

        var brookside = await App.QueryAsync(db => db.Organisations.Where(o => o.Name == "Brookside Primary School").Select(o => o.Id).SingleAsync());
        var parent = await SignedInAsync("parent@example.org");
        var (_, start) = await parent.OpenAsync($"/children/{sam}/moving-setting");
        Assert.Contains("Brookside Primary School: 2 open commitments", start.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var url = $"/children/{sam}/moving-setting?from={brookside}";

        // Nothing decided: refused, each commitment named, nothing changed.
        var (refused, refusedPage) = await parent.SubmitAsync(url, new Dictionary<string, string>(Browse.DateFields("Input.LastDay", new DateOnly(2026, 12, 18))));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(
            new[] { "Choose what happens to \"Speech and language sessions\"", "Choose what happens to \"Social stories for the new timetable\"" }.Order(),
            refusedPage.ErrorSummary().Order());
        Assert.Equal(2, await App.QueryAsync(db => db.Commitments.CountAsync(c => c.OwnerProfessionalId != kim && c.Status != CommitmentStatus.Withdrawn && c.EndDate == null)));

        var (moved, _) = await parent.SubmitAsync(url, new Dictionary<string, string>(Browse.DateFields("Input.LastDay", new DateOnly(2026, 12, 18)))
        {
            [$"Input.Choices[{sessions}]"] = kim.ToString(), [$"Input.Choices[{stories}]"] = "end",
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(kim, await App.QueryAsync(db => db.Commitments.Where(c => c.Id == sessions).Select(c => c.OwnerProfessionalId).SingleAsync()));
        var ended = await App.QueryAsync(db => db.Commitments.Include(c => c.StatusChanges).SingleAsync(c => c.Id == stories));
        Assert.Equal(CommitmentStatus.Withdrawn, ended.Status);
        Assert.Contains("Sam is moving on from Brookside Primary School; their last day there is 18 December 2026", ended.StatusChanges.Last().Reason, StringComparison.Ordinal);

        var (_, team) = await parent.OpenAsync($"/children/{sam}/team");
        Assert.Contains("Priya Nair of Brookside Primary School handed Sam's \"Speech and language sessions\" to Kim Lee as Sam moves on", team.QuerySelector("#handovers + ul")!.TextContent, StringComparison.Ordinal);

        // Kim reads the transition pack: what is promised and how it is going, and nothing from a part she is not shared.
        var kimClient = await SignedInAsync("kim.lee@example.org");
        var (packResponse, pack) = await kimClient.OpenAsync($"/children/{sam}/transition-pack");
        Assert.Equal(HttpStatusCode.OK, packResponse.StatusCode);
        var text = pack.QuerySelector("main")!.TextContent;
        Assert.Contains("Speech and language sessions", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Social stories for the new timetable", text, StringComparison.Ordinal);
        Assert.Contains("Owner: Kim Lee, Hillcrest Academy", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inviting_the_new_setting_ticks_the_transition_pack_and_the_email_says_where_it_is()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        var (_, form) = await parent.OpenAsync($"/children/{sam}/team/invite?moving=true");
        var ticked = form.QuerySelectorAll("input[name='Input.Areas'][checked]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(["AboutMe", "Education", "Commitments", "Meetings", "StatutoryProcess"], ticked);

        var (sent, _) = await parent.SubmitAsync($"/children/{sam}/team/invite?moving=true", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kim Lee", ["Input.Email"] = "kim.lee@example.org", ["Input.Role"] = "SENCO at Sam's new school", ["Input.Areas"] = "AboutMe",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var email = (await App.DeliverEmailAsync()).Single(m => m.To.Mailboxes.Single().Address == "kim.lee@example.org");
        Assert.Contains("Sam is moving to your setting", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/children/{sam}/transition-pack", email.TextBody, StringComparison.Ordinal);
    }
}
