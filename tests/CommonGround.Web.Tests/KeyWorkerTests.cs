using System.Net;
using CommonGround.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

/// <summary>A child is never left without a key worker unnoticed, and team leads can be named and un-named.</summary>
public sealed class KeyWorkerTests : FreshAppTests
{
    private Task<Guid> SamAsync() => App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());

    private async Task MakeTeamLeadAsync(HttpClient client, Guid childId, Guid memberId)
    {
        var (response, _) = await client.SubmitAsync($"/children/{childId}/team", new Dictionary<string, string>(), $"/children/{childId}/team/{memberId}/team-lead");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_team_lead_can_change_the_team_until_they_stop_being_one()
    {
        var sam = await SamAsync();
        var therapistId = await MemberIdAsync(sam, "therapist@example.org");
        var parent = await SignedInAsync("parent@example.org");
        var therapist = await SignedInAsync("therapist@example.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await therapist.GetAsync($"/children/{sam}/team/invite")).StatusCode);

        await MakeTeamLeadAsync(parent, sam, therapistId);
        var (_, team) = await parent.OpenAsync($"/children/{sam}/team");
        Assert.Contains("Grace Okafor (team lead)", team.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await therapist.GetAsync($"/children/{sam}/team/invite")).StatusCode);

        // The same button now takes the role away.
        var (stopped, _) = await parent.SubmitAsync($"/children/{sam}/team", new Dictionary<string, string>(), $"/children/{sam}/team/{therapistId}/team-lead");
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await therapist.GetAsync($"/children/{sam}/team/invite")).StatusCode);
        var changes = await App.QueryAsync(db => db.AuditEvents.Where(a => a.EntityId == sam && a.Action == AuditActions.TeamLeadChanged).Select(a => a.Summary).ToListAsync());
        Assert.Equal(["Made Grace Okafor a team lead", "Grace Okafor is no longer a team lead"], changes);
    }

    [Fact]
    public async Task A_team_member_who_is_not_a_lead_cannot_name_team_leads()
    {
        var sam = await SamAsync();
        var therapistId = await MemberIdAsync(sam, "therapist@example.org");
        var therapist = await SignedInAsync("therapist@example.org");
        var (_, page) = await therapist.OpenAsync($"/children/{sam}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (refused, _) = await therapist.PostFormAsync($"/children/{sam}/team/{therapistId}/team-lead",
            new Dictionary<string, string> { ["IsTeamLead"] = "true", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(await App.QueryAsync(db => db.TeamMembers.Where(t => t.Id == therapistId).Select(t => t.IsTeamLead).SingleAsync()));
    }

    [Fact]
    public async Task When_the_key_worker_is_taken_off_the_team_the_family_and_team_lead_are_told_and_asked_to_choose()
    {
        var sam = await SamAsync();
        var parent = await SignedInAsync("parent@example.org");
        await MakeTeamLeadAsync(parent, sam, await MemberIdAsync(sam, "caseworker@example.org"));
        var sencoId = await MemberIdAsync(sam, "senco@example.org");

        // Being key worker is something she looks after, so the form asks who takes it before she goes.
        var keyWorkerChoice = $"Input.Choices[{sencoId}]";
        var (_, confirm) = await parent.OpenAsync($"/children/{sam}/team/{sencoId}/remove");
        Assert.NotNull(confirm.QuerySelector($"select[name='{keyWorkerChoice}']"));
        var (refused, refusedPage) = await parent.SubmitAsync($"/children/{sam}/team/{sencoId}/remove", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Choose who will be Sam's key worker, or leave it to a team lead to stand in", refusedPage.ErrorSummary());
        Assert.Null(await App.QueryAsync(db => db.TeamMembers.Where(t => t.Id == sencoId).Select(t => t.LeftAt).SingleAsync()));

        // Nobody is chosen yet, so the team lead stands in.
        var (removed, _) = await parent.SubmitAsync($"/children/{sam}/team/{sencoId}/remove", new Dictionary<string, string> { [keyWorkerChoice] = "organisation" });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        var emails = await App.DeliverEmailAsync();
        var toFamily = emails.Single(m => m.To.Mailboxes.Single().Address == "parent@example.org" && m.Subject == "Sam needs a new key worker");
        Assert.Contains("Priya Nair has left the team", toFamily.TextBody, StringComparison.Ordinal);
        Assert.Contains("Tom Hughes, the team lead, stands in as key worker until a new one is chosen, and has been asked to choose one", toFamily.TextBody, StringComparison.Ordinal);
        var toLead = emails.Single(m => m.To.Mailboxes.Single().Address == "caseworker@example.org");
        Assert.Equal("Choose a new key worker for Sam", toLead.Subject);
        Assert.Contains($"/children/{sam}/team", toLead.TextBody, StringComparison.Ordinal);
        // Nobody else on the team is emailed about it.
        Assert.DoesNotContain(emails, m => m.To.Mailboxes.Single().Address is "therapist@example.org" or "transport@example.org");

        var caseworker = await SignedInAsync("caseworker@example.org");
        var (_, team) = await caseworker.OpenAsync($"/children/{sam}/team");
        Assert.Contains("Tom Hughes is standing in as Sam's key worker", team.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tom Hughes (standing in as key worker) (team lead)", team.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        var (_, overview) = await parent.OpenAsync($"/children/{sam}");
        Assert.Contains("Tom Hughes, team lead, is standing in until a new key worker is chosen", overview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (chose, _) = await caseworker.SubmitAsync($"/children/{sam}/team", new Dictionary<string, string>(), $"/children/{sam}/team/{await MemberIdAsync(sam, "therapist@example.org")}/key-worker");
        Assert.Equal(HttpStatusCode.Redirect, chose.StatusCode);
        var (_, after) = await parent.OpenAsync($"/children/{sam}/team");
        Assert.Null(after.QuerySelector(".govuk-notification-banner:not(.govuk-notification-banner--success)"));
        Assert.Contains("Grace Okafor (key worker)", after.QuerySelector("table")!.TextContent, StringComparison.Ordinal);

        var (_, chronology) = await parent.OpenAsync($"/children/{sam}/chronology");
        Assert.Contains("Priya Nair has left the team and is no longer Sam's key worker", chronology.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_key_worker_leaves_their_organisation_their_places_end_and_the_family_is_told()
    {
        var sam = await SamAsync();
        var sencoId = await MemberIdAsync(sam, "senco@example.org");
        var professionalId = await App.QueryAsync(db => db.TeamMembers.Where(t => t.Id == sencoId).Select(t => t.ProfessionalId).SingleAsync());
        var admin = await SignedInAsync("orgadmin@example.org");

        var (_, confirm) = await admin.OpenAsync($"/organisation/staff/{professionalId}/deactivate");
        Assert.Contains("is on 1 child's team", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Being Sam's key worker", confirm.QuerySelector($"label[for='Input_Choices_{sencoId}_']")!.TextContent.Trim());
        var (refused, _) = await admin.SubmitAsync($"/organisation/staff/{professionalId}/deactivate", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(await App.QueryAsync(db => db.Professionals.Where(p => p.Id == professionalId).Select(p => p.DeactivatedAt).SingleAsync()));
        var (done, _) = await admin.SubmitAsync($"/organisation/staff/{professionalId}/deactivate", new Dictionary<string, string> { [$"Input.Choices[{sencoId}]"] = "organisation" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var place = await App.QueryAsync(db => db.TeamMembers.Include(t => t.Consents).SingleAsync(t => t.Id == sencoId));
        Assert.NotNull(place.LeftAt);
        Assert.False(place.IsKeyWorker);
        Assert.All(place.Consents, c => Assert.NotNull(c.WithdrawnAt));

        var emails = await App.DeliverEmailAsync();
        var toFamily = emails.Single(m => m.To.Mailboxes.Single().Address == "parent@example.org");
        Assert.Contains("Priya Nair has left Brookside Primary School", toFamily.TextBody, StringComparison.Ordinal);
        // With no team lead, the family is the one to choose.
        Assert.Contains("please choose a new key worker from the team yourself", toFamily.TextBody, StringComparison.Ordinal);

        var parent = await SignedInAsync("parent@example.org");
        var (_, team) = await parent.OpenAsync($"/children/{sam}/team");
        Assert.Contains("Sam does not have a key worker", team.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Priya Nair", team.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }
}
