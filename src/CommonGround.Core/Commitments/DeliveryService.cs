using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Concerns;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Commitments;

public sealed record RecordDeliveryOptions(
    Guid CommitmentId, DateOnly Date, bool Delivered, decimal? Quantity, int? DurationMinutes, string? DeliveredBy, MissedReason? MissedReason, string? Note);


/// <summary>Proof that provision happened: the owner records each delivery, the family confirms or disputes it, and the owner answers a dispute.</summary>
public sealed class DeliveryService(CommonGroundDbContext db, CommitmentSteps steps, Notifier notifier, ConcernDisputes disputes, TimeProvider timeProvider)
{
    public async Task<Result<DeliveryRecord>> RecordDeliveryAsync(ChildAccess childAccess, RecordDeliveryOptions options, UserActor actor)
    {
        if (!childAccess.Can(Capability.RecordDelivery, RecordArea.Commitments))
        {
            return new NotAllowedForDelivery();
        }

        var commitment = await db.Commitments.VisibleTo(childAccess).SingleOrDefaultAsync(c => c.Id == options.CommitmentId);
        if (commitment is null)
        {
            return new CommitmentNotFound();
        }

        var now = timeProvider.UtcNow();
        var recorded = commitment.RecordDelivery(options, actor, timeProvider.TodayInUk(), now);
        if (recorded.Value is not { } record)
        {
            return recorded.Error!;
        }

        db.DeliveryRecords.Add(record);
        db.AuditEvents.Add(CommitmentSteps.ChildEvent(actor, childAccess, commitment, now, AuditActions.DeliveryRecorded,
            options.Delivered ? $"Recorded a delivery of \"{commitment.What}\"" : $"Recorded that \"{commitment.What}\" was missed"));
        foreach (var familyUserId in await steps.FamilyWhoSeeAsync(commitment, actor))
        {
            await notifier.NotifyAsync(familyUserId, NotificationKind.Commitments,
                options.Delivered ? $"A new delivery was recorded for {childAccess.Child.KnownAs}'s {commitment.What}" : $"A missed session was recorded for {childAccess.Child.KnownAs}'s {commitment.What}",
                options.Delivered ? $"A new delivery was recorded for one of {childAccess.Child.KnownAs}'s commitments" : $"A missed session was recorded for one of {childAccess.Child.KnownAs}'s commitments",
                ChildLinks.Commitment(commitment.ChildId, commitment.Id), commitment.ChildId,
                area: RecordArea.Commitments, about: commitment.RecordArea.AlsoBelongsTo());
        }

        // A delivery recorded moves only its commitment's standing; a dispute or its answer is a concern too, so those
        // below refresh everything.
        return await SaveAsync(record, before: default, AttentionRules.Commitments);
    }

    /// <summary>The family confirms a delivery record, or disputes it; a dispute is flagged to the commitment's owner.</summary>
    public async Task<Result<DeliveryRecord>> RespondToDeliveryAsync(ChildAccess childAccess, Guid deliveryId, FamilyResponse response, string? comment, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        if (!childAccess.IsFamily || !childAccess.CanSee(RecordArea.Commitments))
        {
            return new OnlyFamilyResponds();
        }

        var record = await db.DeliveryRecords.Where(d => db.Commitments.VisibleTo(childAccess).Any(c => c.Id == d.CommitmentId))
            .SingleOrDefaultAsync(d => d.Id == deliveryId && d.ChildId == childId);
        if (record is null)
        {
            return new DeliveryNotFound();
        }

        if (response == FamilyResponse.Disputed && string.IsNullOrWhiteSpace(comment))
        {
            return new DisputeCommentMissing();
        }

        if (comment?.Trim().Length > DeliveryRecord.MaxNoteLength)
        {
            return new TextTooLong("Comment", DeliveryRecord.MaxNoteLength);
        }

        var now = timeProvider.UtcNow();
        var commitment = await db.Commitments.SingleAsync(c => c.Id == record.CommitmentId);
        var before = record.Tally;
        record.Respond(response, comment, actor.Name, now);
        var disputed = response == FamilyResponse.Disputed;
        db.AuditEvents.Add(CommitmentSteps.ChildEvent(actor, childAccess, commitment, now, disputed ? AuditActions.DeliveryDisputed : AuditActions.DeliveryConfirmed,
            $"{(disputed ? "Disputed" : "Confirmed")} the record for {UkDates.Date(record.Date)} of \"{commitment.What}\""));
        if (disputed)
        {
            // A dispute is a concern like any other: owned by the commitment's owner and on the same response clock.
            await disputes.StageForDisputeAsync(childAccess.Child, commitment, record, comment!.Trim(), actor);
        }

        return await SaveAsync(record, before);
    }

    public async Task<Result<DeliveryRecord>> ResolveDisputeAsync(ChildAccess childAccess, Guid deliveryId, string? resolution, bool setAside, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        var record = await db.DeliveryRecords.SingleOrDefaultAsync(d => d.Id == deliveryId && d.ChildId == childId);
        if (record is null)
        {
            return new DeliveryNotFound();
        }

        var loaded = await steps.LoadForOwnerAsync(childAccess, record.CommitmentId, actor);
        if (loaded.Value is not { } commitment)
        {
            return loaded.Error!;
        }

        if (!record.IsDisputeOpen)
        {
            return new NoOpenDispute();
        }

        if (string.IsNullOrWhiteSpace(resolution))
        {
            return new ResolutionMissing();
        }

        if (resolution.Trim().Length > DeliveryRecord.MaxNoteLength)
        {
            return new TextTooLong("Resolution", DeliveryRecord.MaxNoteLength);
        }

        var now = timeProvider.UtcNow();
        var before = record.Tally;
        record.ResolveDispute(resolution, setAside, actor.Name, now);
        await disputes.StageDisputeAnswerAsync(record.Id, record.FamilyComment ?? "", resolution.Trim(), childAccess.Child, actor);
        db.AuditEvents.Add(CommitmentSteps.ChildEvent(actor, childAccess, commitment, now, AuditActions.DeliveryDisputeResolved,
            $"Answered the dispute about {UkDates.Date(record.Date)} for \"{commitment.What}\"{(setAside ? "; the record no longer counts" : "")}"));
        return await SaveAsync(record, before);
    }

    /// <summary>Saves the change with its commitment's totals (see <see cref="DeliveryTotals"/>), then brings the child's early warnings up to date.</summary>
    private Task<Result<DeliveryRecord>> SaveAsync(DeliveryRecord record, DeliveryTally before, AttentionRules rules = AttentionRules.All) =>
        steps.SaveAsync(record.ChildId, record, new DeliveryChangedMeanwhile(), () => DeliveryTotals.TrySaveAsync(db, record, before), rules);
}
