using System.Net;
using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

/// <summary>From 16 a young person decides what the rest of their family sees; the parent keeps what they allow.</summary>
public sealed class FamilySharingTests : FreshAppTests
{
    private Task<Guid> JordanAsync() => App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Jordan").Select(c => c.Id).SingleAsync());

    private Task<Guid> DeeAsync(Guid jordan) => App.QueryAsync(db => db.FamilyMembers
        .Where(f => f.ChildId == jordan && f.Relationship == FamilyRelationship.ParentCarer).Select(f => f.Id).SingleAsync());

    private static async Task<HttpResponseMessage> ShareAsync(HttpClient client, string url, params RecordArea[] areas)
    {
        var (_, page) = await client.OpenAsync(url);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var values = areas.Select(a => new KeyValuePair<string, string>("Input.Areas", a.ToString()))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task A_young_person_limits_what_their_parent_sees_and_the_parent_is_refused_the_rest_at_once()
    {
        var jordan = await JordanAsync();
        var deeId = await DeeAsync(jordan);
        var dee = await SignedInAsync("dee.reid@example.org");
        Assert.Equal(HttpStatusCode.OK, (await dee.GetAsync($"/children/{jordan}/about-me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dee.GetAsync($"/children/{jordan}/record/health")).StatusCode);

        var youngPerson = await SignedInAsync("youngperson@example.org");
        var (_, team) = await youngPerson.OpenAsync($"/children/{jordan}/team");
        var row = team.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Dee Reid", StringComparison.Ordinal));
        Assert.Contains("The whole record", row.TextContent, StringComparison.Ordinal);
        var saved = await ShareAsync(youngPerson, $"/children/{jordan}/family/{deeId}/sharing", RecordArea.Education, RecordArea.StatutoryProcess);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await dee.GetAsync($"/children/{jordan}/about-me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dee.GetAsync($"/children/{jordan}/record/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dee.GetAsync($"/children/{jordan}/about-me/about-me/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dee.GetAsync($"/children/{jordan}/record/education")).StatusCode);
        var (_, overview) = await dee.OpenAsync($"/children/{jordan}");
        Assert.Contains("They share Education, Statutory process with you", overview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(overview.QuerySelectorAll("main a"), a => a.TextContent.Trim() == "About Jordan");

        // Dee is told something changed, but not what.
        var email = (await App.DeliverEmailAsync()).Single(m => m.To.Mailboxes.Single().Address == "dee.reid@example.org");
        Assert.Equal("Jordan has changed what you can see on their record", email.Subject);
        Assert.DoesNotContain("Education", email.TextBody, StringComparison.Ordinal);

        // Every decision is kept, and the change is on Jordan's chronology.
        var (_, history) = await youngPerson.OpenAsync($"/children/{jordan}/family/{deeId}/sharing");
        Assert.Contains("Education, Statutory process", history.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.True(history.QuerySelector("input[value=Education]")!.HasAttribute("checked"));
        Assert.False(history.QuerySelector("input[value=Health]")!.HasAttribute("checked"));
        var audit = await App.QueryAsync(db => db.AuditEvents.SingleAsync(a => a.EntityId == jordan && a.Action == AuditActions.FamilySharingChanged));
        Assert.Equal("Now sharing Education, Statutory process with Dee Reid", audit.Summary);

        // Sharing everything again gives it all back.
        await ShareAsync(youngPerson, $"/children/{jordan}/family/{deeId}/sharing", Enum.GetValues<RecordArea>());
        Assert.Equal(HttpStatusCode.OK, (await dee.GetAsync($"/children/{jordan}/about-me")).StatusCode);
    }

    [Fact]
    public async Task A_limited_parent_hears_only_of_changes_and_views_in_the_parts_they_can_see()
    {
        var jordan = await JordanAsync();
        var deeId = await DeeAsync(jordan);
        var youngPerson = await SignedInAsync("youngperson@example.org");
        await youngPerson.SubmitAsync($"/children/{jordan}/about-me/health-and-medical/edit", new Dictionary<string, string> { ["Input.Text"] = "Asthma, uses an inhaler." });
        await ShareAsync(youngPerson, $"/children/{jordan}/family/{deeId}/sharing", RecordArea.Education);
        var caseworker = await SignedInAsync("caseworker@example.org");
        await caseworker.GetAsync($"/children/{jordan}/about-me");

        var dee = await SignedInAsync("dee.reid@example.org");
        var (_, chronology) = await dee.OpenAsync($"/children/{jordan}/chronology");
        var text = chronology.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("Health and medical needs", text, StringComparison.Ordinal);
        Assert.Contains("Now sharing Education with Dee Reid", text, StringComparison.Ordinal);
        Assert.DoesNotContain(chronology.QuerySelectorAll("select option"), o => o.TextContent == "Health");

        var (_, seen) = await dee.OpenAsync($"/children/{jordan}/who-has-seen");
        Assert.DoesNotContain("About me", seen.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (_, youngPersonSees) = await youngPerson.OpenAsync($"/children/{jordan}/who-has-seen");
        Assert.Contains("About me", youngPersonSees.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dee.reid@example.org", HttpStatusCode.Forbidden)]
    [InlineData("caseworker@example.org", HttpStatusCode.Forbidden)]
    [InlineData("parent@example.org", HttpStatusCode.NotFound)]
    public async Task Only_the_young_person_decides_what_the_family_sees(string email, HttpStatusCode expected)
    {
        var jordan = await JordanAsync();
        var deeId = await DeeAsync(jordan);
        var client = await SignedInAsync(email);
        Assert.Equal(expected, (await client.GetAsync($"/children/{jordan}/family/{deeId}/sharing")).StatusCode);
        var (_, page) = await client.OpenAsync("/account");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await client.PostAsync($"/children/{jordan}/family/{deeId}/sharing",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Areas"] = "Education", ["__RequestVerificationToken"] = token }));
        Assert.Equal(expected, posted.StatusCode);
        Assert.Equal(0, await App.QueryAsync(db => db.FamilySharingDecisions.CountAsync()));
    }

    [Fact]
    public async Task The_young_persons_own_place_and_unknown_areas_cannot_be_chosen()
    {
        var jordan = await JordanAsync();
        var ownPlace = await App.QueryAsync(db => db.FamilyMembers.Where(f => f.ChildId == jordan && f.Relationship == FamilyRelationship.YoungPerson).Select(f => f.Id).SingleAsync());
        var youngPerson = await SignedInAsync("youngperson@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await youngPerson.GetAsync($"/children/{jordan}/family/{ownPlace}/sharing")).StatusCode);

        var deeId = await DeeAsync(jordan);
        var (response, page) = await youngPerson.SubmitAsync($"/children/{jordan}/family/{deeId}/sharing", new Dictionary<string, string> { ["Input.Areas"] = "Everything<script>" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(page.ErrorSummary());
        Assert.Equal(0, await App.QueryAsync(db => db.FamilySharingDecisions.CountAsync()));
    }

    [Fact]
    public async Task A_part_of_the_record_shows_the_familys_words_in_it_and_its_latest_changes()
    {
        var jordan = await JordanAsync();
        var youngPerson = await SignedInAsync("youngperson@example.org");
        await youngPerson.SubmitAsync($"/children/{jordan}/about-me/health-and-medical/edit", new Dictionary<string, string> { ["Input.Text"] = "Asthma, uses an inhaler." });
        var (_, health) = await youngPerson.OpenAsync($"/children/{jordan}/record/health");
        Assert.Equal("Health", health.Heading());
        Assert.Contains("Asthma, uses an inhaler.", health.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Changed \"Health and medical needs\"", health.QuerySelector("table")!.TextContent, StringComparison.Ordinal);

        var (_, education) = await youngPerson.OpenAsync($"/children/{jordan}/record/education");
        Assert.Contains("Nothing has been recorded in education yet", education.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await youngPerson.GetAsync($"/children/{jordan}/record/astrology")).StatusCode);

        // The caseworker is not shared Health, and their view of Education is logged for Jordan.
        var caseworker = await SignedInAsync("caseworker@example.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.GetAsync($"/children/{jordan}/record/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await caseworker.GetAsync($"/children/{jordan}/record/education")).StatusCode);
        Assert.True(await App.QueryAsync(db => db.AccessLog.AnyAsync(a => a.ChildId == jordan && a.Area == RecordArea.Education && a.What == "Education part of the record")));
    }
}
