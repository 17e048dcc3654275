using CommonGround.Core.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>The family shares a child's record with a professional, changes its mind, and sees who looked.</summary>
public sealed class TeamJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _errors = [];

    private Task AssertPageAsync(IPage page, string heading) => Steps.AssertPageAsync(page, heading, _errors);

    [Fact]
    public async Task A_family_shares_health_and_about_me_with_a_therapist_then_withdraws_health()
    {
        var parent = await browser.NewPageAsync(_errors);
        await SignInAsync(parent, "parent@example.org");
        await parent.GetByRole(AriaRole.Link, new() { Name = "Open Ellie's record" }).ClickAsync();
        await AssertPageAsync(parent, "Ellie Morgan");
        await parent.GetByRole(AriaRole.Link, new() { Name = "Manage the team and what each person can see" }).ClickAsync();
        await AssertPageAsync(parent, "Ellie's team");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Invite a professional" }).ClickAsync();
        await AssertPageAsync(parent, "Invite a professional to Ellie's team");

        await parent.GetByLabel("Their full name").FillAsync("Grace Okafor");
        await parent.GetByLabel("Their work email address").FillAsync("therapist@example.org");
        await parent.GetByLabel("What they do for your child").FillAsync("Speech and language therapist");
        await parent.GetByLabel("About me").CheckAsync();
        await parent.GetByLabel("Health").CheckAsync();
        await parent.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await AssertPageAsync(parent, "Ellie's team");

        var therapist = await browser.NewPageAsync(_errors);
        await SignInAsync(therapist, "therapist@example.org");
        await therapist.GotoAsync(await browser.App.LinkInLatestEmailToAsync("therapist@example.org"));
        await AssertPageAsync(therapist, "Join Ellie's team on CommonGround");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Accept invitation" }).ClickAsync();
        await AssertPageAsync(therapist, "Ellie Morgan");
        await Assertions.Expect(therapist.Locator("main")).ToContainTextAsync("About me, Health");
        await therapist.GetByRole(AriaRole.Link, new() { Name = "Health", Exact = true }).ClickAsync();
        await AssertPageAsync(therapist, "Health");
        var healthPage = therapist.Url;

        // The therapist suggests words for Ellie's About me; the family accepts them.
        await therapist.GotoAsync(healthPage[..healthPage.IndexOf("/record/", StringComparison.Ordinal)] + "/about-me");
        await AssertPageAsync(therapist, "About Ellie");
        await therapist.Locator("#about-me ~ ul").GetByRole(AriaRole.Link).First.ClickAsync();
        await AssertPageAsync(therapist, "Suggest a change to \"About me\"");
        await therapist.GetByLabel("Your suggested words").FillAsync("Ellie likes trains and quiet rooms.");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Send suggestion to the family" }).ClickAsync();
        await AssertPageAsync(therapist, "About Ellie");
        await therapist.GotoAsync("/children");
        await AssertPageAsync(therapist, "Your day");

        await parent.GotoAsync("/children");
        await parent.GetByRole(AriaRole.Link, new() { Name = "Open Ellie's record" }).ClickAsync();
        await parent.GetByRole(AriaRole.Link, new() { Name = "About Ellie" }).ClickAsync();
        await parent.GetByRole(AriaRole.Link, new() { Name = "Review suggested changes" }).ClickAsync();
        await AssertPageAsync(parent, "Suggested changes");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await AssertPageAsync(parent, "Suggested changes");
        await Assertions.Expect(parent.Locator(".govuk-notification-banner--success")).ToContainTextAsync("You accepted the change to \"About me\"");

        await parent.GotoAsync("/children");
        await parent.GetByRole(AriaRole.Link, new() { Name = "Open Ellie's record" }).ClickAsync();
        await parent.GetByRole(AriaRole.Link, new() { Name = "Manage the team and what each person can see" }).ClickAsync();
        // Screen readers hear the person's name after the link text, from visually hidden text.
        await parent.GetByRole(AriaRole.Row, new() { Name = "Grace Okafor" }).GetByRole(AriaRole.Link, new() { Name = "Change what they can see" }).ClickAsync();
        await AssertPageAsync(parent, "What Grace Okafor can see");
        await parent.GetByLabel("Health").UncheckAsync();
        await parent.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await AssertPageAsync(parent, "Ellie's team");
        await Assertions.Expect(parent.Locator(".govuk-notification-banner--success")).ToContainTextAsync("You changed what Grace Okafor can see");

        await therapist.GotoAsync("/children");
        await Assertions.Expect(therapist.Locator("tbody")).ToContainTextAsync("Ellie Morgan");
        await therapist.GetByRole(AriaRole.Link, new() { Name = "Ellie Morgan" }).ClickAsync();
        await Assertions.Expect(therapist.Locator("main")).Not.ToContainTextAsync("About me, Health");
        // Health is refused at once; nothing else Ellie's family still shares goes away.
        var refused = await therapist.GotoAsync(healthPage);
        Assert.Equal(403, refused!.Status);
        await therapist.AssertAccessibleAsync();
        await therapist.GotoAsync(healthPage[..healthPage.IndexOf("/record/", StringComparison.Ordinal)] + "/about-me");
        await AssertPageAsync(therapist, "About Ellie");
        await Assertions.Expect(therapist.Locator("main")).ToContainTextAsync("Ellie likes trains and quiet rooms.");

        await parent.GotoAsync("/children");
        await parent.GetByRole(AriaRole.Link, new() { Name = "Open Ellie's record" }).ClickAsync();
        await parent.GetByRole(AriaRole.Link, new() { Name = "Who has seen Ellie's record" }).ClickAsync();
        await AssertPageAsync(parent, "Who has seen Ellie's record");
        await Assertions.Expect(parent.Locator("tbody")).ToContainTextAsync("Grace Okafor");
        await Assertions.Expect(parent.Locator("tbody")).ToContainTextAsync("Health part of the record");
        await Assertions.Expect(parent.Locator("tbody")).ToContainTextAsync("About me: \"About me\"");
    }

    [Fact]
    public async Task The_family_writes_about_sam_a_therapist_suggests_a_change_and_the_family_accepts_it()
    {
        var parent = await browser.NewPageAsync(_errors);
        await SignInAsync(parent, "parent@example.org");
        await parent.GetByRole(AriaRole.Link, new() { Name = "Open Sam's record" }).ClickAsync();
        await parent.GetByRole(AriaRole.Link, new() { Name = "About Sam" }).ClickAsync();
        await AssertPageAsync(parent, "About Sam");
        await parent.Locator("#how-i-communicate ~ ul").GetByRole(AriaRole.Link).First.ClickAsync();
        await AssertPageAsync(parent, "How I communicate");
        await parent.GetByLabel("How I communicate").FillAsync("Sam uses short sentences.");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await AssertPageAsync(parent, "About Sam");

        var therapist = await browser.NewPageAsync(_errors);
        await SignInAsync(therapist, "therapist@example.org");
        await therapist.GetByRole(AriaRole.Link, new() { Name = "Sam Morgan" }).ClickAsync();
        await therapist.GetByRole(AriaRole.Link, new() { Name = "About Sam" }).ClickAsync();
        await AssertPageAsync(therapist, "About Sam");
        await Assertions.Expect(therapist.Locator("main")).Not.ToContainTextAsync("Getting to school and transport needs");
        await therapist.Locator("#how-i-communicate ~ ul").GetByRole(AriaRole.Link).First.ClickAsync();
        await AssertPageAsync(therapist, "Suggest a change to \"How I communicate\"");
        await therapist.GetByLabel("Your suggested words").FillAsync("Sam uses short sentences and some Makaton signs.");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Send suggestion to the family" }).ClickAsync();
        await AssertPageAsync(therapist, "About Sam");

        await parent.ReloadAsync();
        await parent.GetByRole(AriaRole.Link, new() { Name = "Review suggested changes" }).ClickAsync();
        await AssertPageAsync(parent, "Suggested changes");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await AssertPageAsync(parent, "Suggested changes");
        await parent.GotoAsync(parent.Url.Replace("/suggestions", "", StringComparison.Ordinal));
        await Assertions.Expect(parent.Locator("main")).ToContainTextAsync("Sam uses short sentences and some Makaton signs.");
        await parent.Locator("#how-i-communicate ~ p").GetByRole(AriaRole.Link).ClickAsync();
        await AssertPageAsync(parent, "Earlier versions of \"How I communicate\"");
    }

    [Fact]
    public async Task The_family_prints_the_one_page_profile_and_shares_it_with_a_supply_teacher()
    {
        var parent = await browser.NewPageAsync(_errors);
        await SignInAsync(parent, "sunita.shah@example.org");
        await parent.GetByRole(AriaRole.Link, new() { Name = "Open Arjun's record" }).ClickAsync();
        await parent.GetByRole(AriaRole.Link, new() { Name = "About Arjun" }).ClickAsync();
        await parent.Locator("#about-me ~ ul").GetByRole(AriaRole.Link).First.ClickAsync();
        await parent.GetByLabel("About me").FillAsync("Arjun loves football and drawing.");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await parent.GetByRole(AriaRole.Link, new() { Name = "Print the one-page profile" }).ClickAsync();
        await AssertPageAsync(parent, "All about Arjun");

        await parent.GetByRole(AriaRole.Link, new() { Name = "Share it with someone who does not use CommonGround" }).ClickAsync();
        await AssertPageAsync(parent, "Share Arjun's one-page profile");
        await parent.GetByLabel("Who is the link for?").FillAsync("Supply teacher");
        await parent.GetByLabel("7 days").CheckAsync();
        await parent.GetByRole(AriaRole.Button, new() { Name = "Make a link" }).ClickAsync();
        await Assertions.Expect(parent.Locator(".govuk-panel__title")).ToHaveTextAsync("Link made");
        await parent.AssertAccessibleAsync();
        var link = (await parent.Locator("#share-link").InnerTextAsync()).Trim();

        var teacher = await browser.NewPageAsync(_errors);
        // The link is on the service's public address; here the service runs on a port of its own.
        Assert.StartsWith("https://localhost/shared/", link, StringComparison.Ordinal);
        await teacher.GotoAsync(new Uri(link).PathAndQuery);
        await AssertPageAsync(teacher, "All about Arjun");
        await Assertions.Expect(teacher.Locator(".cg-one-page")).ToContainTextAsync("Arjun loves football and drawing.");
        await teacher.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await teacher.Locator(".govuk-service-navigation").IsVisibleAsync());
    }

    /// <summary>A typical profile: every section filled in, two or three sentences each, as families write them.</summary>
    private static readonly Dictionary<ProfileSectionKind, string> TypicalProfile = new()
    {
        [ProfileSectionKind.AboutMe] = "I am Maya and I am four. I live with my mum, my brother Arjun and our cat Biscuit. I go to nursery three mornings a week.",
        [ProfileSectionKind.Strengths] = "I am kind and I notice when other children are sad. I am brilliant at puzzles and I can remember every word of my favourite songs.",
        [ProfileSectionKind.WhatMatters] = "My blue rabbit comes everywhere with me. I like to know what is happening next, and I love bubbles, swings and the sand tray.",
        [ProfileSectionKind.HowToSupportMe] = "Get down to my level and say my name before you ask me something. Show me pictures of what comes next. Give me time to finish what I am doing before we move on.",
        [ProfileSectionKind.HowICommunicate] = "I use some words and lots of signs. I point and bring you things to show you what I want. If I go quiet I may be overwhelmed.",
        [ProfileSectionKind.HealthAndMedical] = "I have eczema, so I need cream at lunchtime. I am allergic to peanuts and my auto-injector is in my red bag.",
        [ProfileSectionKind.WhatDoesNotWork] = "Sudden loud noises like the hand dryer, being rushed, and people touching my head. Crowded rooms make me want to hide.",
        [ProfileSectionKind.ImportantPeople] = "Mum, Arjun, Nani, and Miss Patel at nursery. My friend Ruby always sits next to me at snack time.",
        [ProfileSectionKind.GettingToSchool] = "Mum walks me to nursery. I need to hold a hand near roads and I do best when we go the same way each day.",
        [ProfileSectionKind.FamilyStory] = "Maya was born early and spent three weeks in hospital. We moved to Northvale last year to be near family, and we are still getting to know the services here.",
    };

    [Fact]
    public async Task A_typical_one_page_profile_prints_on_one_a4_page()
    {
        var maya = await browser.App.QueryAsync(async db =>
        {
            var child = await db.Children.SingleAsync(c => c.FirstName == "Maya");
            var parent = await db.Users.SingleAsync(u => u.Email == "sunita.shah@example.org");
            foreach (var (kind, text) in TypicalProfile)
            {
                var section = new ProfileSection { ChildId = child.Id, Section = kind };
                db.ProfileSectionVersions.Add(section.Change(text, parent.Id, parent.DisplayName, DateTime.SpecifyKind(new DateTime(2026, 11, 1), DateTimeKind.Utc))!);
                db.ProfileSections.Add(section);
            }

            await db.SaveChangesAsync();
            return child.Id;
        });
        Assert.Equal(Enum.GetValues<ProfileSectionKind>().Length, TypicalProfile.Count);

        var parent = await browser.NewPageAsync(_errors);
        await SignInAsync(parent, "sunita.shah@example.org");
        await parent.GotoAsync($"/children/{maya}/about-me/one-page");
        await AssertPageAsync(parent, "All about Maya");
        await Assertions.Expect(parent.Locator(".cg-one-page")).ToContainTextAsync("my auto-injector is in my red bag");

        var pdf = await parent.PdfAsync(new() { Format = "A4" });
        // Each page of a PDF is one object of type /Page (the page tree itself is /Pages).
        var pages = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![a-zA-Z])").Count;
        Assert.Equal(1, pages);
    }
}
