using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Meetings;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Plans;

/// <summary>What someone says about one outcome at a review: the team's judgement (not asked of the family) and their words.</summary>
public sealed record ProgressInput(Guid OutcomeId, ProgressTowardsOutcome? Progress, string? Words);

/// <summary>
/// A plan's review: opening the agreed plan as its next version, the meeting where it is talked through, and what the
/// family and the team say about how far the child has come towards each outcome. The family's words are their own
/// and stand first; the team's judgement is needed for every outcome before the new version is agreed.
/// </summary>
public sealed class PlanReviewService(CommonGroundDbContext db, PlanService plans, PlanSteps steps, Notifier notifier, TimeProvider timeProvider)
{
    /// <summary>How far back a meeting may have been held and still be chosen as the review's.</summary>
    public const int MeetingLookBackDays = 56;

    /// <summary>The outcomes the review looks at: those in the agreed plan, as they now stand.</summary>
    public static IEnumerable<PlanLine> ReviewedOutcomes(SupportPlan plan) =>
        plan.Lines.Where(l => l.Kind == PlanLineKind.Outcome && l.AgreedRevision is not null).OrderBy(l => l.Position);

    /// <summary>Everything said about outcomes at the plan's latest review.</summary>
    public static async Task<IReadOnlyList<OutcomeProgress>> ProgressAtAsync(CommonGroundDbContext db, SupportPlan plan) =>
        plan.ReviewNumber == 0
            ? []
            : await db.OutcomeProgress.AsNoTracking().Where(p => p.PlanId == plan.Id && p.ReviewNumber == plan.ReviewNumber).ToListAsync();

    /// <summary>The child's meetings a review could be held at: not cancelled, from the last few weeks onwards, soonest first.</summary>
    public async Task<IReadOnlyList<Meeting>> MeetingChoicesAsync(Guid childId)
    {
        var from = timeProvider.UtcNow().AddDays(-MeetingLookBackDays);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.ChildId == childId && m.CancelledAt == null && m.StartsAt >= from).ToListAsync();
        return meetings.OrderBy(m => m.StartsAt).ToList();
    }

    /// <summary>
    /// Opens an agreed plan for its review, as its next version. What was agreed stays promised, and its provision keeps
    /// being delivered and recorded, until the new version is agreed.
    /// </summary>
    public async Task<Result<SupportPlan>> StartAsync(ChildAccess childAccess, Guid planId, int version, Guid? meetingId, UserActor actor)
    {
        var loaded = await LoadAsync(childAccess, planId, version, meetingId);
        if (loaded.Value is not { } plan)
        {
            return loaded.Error!;
        }

        if (plan.Status != PlanStatus.Agreed)
        {
            return new PlanNotAgreedYet();
        }

        var now = timeProvider.UtcNow();
        plan.StartReview(now, meetingId);
        db.AuditEvents.Add(PlanChanges.ReviewStarted(actor, plan, now));
        await steps.NotifyFamilyAsync(plan, actor,
            $"{actor.Name} started the review of {childAccess.Child.KnownAs}'s {plan.Rule.Name}. Say how {childAccess.Child.KnownAs} is getting on towards each outcome, in your own words",
            $"The review of {childAccess.Child.KnownAs}'s {plan.Rule.Name} has started");
        return await db.TrySaveAsync() ? plan : new PlanChangedMeanwhile();
    }

    /// <summary>Links the review under way to the meeting where it is talked through, or to none yet.</summary>
    public async Task<Result<SupportPlan>> HoldAtAsync(ChildAccess childAccess, Guid planId, int version, Guid? meetingId, UserActor actor)
    {
        var loaded = await LoadAsync(childAccess, planId, version, meetingId);
        if (loaded.Value is not { } plan)
        {
            return loaded.Error!;
        }

        if (!plan.IsUnderReview)
        {
            return new ProgressOnlyAtReview();
        }

        plan.HoldReviewAt(meetingId);
        db.AuditEvents.Add(PlanChanges.ReviewMeetingChosen(actor, plan, meetingId is not null, timeProvider.UtcNow()));
        return await db.TrySaveAsync() ? plan : new PlanChangedMeanwhile();
    }

    /// <summary>
    /// Keeps what the person says about the outcomes at the review under way: the family's words, or the team's
    /// judgement and words. An outcome left blank keeps what was said before; saying it again replaces what the same
    /// side said, and the history keeps that it changed. Nothing is saved if anything said is incomplete.
    /// </summary>
    public async Task<Result<IReadOnlyList<OutcomeProgress>>> RecordAsync(ChildAccess childAccess, Guid planId, IReadOnlyList<ProgressInput> said, UserActor actor)
    {
        var plan = await db.SupportPlans.Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == planId && p.ChildId == childAccess.Child.Id);
        if (plan is null)
        {
            return new PlanNotFound();
        }

        var byFamily = childAccess.Can(Capability.RespondToPlan);
        if (!byFamily && !await plans.WritesAsync(childAccess, plan))
        {
            return new NotAllowedToRecordProgress();
        }

        if (!plan.IsUnderReview)
        {
            return new ProgressOnlyAtReview();
        }

        var outcomes = ReviewedOutcomes(plan).Where(o => childAccess.CanSee(o.Part)).ToList();
        if (said.FirstOrDefault(s => outcomes.All(o => o.Id != s.OutcomeId)) is not null)
        {
            return new OutcomeNotReviewed();
        }

        var given = said.Where(s => s.Progress is not null || !string.IsNullOrWhiteSpace(s.Words)).ToList();
        if (given.Count == 0)
        {
            return new NothingSaidAboutProgress(outcomes.Count == 0 ? "Words" : $"Words[{outcomes[0].Id}]", byFamily);
        }

        foreach (var entry in given)
        {
            if (!byFamily && entry.Progress is null)
            {
                return new ProgressMissing($"Progress[{entry.OutcomeId}]");
            }

            if (string.IsNullOrWhiteSpace(entry.Words))
            {
                return new ProgressWordsMissing($"Words[{entry.OutcomeId}]", byFamily);
            }

            if (entry.Words.Trim().Length > OutcomeProgress.MaxWordsLength)
            {
                return new TextTooLong($"Words[{entry.OutcomeId}]", OutcomeProgress.MaxWordsLength);
            }
        }

        var now = timeProvider.UtcNow();
        var existing = await db.OutcomeProgress.Where(p => p.PlanId == planId && p.ReviewNumber == plan.ReviewNumber && p.ByFamily == byFamily).ToListAsync();
        var saved = new List<OutcomeProgress>();
        foreach (var entry in given)
        {
            var outcome = outcomes.Single(o => o.Id == entry.OutcomeId);
            var progress = existing.SingleOrDefault(p => p.OutcomeLineId == outcome.Id);
            if (progress is null)
            {
                progress = new OutcomeProgress
                {
                    PlanId = planId, ChildId = plan.ChildId, OutcomeLineId = outcome.Id, ReviewNumber = plan.ReviewNumber, ByFamily = byFamily, Part = outcome.Part,
                    OutcomeText = outcome.Text, Words = "", ByUserId = actor.UserId, ByName = actor.Name, At = now,
                };
                db.OutcomeProgress.Add(progress);
            }

            progress.OutcomeText = outcome.Text;
            progress.Progress = byFamily ? null : entry.Progress;
            progress.Words = entry.Words!.Trim();
            progress.ByUserId = actor.UserId;
            progress.ByName = actor.Name;
            progress.At = now;
            db.AuditEvents.Add(PlanChanges.ProgressRecorded(actor, plan, outcome, byFamily, now));
            saved.Add(progress);
        }

        if (byFamily)
        {
            await notifier.NotifyAsync(plan.AuthorUserId, NotificationKind.Plans, $"{actor.Name} said how {childAccess.Child.KnownAs} is getting on, for the review of the {plan.Rule.Name}",
                $"The family's words for the review of {childAccess.Child.KnownAs}'s {plan.Rule.Name}", ChildLinks.Plan(plan.ChildId, plan.Id), plan.ChildId);
        }

        await db.SaveChangesAsync();
        return saved;
    }

    private async Task<Result<SupportPlan>> LoadAsync(ChildAccess childAccess, Guid planId, int version, Guid? meetingId)
    {
        var loaded = await plans.LoadWrittenAsync(childAccess, planId);
        if (loaded.Value is not { } plan)
        {
            return loaded.Error!;
        }

        if (plan.Version != version)
        {
            return new PlanChangedMeanwhile();
        }

        if (meetingId is { } id && id != plan.ReviewMeetingId
            && (!childAccess.CanSee(RecordArea.Meetings) || !(await MeetingChoicesAsync(childAccess.Child.Id)).Any(m => m.Id == id)))
        {
            return new ReviewMeetingNotFound();
        }

        return plan;
    }
}
