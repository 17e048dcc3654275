using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// Jordan's reassessment: Tom (the council) asks Grace (a therapist) and Priya (school advice) for advice on the legal
/// 6 weeks. Grace gives hers with a report and three recommendations; Priya's is late and shows on Needs attention;
/// Jordan adds their own advice. In the draft of Jordan's EHC plan, Tom adopts two recommendations and declines one
/// with a reason; Jordan disagrees on a phone, and a concern opens for Tom. Today is Monday 23 November 2026.
/// </summary>
public sealed class RecommendationJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new() { Width = 390, Height = 844 } };

    private readonly List<string> _errors = [];

    private Task AssertPageAsync(IPage page, string heading) => Steps.AssertPageAsync(page, heading, _errors);

    private async Task<IPage> SignedInAsync(string email, BrowserNewContextOptions? options = null)
    {
        var page = await browser.NewPageAsync(_errors, options);
        await SignInAsync(page, email);
        return page;
    }

    /// <summary>Grace and Priya join Jordan's team, shared the Education part, as the people the council asks.</summary>
    private async Task<Guid> JordansAdvisersJoinAsync()
    {
        return await browser.App.QueryAsync(async db =>
        {
            var jordan = await db.Children.SingleAsync(c => c.FirstName == "Jordan");
            var jordanAccount = await db.Users.Where(u => u.Email == "youngperson@example.org").Select(u => u.Id).SingleAsync();
            var now = browser.App.Time.GetUtcNow().UtcDateTime;
            foreach (var (email, role) in new[] { ("therapist@example.org", "Speech and language therapist"), ("senco@example.org", "SENCO, for the school's advice") })
            {
                var professional = await db.Professionals.SingleAsync(p => p.UserAccount!.Email == email);
                var member = new Core.Team.TeamMember
                {
                    ChildId = jordan.Id, ProfessionalId = professional.Id, AreaId = jordan.AreaId, Role = role, IsKeyWorker = false, JoinedAt = now, AddedByUserId = jordanAccount,
                };
                db.TeamMembers.Add(member);
                db.SharingConsents.Add(new Core.Team.SharingConsent
                {
                    TeamMemberId = member.Id, ChildId = jordan.Id, Area = RecordArea.Education, From = new DateOnly(2026, 11, 23), GrantedByUserId = jordanAccount, GrantedAt = now,
                });
            }

            // Jordan shares commitments with Tom, who answers for the plan's provision.
            db.SharingConsents.Add(new Core.Team.SharingConsent
            {
                TeamMemberId = await db.TeamMembers.Where(m => m.ChildId == jordan.Id && m.Professional!.UserAccount!.Email == "caseworker@example.org").Select(m => m.Id).SingleAsync(),
                ChildId = jordan.Id, Area = RecordArea.Commitments, From = new DateOnly(2026, 11, 23), GrantedByUserId = jordanAccount, GrantedAt = now,
            });
            await db.SaveChangesAsync();
            return jordan.Id;
        });
    }

    private async Task AskAsync(IPage caseworker, Guid jordan, string adviser)
    {
        await caseworker.GotoAsync($"/children/{jordan}/advice/new");
        await AssertPageAsync(caseworker, "Ask for advice");
        await Assertions.Expect(caseworker.Locator("main .govuk-inset-text")).ToContainTextAsync("due by 4 January 2027");
        await caseworker.GetByLabel("Who are you asking?").SelectOptionAsync(new SelectOptionValue { Label = adviser });
        await caseworker.GetByLabel("Education", new() { Exact = true }).CheckAsync();
        await caseworker.GetByLabel("What would you like advice about?").FillAsync("What Jordan needs to plan and keep up with college work");
        await Click(caseworker, AriaRole.Button, "Ask for advice");
        await Assertions.Expect(caseworker.Locator("main")).ToContainTextAsync("due by 4 January 2027");
    }

    [Fact]
    public async Task The_council_asks_for_advice_and_answers_every_recommendation_in_the_plan_and_the_young_person_disputes_a_decline()
    {
        var jordan = await JordansAdvisersJoinAsync();

        // Tom records the request for a reassessment, so advice runs on the legal 6 weeks, and asks Grace and Priya.
        var caseworker = await SignedInAsync("caseworker@example.org");
        await caseworker.GotoAsync($"/children/{jordan}/statutory/new");
        await caseworker.Locator("input[name='Input.Kind'][value='NeedsAssessment']").CheckAsync();
        await FillDateAsync(caseworker, "Input.Date", new DateOnly(2026, 11, 16));
        await Click(caseworker, AriaRole.Button, "Save");
        await AskAsync(caseworker, jordan, "Grace Okafor, Speech and language therapist (Northvale Community NHS Trust)");
        await AskAsync(caseworker, jordan, "Priya Nair, SENCO, for the school's advice (Brookside Primary School)");

        // Grace, told, adds her report and gives her advice with three recommendations, on a phone with JavaScript off.
        var therapist = await SignedInAsync("therapist@example.org", new() { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = false });
        await therapist.GotoAsync("/advice-asked");
        await therapist.Locator("main .cg-advice a", new() { HasText = "Jordan" }).First.ClickAsync();
        await therapist.GotoAsync($"/children/{jordan}/documents/new");
        await therapist.GetByLabel("What is it?").FillAsync("Communication assessment for Jordan's reassessment");
        await therapist.GetByLabel("Education", new() { Exact = true }).CheckAsync();
        await therapist.GetByLabel("The file").SetInputFilesAsync(new FilePayload { Name = "assessment.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await Click(therapist, AriaRole.Button, "Add the document");
        await therapist.GotoAsync("/advice-asked");
        await therapist.Locator("main .cg-advice a", new() { HasText = "Jordan" }).First.ClickAsync();
        await therapist.GetByLabel("Your advice").FillAsync("Jordan understands well but loses track of several steps given at once.");
        await therapist.GetByLabel("Your report (optional)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await therapist.GetByLabel("Your recommendations, one on each line").FillAsync(
            "A written checklist for each assignment\nA weekly session with a study mentor\nA place on the specialist communication course");
        await Click(therapist, AriaRole.Button, "Give the advice");
        await Assertions.Expect(therapist.Locator(".govuk-notification-banner")).ToContainTextAsync("your advice is given");

        // Jordan gives their own advice.
        var youngPerson = await SignedInAsync("youngperson@example.org", Phone);
        await youngPerson.GotoAsync($"/children/{jordan}/advice/family");
        await AssertPageAsync(youngPerson, "Give your own advice");
        await youngPerson.GetByLabel("Education", new() { Exact = true }).CheckAsync();
        await youngPerson.GetByLabel("Your advice").FillAsync("I do best when I can see the whole week in one place.");
        await Click(youngPerson, AriaRole.Button, "Give my advice");
        await AssertPageAsync(youngPerson, "Advice from Jordan Reid");

        // Six weeks on, Priya's advice is late, and Tom sees it on Needs attention.
        browser.App.Time.SetUtcNow(new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AttentionJob>().ExecuteAsync(CancellationToken.None);
        }

        // Signed in again: six weeks is longer than any session lasts.
        caseworker = await SignedInAsync("caseworker@example.org");
        youngPerson = await SignedInAsync("youngperson@example.org", Phone);
        await caseworker.GotoAsync("/attention");
        await Assertions.Expect(caseworker.Locator("main")).ToContainTextAsync("Advice from Priya Nair (Brookside Primary School) was due by 4 January 2027, 1 day ago. Asked for by Tom Hughes");

        // Tom drafts the EHC plan; sharing it waits until each recommendation is answered.
        await caseworker.GotoAsync($"/children/{jordan}/plans");
        await Click(caseworker, AriaRole.Button, "Start a plan");
        await caseworker.GetByLabel("EHC plan", new() { Exact = true }).CheckAsync();
        await Click(caseworker, AriaRole.Button, "Start the plan");
        await AssertPageAsync(caseworker, "EHC plan");
        var plan = await browser.App.QueryAsync(db => db.SupportPlans.Where(p => p.ChildId == jordan).Select(p => p.Id).SingleAsync());
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
        await FillDateAsync(caseworker, "Input.StartDate", new DateOnly(2027, 1, 11));
        await Click(caseworker, AriaRole.Button, "Save");
        await AssertPageAsync(caseworker, "EHC plan");
        await Assertions.Expect(caseworker.Locator("main")).ToContainTextAsync("3 recommendations from the advice are still to answer");
        await caseworker.GotoAsync($"/children/{jordan}/plans/{plan}/share");
        await Click(caseworker, AriaRole.Button, "Share with the family");
        await Assertions.Expect(caseworker.Locator(".govuk-error-summary")).ToContainTextAsync("Answer 3 recommendations from the advice before the plan is shared");

        await caseworker.GotoAsync($"/children/{jordan}/plans/{plan}#recommendations");
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Answer to the recommendations from Grace Okafor" }).ClickAsync();
        await AssertPageAsync(caseworker, "Answer the recommendations from Grace Okafor");
        var fieldsets = caseworker.Locator("main fieldset");
        await fieldsets.Nth(0).GetByLabel("The plan adopts it").CheckAsync();
        await fieldsets.Nth(0).GetByLabel("The line of the plan that carries it out").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await fieldsets.Nth(1).GetByLabel("The plan adopts it").CheckAsync();
        await fieldsets.Nth(1).GetByLabel("The line of the plan that carries it out").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await fieldsets.Nth(2).GetByLabel("The plan does not adopt it").CheckAsync();
        await fieldsets.Nth(2).GetByLabel("Why not, in plain words").FillAsync("Jordan's college runs its own communication support each week, which the plan names instead.");
        await Click(caseworker, AriaRole.Button, "Save the answers");
        await Assertions.Expect(caseworker.Locator(".govuk-notification-banner")).ToContainTextAsync("Your answers are saved");
        await caseworker.GotoAsync($"/children/{jordan}/plans/{plan}/share");
        await Click(caseworker, AriaRole.Button, "Share with the family");
        await AssertPageAsync(caseworker, "EHC plan");

        // Jordan reads what became of each recommendation and disagrees with the decline, on a phone.
        await youngPerson.GotoAsync($"/children/{jordan}/plans/{plan}");
        await AssertPageAsync(youngPerson, "EHC plan");
        Assert.True(await youngPerson.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The plan scrolls sideways on a phone");
        var card = youngPerson.Locator("main .govuk-summary-card", new() { HasText = "Grace Okafor" });
        await Assertions.Expect(card.GetByText("Adopted", new() { Exact = true })).ToHaveCountAsync(2);
        await Assertions.Expect(card).ToContainTextAsync("Not adopted Jordan's college runs its own communication support");
        await card.GetByRole(AriaRole.Link, new() { Name = "Disagree with the answer to \"A place on the specialist communication course\"" }).ClickAsync();
        await AssertPageAsync(youngPerson, "Disagree with what the plan does with a recommendation");
        await youngPerson.GetByLabel("What do you disagree with, and what would you like to happen?").FillAsync("The college support is a drop-in; Grace said I need the course.");
        await Click(youngPerson, AriaRole.Button, "Send your concern");
        await Assertions.Expect(youngPerson.Locator(".govuk-notification-banner")).ToContainTextAsync("Your concern is raised");
        await Assertions.Expect(youngPerson.Locator("main")).ToContainTextAsync("Grace said I need the course");

        var concern = await browser.App.QueryAsync(db => db.Concerns.Where(c => c.ChildId == jordan && c.Topic.StartsWith("What the plan does")).SingleAsync());
        Assert.Equal("Tom Hughes", concern.OwnerName);
        Assert.Empty(_errors);
    }
}
