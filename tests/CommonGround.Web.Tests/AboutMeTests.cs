using System.Net;
using CommonGround.Core.Access;
using CommonGround.Core.Profiles;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

/// <summary>The family's "About me": written once in their words, shared by area, changed only by them.</summary>
public sealed class AboutMeTests : FreshAppTests
{
    private Task<Guid> SamAsync() => App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());

    private static Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> WriteAsync(HttpClient client, Guid child, string section, string text) =>
        client.SubmitAsync($"/children/{child}/about-me/{section}/edit", new Dictionary<string, string> { ["Input.Text"] = text });

    [Fact]
    public async Task About_me_has_one_name_and_one_place_from_the_record_and_its_parts()
    {
        var sam = await SamAsync();
        var parent = await SignedInAsync("parent@example.org");

        var (_, overview) = await parent.OpenAsync($"/children/{sam}");
        var (part, _) = await parent.OpenAsync($"/children/{sam}/record/about-me");

        Assert.Empty(overview.QuerySelectorAll($"a[href='/children/{sam}/record/about-me']"));
        Assert.All(overview.QuerySelectorAll($"main a[href='/children/{sam}/about-me']"), a => Assert.Equal("About Sam", a.TextContent.Trim()));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, part.StatusCode);
        Assert.Equal($"/children/{sam}/about-me", part.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_family_writes_a_section_and_every_change_is_a_new_version_they_can_look_back_on()
    {
        var sam = await SamAsync();
        var parent = await SignedInAsync("parent@example.org");
        var (first, _) = await WriteAsync(parent, sam, "strengths", "Sam is kind and loves trains.");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        App.Time.Advance(TimeSpan.FromDays(2));
        parent = await SignedInAsync("parent@example.org");
        await WriteAsync(parent, sam, "strengths", "Sam is kind, funny and loves steam trains.");

        var (_, profile) = await parent.OpenAsync($"/children/{sam}/about-me");
        Assert.Contains("Sam is kind, funny and loves steam trains.", profile.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Last changed by Alex Morgan on 25 November 2026", profile.Body!.TextContent, StringComparison.Ordinal);

        var (_, history) = await parent.OpenAsync($"/children/{sam}/about-me/strengths/history");
        var headings = history.QuerySelectorAll("main h2").Select(h => h.TextContent).ToList();
        Assert.Equal(2, headings.Count);
        Assert.StartsWith("Version 2", headings[0], StringComparison.Ordinal);
        var added = string.Join(' ', history.QuerySelectorAll("details")[0].QuerySelectorAll("ins").Select(i => i.TextContent));
        Assert.Contains("funny", added, StringComparison.Ordinal);
        Assert.Contains("steam", added, StringComparison.Ordinal);
        Assert.DoesNotContain("loves", added, StringComparison.Ordinal);
        Assert.Equal(2, await App.QueryAsync(db => db.ProfileSectionVersions.CountAsync(v => v.ChildId == sam)));
    }

    [Fact]
    public async Task When_two_people_edit_the_same_section_the_second_sees_the_first_change_and_loses_nothing()
    {
        var sam = await SamAsync();
        var parent = await SignedInAsync("parent@example.org");
        var (_, form) = await parent.OpenAsync($"/children/{sam}/about-me/what-matters/edit");
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        await WriteAsync(parent, sam, "what-matters", "Grandma's Sunday visits.");
        var (stale, page) = await parent.PostFormAsync($"/children/{sam}/about-me/what-matters/edit", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Version"] = "0",
            ["Input.Text"] = "Swimming on Saturdays.",
        });

        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("changed this section while you were editing it", page.ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Contains("Grandma's Sunday visits.", page.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Swimming on Saturdays.", page.QuerySelector("textarea")!.TextContent);
        Assert.Equal("Grandma's Sunday visits.", await App.QueryAsync(db => db.ProfileSections.Where(s => s.ChildId == sam && s.Section == ProfileSectionKind.WhatMatters).Select(s => s.Text).SingleAsync()));
    }

    [Theory]
    [InlineData("therapist@example.org", "Health and medical needs", "Getting to school and transport needs")]
    [InlineData("transport@example.org", "Getting to school and transport needs", "Health and medical needs")]
    public async Task A_professional_sees_only_the_sections_in_areas_shared_with_them_and_the_view_is_logged(string email, string shown, string hidden)
    {
        var sam = await SamAsync();
        var professional = await SignedInAsync(email);
        var (response, page) = await professional.OpenAsync($"/children/{sam}/about-me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sections = page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("About me", sections);
        Assert.Contains(shown, sections);
        Assert.DoesNotContain(hidden, sections);
        Assert.Empty(page.QuerySelectorAll("a[href$='/edit']"));
        Assert.True(await App.QueryAsync(db => db.AccessLog.AnyAsync(a => a.ChildId == sam && a.What.StartsWith("About me"))));
    }

    [Theory]
    [InlineData("therapist@example.org", "/about-me/strengths/edit", HttpStatusCode.Forbidden)] // professionals never change the family's words
    [InlineData("caseworker@example.org", "/about-me/health-and-medical/suggest", HttpStatusCode.Forbidden)] // health is not shared with them
    [InlineData("caseworker@example.org", "/about-me/health-and-medical/history", HttpStatusCode.Forbidden)]
    [InlineData("therapist@example.org", "/about-me/health-and-medical/suggest", HttpStatusCode.OK)]
    [InlineData("parent@example.org", "/about-me/no-such-section/edit", HttpStatusCode.NotFound)]
    [InlineData("sunita.shah@example.org", "/about-me", HttpStatusCode.NotFound)] // another family's child
    [InlineData("therapist@example.org", "/about-me/suggestions", HttpStatusCode.Forbidden)]
    public async Task About_me_pages_refuse_what_a_person_may_not_do(string email, string page, HttpStatusCode expected)
    {
        var sam = await SamAsync();
        var client = await SignedInAsync(email);
        Assert.Equal(expected, (await client.GetAsync($"/children/{sam}{page}")).StatusCode);
    }

    [Fact]
    public async Task A_suggestion_with_a_label_gets_advice_first_and_can_still_be_sent_as_it_is()
    {
        var sam = await SamAsync();
        var therapist = await SignedInAsync("therapist@example.org");
        var suggest = $"/children/{sam}/about-me/how-i-communicate/suggest";
        var words = new Dictionary<string, string> { ["Input.Text"] = "Sam is attention-seeking when he is bored." };

        var (advised, page) = await therapist.SubmitAsync(suggest, words);
        Assert.Equal(HttpStatusCode.OK, advised.StatusCode);
        Assert.Contains("attention-seeking", page.QuerySelector("#language-advice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await App.QueryAsync(db => db.ProfileSuggestions.CountAsync()));

        var (sent, _) = await therapist.SubmitAsync(suggest, new Dictionary<string, string>(words) { ["Input.SaveAnyway"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(1, await App.QueryAsync(db => db.ProfileSuggestions.CountAsync()));
        Assert.Equal(1, await App.QueryAsync(db => db.LanguageAdviceRecords.CountAsync(r => r.SavedAnyway)));
    }

    [Fact]
    public async Task A_therapist_suggests_a_change_and_the_family_accepts_it()
    {
        var sam = await SamAsync();
        var parent = await SignedInAsync("parent@example.org");
        await WriteAsync(parent, sam, "how-i-communicate", "Sam uses short sentences.");

        var therapist = await SignedInAsync("therapist@example.org");
        var (sent, _) = await therapist.SubmitAsync($"/children/{sam}/about-me/how-i-communicate/suggest", new Dictionary<string, string>
        {
            ["Input.Text"] = "Sam uses short sentences and some Makaton signs.",
            ["Input.Reason"] = "He signs 'more' and 'finished' in our sessions.",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("Sam uses short sentences.", await App.QueryAsync(db => db.ProfileSections.Where(s => s.ChildId == sam && s.Section == ProfileSectionKind.HowICommunicate).Select(s => s.Text).SingleAsync()));

        var (_, review) = await parent.OpenAsync($"/children/{sam}/about-me/suggestions");
        Assert.Contains("Suggested by Grace Okafor, Northvale Community NHS Trust", review.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("and some Makaton signs.", review.QuerySelector(".cg-diff ins")!.TextContent, StringComparison.Ordinal);
        var suggestionId = await App.QueryAsync(db => db.ProfileSuggestions.Select(s => s.Id).SingleAsync());
        var (accepted, _) = await parent.SubmitAsync($"/children/{sam}/about-me/suggestions", new Dictionary<string, string>(),
            action: $"/children/{sam}/about-me/suggestions?suggestionId={suggestionId}&handler=Accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var (_, profile) = await therapist.OpenAsync($"/children/{sam}/about-me");
        Assert.Contains("Sam uses short sentences and some Makaton signs.", profile.Body!.TextContent, StringComparison.Ordinal);
        var version = await App.QueryAsync(db => db.ProfileSectionVersions.Where(v => v.ChildId == sam).OrderByDescending(v => v.Version).FirstAsync());
        Assert.Equal("Grace Okafor", version.AcceptedFrom);
        Assert.Equal("Alex Morgan", version.ChangedByName);
    }

    [Fact]
    public async Task The_family_can_change_a_suggestion_before_accepting_it_or_decline_it()
    {
        var sam = await SamAsync();
        var therapist = await SignedInAsync("therapist@example.org");
        await therapist.SubmitAsync($"/children/{sam}/about-me/health-and-medical/suggest", new Dictionary<string, string> { ["Input.Text"] = "Sam has asthma." });
        await therapist.SubmitAsync($"/children/{sam}/about-me/about-me/suggest", new Dictionary<string, string> { ["Input.Text"] = "Sam is shy." });
        var ids = await App.QueryAsync(db => db.ProfileSuggestions.OrderBy(s => s.SuggestedAt).ThenBy(s => s.Section).Select(s => new { s.Id, s.Section }).ToListAsync());

        var parent = await SignedInAsync("parent@example.org");
        var health = ids.Single(i => i.Section == ProfileSectionKind.HealthAndMedical).Id;
        var (edited, _) = await parent.SubmitAsync($"/children/{sam}/about-me/suggestions/{health}/edit", new Dictionary<string, string> { ["Input.Text"] = "Sam has mild asthma; his inhaler is blue." });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var aboutMe = ids.Single(i => i.Section == ProfileSectionKind.AboutMe).Id;
        var (declined, _) = await parent.SubmitAsync($"/children/{sam}/about-me/suggestions/{aboutMe}/decline", new Dictionary<string, string> { ["Input.Reason"] = "Sam is quiet at first, not shy." });
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);

        var suggestions = await App.QueryAsync(db => db.ProfileSuggestions.ToListAsync());
        Assert.Equal(SuggestionStatus.AcceptedWithChanges, suggestions.Single(s => s.Id == health).Status);
        Assert.Equal("Sam is quiet at first, not shy.", suggestions.Single(s => s.Id == aboutMe).DeclineReason);
        var sections = await App.QueryAsync(db => db.ProfileSections.Where(s => s.ChildId == sam).ToListAsync());
        Assert.Equal("Sam has mild asthma; his inhaler is blue.", sections.Single(s => s.Section == ProfileSectionKind.HealthAndMedical).Text);
        Assert.DoesNotContain(sections, s => s.Section == ProfileSectionKind.AboutMe);

        // A decided suggestion cannot be decided again.
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/children/{sam}/about-me/suggestions/{aboutMe}/edit")).StatusCode);
    }

    [Theory]
    [InlineData("<script>alert('hi')</script>", "The section must not include web page code, such as <script>. Remove anything written between < and >")]
    [InlineData("<b>bold</b>", "The section must not include web page code, such as <script>. Remove anything written between < and >")]
    public async Task Web_page_code_is_refused_and_nothing_is_saved(string text, string expected)
    {
        var sam = await SamAsync();
        var parent = await SignedInAsync("parent@example.org");
        var (response, page) = await WriteAsync(parent, sam, "about-me", text);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([expected], page.ErrorSummary());
        Assert.False(await App.QueryAsync(db => db.ProfileSections.AnyAsync(s => s.ChildId == sam)));
    }

    [Fact]
    public async Task Text_that_is_too_long_is_refused_and_a_less_than_sign_on_its_own_is_fine()
    {
        var sam = await SamAsync();
        var parent = await SignedInAsync("parent@example.org");
        var (tooLong, page) = await WriteAsync(parent, sam, "family-story", new string('a', ProfileSection.MaxLength + 1));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.StartsWith("The section must be 5,000 characters or fewer", page.ErrorSummary().Single(), StringComparison.Ordinal);

        var (fine, _) = await WriteAsync(parent, sam, "family-story", "We <3 Sam. He needs < 2 hours of screen time.");
        Assert.Equal(HttpStatusCode.Redirect, fine.StatusCode);
    }
}
