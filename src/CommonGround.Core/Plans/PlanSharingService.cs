using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Statutory;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Plans;

/// <summary>The family's answer to one line.</summary>
public sealed record LineAnswer(Guid LineId, PlanAnswer? Answer, string? Words);

/// <summary>The author's reply to a family's answer; for a provision line they take, the line as it will now read.</summary>
public sealed record ReplyToAnswerOptions(Guid ResponseId, bool Accept, string? Reply, int Version, PlanLineOptions? RevisedProvision = null);

/// <summary>
/// Writing a plan with the family: sharing it as a version, the family answering it line by line, and the author
/// replying to what they said.
/// </summary>
public sealed class PlanSharingService(
    CommonGroundDbContext db, PlanService plans, PlanLineService lines, PlanSteps steps, Notifier notifier, AttentionSignals signals, TimeProvider timeProvider)
{
    public async Task<Result<SupportPlan>> ShareAsync(ChildAccess childAccess, Guid planId, int version, UserActor actor)
    {
        var loaded = await plans.LoadForAuthorAsync(childAccess, planId);
        if (loaded.Value is not { } plan)
        {
            return loaded.Error!;
        }

        if (plan.Version != version)
        {
            return new PlanChangedMeanwhile();
        }

        if (!plan.Lines.Any(l => l.Kind == PlanLineKind.Outcome) || !plan.Lines.Any(l => l.Kind == PlanLineKind.Provision))
        {
            return new PlanNotReadyToShare("Add at least one outcome and one line of provision before you share the plan");
        }

        if (plan.Lines.OrderBy(l => l.Position).FirstOrDefault(l => PlanProvisionTerms.Missing(l) is not null) is { } vague)
        {
            return new PlanNotReadyToShare($"Say {PlanProvisionTerms.Missing(vague)} for \"{vague.Text}\" before you share the plan, so the family can see exactly what is promised");
        }

        if (await Advice.RecommendationService.UnansweredAsync(db, childAccess, plan.Id) is > 0 and var unanswered)
        {
            return new RecommendationsUnanswered(unanswered, "shared");
        }

        var now = timeProvider.UtcNow();
        plan.Share(now);
        db.PlanVersions.Add(PlanSteps.Snapshot(plan, PlanVersionStage.SharedWithFamily, actor, now,
            plan.IsUnderReview ? await PlanReviewService.ProgressAtAsync(db, plan) : []));
        db.AuditEvents.Add(PlanChanges.Shared(actor, plan, now));
        await PlanStatutoryLink.StageAsync(db, childAccess, plan, StatutoryEventKind.DraftPlanServed, plan.IsUnderReview, actor, now);
        await steps.NotifyFamilyAsync(plan, actor,
            $"{actor.Name} shared {childAccess.Child.KnownAs}'s {(plan.Kind == PlanKind.Ehc ? "draft EHC plan" : plan.Rule.Name)} with you to read and answer, line by line",
            $"{childAccess.Child.KnownAs}'s {plan.Rule.Name} is ready for you to answer");
        if (!await db.TrySaveAsync())
        {
            return new PlanChangedMeanwhile();
        }

        await signals.RefreshAfterChangeAsync(plan.ChildId);
        return plan;
    }

    /// <summary>The family answers every line waiting for them: agree, suggest a change in their words, or disagree and say why.</summary>
    public async Task<Result<SupportPlan>> AnswerAsync(ChildAccess childAccess, Guid planId, IReadOnlyList<LineAnswer> answers, UserActor actor)
    {
        if (!childAccess.Can(Capability.RespondToPlan))
        {
            return new NotAllowedToRespondToPlan();
        }

        var plan = await db.SupportPlans.Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == planId && p.ChildId == childAccess.Child.Id);
        if (plan is null)
        {
            return new PlanNotFound();
        }

        if (plan.Status != PlanStatus.WithFamily)
        {
            return new PlanNotWithFamily();
        }

        var responses = await db.PlanResponses.Where(r => r.PlanId == planId).ToListAsync();
        var waiting = plan.Lines.Where(l => l.AwaitsFamily(responses)).OrderBy(l => l.Kind).ThenBy(l => l.Position).ToList();
        if (waiting.Count == 0)
        {
            return new NothingToAnswer();
        }

        var now = timeProvider.UtcNow();
        foreach (var line in waiting)
        {
            var field = $"Answers[{line.Id}]";
            var answer = answers.FirstOrDefault(a => a.LineId == line.Id);
            if (answer?.Answer is not { } given)
            {
                return new AnswerMissing(field, line.Text.ShortenTo(60));
            }

            if (given != PlanAnswer.Agree && string.IsNullOrWhiteSpace(answer.Words))
            {
                return new AnswerWordsMissing($"Words[{line.Id}]", line.Text.ShortenTo(60));
            }

            if (answer.Words?.Trim().Length > PlanResponse.MaxWordsLength)
            {
                return new TextTooLong($"Words[{line.Id}]", PlanResponse.MaxWordsLength);
            }

            db.PlanResponses.Add(new PlanResponse
            {
                PlanId = plan.Id, ChildId = plan.ChildId, LineId = line.Id, LineRevision = line.Revision, PlanNumber = plan.Number, Answer = given,
                Words = given == PlanAnswer.Agree || string.IsNullOrWhiteSpace(answer.Words) ? null : answer.Words.Trim(), ByUserId = actor.UserId, ByName = actor.Name, At = now,
            });
        }

        var counted = answers.Where(a => waiting.Any(l => l.Id == a.LineId)).ToList();
        db.AuditEvents.Add(PlanChanges.Answered(actor, plan, counted.Count(a => a.Answer == PlanAnswer.Agree),
            counted.Count(a => a.Answer == PlanAnswer.SuggestChange), counted.Count(a => a.Answer == PlanAnswer.Disagree), now));
        await notifier.NotifyAsync(plan.AuthorUserId, NotificationKind.Plans,
            $"{actor.Name} answered {childAccess.Child.KnownAs}'s {plan.Rule.Name}",
            $"{actor.Name} answered {childAccess.Child.KnownAs}'s {plan.Rule.Name}", ChildLinks.Plan(plan.ChildId, plan.Id), plan.ChildId);
        await db.SaveChangesAsync();
        return plan;
    }

    /// <summary>The author takes a family's suggestion (the line then reads as they asked) or keeps the line and says why.</summary>
    public async Task<Result<PlanResponse>> ReplyAsync(ChildAccess childAccess, Guid planId, ReplyToAnswerOptions options, UserActor actor)
    {
        var loaded = await plans.LoadForAuthorAsync(childAccess, planId);
        if (loaded.Value is not { } plan)
        {
            return loaded.Error!;
        }

        var response = await db.PlanResponses.SingleOrDefaultAsync(r => r.Id == options.ResponseId && r.PlanId == planId);
        if (response is null || plan.Lines.SingleOrDefault(l => l.Id == response.LineId) is not { } line || !childAccess.CanSee(line.Part))
        {
            return new PlanResponseNotFound();
        }

        if (plan.Version != options.Version)
        {
            return new PlanChangedMeanwhile();
        }

        if (!response.AwaitsReply)
        {
            return new AlreadyReplied();
        }

        if (!options.Accept && string.IsNullOrWhiteSpace(options.Reply))
        {
            return new ReplyMissing();
        }

        if (options.Reply?.Trim().Length > PlanResponse.MaxWordsLength)
        {
            return new TextTooLong("Reply", PlanResponse.MaxWordsLength);
        }

        var now = timeProvider.UtcNow();
        if (options.Accept && line.Kind == PlanLineKind.Provision && options.RevisedProvision is { } revised)
        {
            // The provision's terms change as the family asked, checked as any provision line is, and saved with the reply.
            var staged = await lines.StageLineAsync(childAccess, plan, line.Id, PlanLineKind.Provision, revised, actor);
            if (!staged.Succeeded)
            {
                return staged.Error!;
            }
        }
        else if (options.Accept)
        {
            line.Text = response.Words!;
            line.Revise();
            plan.Touch();
        }

        response.ReplyWith(options.Accept, options.Reply, actor.Name, now, line.Revision);
        db.AuditEvents.Add(PlanChanges.Replied(actor, plan, line, options.Accept, now));
        await notifier.NotifyAsync(response.ByUserId, NotificationKind.Plans,
            options.Accept
                ? $"{actor.Name} changed a line of {childAccess.Child.KnownAs}'s {plan.Rule.Name} as you suggested"
                : $"{actor.Name} replied to what you said about a line of {childAccess.Child.KnownAs}'s {plan.Rule.Name}",
            $"{actor.Name} replied about {childAccess.Child.KnownAs}'s {plan.Rule.Name}", ChildLinks.Plan(plan.ChildId, plan.Id), plan.ChildId);
        return await db.TrySaveAsync() ? response : new PlanChangedMeanwhile();
    }
}
