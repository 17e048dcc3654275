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

/// <summary>
/// Agreeing a plan (or issuing an EHC plan), when each line of provision becomes a commitment; at a review, once the
/// team has said how far the child has come towards each outcome.
/// </summary>
public sealed class PlanAgreementService(
    CommonGroundDbContext db, PlanService plans, CommitmentChangeService commitments, PlanSteps steps, AttentionSignals signals, TimeProvider timeProvider)
{
    /// <summary>
    /// Agrees the plan once the family agrees every line as it now reads. Each provision line becomes an agreed
    /// commitment owned by its provider, in the same save, so what the plan promised and what happens are one record.
    /// </summary>
    public async Task<Result<SupportPlan>> AgreeAsync(ChildAccess childAccess, Guid planId, int version, UserActor actor)
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

        if (plan.Status != PlanStatus.WithFamily)
        {
            return new PlanNotReadyToShare("Share the plan with the family before it can be agreed");
        }

        var responses = await db.PlanResponses.Where(r => r.PlanId == planId).ToListAsync();
        if (responses.Count(r => r.AwaitsReply && plan.Lines.Any(l => l.Id == r.LineId && l.Revision == r.LineRevision)) is > 0 and var outstanding)
        {
            return new RepliesOutstanding(outstanding);
        }

        var progress = plan.IsUnderReview ? await PlanReviewService.ProgressAtAsync(db, plan) : [];
        if (plan.IsUnderReview && PlanReviewService.ReviewedOutcomes(plan).Count(o => !progress.Any(p => p.OutcomeLineId == o.Id && !p.ByFamily)) is > 0 and var unreviewed)
        {
            return new ProgressNotRecorded(unreviewed);
        }

        if (await Advice.RecommendationService.UnansweredAsync(db, childAccess, plan.Id) is > 0 and var unanswered)
        {
            return new RecommendationsUnanswered(unanswered, plan.AgreedWord());
        }

        var notAgreed = plan.Lines.Count(l => !l.AgreedByFamily(responses));
        if (plan.Kind == PlanKind.Ehc)
        {
            // The local authority issues the final plan once it has answered what the family said, and not before the
            // family's 15 days to comment are over unless they have agreed it all already.
            if (notAgreed > 0 && await PlanStatutoryLink.CommentWindowAsync(db, plan, timeProvider.TodayInUk()) is { } window
                && timeProvider.TodayInUk() < window.EarliestFinal)
            {
                return new FinalPlanTooEarly(window.EarliestFinal);
            }
        }
        else if (notAgreed > 0)
        {
            return new NotYetAgreedByFamily(notAgreed);
        }

        var now = timeProvider.UtcNow();
        var today = timeProvider.TodayInUk();
        var amending = plan.IsUnderReview;
        await EndReplacedProvisionAsync(childAccess, plan, actor, now, today);
        foreach (var line in plan.Lines.Where(l => l.Kind == PlanLineKind.Provision && (l.CommitmentId is null || l.ChangedSinceAgreed)).OrderBy(l => l.Position))
        {
            var staged = await commitments.StageAsync(childAccess, new AddCommitmentOptions(
                line.Text.ShortenTo(Commitment.MaxWhatLength), null, line.Part.ToCommitmentArea(), CommitmentSource.Plan, line.ProviderTeamMemberId!.Value,
                CommitmentKind.Recurring, null, line.Quantity, line.Unit, line.MinutesPerSession, line.Period, line.StartDate, line.EndDate, line.TermTimeOnly,
                AlreadyAgreed: true, PlanId: plan.Id), actor);
            if (!staged.Succeeded)
            {
                db.ChangeTracker.Clear();
                return new ProvisionCouldNotBeRecorded(line.Text.ShortenTo(60), staged.Error!.Message);
            }

            line.CommitmentId = staged.Value!.Id;
        }

        var aboutMe = await db.ProfileSections.Where(s => s.ChildId == plan.ChildId && PlanService.FamilySections.Contains(s.Section) && s.Version > 0)
            .Select(s => new { s.Section, s.Version }).ToListAsync();
        plan.Agree(now, today, string.Join(',', aboutMe.OrderBy(s => s.Section).Select(s => $"{s.Section}:{s.Version}")));
        db.PlanVersions.Add(PlanSteps.Snapshot(plan, PlanVersionStage.Agreed, actor, now, progress));
        db.AuditEvents.Add(PlanChanges.Agreed(actor, plan, now));
        await PlanStatutoryLink.StageAsync(db, childAccess, plan, StatutoryEventKind.FinalPlanIssued, amending, actor, now);
        await steps.NotifyFamilyAsync(plan, actor,
            $"{childAccess.Child.KnownAs}'s {plan.Rule.Name} is {plan.AgreedWord()}. Its provision is now tracked, and it is due to be reviewed by {UkDates.Date(plan.ReviewBy!.Value)}",
            $"{childAccess.Child.KnownAs}'s {plan.Rule.Name} is {plan.AgreedWord()}");
        if (!await db.TrySaveAsync())
        {
            return new PlanChangedMeanwhile();
        }

        await signals.RefreshAfterChangeAsync(plan.ChildId);
        return plan;
    }

    /// <summary>
    /// At a review's agreement, the provision that changed or was taken out ends: what was delivered stays with it, and
    /// a changed line becomes a new commitment in its place.
    /// </summary>
    private async Task EndReplacedProvisionAsync(ChildAccess childAccess, SupportPlan plan, UserActor actor, DateTime now, DateOnly today)
    {
        var kept = plan.Lines.Where(l => l.Kind == PlanLineKind.Provision && l.CommitmentId is not null && !l.ChangedSinceAgreed).Select(l => l.CommitmentId!.Value).ToHashSet();
        var ending = await db.Commitments.Where(c => c.PlanId == plan.Id
            && (c.Status == CommitmentStatus.Proposed || c.Status == CommitmentStatus.Agreed || c.Status == CommitmentStatus.Active)).ToListAsync();
        foreach (var commitment in ending.Where(c => !kept.Contains(c.Id)))
        {
            var to = commitment.Status == CommitmentStatus.Active ? CommitmentStatus.Completed : CommitmentStatus.Withdrawn;
            var reason = $"Replaced at the review, in version {plan.Number} of the {plan.Rule.Name}";
            if (commitment.ChangeStatus(to, reason, actor.UserId, actor.Name, now, today) is { } change)
            {
                db.CommitmentStatusChanges.Add(change);
                db.AuditEvents.Add(CommitmentSteps.ChildEvent(actor, childAccess, commitment, now, Audit.AuditActions.CommitmentStatusChanged,
                    $"Marked the commitment \"{commitment.What}\" as {to.ToDisplayName().ToLowerInvariant()}: {reason}"));
            }
        }
    }
}
