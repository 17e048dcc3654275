using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Concerns;

/// <summary>A disputed delivery record is a concern on the same response clock, owned by the commitment's owner, and is resolved with the answer to the dispute.</summary>
public sealed class ConcernDisputes(CommonGroundDbContext db, ConcernService concerns, Notifier notifier, TimeProvider timeProvider)
{
    /// <summary>
    /// Adds a concern for a disputed delivery record to the unit of work, owned by the commitment's owner, so the dispute
    /// is on the same response clock as any other concern. Saved with the dispute.
    /// </summary>
    public async Task StageForDisputeAsync(Child child, Commitment commitment, DeliveryRecord record, string comment, UserActor actor)
    {
        var now = timeProvider.UtcNow();
        var standard = await concerns.StandardForAsync(commitment.OwnerOrganisationId);
        var startsOn = ConcernClock.StartsOn(now, ConcernService.Calendar);
        var concern = new Concern
        {
            ChildId = child.Id,
            AreaId = child.AreaId,
            Topic = $"Disputed delivery record: {commitment.What}".ShortenTo(Concern.MaxTopicLength),
            About = commitment.RecordArea.ToRecordArea(),
            WhatIsHappening = $"The delivery record for {UkDates.Date(record.Date)} is not right: {comment}",
            Urgency = ConcernUrgency.Standard,
            RaisedAt = now,
            RaisedByUserId = actor.UserId,
            RaisedByName = actor.Name,
            RaisedByFamily = true,
            CommitmentId = commitment.Id,
            DeliveryRecordId = record.Id,
            OwnerOrganisationId = commitment.OwnerOrganisationId,
            OwnerOrganisationName = commitment.OwnerOrganisationName,
            OwnerProfessionalId = commitment.OwnerProfessionalId,
            OwnerName = commitment.OwnerName,
            ClockStartsOn = startsOn,
            AcknowledgeBy = ConcernClock.DueOn(startsOn, standard.AcknowledgeWorkingDays, ConcernService.Calendar),
            RespondBy = ConcernClock.DueOn(startsOn, standard.RespondWorkingDays, ConcernService.Calendar),
        };
        db.Concerns.Add(concern);
        db.ConcernUpdates.Add(concern.Raise(actor.UserId, actor.Name, true));
        db.AuditEvents.Add(ConcernService.ChildEvent(actor, child, concern, now, AuditActions.ConcernRaised, $"Raised a concern about a disputed delivery record, for {commitment.OwnerName} to answer"));
        if (await concerns.ActiveUserIdAsync(commitment.OwnerProfessionalId) is { } ownerUserId && ownerUserId != actor.UserId)
        {
            await notifier.NotifyAsync(ownerUserId, NotificationKind.Commitments,
                $"{child.KnownAs}'s family disputed a delivery record for \"{commitment.What}\"",
                $"{child.KnownAs}'s family disputed a delivery record for a commitment you own",
                ChildLinks.Concern(child.Id, concern.Id), child.Id, area: RecordArea.Concerns, about: concern.About);
        }
    }

    /// <summary>
    /// Adds a concern for a plan's answer to a recommendation the family disagrees with, owned by the plan's author (or,
    /// if they have left, their organisation), on the same response clock as any other concern. Saved with the dispute.
    /// </summary>
    public async Task<Concern> StageForRecommendationAsync(Child child, Plans.SupportPlan plan, Advice.AdviceRequest advice, Advice.Recommendation recommendation,
        string comment, UserActor actor)
    {
        var now = timeProvider.UtcNow();
        var standard = await concerns.StandardForAsync(plan.OrganisationId);
        var startsOn = ConcernClock.StartsOn(now, ConcernService.Calendar);
        var author = await db.Professionals.AsNoTracking()
            .Where(p => p.UserAccountId == plan.AuthorUserId && p.OrganisationId == plan.OrganisationId && p.DeactivatedAt == null)
            .Select(p => (Guid?)p.Id).SingleOrDefaultAsync();
        var concern = new Concern
        {
            ChildId = child.Id,
            AreaId = child.AreaId,
            Topic = $"What the plan does with a recommendation: {recommendation.Text}".ShortenTo(Concern.MaxTopicLength),
            About = advice.Part,
            WhatIsHappening = $"{advice.AdviserName} ({advice.AdviserOrganisationName}) recommended \"{recommendation.Text}\". We disagree with what the {plan.Rule.Name} does with it: {comment}",
            Urgency = ConcernUrgency.Standard,
            RaisedAt = now,
            RaisedByUserId = actor.UserId,
            RaisedByName = actor.Name,
            RaisedByFamily = true,
            OwnerOrganisationId = plan.OrganisationId,
            OwnerOrganisationName = plan.OrganisationName,
            OwnerProfessionalId = author,
            OwnerName = author is null ? null : plan.AuthorName,
            ClockStartsOn = startsOn,
            AcknowledgeBy = ConcernClock.DueOn(startsOn, standard.AcknowledgeWorkingDays, ConcernService.Calendar),
            RespondBy = ConcernClock.DueOn(startsOn, standard.RespondWorkingDays, ConcernService.Calendar),
        };
        db.Concerns.Add(concern);
        db.ConcernUpdates.Add(concern.Raise(actor.UserId, actor.Name, true));
        db.AuditEvents.Add(ConcernService.ChildEvent(actor, child, concern, now, AuditActions.ConcernRaised,
            $"Raised a concern about what the {plan.Rule.Name} does with a recommendation, for {(author is null ? plan.OrganisationName : plan.AuthorName)} to answer"));
        if (author is not null && plan.AuthorUserId != actor.UserId)
        {
            await notifier.NotifyAsync(plan.AuthorUserId, NotificationKind.ConcernRaised,
                $"{child.KnownAs}'s family disagree with what the {plan.Rule.Name} does with a recommendation from {advice.AdviserName}",
                $"{child.KnownAs}'s family disagree with what the plan does with a recommendation",
                ChildLinks.Concern(child.Id, concern.Id), child.Id, area: RecordArea.Concerns, about: concern.About);
        }

        return concern;
    }

    /// <summary>When a dispute is answered, its concern is resolved with the answer: "you said" is the family's comment.</summary>
    public async Task StageDisputeAnswerAsync(Guid deliveryId, string familyComment, string resolution, Child child, UserActor actor)
    {
        var concern = await db.Concerns.SingleOrDefaultAsync(c => c.DeliveryRecordId == deliveryId && c.Status != ConcernStatus.Closed && c.Status != ConcernStatus.Resolved);
        if (concern is null)
        {
            return;
        }

        var now = timeProvider.UtcNow();
        if (concern.Resolve(familyComment, resolution, actor.UserId, actor.Name, now) is { } update)
        {
            db.ConcernUpdates.Add(update);
            db.AuditEvents.Add(ConcernService.ChildEvent(actor, child, concern, now, AuditActions.ConcernResolved, "Resolved the concern about a disputed delivery record by answering the dispute"));
            await concerns.NotifyRaiserAsync(concern, child, actor, $"{actor.Name} answered your dispute about {child.KnownAs}'s delivery record: tell them if it is resolved",
                $"{actor.Name} says your concern about {child.KnownAs} is resolved: tell them if it is");
        }
    }
}
