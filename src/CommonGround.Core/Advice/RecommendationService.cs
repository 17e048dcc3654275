using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Concerns;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Plans;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Advice;

/// <summary>What the author decides for one recommendation: adopted in a line, not adopted with a reason, or not yet (null).</summary>
public sealed record RecommendationDecision(Guid RecommendationId, bool? Adopted, Guid? LineId, string? Reason);

/// <summary>Given advice with recommendations, and what a plan has answered about each.</summary>
public sealed record AdviceForPlan(AdviceRequest Advice, IReadOnlyList<RecommendationAnswer> Answers)
{
    public RecommendationAnswer? AnswerTo(Recommendation recommendation) => Answers.FirstOrDefault(a => a.RecommendationId == recommendation.Id);

    public int Unanswered => Advice.Recommendations.Count(r => AnswerTo(r) is null);
}

/// <summary>What became of a recommendation in one of the child's plans, as the person may see it.</summary>
public sealed record RecommendationOutcome(RecommendationAnswer Answer, SupportPlan Plan, PlanLine? Line);

/// <summary>
/// Every recommendation answered: when a plan is written or reviewed, each recommendation from the advice its author
/// sees is adopted (in the line that carries it out) or not, with a reason; the plan is not shared or issued until each
/// is. The adviser and the family are told, and the family can dispute an answer, which opens a concern for the author.
/// </summary>
public sealed class RecommendationService(
    CommonGroundDbContext db, PlanService plans, PlanSteps steps, ConcernDisputes disputes, Notifier notifier, Attention.AttentionSignals signals, TimeProvider timeProvider)
{
    /// <summary>How long after advice is given its recommendations may wait for a plan's answer before it is a warning.</summary>
    public const int WeeksToAnswer = 4;

    public const int MaxDisputeLength = 2000;

    /// <summary>
    /// The given advice with recommendations, in the parts of the record the person sees, that a plan for the child must
    /// answer, with this plan's answers: oldest advice first.
    /// </summary>
    public static async Task<IReadOnlyList<AdviceForPlan>> InScopeAsync(CommonGroundDbContext db, ChildAccess childAccess, Guid planId)
    {
        var parts = AdviceService.Parts.Where(childAccess.CanSee).ToList();
        var advice = await db.AdviceRequests.AsNoTracking().Include(r => r.Recommendations)
            .Where(r => r.ChildId == childAccess.Child.Id && r.Status == AdviceStatus.Given && parts.Contains(r.Part) && r.Recommendations.Any())
            .ToListAsync();
        var answers = await db.RecommendationAnswers.AsNoTracking().Where(a => a.PlanId == planId && a.ChildId == childAccess.Child.Id).ToListAsync();
        return advice.OrderBy(r => r.GivenAt)
            .Select(r => new AdviceForPlan(r, answers.Where(a => a.RequestId == r.Id).ToList()))
            .ToList();
    }

    /// <summary>How many recommendations the plan has still to answer, of those its author sees.</summary>
    public static async Task<int> UnansweredAsync(CommonGroundDbContext db, ChildAccess childAccess, Guid planId) =>
        (await InScopeAsync(db, childAccess, planId)).Sum(a => a.Unanswered);

    public Task<IReadOnlyList<AdviceForPlan>> ForPlanAsync(ChildAccess childAccess, Guid planId) => InScopeAsync(db, childAccess, planId);

    /// <summary>What became of each of the advice's recommendations in the child's plans, with the line when the person sees its part.</summary>
    public async Task<IReadOnlyList<RecommendationOutcome>> OutcomesAsync(ChildAccess childAccess, AdviceRequest advice)
    {
        var answers = await db.RecommendationAnswers.AsNoTracking().Where(a => a.RequestId == advice.Id && a.ChildId == childAccess.Child.Id).ToListAsync();
        if (answers.Count == 0)
        {
            return [];
        }

        var planIds = answers.Select(a => a.PlanId).Distinct().ToList();
        var childPlans = await db.SupportPlans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        var lineIds = answers.Where(a => a.LineId is not null).Select(a => a.LineId!.Value).ToList();
        var lines = await db.PlanLines.AsNoTracking().Where(l => lineIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id);
        return answers.OrderBy(a => a.AnsweredAt)
            .Select(a => new RecommendationOutcome(a, childPlans[a.PlanId],
                a.LineId is { } lineId && lines.GetValueOrDefault(lineId) is { } line && childAccess.CanSee(line.Part) ? line : null))
            .ToList();
    }

    /// <summary>The plan's author answers the recommendations of one piece of advice; those left without a choice stay as they were.</summary>
    public async Task<Result<AdviceForPlan>> AnswerAsync(ChildAccess childAccess, Guid planId, Guid requestId, IReadOnlyList<RecommendationDecision> decisions, UserActor actor)
    {
        var loaded = await plans.LoadForAuthorAsync(childAccess, planId);
        if (loaded.Value is not { } plan)
        {
            return loaded.Error!;
        }

        var advice = await db.AdviceRequests.AsNoTracking().Include(r => r.Recommendations)
            .SingleOrDefaultAsync(r => r.Id == requestId && r.ChildId == childAccess.Child.Id && r.Status == AdviceStatus.Given);
        if (advice is null || !childAccess.CanSee(advice.Part) || advice.Recommendations.Count == 0)
        {
            return new AdviceRequestNotFound();
        }

        var answers = await db.RecommendationAnswers.Where(a => a.PlanId == planId && a.RequestId == requestId).ToListAsync();
        var now = timeProvider.UtcNow();
        var adopted = 0;
        var declined = 0;
        foreach (var recommendation in advice.Recommendations.OrderBy(r => r.Position))
        {
            var decision = decisions.FirstOrDefault(d => d.RecommendationId == recommendation.Id);
            if (decision?.Adopted is not { } adopt)
            {
                continue;
            }

            var reason = string.IsNullOrWhiteSpace(decision.Reason) ? null : decision.Reason.Trim();
            if (adopt && (decision.LineId is not { } lineId
                || plan.Lines.SingleOrDefault(l => l.Id == lineId) is not { Kind: not PlanLineKind.Need } line || !childAccess.CanSee(line.Part)))
            {
                return new AdoptingLineMissing($"AdoptedIn[{recommendation.Id}]", recommendation.Text.ShortenTo(60));
            }

            if (!adopt && reason is null)
            {
                return new NotAdoptedReasonMissing($"Reasons[{recommendation.Id}]", recommendation.Text.ShortenTo(60));
            }

            if (!adopt && reason!.Length > RecommendationAnswer.MaxReasonLength)
            {
                return new TextTooLong($"Reasons[{recommendation.Id}]", RecommendationAnswer.MaxReasonLength);
            }

            var lineChosen = adopt ? decision.LineId : null;
            var reasonGiven = adopt ? null : reason;
            var answer = answers.SingleOrDefault(a => a.RecommendationId == recommendation.Id);
            if (answer is not null && !answer.DiffersFrom(adopt, lineChosen, reasonGiven))
            {
                continue;
            }

            if (answer is null)
            {
                answer = new RecommendationAnswer
                {
                    PlanId = plan.Id, RecommendationId = recommendation.Id, RequestId = advice.Id, ChildId = advice.ChildId,
                    AnsweredByUserId = actor.UserId, AnsweredByName = actor.Name, AnsweredAt = now,
                };
                db.RecommendationAnswers.Add(answer);
                answers.Add(answer);
            }

            answer.Answer(adopt, lineChosen, reasonGiven, actor.UserId, actor.Name, now);
            if (adopt)
            {
                adopted++;
            }
            else
            {
                declined++;
            }
        }

        if (adopted + declined == 0)
        {
            return decisions.Any(d => d.Adopted is not null)
                ? new AdviceForPlan(advice, answers)
                : new NoRecommendationAnswered($"Decisions[{advice.Recommendations.OrderBy(r => r.Position).First().Id}]");
        }

        var summary = $"Answered {adopted + declined} of the recommendations from {advice.AdviserName}'s advice in the {plan.Rule.Name}: {adopted} adopted, {declined} not adopted";
        db.AuditEvents.Add(AuditEvent.ForChild(actor, plan.ChildId, plan.AreaId, now,
            new ChildChange(AuditActions.RecommendationsAnswered, advice.Part, summary, new ChangeSubject.Plan(plan.Id))));
        var child = childAccess.Child;
        if (advice.AdviserInPerson is { } adviser && adviser != actor.UserId && !advice.ByFamily)
        {
            await notifier.NotifyAsync(adviser, NotificationKind.Plans,
                $"{actor.Name} said what the {plan.Rule.Name} does with {adopted + declined} of your recommendations for {child.KnownAs}: {adopted} adopted, {declined} not",
                $"Your recommendations for {child.KnownAs} were answered in the {plan.Rule.Name}", ChildLinks.AdviceRequest(child.Id, advice.Id), child.Id);
        }

        if (plan.Number > 0 || advice.ByFamily)
        {
            await steps.NotifyFamilyAsync(plan, actor,
                $"{actor.Name} said what {child.KnownAs}'s {plan.Rule.Name} does with {adopted + declined} recommendations from {(advice.ByFamily ? "your advice" : $"{advice.AdviserName}'s advice")}",
                $"Recommendations for {child.KnownAs} answered in the {plan.Rule.Name}");
        }

        if (!await db.TrySaveAsync())
        {
            return new RecommendationsChangedMeanwhile();
        }

        await signals.RefreshAfterChangeAsync(plan.ChildId);
        return new AdviceForPlan(advice, answers);
    }

    /// <summary>The family disagree with what a plan does with a recommendation: a concern opens for the plan's author, in the same save.</summary>
    public async Task<Result<Concern>> DisputeAsync(ChildAccess childAccess, Guid answerId, int version, string? why, UserActor actor)
    {
        if (!childAccess.Can(Capability.RespondToPlan))
        {
            return new OnlyTheFamilyDisputes();
        }

        if (await FindAnswerAsync(childAccess, answerId, tracked: true) is not ({ } answer, { } advice))
        {
            return new RecommendationAnswerNotFound();
        }

        if (answer.IsDisputed)
        {
            return new AlreadyDisputed();
        }

        if (answer.Version != version)
        {
            return new RecommendationsChangedMeanwhile();
        }

        if (string.IsNullOrWhiteSpace(why))
        {
            return new DisputeReasonMissing();
        }

        if (why.Trim().Length > MaxDisputeLength)
        {
            return new TextTooLong("Why", MaxDisputeLength);
        }

        var plan = await db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == answer.PlanId);
        var recommendation = advice.Recommendations.Single(r => r.Id == answer.RecommendationId);
        var concern = await disputes.StageForRecommendationAsync(childAccess.Child, plan, advice, recommendation, why.Trim(), actor);
        var now = timeProvider.UtcNow();
        answer.Dispute(concern.Id, now);
        db.AuditEvents.Add(AuditEvent.ForChild(actor, plan.ChildId, plan.AreaId, now, new ChildChange(AuditActions.RecommendationAnswerDisputed, advice.Part,
            $"Disagreed with what the {plan.Rule.Name} does with the recommendation \"{recommendation.Text.ShortenTo(80)}\"", new ChangeSubject.Plan(plan.Id))));
        if (!await db.TrySaveAsync())
        {
            return new RecommendationsChangedMeanwhile();
        }

        await signals.RefreshAfterChangeAsync(plan.ChildId);
        return concern;
    }

    /// <summary>A disputed answer, with its recommendation and advice, for the family's dispute page.</summary>
    public async Task<(RecommendationAnswer Answer, AdviceRequest Advice, Recommendation Recommendation, SupportPlan Plan, PlanLine? Line)?> GetAnswerAsync(ChildAccess childAccess, Guid answerId)
    {
        if (await FindAnswerAsync(childAccess, answerId, tracked: false) is not ({ } answer, { } advice))
        {
            return null;
        }

        var plan = await db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == answer.PlanId);
        var line = answer.LineId is { } lineId ? await db.PlanLines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lineId) : null;
        return (answer, advice, advice.Recommendations.Single(r => r.Id == answer.RecommendationId), plan, line is not null && childAccess.CanSee(line.Part) ? line : null);
    }

    /// <summary>An answer about the child with its advice, when the advice is in a part the person sees; tracked when it is to change.</summary>
    private async Task<(RecommendationAnswer Answer, AdviceRequest Advice)?> FindAnswerAsync(ChildAccess childAccess, Guid answerId, bool tracked)
    {
        var answers = tracked ? db.RecommendationAnswers : db.RecommendationAnswers.AsNoTracking();
        var answer = await answers.SingleOrDefaultAsync(a => a.Id == answerId && a.ChildId == childAccess.Child.Id);
        var advice = answer is null ? null : await db.AdviceRequests.AsNoTracking().Include(r => r.Recommendations).SingleOrDefaultAsync(r => r.Id == answer.RequestId);
        return answer is not null && advice is not null && childAccess.CanSee(advice.Part) ? (answer, advice) : null;
    }
}
