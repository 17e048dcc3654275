using System.Net;
using CommonGround.Core.Advice;
using CommonGround.Core.Attention;
using CommonGround.Core.Commitments;
using CommonGround.Core.Concerns;
using CommonGround.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

/// <summary>
/// Every recommendation answered: Grace (the therapist) advises on Sam with three recommendations; Priya (his SENCO)
/// writes his SEN support plan with Alex. Today is Monday 23 November 2026.
/// </summary>
public sealed class RecommendationTests : FreshAppTests
{
    private static readonly string[] GracesRecommendations =
        ["Speech and language therapy in school, 30 minutes a week", "A visual timetable on his desk", "A place in a specialist language unit"];

    /// <summary>Priya asks Grace for advice about Health; Grace gives it with three recommendations.</summary>
    private async Task<(Guid Sam, AdviceRequest Advice)> GraceAdvisesAsync()
    {
        var sam = await ChildIdAsync("Samuel");
        var senco = await SignedInAsync("senco@example.org");
        var (asked, askedPage) = await senco.SubmitAsync($"/children/{sam}/advice/new", new Dictionary<string, string>(Browse.DateFields("Input.DueOn", new(2026, 12, 18)))
        {
            ["Input.AdviserId"] = (await MemberIdAsync(sam, "therapist@example.org")).ToString(), ["Input.Part"] = "Health", ["Input.About"] = "Following instructions in class",
        });
        Assert.True(asked.StatusCode == HttpStatusCode.Redirect, string.Join("; ", askedPage.ErrorSummary()));
        var requestId = await App.QueryAsync(db => db.AdviceRequests.Select(r => r.Id).SingleAsync());
        var (given, givenPage) = await (await SignedInAsync("therapist@example.org")).SubmitAsync($"/children/{sam}/advice/{requestId}", new Dictionary<string, string>
        {
            ["Input.Advice"] = "Sam follows one step well; two steps to the whole class are hard.", ["Input.Recommendations"] = string.Join('\n', GracesRecommendations),
        });
        Assert.True(given.StatusCode == HttpStatusCode.Redirect, string.Join("; ", givenPage.ErrorSummary()));
        return (sam, await App.QueryAsync(db => db.AdviceRequests.Include(r => r.Recommendations).SingleAsync()));
    }

    /// <summary>Priya's plan: an outcome, and speech and language therapy from Grace, ready to share but for the advice.</summary>
    private async Task<(HttpClient Senco, Guid Plan, Guid Outcome, Guid Therapy)> PriyaWritesAPlanAsync(Guid sam)
    {
        var senco = await SignedInAsync("senco@example.org");
        var (started, _) = await senco.SubmitAsync($"/children/{sam}/plans/new", new Dictionary<string, string> { ["Input.Kind"] = nameof(PlanKind.SenSupport) });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var plan = await App.QueryAsync(db => db.SupportPlans.Where(p => p.ChildId == sam).Select(p => p.Id).SingleAsync());
        var (outcome, outcomePage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/outcomes",
            new Dictionary<string, string> { ["Input.Text"] = "Sam will follow a two-step instruction", ["Input.Part"] = "Health" });
        Assert.True(outcome.StatusCode == HttpStatusCode.Redirect, string.Join("; ", outcomePage.ErrorSummary()));
        var (therapy, therapyPage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/provision", new Dictionary<string, string>
        {
            ["Input.Text"] = "Speech and language therapy in school", ["Input.Part"] = "Health", ["Input.ProviderId"] = (await MemberIdAsync(sam, "therapist@example.org")).ToString(),
            ["Input.Quantity"] = "1", ["Input.Unit"] = nameof(ProvisionUnit.Sessions), ["Input.MinutesPerSession"] = "30", ["Input.Period"] = nameof(ProvisionPeriod.Week),
            ["Input.StartDate.Day"] = "30", ["Input.StartDate.Month"] = "11", ["Input.StartDate.Year"] = "2026",
        });
        Assert.True(therapy.StatusCode == HttpStatusCode.Redirect, string.Join("; ", therapyPage.ErrorSummary()));
        var lines = await App.QueryAsync(db => db.PlanLines.Where(l => l.PlanId == plan).ToListAsync());
        return (senco, plan, lines.Single(l => l.Kind == PlanLineKind.Outcome).Id, lines.Single(l => l.Kind == PlanLineKind.Provision).Id);
    }

    private async Task RunAttentionJobAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AttentionJob>().ExecuteAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_plan_is_not_shared_until_each_recommendation_is_adopted_or_declined_and_the_family_can_disagree_with_an_answer()
    {
        var (sam, advice) = await GraceAdvisesAsync();
        var (senco, plan, outcome, therapy) = await PriyaWritesAPlanAsync(sam);
        var recommendation = advice.Recommendations.OrderBy(r => r.Position).ToList();
        var answerPage = $"/children/{sam}/plans/{plan}/advice/{advice.Id}";

        // Sharing is refused while the recommendations wait, and the plan says so.
        var (refused, refusedPage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/share", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Answer 3 recommendations from the advice before the plan is shared: say which line adopts each, or why the plan does not", refusedPage.ErrorSummary().Single());
        Assert.Equal(0, await App.QueryAsync(db => db.SupportPlans.Where(p => p.Id == plan).Select(p => p.Number).SingleAsync()));
        var (_, planPage) = await senco.OpenAsync($"/children/{sam}/plans/{plan}");
        Assert.Equal(3, planPage.QuerySelectorAll($"#advice-{advice.Id} .govuk-tag").Count(t => t.TextContent.Trim() == "Not answered yet"));
        Assert.NotNull(planPage.QuerySelector($"main a[href='{answerPage}']"));

        // Bad answers change nothing.
        var (_, form) = await senco.OpenAsync(answerPage);
        Assert.Equal(3, form.QuerySelectorAll("main fieldset").Length);
        var (none, nonePage) = await senco.SubmitAsync(answerPage, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(["Choose, for at least one recommendation, whether the plan adopts it"], nonePage.ErrorSummary());
        var (noLine, noLinePage) = await senco.SubmitAsync(answerPage, new Dictionary<string, string> { [$"Input.Decisions[{recommendation[0].Id}]"] = "adopted" });
        Assert.Equal(HttpStatusCode.BadRequest, noLine.StatusCode);
        Assert.Equal(["Choose the line of the plan that carries out \"Speech and language therapy in school, 30 minutes a week\""], noLinePage.ErrorSummary());
        var (noReason, noReasonPage) = await senco.SubmitAsync(answerPage, new Dictionary<string, string>
        {
            [$"Input.Decisions[{recommendation[0].Id}]"] = "adopted", [$"Input.AdoptedIn[{recommendation[0].Id}]"] = therapy.ToString(), [$"Input.Decisions[{recommendation[2].Id}]"] = "not-adopted",
        });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Say why the plan does not adopt \"A place in a specialist language unit\"", noReasonPage.ErrorSummary().Single());
        Assert.Equal(0, await App.QueryAsync(db => db.RecommendationAnswers.CountAsync()));

        // A reason that blames the family is pointed out before anything is saved.
        var (advised, advisedPage) = await senco.SubmitAsync(answerPage, new Dictionary<string, string>
        {
            [$"Input.Decisions[{recommendation[0].Id}]"] = "adopted", [$"Input.AdoptedIn[{recommendation[0].Id}]"] = therapy.ToString(),
            [$"Input.Decisions[{recommendation[1].Id}]"] = "adopted", [$"Input.AdoptedIn[{recommendation[1].Id}]"] = outcome.ToString(),
            [$"Input.Decisions[{recommendation[2].Id}]"] = "not-adopted", [$"Input.Reasons[{recommendation[2].Id}]"] = "Mum has unrealistic expectations of a unit place",
        });
        Assert.Equal(HttpStatusCode.OK, advised.StatusCode);
        Assert.Contains("unrealistic expectations", advisedPage.QuerySelector("#language-advice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await App.QueryAsync(db => db.RecommendationAnswers.CountAsync()));

        // Two adopted in the lines that carry them out, one declined with a reason; Grace is told.
        var (answered, answeredPage) = await senco.SubmitAsync(answerPage, new Dictionary<string, string>
        {
            [$"Input.Decisions[{recommendation[0].Id}]"] = "adopted", [$"Input.AdoptedIn[{recommendation[0].Id}]"] = therapy.ToString(),
            [$"Input.Decisions[{recommendation[1].Id}]"] = "adopted", [$"Input.AdoptedIn[{recommendation[1].Id}]"] = outcome.ToString(),
            [$"Input.Decisions[{recommendation[2].Id}]"] = "not-adopted", [$"Input.Reasons[{recommendation[2].Id}]"] = "Sam is doing well in his class with therapy there; we will look again at the review",
        });
        Assert.True(answered.StatusCode == HttpStatusCode.Redirect, string.Join("; ", answeredPage.ErrorSummary()));
        Assert.Equal(3, await App.QueryAsync(db => db.RecommendationAnswers.CountAsync(a => a.PlanId == plan)));
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == Core.Audit.AuditActions.RecommendationsAnswered)));
        var therapistId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "therapist@example.org").Select(u => u.Id).SingleAsync());
        Assert.Equal(1, await App.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientUserId == therapistId && n.Title.Contains("2 adopted, 1 not"))));

        // A line that carries a recommendation is not removed from under it.
        var (remove, removePage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/provision/{therapy}", new Dictionary<string, string>(), $"/children/{sam}/plans/{plan}/provision/{therapy}?handler=Remove");
        Assert.Equal(HttpStatusCode.BadRequest, remove.StatusCode);
        Assert.StartsWith("This line carries out a recommendation from Grace Okafor's advice", removePage.ErrorSummary().Single(), StringComparison.Ordinal);

        var (shared, sharedPage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/share", new Dictionary<string, string>());
        Assert.True(shared.StatusCode == HttpStatusCode.Redirect, string.Join("; ", sharedPage.ErrorSummary()));

        // Alex sees what became of each, here and on the advice itself, and disagrees with the decline.
        var parent = await SignedInAsync("parent@example.org");
        var (_, familyPlan) = await parent.OpenAsync($"/children/{sam}/plans/{plan}");
        var card = familyPlan.QuerySelector($"#advice-{advice.Id}")!.TextContent;
        Assert.Contains("Adopted in provision 1: Speech and language therapy in school", card.Replace("\n", " ").Replace("  ", " "), StringComparison.Ordinal);
        Assert.Contains("Not adopted Sam is doing well in his class", string.Join(' ', card.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        var (_, familyAdvice) = await parent.OpenAsync($"/children/{sam}/advice/{advice.Id}");
        Assert.Equal(2, familyAdvice.QuerySelectorAll("main ol .govuk-tag").Count(t => t.TextContent.Trim() == "Adopted"));
        var declined = await App.QueryAsync(db => db.RecommendationAnswers.SingleAsync(a => a.RecommendationId == recommendation[2].Id));
        var disagree = $"/children/{sam}/plans/{plan}/recommendations/{declined.Id}/disagree";
        Assert.NotNull(familyPlan.QuerySelector($"main a[href='{disagree}']"));

        var (_, disagreeForm) = await parent.OpenAsync(disagree);
        var stale = disagreeForm.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>("main form input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);
        var (blank, blankPage) = await parent.SubmitAsync(disagree, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal("Say what you disagree with, and what you would like to happen", blankPage.ErrorSummary().Single());
        Assert.Equal(0, await App.QueryAsync(db => db.Concerns.CountAsync()));
        var (disputed, disputedPage) = await parent.SubmitAsync(disagree, new Dictionary<string, string> { ["Input.Why"] = "Sam is not coping; the unit is what Grace said he needs" });
        Assert.True(disputed.StatusCode == HttpStatusCode.Redirect, string.Join("; ", disputedPage.ErrorSummary()));
        var concern = await App.QueryAsync(db => db.Concerns.SingleAsync());
        var priya = await App.QueryAsync(db => db.Professionals.SingleAsync(p => p.UserAccount!.Email == "senco@example.org"));
        Assert.Equal((priya.Id, true, Core.Access.RecordArea.Health, ConcernStatus.Raised), (concern.OwnerProfessionalId, concern.RaisedByFamily, concern.About, concern.Status));
        Assert.Contains("Sam is not coping", concern.WhatIsHappening, StringComparison.Ordinal);
        Assert.Equal($"/children/{sam}/concerns/{concern.Id}", disputed.Headers.Location!.OriginalString);
        Assert.Equal(concern.Id, await App.QueryAsync(db => db.RecommendationAnswers.Where(a => a.Id == declined.Id).Select(a => a.DisputeConcernId).SingleAsync()));
        Assert.Equal(1, await App.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientUserId == priya.UserAccountId && n.Title.Contains("disagree with what the SEN support plan does"))));

        // Once is enough; and only the family disagrees.
        var (_, after) = await parent.OpenAsync(disagree);
        Assert.Null(after.QuerySelector("main form"));
        var (again, againPage) = await parent.PostFormAsync(disagree, new Dictionary<string, string>(stale) { ["Input.Why"] = "Again" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("You have already disagreed with this answer: your concern is with the plan's author", againPage.ErrorSummary().Single());
        Assert.Equal(1, await App.QueryAsync(db => db.Concerns.CountAsync()));
        var (therapistTries, _) = await (await SignedInAsync("therapist@example.org")).OpenAsync(disagree);
        Assert.Equal(HttpStatusCode.Forbidden, therapistTries.StatusCode);
        var (therapistAnswers, _) = await (await SignedInAsync("therapist@example.org")).OpenAsync(answerPage);
        Assert.Equal(HttpStatusCode.Forbidden, therapistAnswers.StatusCode);
    }

    [Fact]
    public async Task Advice_whose_recommendations_wait_four_weeks_for_a_plan_is_an_early_warning_until_they_are_answered()
    {
        var (sam, advice) = await GraceAdvisesAsync();
        App.Time.SetUtcNow(new DateTimeOffset(2026, 12, 18, 9, 0, 0, TimeSpan.Zero));
        await RunAttentionJobAsync();
        Assert.Equal(0, await App.QueryAsync(db => db.AttentionSignals.CountAsync(s => s.Kind == AttentionSignalKind.RecommendationsUnanswered)));

        App.Time.SetUtcNow(new DateTimeOffset(2026, 12, 22, 9, 0, 0, TimeSpan.Zero));
        await RunAttentionJobAsync();
        var warning = "3 recommendations from Grace Okafor's advice (Northvale Community NHS Trust), given 4 weeks ago on 23 November 2026, not yet answered in a plan";
        var (_, attention) = await (await SignedInAsync("senco@example.org")).OpenAsync("/attention");
        Assert.Contains(warning, attention.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (_, happening) = await (await SignedInAsync("parent@example.org")).OpenAsync($"/children/{sam}/whats-happening");
        Assert.Contains(warning, happening.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (_, transport) = await (await SignedInAsync("transport@example.org")).OpenAsync("/attention");
        Assert.DoesNotContain("recommendations from Grace Okafor", transport.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Answered in a plan, the warning goes at once.
        var (senco, plan, _, therapy) = await PriyaWritesAPlanAsync(sam);
        var fields = new Dictionary<string, string>();
        foreach (var recommendation in advice.Recommendations)
        {
            fields[$"Input.Decisions[{recommendation.Id}]"] = "adopted";
            fields[$"Input.AdoptedIn[{recommendation.Id}]"] = therapy.ToString();
        }

        var (answered, answeredPage) = await senco.SubmitAsync($"/children/{sam}/plans/{plan}/advice/{advice.Id}", fields);
        Assert.True(answered.StatusCode == HttpStatusCode.Redirect, string.Join("; ", answeredPage.ErrorSummary()));
        Assert.Equal(0, await App.QueryAsync(db => db.AttentionSignals.CountAsync(s => s.Kind == AttentionSignalKind.RecommendationsUnanswered)));
    }
}
