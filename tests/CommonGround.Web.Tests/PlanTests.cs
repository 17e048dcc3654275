using System.Net;
using CommonGround.Core.Commitments;
using CommonGround.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

/// <summary>
/// Sam's SEN support plan, written by his SENCO with Alex: today is Monday 23 November 2026. The SENCO's school writes
/// SEN support plans; the therapist sees the Health part; the council writes EHC plans.
/// </summary>
public sealed class PlanTests : FreshAppTests
{
    private static Dictionary<string, string> Line(string text, string part = "Education") => new() { ["Input.Text"] = text, ["Input.Part"] = part };

    private static Dictionary<string, string> Provision(string what, Guid provider, string part = "Education", string quantity = "2") => new(Line(what, part))
    {
        ["Input.ProviderId"] = provider.ToString(),
        ["Input.Quantity"] = quantity,
        ["Input.Unit"] = nameof(ProvisionUnit.Sessions),
        ["Input.MinutesPerSession"] = "30",
        ["Input.Period"] = nameof(ProvisionPeriod.Week),
        ["Input.StartDate.Day"] = "16", ["Input.StartDate.Month"] = "11", ["Input.StartDate.Year"] = "2026",
    };

    private async Task<Guid> StartAsync(HttpClient writer, Guid child, PlanKind kind = PlanKind.SenSupport)
    {
        var (started, page) = await writer.SubmitAsync($"/children/{child}/plans/new", new Dictionary<string, string> { ["Input.Kind"] = kind.ToString() });
        Assert.True(started.StatusCode == HttpStatusCode.Redirect, string.Join("; ", page.ErrorSummary()));
        return await App.QueryAsync(db => db.SupportPlans.Where(p => p.ChildId == child && p.Kind == kind).Select(p => p.Id).SingleAsync());
    }

    private static async Task AddAsync(HttpClient writer, Guid child, Guid plan, string kind, Dictionary<string, string> fields)
    {
        var (saved, page) = await writer.SubmitAsync($"/children/{child}/plans/{plan}/{kind}", fields);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"{kind}: {string.Join("; ", page.ErrorSummary())}");
    }

    /// <summary>A need, two outcomes and speech and language therapy from Grace (Health) and a reading group from Priya (Education), shared with Alex.</summary>
    private async Task<(HttpClient Senco, Guid Sam, Guid Plan)> SencoSharesAPlanAsync()
    {
        var sam = await ChildIdAsync("Samuel");
        var senco = await SignedInAsync("senco@example.org");
        var plan = await StartAsync(senco, sam);
        await AddAsync(senco, sam, plan, "needs", new(Line("Sam finds it hard to follow spoken instructions in a busy classroom")) { ["Input.BroadArea"] = nameof(BroadAreaOfNeed.CommunicationAndInteraction) });
        await AddAsync(senco, sam, plan, "outcomes", new(Line("Sam will ask an adult for help when he is stuck")) { ["Input.AchieveBy.Day"] = "16", ["Input.AchieveBy.Month"] = "7", ["Input.AchieveBy.Year"] = "2027" });
        await AddAsync(senco, sam, plan, "outcomes", Line("Sam will follow a two-step instruction", "Health"));
        await AddAsync(senco, sam, plan, "provision", Provision("Speech and language therapy in school", await MemberIdAsync(sam, "therapist@example.org"), "Health"));
        await AddAsync(senco, sam, plan, "provision", Provision("Small-group reading", await MemberIdAsync(sam, "senco@example.org"), quantity: "3"));
        var (shared, page) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/share", new Dictionary<string, string>());
        Assert.True(shared.StatusCode == HttpStatusCode.Redirect, string.Join("; ", page.ErrorSummary()));
        return (senco, sam, plan);
    }

    private async Task<Dictionary<string, string>> AnswersAsync(Guid plan, Func<PlanLine, (PlanAnswer Answer, string? Words)> answer)
    {
        var lines = await App.QueryAsync(db => db.PlanLines.Where(l => l.PlanId == plan).ToListAsync());
        var fields = new Dictionary<string, string>();
        foreach (var line in lines)
        {
            var (given, words) = answer(line);
            fields[$"Answers[{line.Id}]"] = given.ToString();
            fields[$"Words[{line.Id}]"] = words ?? "";
        }

        return fields;
    }

    [Fact]
    public async Task A_plan_agreed_with_the_family_turns_each_line_of_provision_into_a_tracked_commitment()
    {
        var (senco, sam, plan) = await SencoSharesAPlanAsync();
        var parent = await SignedInAsync("parent@example.org");
        Assert.Contains(await App.QueryAsync(db => db.Notifications.Where(n => n.RecipientUserId == db.Users.Single(u => u.Email == "parent@example.org").Id).Select(n => n.Title).ToListAsync()),
            t => t.Contains("SEN support plan with you to read and answer", StringComparison.Ordinal));

        // Alex suggests different words for the first outcome and agrees the rest, on one page.
        var (answered, _) = await parent.SubmitAsync($"/children/{sam}/plans/{plan}/answer", await AnswersAsync(plan, l =>
            l.Text.StartsWith("Sam will ask", StringComparison.Ordinal) ? (PlanAnswer.SuggestChange, "Sam will ask an adult or a friend for help when he is stuck") : (PlanAnswer.Agree, null)));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        // Not agreed while a suggestion waits for a reply.
        var (early, earlyPage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/agree", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal("Reply to the family's answer before the plan is agreed", earlyPage.ErrorSummary().Single());

        var response = await App.QueryAsync(db => db.PlanResponses.Where(r => r.Answer == PlanAnswer.SuggestChange).Select(r => r.Id).SingleAsync());
        var (replied, _) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/answers/{response}/reply", new Dictionary<string, string> { ["Input.Accept"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var (agreed, agreedPage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/agree", new Dictionary<string, string>());
        Assert.True(agreed.StatusCode == HttpStatusCode.Redirect, string.Join("; ", agreedPage.ErrorSummary()));

        var saved = await App.QueryAsync(db => db.SupportPlans.Include(p => p.Lines).SingleAsync(p => p.Id == plan));
        Assert.Equal(PlanStatus.Agreed, saved.Status);
        Assert.Equal(new DateOnly(2027, 3, 23), saved.ReviewBy);
        Assert.Equal("Sam will ask an adult or a friend for help when he is stuck", saved.Lines.Single(l => l.Kind == PlanLineKind.Outcome && l.Position == 1).Text);
        var commitments = await App.QueryAsync(db => db.Commitments.Where(c => c.PlanId == plan).OrderBy(c => c.What).ToListAsync());
        Assert.Equal(["Small-group reading", "Speech and language therapy in school"], commitments.Select(c => c.What));
        Assert.All(commitments, c => Assert.Equal(CommitmentStatus.Agreed, c.Status));
        Assert.All(commitments, c => Assert.Equal(CommitmentSource.Plan, c.Source));
        Assert.Equal("Grace Okafor", commitments.Single(c => c.RecordArea == CommitmentArea.Health).OwnerName);
        Assert.Equal(commitments.Select(c => c.Id).Order(), saved.Lines.Where(l => l.Kind == PlanLineKind.Provision).Select(l => l.CommitmentId!.Value).Order());
        Assert.Equal([PlanVersionStage.SharedWithFamily, PlanVersionStage.Agreed], (await App.QueryAsync(db => db.PlanVersions.Where(v => v.PlanId == plan).Select(v => v.Stage).ToListAsync())).Order());
        Assert.Contains(await App.QueryAsync(db => db.AuditEvents.Where(a => a.EntityId == sam).Select(a => a.Action).ToListAsync()), a => a == "plan.agreed");

        // Grace records a session and it shows on the plan, beside the line it promised.
        var therapist = await SignedInAsync("therapist@example.org");
        var therapy = commitments.Single(c => c.RecordArea == CommitmentArea.Health).Id;
        var (recorded, _) = await therapist.SubmitAsync($"/children/{sam}/commitments/{therapy}/deliveries/new", new Dictionary<string, string>
        {
            ["Input.Date.Day"] = "17", ["Input.Date.Month"] = "11", ["Input.Date.Year"] = "2026", ["Input.Delivered"] = "true", ["Input.Quantity"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var (_, page) = await parent.OpenAsync($"/children/{sam}/plans/{plan}");
        var card = page.QuerySelectorAll(".govuk-summary-card").Single(c => c.TextContent.Contains("Speech and language therapy in school", StringComparison.Ordinal));
        Assert.Contains("1 session delivered of", card.TextContent, StringComparison.Ordinal);

        // The provision as a spreadsheet, and the agreed version as a Word document in the plan's sections.
        var csv = await parent.GetStringAsync($"/children/{sam}/plans/{plan}?handler=Csv");
        Assert.StartsWith("Provision,Part of the record,Provider", csv, StringComparison.Ordinal);
        Assert.Contains("Speech and language therapy in school,Health,Grace Okafor", csv, StringComparison.Ordinal);
        var docx = await parent.GetAsync($"/children/{sam}/plans/{plan}/versions?handler=Docx&number=1&stage=Agreed");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("Provision: the support promised", text, StringComparison.Ordinal);
            Assert.Contains("Sam will ask an adult or a friend for help when he is stuck", text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/children/{sam}/plans/{plan}/versions?handler=Docx&number=7&stage=Agreed")).StatusCode);

        // Agreed means fixed until a review: its lines cannot be changed.
        var line = saved.Lines.First(l => l.Kind == PlanLineKind.Need).Id;
        Assert.Equal(HttpStatusCode.Forbidden, (await senco.GetAsync($"/children/{sam}/plans/{plan}/needs/{line}")).StatusCode);
    }

    [Fact]
    public async Task Vague_provision_is_met_with_a_prompt_and_cannot_be_shared_until_it_is_specific()
    {
        var sam = await ChildIdAsync("Samuel");
        var senco = await SignedInAsync("senco@example.org");
        var plan = await StartAsync(senco, sam);
        await AddAsync(senco, sam, plan, "outcomes", Line("Sam will ask for help"));

        var (prompted, page) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/provision", Line("Access to speech and language therapy as required", "Health"));
        Assert.Equal(HttpStatusCode.OK, prompted.StatusCode);
        var prompts = page.QuerySelectorAll(".cg-provision-prompt").Select(p => p.TextContent).ToList();
        Assert.Contains(prompts, p => p.Contains("\"Access to\"", StringComparison.Ordinal));
        Assert.Contains(prompts, p => p.Contains("\"as required\"", StringComparison.Ordinal));
        Assert.Contains(prompts, p => p.Contains("No one provides it", StringComparison.Ordinal));
        Assert.Equal(0, await App.QueryAsync(db => db.PlanLines.CountAsync(l => l.Kind == PlanLineKind.Provision)));

        await AddAsync(senco, sam, plan, "provision", new(Line("Access to speech and language therapy as required", "Health")) { ["Input.SaveAnyway"] = "true" });
        var (refused, refusedPage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/share", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("Say who provides it for \"Access to speech", refusedPage.ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal(PlanStatus.Draft, await App.QueryAsync(db => db.SupportPlans.Where(p => p.Id == plan).Select(p => p.Status).SingleAsync()));

        var line = await App.QueryAsync(db => db.PlanLines.Where(l => l.Kind == PlanLineKind.Provision).Select(l => l.Id).SingleAsync());
        await AddAsync(senco, sam, plan, $"provision/{line}", Provision("Speech and language therapy in school", await MemberIdAsync(sam, "therapist@example.org"), "Health"));
        var (shared, _) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/share", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        Assert.Equal(2, await App.QueryAsync(db => db.PlanLines.Where(l => l.Id == line).Select(l => l.Revision).SingleAsync()));
    }

    [Fact]
    public async Task The_family_must_answer_every_line_and_say_why_when_they_disagree_and_a_refused_answer_saves_nothing()
    {
        var (_, sam, plan) = await SencoSharesAPlanAsync();
        var parent = await SignedInAsync("parent@example.org");
        var answers = await AnswersAsync(plan, _ => (PlanAnswer.Agree, null));
        var disagreeWith = answers.Keys.First(k => k.StartsWith("Answers[", StringComparison.Ordinal));
        answers[disagreeWith] = nameof(PlanAnswer.Disagree);

        var (refused, page) = await parent.SubmitAsync($"/children/{sam}/plans/{plan}/answer", answers);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("Say what you would change, or why you disagree, about", page.ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal(0, await App.QueryAsync(db => db.PlanResponses.CountAsync()));

        answers.Remove(disagreeWith);
        (refused, page) = await parent.SubmitAsync($"/children/{sam}/plans/{plan}/answer", answers);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("Choose whether you agree with", page.ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal(0, await App.QueryAsync(db => db.PlanResponses.CountAsync()));
    }

    [Fact]
    public async Task A_line_kept_as_it_is_goes_back_to_the_family_with_the_reason_and_the_plan_waits_for_them()
    {
        var (senco, sam, plan) = await SencoSharesAPlanAsync();
        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/plans/{plan}/answer", await AnswersAsync(plan, l =>
            l.Kind == PlanLineKind.Need ? (PlanAnswer.Disagree, "It is every classroom, not only busy ones") : (PlanAnswer.Agree, null)));
        var response = await App.QueryAsync(db => db.PlanResponses.Where(r => r.Answer == PlanAnswer.Disagree).Select(r => r.Id).SingleAsync());

        var (noReason, noReasonPage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/answers/{response}/reply", new Dictionary<string, string> { ["Input.Accept"] = "false" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Say why you are keeping the line as it is", noReasonPage.ErrorSummary().Single());

        await senco.SubmitAsync($"/children/{sam}/plans/{plan}/answers/{response}/reply",
            new Dictionary<string, string> { ["Input.Accept"] = "false", ["Input.Reply"] = "We see it most in busy rooms; we will watch for it in quiet ones too" });
        var (notYet, notYetPage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/agree", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, notYet.StatusCode);
        Assert.Equal("The family has not yet agreed 1 line as it now reads, so the plan cannot be agreed yet", notYetPage.ErrorSummary().Single());

        var (_, answerPage) = await parent.OpenAsync($"/children/{sam}/plans/{plan}/answer");
        Assert.Single(answerPage.QuerySelectorAll("fieldset"));
        var (_, planPage) = await parent.OpenAsync($"/children/{sam}/plans/{plan}");
        Assert.Contains("We see it most in busy rooms", planPage.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_person_sees_only_the_lines_in_parts_shared_with_them_and_only_the_writers_change_them()
    {
        var (_, sam, plan) = await SencoSharesAPlanAsync();

        var therapist = await SignedInAsync("therapist@example.org");
        var (_, page) = await therapist.OpenAsync($"/children/{sam}/plans/{plan}");
        var cards = page.QuerySelectorAll(".govuk-summary-card").Select(c => c.TextContent).ToList();
        Assert.Equal(2, cards.Count);
        Assert.All(cards, c => Assert.Contains("(Health)", c, StringComparison.Ordinal));
        Assert.Contains("3 lines of this plan are about a part of the record the family has not shared with you", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await therapist.GetAsync($"/children/{sam}/plans/{plan}/share")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await therapist.GetAsync($"/children/{sam}/plans/new")).StatusCode);

        // The council's caseworker writes EHC plans, not a school's SEN support plan.
        var caseworker = await SignedInAsync("caseworker@example.org");
        var jordan = await ChildIdAsync("Jordan");
        var (refused, refusedPage) = await caseworker.SubmitAsync($"/children/{jordan}/plans/new", new Dictionary<string, string> { ["Input.Kind"] = nameof(PlanKind.SenSupport) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("A SEN support plan is written by the child's school, setting or college", refusedPage.ErrorSummary().Single());
        await StartAsync(caseworker, jordan, PlanKind.Ehc);

        // The parent answers; the senco's organisation writes.
        var parent = await SignedInAsync("parent@example.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync($"/children/{sam}/plans/{plan}/share")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedInAsync("senco@example.org")).GetAsync($"/children/{sam}/plans/{plan}/answer")).StatusCode);
    }

    [Fact]
    public async Task Provision_says_which_needs_it_meets_and_which_outcomes_it_works_towards()
    {
        var (senco, sam, plan) = await SencoSharesAPlanAsync();
        var lines = await App.QueryAsync(db => db.PlanLines.Where(l => l.PlanId == plan).ToListAsync());
        var need = lines.Single(l => l.Kind == PlanLineKind.Need);
        var outcome = lines.First(l => l.Kind == PlanLineKind.Outcome && l.Part == Core.Access.RecordArea.Education);
        var reading = lines.Single(l => l.Text == "Small-group reading");

        var (wrong, wrongPage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/provision/{reading.Id}",
            new Dictionary<string, string>(Provision("Small-group reading", await MemberIdAsync(sam, "senco@example.org"), quantity: "3")) { ["Input.Meets"] = reading.Id.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("Choose needs and outcomes from this plan", wrongPage.ErrorSummary().Single());

        await AddAsync(senco, sam, plan, $"provision/{reading.Id}", new(Provision("Small-group reading", await MemberIdAsync(sam, "senco@example.org"), quantity: "3"))
        {
            ["Input.Meets"] = need.Id.ToString(), ["Input.Serves"] = outcome.Id.ToString(),
        });
        var (_, page) = await (await SignedInAsync("parent@example.org")).OpenAsync($"/children/{sam}/plans/{plan}");
        string Row(string key) => page.QuerySelectorAll($"#line-{reading.Id} .govuk-summary-list__row")
            .Single(r => r.QuerySelector("dt")!.TextContent.Trim() == key).QuerySelector("dd")!.TextContent.Trim();
        Assert.Equal(need.Text, Row("Meets"));
        Assert.Equal(outcome.Text, Row("Works towards"));
        var (_, form) = await senco.OpenAsync($"/children/{sam}/plans/{plan}/provision/{reading.Id}");
        Assert.True(form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"input[name='Input.Meets'][value='{need.Id}']")!.IsChecked);
        Assert.True(form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"input[name='Input.Serves'][value='{outcome.Id}']")!.IsChecked);
    }

    [Fact]
    public async Task A_second_plan_of_the_same_kind_is_refused_while_one_is_being_written()
    {
        var sam = await ChildIdAsync("Samuel");
        var senco = await SignedInAsync("senco@example.org");
        await StartAsync(senco, sam);
        var (refused, page) = await senco.SubmitAsync($"/children/{sam}/plans/new", new Dictionary<string, string> { ["Input.Kind"] = nameof(PlanKind.SenSupport) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("A SEN support plan for this child is already being written. Carry on with that one", page.ErrorSummary().Single());
        Assert.Equal(1, await App.QueryAsync(db => db.SupportPlans.CountAsync()));
    }

    [Fact]
    public async Task An_ehc_plan_draft_and_final_are_recorded_on_the_needs_assessment_and_the_final_waits_for_the_familys_15_days()
    {
        var jordan = await ChildIdAsync("Jordan");
        var caseworker = await SignedInAsync("caseworker@example.org");
        var (requested, requestPage) = await caseworker.SubmitAsync($"/children/{jordan}/statutory/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", new(2026, 7, 6)))
        {
            ["Input.Kind"] = nameof(Core.Statutory.StatutoryProcessKind.NeedsAssessment), ["Input.Detail"] = "Jordan",
        });
        Assert.True(requested.StatusCode == HttpStatusCode.Redirect, string.Join("; ", requestPage.ErrorSummary()));
        var process = Guid.Parse(requested.Headers.Location!.OriginalString.Split('/')[^1]);

        // Jordan shares commitments with the caseworker, who will answer for the provision.
        var caseworkerOnJordan = await MemberIdAsync(jordan, "caseworker@example.org");
        await App.QueryAsync(async db =>
        {
            db.SharingConsents.Add(new Core.Team.SharingConsent
            {
                TeamMemberId = caseworkerOnJordan, ChildId = jordan, Area = Core.Access.RecordArea.Commitments, From = new DateOnly(2026, 11, 23),
                GrantedByUserId = await db.Users.Where(u => u.Email == "youngperson@example.org").Select(u => u.Id).SingleAsync(), GrantedAt = App.Time.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });

        var plan = await StartAsync(caseworker, jordan, PlanKind.Ehc);
        await AddAsync(caseworker, jordan, plan, "needs", Line("Jordan needs help to plan longer pieces of work"));
        await AddAsync(caseworker, jordan, plan, "outcomes", Line("Jordan will hand in coursework on time"));
        await AddAsync(caseworker, jordan, plan, "provision", Provision("Weekly study-skills mentoring", caseworkerOnJordan, quantity: "1"));
        var (_, draft) = await caseworker.OpenAsync($"/children/{jordan}/plans/{plan}");
        Assert.Equal(["Section A: Jordan's and the family's views, interests and aspirations", "Section B: Special educational needs", "Section E: Outcomes", "Section F: Special educational provision"],
            draft.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).Where(h => h.StartsWith("Section A", StringComparison.Ordinal) || h is "Section B: Special educational needs" or "Section E: Outcomes" or "Section F: Special educational provision"));

        var (shared, _) = await caseworker.SubmitAsync($"/children/{jordan}/plans/{plan}/share", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        var events = await App.QueryAsync(db => db.StatutoryEvents.Where(e => e.ProcessId == process).Select(e => new { e.Kind, e.OccurredOn }).ToListAsync());
        Assert.Contains(events, e => e.Kind == Core.Statutory.StatutoryEventKind.DraftPlanServed && e.OccurredOn == new DateOnly(2026, 11, 23));

        var youngPerson = await SignedInAsync("youngperson@example.org");
        var (_, page) = await youngPerson.OpenAsync($"/children/{jordan}/plans/{plan}");
        Assert.Contains("You have until 7 December 2026 to comment on it", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The final plan cannot be issued before 8 December 2026", page.Body!.TextContent, StringComparison.Ordinal);
        await youngPerson.SubmitAsync($"/children/{jordan}/plans/{plan}/answer", await AnswersAsync(plan, l =>
            l.Kind == PlanLineKind.Provision ? (PlanAnswer.Disagree, "Once a week is not enough in exam term") : (PlanAnswer.Agree, null)));
        var response = await App.QueryAsync(db => db.PlanResponses.Where(r => r.Answer == PlanAnswer.Disagree).Select(r => r.Id).SingleAsync());
        await caseworker.SubmitAsync($"/children/{jordan}/plans/{plan}/answers/{response}/reply",
            new Dictionary<string, string> { ["Input.Accept"] = "false", ["Input.Reply"] = "We will look again at the review in the spring" });

        var (tooEarly, tooEarlyPage) = await caseworker.SubmitAsync($"/children/{jordan}/plans/{plan}/agree", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.StartsWith("The final plan cannot be issued before 8 December 2026", tooEarlyPage.ErrorSummary().Single(), StringComparison.Ordinal);

        // On the first day after the family's 15 days, the local authority issues the final plan although one line is disputed.
        App.Time.SetUtcNow(new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero));
        caseworker = await SignedInAsync("caseworker@example.org");
        var (issued, issuedPage) = await caseworker.SubmitAsync($"/children/{jordan}/plans/{plan}/agree", new Dictionary<string, string>());
        Assert.True(issued.StatusCode == HttpStatusCode.Redirect, string.Join("; ", issuedPage.ErrorSummary()));
        events = await App.QueryAsync(db => db.StatutoryEvents.Where(e => e.ProcessId == process).Select(e => new { e.Kind, e.OccurredOn }).ToListAsync());
        Assert.Contains(events, e => e.Kind == Core.Statutory.StatutoryEventKind.FinalPlanIssued && e.OccurredOn == new DateOnly(2026, 12, 8));
        Assert.Equal(1, await App.QueryAsync(db => db.Commitments.CountAsync(c => c.PlanId == plan)));
        var (_, final) = await (await SignedInAsync("youngperson@example.org")).OpenAsync($"/children/{jordan}/plans/{plan}");
        Assert.Equal("Issued", final.QuerySelector("main .govuk-tag")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_ehc_plan_names_the_placement_and_personal_budget_for_the_family_to_answer_and_lists_the_advice_in_section_k()
    {
        var jordan = await ChildIdAsync("Jordan");
        var caseworker = await SignedInAsync("caseworker@example.org");
        var (requested, _) = await caseworker.SubmitAsync($"/children/{jordan}/statutory/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", new(2026, 7, 6)))
        {
            ["Input.Kind"] = nameof(Core.Statutory.StatutoryProcessKind.NeedsAssessment),
        });
        var process = requested.Headers.Location!.OriginalString;
        var (advised, advicePage) = await caseworker.SubmitAsync($"{process}/events/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", new(2026, 9, 14)))
        {
            ["Input.Kind"] = nameof(Core.Statutory.StatutoryEventKind.AdviceReceived), ["Input.Detail"] = "Educational psychologist",
        });
        Assert.True(advised.StatusCode == HttpStatusCode.Redirect, string.Join("; ", advicePage.ErrorSummary()));

        var plan = await StartAsync(caseworker, jordan, PlanKind.Ehc);
        var (_, placementForm) = await caseworker.OpenAsync($"/children/{jordan}/plans/{plan}/placement");
        Assert.Empty(placementForm.QuerySelectorAll("input[type=radio][name='Input.Part']"));
        var (blank, blankPage) = await caseworker.SubmitAsync($"/children/{jordan}/plans/{plan}/placement", new Dictionary<string, string> { ["Input.Text"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal("Enter the words of this line", blankPage.ErrorSummary().Single());
        var (healthPlacement, healthPage) = await caseworker.SubmitAsync($"/children/{jordan}/plans/{plan}/placement", new Dictionary<string, string> { ["Input.Text"] = "A hospital school", ["Input.Part"] = "Health" });
        Assert.Equal(HttpStatusCode.BadRequest, healthPlacement.StatusCode);
        Assert.Equal("The school, college or setting belongs to the Education part of the record", healthPage.ErrorSummary().Single());
        await AddAsync(caseworker, jordan, plan, "placement", new Dictionary<string, string> { ["Input.Text"] = "Northvale College, a general further education college" });
        await AddAsync(caseworker, jordan, plan, "personal-budget", Line("£1,200 a year for a personal assistant on college trips, as a direct payment"));

        var (_, page) = await caseworker.OpenAsync($"/children/{jordan}/plans/{plan}");
        var headings = page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Section H: Social care provision", "Section I: Placement", "Section J: Personal budget", "Section K: Advice and information"],
            headings.SkipWhile(h => !h.StartsWith("Section H", StringComparison.Ordinal)).Take(4));
        Assert.Contains("Northvale College, a general further education college", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Educational psychologist: advice received on 14 September 2026", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The placement is a line like any other, so the family answers it line by line; a school's SEN support plan
        // has no placement section.
        Assert.Equal("Placement 1 (Education)", page.QuerySelector($"#line-{await App.QueryAsync(db => db.PlanLines.Where(l => l.Kind == PlanLineKind.Placement).Select(l => l.Id).SingleAsync())} h3")!.TextContent.Trim());
        var senco = await SignedInAsync("senco@example.org");
        var sam = await ChildIdAsync("Samuel");
        var samPlan = await StartAsync(senco, sam);
        Assert.Equal(HttpStatusCode.NotFound, (await senco.GetAsync($"/children/{sam}/plans/{samPlan}/placement")).StatusCode);
        var (_, samPage) = await senco.OpenAsync($"/children/{sam}/plans/{samPlan}");
        Assert.DoesNotContain("Section K", samPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ehc_plan_changed_at_its_annual_review_records_the_proposed_amendments_and_the_amended_plan_on_the_review()
    {
        var jordan = await ChildIdAsync("Jordan");
        var caseworker = await SignedInAsync("caseworker@example.org");
        var caseworkerOnJordan = await MemberIdAsync(jordan, "caseworker@example.org");
        await App.QueryAsync(async db =>
        {
            db.SharingConsents.Add(new Core.Team.SharingConsent
            {
                TeamMemberId = caseworkerOnJordan, ChildId = jordan, Area = Core.Access.RecordArea.Commitments, From = new DateOnly(2026, 11, 23),
                GrantedByUserId = await db.Users.Where(u => u.Email == "youngperson@example.org").Select(u => u.Id).SingleAsync(), GrantedAt = App.Time.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
        var plan = await StartAsync(caseworker, jordan, PlanKind.Ehc);
        await AddAsync(caseworker, jordan, plan, "outcomes", Line("Jordan will hand in coursework on time"));
        await AddAsync(caseworker, jordan, plan, "provision", Provision("Weekly study-skills mentoring", caseworkerOnJordan, quantity: "1"));
        await caseworker.SubmitAsync($"/children/{jordan}/plans/{plan}/share", new Dictionary<string, string>());
        var youngPerson = await SignedInAsync("youngperson@example.org");
        await youngPerson.SubmitAsync($"/children/{jordan}/plans/{plan}/answer", await AnswersAsync(plan, _ => (PlanAnswer.Agree, null)));
        var (issued, issuedPage) = await caseworker.SubmitAsync($"/children/{jordan}/plans/{plan}/agree", new Dictionary<string, string>());
        Assert.True(issued.StatusCode == HttpStatusCode.Redirect, string.Join("; ", issuedPage.ErrorSummary()));

        // A year on, the annual review; the plan is reviewed on the record, changed, and issued again.
        App.Time.SetUtcNow(new DateTimeOffset(2027, 11, 1, 9, 0, 0, TimeSpan.Zero));
        caseworker = await SignedInAsync("caseworker@example.org");
        var (started, startedPage) = await caseworker.SubmitAsync($"/children/{jordan}/statutory/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", new(2026, 11, 23)))
        {
            ["Input.Kind"] = nameof(Core.Statutory.StatutoryProcessKind.AnnualReview),
        });
        Assert.True(started.StatusCode == HttpStatusCode.Redirect, string.Join("; ", startedPage.ErrorSummary()));
        var review = Guid.Parse(started.Headers.Location!.OriginalString.Split('/')[^1]);
        await caseworker.SubmitAsync($"/children/{jordan}/plans/{plan}/review", new Dictionary<string, string> { ["Meeting"] = "none" });
        var outcome = await App.QueryAsync(db => db.PlanLines.Where(l => l.PlanId == plan && l.Kind == PlanLineKind.Outcome).Select(l => l.Id).SingleAsync());
        await caseworker.SubmitAsync($"/children/{jordan}/plans/{plan}/review", new Dictionary<string, string>
        {
            [$"Progress[{outcome}]"] = nameof(ProgressTowardsOutcome.Achieved), [$"Words[{outcome}]"] = "Every piece handed in on time this year",
        }, $"/children/{jordan}/plans/{plan}/review?handler=Progress");
        await AddAsync(caseworker, jordan, plan, "outcomes", Line("Jordan will apply for an apprenticeship in music production"));
        var (shared, sharedPage) = await caseworker.SubmitAsync($"/children/{jordan}/plans/{plan}/share", new Dictionary<string, string>());
        Assert.True(shared.StatusCode == HttpStatusCode.Redirect, string.Join("; ", sharedPage.ErrorSummary()));
        youngPerson = await SignedInAsync("youngperson@example.org");
        await youngPerson.SubmitAsync($"/children/{jordan}/plans/{plan}/answer", await AnswersAsync(plan, _ => (PlanAnswer.Agree, null)));
        var (amended, amendedPage) = await caseworker.SubmitAsync($"/children/{jordan}/plans/{plan}/agree", new Dictionary<string, string>());
        Assert.True(amended.StatusCode == HttpStatusCode.Redirect, string.Join("; ", amendedPage.ErrorSummary()));

        var events = await App.QueryAsync(db => db.StatutoryEvents.Where(e => e.ProcessId == review).OrderBy(e => e.RecordedAt).Select(e => e.Kind).ToListAsync());
        Assert.Equal([Core.Statutory.StatutoryEventKind.PlanMadeOrReviewed, Core.Statutory.StatutoryEventKind.AmendmentNoticeSent, Core.Statutory.StatutoryEventKind.FinalAmendedPlanIssued], events);
    }

    [Fact]
    public async Task A_plan_not_reviewed_by_its_date_is_coming_up_for_the_family_then_an_early_warning_for_its_writers()
    {
        var (senco, sam, plan) = await SencoSharesAPlanAsync();
        var parent = await SignedInAsync("parent@example.org");
        var (_, waiting) = await parent.OpenAsync($"/children/{sam}/whats-happening");
        Assert.Contains("Answer 5 lines of the SEN support plan", waiting.Body!.TextContent, StringComparison.Ordinal);
        await parent.SubmitAsync($"/children/{sam}/plans/{plan}/answer", await AnswersAsync(plan, _ => (PlanAnswer.Agree, null)));
        var (agreed, _) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/agree", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);

        // Termly: due by 23 March 2027. In February it is coming up; on 24 March it is late, on the school's list.
        App.Time.SetUtcNow(new DateTimeOffset(2027, 2, 15, 9, 0, 0, TimeSpan.Zero));
        var (_, soon) = await (await SignedInAsync("parent@example.org")).OpenAsync($"/children/{sam}/whats-happening");
        Assert.Contains("The SEN support plan should be reviewed", soon.Body!.TextContent, StringComparison.Ordinal);

        App.Time.SetUtcNow(new DateTimeOffset(2027, 3, 24, 9, 0, 0, TimeSpan.Zero));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Core.Attention.AttentionJob>().ExecuteAsync(CancellationToken.None);
        }

        var (_, late) = await (await SignedInAsync("parent@example.org")).OpenAsync($"/children/{sam}/whats-happening");
        Assert.Contains("The SEN support plan was due to be reviewed by 23 March 2027, 1 day ago", late.Body!.TextContent, StringComparison.Ordinal);
        // A late thing says who has it: for a plan, the organisation that wrote it.
        var reviewLate = late.QuerySelectorAll("main li").Single(li => li.TextContent.Contains("due to be reviewed", StringComparison.Ordinal));
        Assert.EndsWith("Who has it: Brookside Primary School", string.Join(' ', reviewLate.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        var (_, attention) = await (await SignedInAsync("senco@example.org")).OpenAsync("/attention");
        Assert.Contains("Plan review overdue", attention.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_writes_the_next_version_and_only_changed_provision_is_replaced_with_what_was_delivered_kept()
    {
        var (senco, sam, plan) = await SencoSharesAPlanAsync();
        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/plans/{plan}/answer", await AnswersAsync(plan, _ => (PlanAnswer.Agree, null)));
        await senco.SubmitAsync($"/children/{sam}/plans/{plan}/agree", new Dictionary<string, string>());
        var before = await App.QueryAsync(db => db.Commitments.Where(c => c.PlanId == plan).ToDictionaryAsync(c => c.What, c => c.Id));
        var (recorded, _) = await senco.SubmitAsync($"/children/{sam}/commitments/{before["Small-group reading"]}/deliveries/new", new Dictionary<string, string>
        {
            ["Input.Date.Day"] = "17", ["Input.Date.Month"] = "11", ["Input.Date.Year"] = "2026", ["Input.Delivered"] = "true", ["Input.Quantity"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        // An agreed plan changes only through a review.
        var reading = await App.QueryAsync(db => db.PlanLines.Where(l => l.PlanId == plan && l.Text == "Small-group reading").Select(l => l.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await senco.GetAsync($"/children/{sam}/plans/{plan}/provision/{reading}")).StatusCode);
        var (unchosen, unchosenPage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/review", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, unchosen.StatusCode);
        Assert.Contains("Choose the meeting where the review is talked through", string.Join("; ", unchosenPage.ErrorSummary()), StringComparison.Ordinal);
        var (arranged, arrangedPage) = await senco.SubmitAsync($"/children/{sam}/meetings/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", new(2026, 11, 26)))
        {
            ["Input.Kind"] = "Review", ["Input.Time"] = "15:30", ["Input.DurationMinutes"] = "60", ["Input.Place"] = "Brookside Primary",
            ["Input.Invitees[0]"] = (await App.QueryAsync(db => db.Users.Where(u => u.Email == "parent@example.org").Select(u => u.Id).SingleAsync())).ToString(),
            ["Input.NoteTakerId"] = (await App.QueryAsync(db => db.Users.Where(u => u.Email == "senco@example.org").Select(u => u.Id).SingleAsync())).ToString(),
        });
        Assert.True(arranged.StatusCode == HttpStatusCode.Redirect, string.Join("; ", arrangedPage.ErrorSummary()));
        var meeting = await App.QueryAsync(db => db.Meetings.Where(m => m.ChildId == sam).Select(m => m.Id).SingleAsync());
        var (started, startedPage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/review", new Dictionary<string, string> { ["Meeting"] = meeting.ToString() });
        Assert.True(started.StatusCode == HttpStatusCode.Redirect, string.Join("; ", startedPage.ErrorSummary()));
        Assert.Equal(meeting, await App.QueryAsync(db => db.SupportPlans.Where(p => p.Id == plan).Select(p => p.ReviewMeetingId).SingleAsync()));

        // Alex says, in their own words, how one outcome is going; the team must give its view of both before agreeing.
        var outcomes = await App.QueryAsync(db => db.PlanLines.Where(l => l.PlanId == plan && l.Kind == PlanLineKind.Outcome).OrderBy(l => l.Position).Select(l => l.Id).ToListAsync());
        var (_, samPage) = await parent.OpenAsync($"/children/{sam}/plans/{plan}");
        Assert.Contains("Say how Sam is getting on", samPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (blank, blankPage) = await parent.SubmitAsync($"/children/{sam}/plans/{plan}/progress", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("Say in your own words how it is going towards at least one outcome", string.Join("; ", blankPage.ErrorSummary()), StringComparison.Ordinal);
        var (said, _) = await parent.SubmitAsync($"/children/{sam}/plans/{plan}/progress", new Dictionary<string, string> { [$"Words[{outcomes[0]}]"] = "He asks me for help with homework now" });
        Assert.Equal(HttpStatusCode.Redirect, said.StatusCode);

        var (noView, noViewPage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/review",
            new Dictionary<string, string> { [$"Words[{outcomes[0]}]"] = "He asked for help four times last week" }, $"/children/{sam}/plans/{plan}/review?handler=Progress");
        Assert.Equal(HttpStatusCode.BadRequest, noView.StatusCode);
        Assert.Contains("Choose how far the child has come towards this outcome", string.Join("; ", noViewPage.ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(1, await App.QueryAsync(db => db.OutcomeProgress.CountAsync(p => p.PlanId == plan)));
        var (teamView, teamViewPage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/review", new Dictionary<string, string>
        {
            [$"Progress[{outcomes[0]}]"] = nameof(ProgressTowardsOutcome.OnTrack), [$"Words[{outcomes[0]}]"] = "He asked for help four times last week",
        }, $"/children/{sam}/plans/{plan}/review?handler=Progress");
        Assert.True(teamView.StatusCode == HttpStatusCode.Redirect, string.Join("; ", teamViewPage.ErrorSummary()));
        var (_, therapistPlan) = await (await SignedInAsync("therapist@example.org")).OpenAsync($"/children/{sam}/plans/{plan}");
        Assert.DoesNotContain("He asks me for help with homework", therapistPlan.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("At this review, the team's view", therapistPlan.Body!.TextContent, StringComparison.Ordinal);
        await AddAsync(senco, sam, plan, $"provision/{reading}", Provision("Small-group reading", await MemberIdAsync(sam, "senco@example.org"), quantity: "4"));
        var (shared, _) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/share", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);

        // Alex answers only what changed.
        var (_, answerPage) = await parent.OpenAsync($"/children/{sam}/plans/{plan}/answer");
        Assert.Single(answerPage.QuerySelectorAll("fieldset"));
        await parent.SubmitAsync($"/children/{sam}/plans/{plan}/answer", new Dictionary<string, string> { [$"Answers[{reading}]"] = nameof(PlanAnswer.Agree) });
        var (early, earlyPage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/agree", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("Say how far the child has come towards 1 outcome", string.Join("; ", earlyPage.ErrorSummary()), StringComparison.Ordinal);
        await senco.SubmitAsync($"/children/{sam}/plans/{plan}/review", new Dictionary<string, string>
        {
            [$"Progress[{outcomes[1]}]"] = nameof(ProgressTowardsOutcome.SomeProgress), [$"Words[{outcomes[1]}]"] = "Two-step instructions in small groups, not yet in class",
        }, $"/children/{sam}/plans/{plan}/review?handler=Progress");
        var (agreed, agreedPage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/agree", new Dictionary<string, string>());
        Assert.True(agreed.StatusCode == HttpStatusCode.Redirect, string.Join("; ", agreedPage.ErrorSummary()));

        var after = await App.QueryAsync(db => db.Commitments.Where(c => c.PlanId == plan).ToListAsync());
        Assert.Equal(3, after.Count);
        var therapy = after.Single(c => c.What == "Speech and language therapy in school");
        Assert.Equal(before["Speech and language therapy in school"], therapy.Id);
        Assert.Equal(CommitmentStatus.Agreed, therapy.Status);
        var replaced = after.Single(c => c.Id == before["Small-group reading"]);
        Assert.Equal(CommitmentStatus.Withdrawn, replaced.Status);
        Assert.Equal(1, await App.QueryAsync(db => db.DeliveryRecords.CountAsync(d => d.CommitmentId == replaced.Id)));
        var renewed = after.Single(c => c.What == "Small-group reading" && c.Id != replaced.Id);
        Assert.Equal(4, renewed.QuantityPerPeriod);
        Assert.Equal(renewed.Id, await App.QueryAsync(db => db.PlanLines.Where(l => l.Id == reading).Select(l => l.CommitmentId).SingleAsync()));

        var (_, versions) = await parent.OpenAsync($"/children/{sam}/plans/{plan}/versions");
        Assert.Equal(["Version 2, agreed", "Version 2, shared with the family", "Version 1, agreed", "Version 1, shared with the family"],
            versions.QuerySelectorAll("main h2.govuk-heading-m").Select(h => h.TextContent.Trim()));
        Assert.Contains("4", versions.QuerySelectorAll(".cg-diff").Skip(1).First().QuerySelector("ins")?.TextContent ?? "", StringComparison.Ordinal);
        var kept = PlanContent.FromJson(await App.QueryAsync(db => db.PlanVersions.Where(v => v.PlanId == plan && v.Number == 2 && v.Stage == PlanVersionStage.Agreed).Select(v => v.Content).SingleAsync()));
        Assert.Equal(["He asks me for help with homework now", "He asked for help four times last week", "Two-step instructions in small groups, not yet in class"],
            kept.Progress!.Select(p => p.Words));
        var (_, agreedPlan) = await parent.OpenAsync($"/children/{sam}/plans/{plan}");
        Assert.Contains("At the last review, in the family's words", agreedPlan.Body!.TextContent, StringComparison.Ordinal);
    }
}
