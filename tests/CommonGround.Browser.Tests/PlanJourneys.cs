using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// Sam's SEN support plan, from a blank page to provision delivered: the SENCO writes it on a desktop with About me at
/// its head, the parent answers it line by line on a phone with JavaScript off, the SENCO takes the parent's words and
/// agrees it, and the therapist's first session shows on the plan. Today is Monday 23 November 2026.
/// </summary>
public sealed class PlanJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _errors = [];

    private Task AssertPageAsync(IPage page, string heading) => Steps.AssertPageAsync(page, heading, _errors);

    private async Task<IPage> SignedInAsync(string email, BrowserNewContextOptions? options = null)
    {
        var page = await browser.NewPageAsync(_errors, options);
        await SignInAsync(page, email);
        return page;
    }

    private static async Task FillProvisionAsync(IPage page, string what, string provider, string part, string quantity)
    {
        await page.Locator("[name='Input.Text']").FillAsync(what);
        await page.GetByLabel(part, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Who provides it").SelectOptionAsync(new SelectOptionValue { Label = provider });
        await page.GetByLabel("How much").FillAsync(quantity);
        await page.GetByLabel("Sessions", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("A week", new() { Exact = true }).CheckAsync();
        await FillDateAsync(page, "Input.StartDate", new DateOnly(2026, 11, 16));
    }

    private static async Task<int> PageWidthAsync(IPage page) => await page.EvaluateAsync<int>("document.documentElement.scrollWidth");

    /// <summary>With JavaScript off nothing can run in the page, so the scan and the width are checked on a phone with it on.</summary>
    private static async Task AssertHeadingAsync(IPage page, string heading) =>
        Assert.Equal(heading, (await page.Locator("h1").First.InnerTextAsync()).Trim());

    private async Task AssertFitsAPhoneAsync(string email, string url, string heading)
    {
        var phone = await SignedInAsync(email, new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await phone.GotoAsync(url);
        await AssertPageAsync(phone, heading);
        Assert.True(await PageWidthAsync(phone) <= 390, $"{url} scrolls sideways on a phone");
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task A_senco_and_a_parent_write_sams_plan_together_and_its_provision_is_tracked_once_agreed()
    {
        var sam = await browser.App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id).SingleAsync());

        // Alex has written About me, so the plan opens with it.
        var phone = new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = false };
        var parent = await SignedInAsync("parent@example.org", phone);
        await parent.GotoAsync($"/children/{sam}/about-me/about-me/edit");
        await parent.Locator("[name='Input.Text']").FillAsync("Sam loves trains and drawing maps.");
        await Click(parent, AriaRole.Button, "Save");

        // Priya starts the plan from Sam's record.
        var senco = await SignedInAsync("senco@example.org");
        await senco.GotoAsync($"/children/{sam}");
        await Click(senco, AriaRole.Link, "Support plans");
        await AssertPageAsync(senco, "Support plans");
        await Click(senco, AriaRole.Button, "Start a plan");
        await AssertPageAsync(senco, "Start a plan");
        await senco.GetByLabel("SEN support plan", new() { Exact = true }).CheckAsync();
        await Click(senco, AriaRole.Button, "Start the plan");
        await AssertPageAsync(senco, "SEN support plan");
        await Assertions.Expect(senco.Locator("main")).ToContainTextAsync("Sam loves trains and drawing maps.");

        // A need and two outcomes.
        await senco.GetByRole(AriaRole.Link, new() { Name = "Add a need" }).ClickAsync();
        await AssertPageAsync(senco, "Add a need");
        await senco.Locator("[name='Input.Text']").FillAsync("Sam finds it hard to follow spoken instructions in a busy classroom");
        await senco.GetByLabel("Education", new() { Exact = true }).CheckAsync();
        await senco.GetByLabel("Communication and interaction").CheckAsync();
        await Click(senco, AriaRole.Button, "Save");
        foreach (var (outcome, part) in new[] { ("Sam will ask an adult for help when he is stuck", "Education"), ("Sam will follow a two-step instruction", "Health") })
        {
            await senco.GetByRole(AriaRole.Link, new() { Name = "Add an outcome" }).ClickAsync();
            await AssertPageAsync(senco, "Add an outcome");
            await senco.Locator("[name='Input.Text']").FillAsync(outcome);
            await senco.GetByLabel(part, new() { Exact = true }).CheckAsync();
            await FillDateAsync(senco, "Input.AchieveBy", new DateOnly(2027, 7, 16));
            await Click(senco, AriaRole.Button, "Save");
            await AssertPageAsync(senco, "SEN support plan");
        }

        // Three lines of provision; the first is written vaguely and the prompt makes it specific.
        await senco.GetByRole(AriaRole.Link, new() { Name = "Add provision" }).ClickAsync();
        await senco.Locator("[name='Input.Text']").FillAsync("Access to speech and language therapy as required");
        await senco.GetByLabel("Health", new() { Exact = true }).CheckAsync();
        await Click(senco, AriaRole.Button, "Save");
        await AssertPageAsync(senco, "Add provision");
        await Assertions.Expect(senco.Locator("#provision-prompts")).ToContainTextAsync("\"Access to\"");
        await FillProvisionAsync(senco, "Speech and language therapy in school", "Grace Okafor, Speech and language therapist (Northvale Community NHS Trust)", "Health", "1");
        await senco.GetByLabel("Sam finds it hard to follow spoken instructions in a busy classroom").CheckAsync();
        await senco.GetByLabel("Sam will follow a two-step instruction").CheckAsync();
        await Click(senco, AriaRole.Button, "Save");
        await AssertPageAsync(senco, "SEN support plan");
        await Assertions.Expect(senco.Locator(".govuk-summary-card", new() { HasText = "Speech and language therapy in school" }))
            .ToContainTextAsync("Sam finds it hard to follow spoken instructions in a busy classroom");
        foreach (var (what, quantity) in new[] { ("Small-group reading with a teaching assistant", "3"), ("A daily check-in with a named adult", "5") })
        {
            await senco.GetByRole(AriaRole.Link, new() { Name = "Add provision" }).ClickAsync();
            await FillProvisionAsync(senco, what, "Priya Nair, SENCO at Sam's school (Brookside Primary School)", "Education", quantity);
            await Click(senco, AriaRole.Button, "Save");
            await AssertPageAsync(senco, "SEN support plan");
        }

        await Click(senco, AriaRole.Button, "Share with the family");
        await AssertPageAsync(senco, "Share the plan with the family");
        await Click(senco, AriaRole.Button, "Share with the family");
        await AssertPageAsync(senco, "SEN support plan");

        // Alex answers on a phone, without JavaScript: a change to one outcome, the rest agreed.
        await parent.GotoAsync($"/children/{sam}/plans");
        await parent.Locator("main a", new() { HasText = "SEN support plan" }).ClickAsync();
        await AssertHeadingAsync(parent, "SEN support plan");
        var plan = parent.Url;
        await AssertFitsAPhoneAsync("parent@example.org", plan, "SEN support plan");
        await Click(parent, AriaRole.Link, "Answer the plan");
        await AssertHeadingAsync(parent, "Answer the plan");
        await AssertFitsAPhoneAsync("parent@example.org", parent.Url, "Answer the plan");
        var fieldsets = parent.Locator("main fieldset");
        for (var i = 0; i < await fieldsets.CountAsync(); i++)
        {
            var fieldset = fieldsets.Nth(i);
            if ((await fieldset.InnerTextAsync()).Contains("ask an adult for help", StringComparison.Ordinal))
            {
                await fieldset.GetByLabel("I would change it").CheckAsync();
                await parent.Locator("textarea").Nth(i).FillAsync("Sam will ask an adult or a friend for help when he is stuck");
            }
            else
            {
                await fieldset.GetByLabel("I agree").CheckAsync();
            }
        }

        await Click(parent, AriaRole.Button, "Send my answers");
        await AssertHeadingAsync(parent, "SEN support plan");

        // Priya takes Alex's words and agrees the plan.
        await senco.ReloadAsync();
        await senco.GetByRole(AriaRole.Link, new() { Name = "Reply to Alex Morgan about outcome 1" }).ClickAsync();
        await AssertPageAsync(senco, "Reply to Alex Morgan");
        await senco.GetByLabel("Take the suggestion").CheckAsync();
        await Click(senco, AriaRole.Button, "Send reply");
        await AssertPageAsync(senco, "SEN support plan");
        await Click(senco, AriaRole.Button, "Mark the plan as agreed");
        await AssertPageAsync(senco, "Mark the plan as agreed");
        await Click(senco, AriaRole.Button, "Mark as agreed");
        await AssertPageAsync(senco, "SEN support plan");
        await Assertions.Expect(senco.Locator("main")).ToContainTextAsync("Sam will ask an adult or a friend for help when he is stuck");

        // Grace records the first session against the commitment the plan made, and it shows on the plan.
        var therapist = await SignedInAsync("therapist@example.org");
        await therapist.GotoAsync($"/children/{sam}/plans");
        await therapist.Locator("main a", new() { HasText = "SEN support plan" }).ClickAsync();
        await AssertPageAsync(therapist, "SEN support plan");
        await therapist.GetByRole(AriaRole.Link, new() { Name = "See each delivery of Speech and language therapy in school" }).ClickAsync();
        await Click(therapist, AriaRole.Button, "Record a delivery or a missed session");
        await FillDateAsync(therapist, "Input.Date", new DateOnly(2026, 11, 17));
        await therapist.GetByLabel("It was delivered").CheckAsync();
        await therapist.GetByLabel("How much").FillAsync("1");
        await Click(therapist, AriaRole.Button, "Save record");

        await parent.GotoAsync(plan);
        var therapy = parent.Locator(".govuk-summary-card", new() { HasText = "Speech and language therapy in school" });
        await Assertions.Expect(therapy).ToContainTextAsync("1 session delivered of");

        // The termly review: Priya starts it, Alex says how it is going in their words on the phone, the team gives its
        // view of each outcome, and the plan is agreed again as version 2 with what everyone said kept in it.
        await senco.ReloadAsync();
        await Click(senco, AriaRole.Button, "Start a review");
        await AssertPageAsync(senco, "Start a review");
        await senco.GetByLabel("It is not arranged yet").CheckAsync();
        await Click(senco, AriaRole.Button, "Start the review");
        await AssertPageAsync(senco, "SEN support plan");

        await parent.GotoAsync(plan);
        await Click(parent, AriaRole.Link, "Tell us in your own words");
        await AssertHeadingAsync(parent, "How is Sam getting on?");
        await AssertFitsAPhoneAsync("parent@example.org", parent.Url, "How is Sam getting on?");
        await parent.GetByLabel("Outcome 1: Sam will ask an adult or a friend for help when he is stuck").FillAsync("He asks his sister for help with homework now");
        await Click(parent, AriaRole.Button, "Save my words");
        await AssertHeadingAsync(parent, "SEN support plan");

        await Click(senco, AriaRole.Button, "Give the team's view of each outcome");
        await AssertPageAsync(senco, "The review");
        var askForHelp = senco.Locator(".govuk-summary-card", new() { HasText = "ask an adult or a friend" });
        await Assertions.Expect(askForHelp).ToContainTextAsync("He asks his sister for help with homework now");
        await askForHelp.GetByLabel("On track").CheckAsync();
        await askForHelp.GetByLabel("What the team has seen, and how you know").FillAsync("He asked for help three times in class last week");
        var twoStep = senco.Locator(".govuk-summary-card", new() { HasText = "two-step instruction" });
        await twoStep.GetByLabel("Some progress").CheckAsync();
        await twoStep.GetByLabel("What the team has seen, and how you know").FillAsync("In small groups, not yet with the whole class");
        await Click(senco, AriaRole.Button, "Save the team's view");
        await AssertPageAsync(senco, "SEN support plan");
        await Click(senco, AriaRole.Button, "Share the new version with the family");
        await Click(senco, AriaRole.Button, "Share with the family");
        await AssertPageAsync(senco, "SEN support plan");
        await Click(senco, AriaRole.Button, "Mark the plan as agreed");
        await Click(senco, AriaRole.Button, "Mark as agreed");
        await AssertPageAsync(senco, "SEN support plan");

        await parent.GotoAsync(plan);
        await Assertions.Expect(parent.Locator(".govuk-summary-card", new() { HasText = "ask an adult or a friend" })).ToContainTextAsync("He asked for help three times in class last week");
        await Click(parent, AriaRole.Link, "See every version and what changed");
        await AssertHeadingAsync(parent, "Every version");
        await Assertions.Expect(parent.Locator("main h2").First).ToHaveTextAsync("Version 2, agreed");
        await AssertFitsAPhoneAsync("parent@example.org", parent.Url, "Every version");
    }
}

/// <summary>
/// Jordan's EHC plan, written by the council: the caseworker drafts it in its sections on a desktop, Jordan comments on
/// a phone within their 15 days, and the final is issued the day after, with both dates on the needs assessment.
/// Today is Monday 23 November 2026; Jordan's needs assessment was asked for on 1 September.
/// </summary>
public sealed class EhcPlanJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _errors = [];

    private Task AssertPageAsync(IPage page, string heading) => Steps.AssertPageAsync(page, heading, _errors);

    private async Task<IPage> SignedInAsync(string email, BrowserNewContextOptions? options = null)
    {
        var page = await browser.NewPageAsync(_errors, options);
        await SignInAsync(page, email);
        return page;
    }

    [Fact]
    public async Task A_caseworker_drafts_an_ehc_plan_the_young_person_comments_and_the_final_is_issued_on_the_assessment()
    {
        var jordan = await browser.App.QueryAsync(db => db.Children.Where(c => c.FirstName == "Jordan").Select(c => c.Id).SingleAsync());

        // Jordan shares commitments with Tom, who will answer for the provision.
        await browser.App.QueryAsync(async db =>
        {
            db.SharingConsents.Add(new Core.Team.SharingConsent
            {
                TeamMemberId = await db.TeamMembers.Where(m => m.ChildId == jordan).Select(m => m.Id).SingleAsync(), ChildId = jordan, Area = Core.Access.RecordArea.Commitments,
                From = new DateOnly(2026, 11, 23), GrantedByUserId = await db.Users.Where(u => u.Email == "youngperson@example.org").Select(u => u.Id).SingleAsync(),
                GrantedAt = browser.App.Time.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });

        // Tom has the needs assessment on the record, and the council decided to assess.
        var caseworker = await SignedInAsync("caseworker@example.org");
        await caseworker.GotoAsync($"/children/{jordan}/statutory");
        await Click(caseworker, AriaRole.Button, "Record a new process");
        await caseworker.GetByLabel("EHC needs assessment", new() { Exact = true }).CheckAsync();
        await FillDateAsync(caseworker, "Input.Date", new DateOnly(2026, 9, 1));
        await Click(caseworker, AriaRole.Button, "Save");
        await AssertPageAsync(caseworker, "EHC needs assessment");
        var assessment = caseworker.Url;
        await Click(caseworker, AriaRole.Button, "Record what happened");
        await caseworker.GetByLabel("The local authority said it will assess", new() { Exact = true }).CheckAsync();
        await FillDateAsync(caseworker, "Input.Date", new DateOnly(2026, 10, 12));
        await Click(caseworker, AriaRole.Button, "Save");

        // Tom drafts the plan in the sections the regulations set out.
        await caseworker.GotoAsync($"/children/{jordan}/plans");
        await Click(caseworker, AriaRole.Button, "Start a plan");
        await caseworker.GetByLabel("EHC plan", new() { Exact = true }).CheckAsync();
        await Click(caseworker, AriaRole.Button, "Start the plan");
        await AssertPageAsync(caseworker, "EHC plan");
        await Assertions.Expect(caseworker.Locator("main h2", new() { HasText = "Section A" })).ToContainTextAsync("views, interests and aspirations");
        await Click(caseworker, AriaRole.Link, "Add a need to section b: special educational needs");
        await caseworker.Locator("[name='Input.Text']").FillAsync("Jordan needs help to plan longer pieces of work");
        await caseworker.GetByLabel("Education", new() { Exact = true }).CheckAsync();
        await caseworker.GetByLabel("Cognition and learning").CheckAsync();
        await Click(caseworker, AriaRole.Button, "Save");
        await Click(caseworker, AriaRole.Link, "Add an outcome to section e: outcomes");
        await caseworker.Locator("[name='Input.Text']").FillAsync("Jordan will hand in coursework on time");
        await caseworker.GetByLabel("Education", new() { Exact = true }).CheckAsync();
        await Click(caseworker, AriaRole.Button, "Save");
        await Click(caseworker, AriaRole.Link, "Add provision to section f: special educational provision");
        await caseworker.Locator("[name='Input.Text']").FillAsync("Study-skills mentoring");
        await caseworker.GetByLabel("Education", new() { Exact = true }).CheckAsync();
        await caseworker.GetByLabel("Who provides it").SelectOptionAsync(new SelectOptionValue { Label = "Tom Hughes, SEND caseworker (Northvale Council SEND Team)" });
        await caseworker.GetByLabel("How much").FillAsync("1");
        await caseworker.GetByLabel("Sessions", new() { Exact = true }).CheckAsync();
        await caseworker.GetByLabel("A week", new() { Exact = true }).CheckAsync();
        await FillDateAsync(caseworker, "Input.StartDate", new DateOnly(2026, 11, 23));
        await Click(caseworker, AriaRole.Button, "Save");
        await AssertPageAsync(caseworker, "EHC plan");
        await Assertions.Expect(caseworker.Locator(".govuk-summary-card", new() { HasText = "Study-skills mentoring" })).ToContainTextAsync("Tom Hughes");
        await Click(caseworker, AriaRole.Button, "Share with the family");
        await Click(caseworker, AriaRole.Button, "Share with the family");
        await AssertPageAsync(caseworker, "EHC plan");

        // Jordan reads the draft on a phone, sees their 15 days, and disagrees with one line.
        var youngPerson = await SignedInAsync("youngperson@example.org", new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await youngPerson.GotoAsync($"/children/{jordan}/plans");
        await youngPerson.Locator("main a", new() { HasText = "EHC plan" }).ClickAsync();
        await AssertPageAsync(youngPerson, "EHC plan");
        await Assertions.Expect(youngPerson.Locator("main")).ToContainTextAsync("You have until 7 December 2026 to comment on it");
        await Click(youngPerson, AriaRole.Link, "Answer the plan");
        await AssertPageAsync(youngPerson, "Answer the plan");
        var fieldsets = youngPerson.Locator("main fieldset");
        for (var i = 0; i < await fieldsets.CountAsync(); i++)
        {
            if ((await fieldsets.Nth(i).InnerTextAsync()).Contains("Study-skills mentoring", StringComparison.Ordinal))
            {
                await fieldsets.Nth(i).GetByLabel("I disagree").CheckAsync();
                await youngPerson.Locator("textarea").Nth(i).FillAsync("Once a week is not enough in exam term");
            }
            else
            {
                await fieldsets.Nth(i).GetByLabel("I agree").CheckAsync();
            }
        }

        await Click(youngPerson, AriaRole.Button, "Send my answers");
        await AssertPageAsync(youngPerson, "EHC plan");

        // Tom replies; the final cannot be issued inside Jordan's 15 days.
        await caseworker.ReloadAsync();
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Reply to Jordan Reid about provision 1" }).ClickAsync();
        await caseworker.GetByLabel("Keep the line as it is").CheckAsync();
        await caseworker.GetByLabel("Your reply to the family").FillAsync("We will look again at the review in the spring, with Jordan's exam timetable");
        await Click(caseworker, AriaRole.Button, "Send reply");
        await AssertPageAsync(caseworker, "EHC plan");
        await Click(caseworker, AriaRole.Button, "Issue the final plan");
        await Click(caseworker, AriaRole.Button, "Issue the final plan");
        await Assertions.Expect(caseworker.Locator(".govuk-error-summary")).ToContainTextAsync("The final plan cannot be issued before 8 December 2026");

        // On 8 December the final plan is issued, and the needs assessment shows both dates.
        browser.App.Time.SetUtcNow(new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero));
        caseworker = await SignedInAsync("caseworker@example.org");
        await caseworker.GotoAsync($"/children/{jordan}/plans");
        await caseworker.Locator("main a", new() { HasText = "EHC plan" }).ClickAsync();
        await Click(caseworker, AriaRole.Button, "Issue the final plan");
        await Click(caseworker, AriaRole.Button, "Issue the final plan");
        await AssertPageAsync(caseworker, "EHC plan");
        await Assertions.Expect(caseworker.Locator("main .govuk-tag").First).ToHaveTextAsync("Issued");
        await caseworker.GotoAsync(assessment);
        await AssertPageAsync(caseworker, "EHC needs assessment");
        await Assertions.Expect(caseworker.Locator("main tr", new() { HasText = "A draft EHC plan was sent" })).ToContainTextAsync("23 November 2026");
        await Assertions.Expect(caseworker.Locator("main tr", new() { HasText = "The final EHC plan was issued" })).ToContainTextAsync("8 December 2026");
    }
}
