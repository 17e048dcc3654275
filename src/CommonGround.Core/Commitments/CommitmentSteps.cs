using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Concerns;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Commitments;

/// <summary>
/// What the steps on a commitment share: loading it for its owner (or refusing, with the reason), the save that
/// reports a lost race and then brings the child's early warnings up to date, who in the family is told, and the
/// audit event.
/// </summary>
public sealed class CommitmentSteps(CommonGroundDbContext db, AccessService access, CommitmentService commitments, AttentionSignals signals)
{
    /// <summary>The family's accounts that see the commitment, apart from the person acting.</summary>
    public async Task<IReadOnlyList<Guid>> FamilyWhoSeeAsync(Commitment commitment, UserActor actor)
    {
        var family = await db.FamilyMembers.Where(f => f.ChildId == commitment.ChildId && f.UserAccountId != actor.UserId).Select(f => f.UserAccountId).ToListAsync();
        var seeing = new List<Guid>();
        foreach (var userId in family)
        {
            if (await access.GetAsync(commitment.ChildId, userId) is { } familyAccess && familyAccess.CanSeeCommitment(commitment.RecordArea))
            {
                seeing.Add(userId);
            }
        }

        return seeing;
    }

    public async Task<Result<Commitment>> LoadForOwnerAsync(ChildAccess childAccess, Guid commitmentId, UserActor actor)
    {
        if (!childAccess.Can(Capability.RecordCommitment, RecordArea.Commitments))
        {
            return new NotAllowedForCommitments();
        }

        var commitment = await db.Commitments.VisibleTo(childAccess).SingleOrDefaultAsync(c => c.Id == commitmentId);
        if (commitment is null)
        {
            return new CommitmentNotFound();
        }

        return await commitments.MayChangeAsync(commitment, actor.UserId)
            ? commitment
            : (Result<Commitment>)new OnlyOwnerChangesCommitment(commitment.OwnerName);
    }

    /// <summary>
    /// Saves (with <paramref name="trySave"/> when the change needs more than the unit of work, as a delivery's totals
    /// do), or reports that someone else changed the same record first; nothing is written then. The child's early
    /// warnings of <paramref name="rules"/> are then worked out again.
    /// </summary>
    public async Task<Result<T>> SaveAsync<T>(Guid childId, T changed, Error changedMeanwhile, Func<Task<bool>>? trySave = null, AttentionRules rules = AttentionRules.All)
    {
        if (!await (trySave is null ? db.TrySaveAsync() : trySave()))
        {
            return changedMeanwhile;
        }

        await signals.RefreshAfterChangeAsync(childId, rules);
        return changed;
    }

    /// <summary>"Recorded a commitment", as the child's history reads it, whoever records it.</summary>
    public static AuditEvent Added(Actor actor, Commitment commitment, DateTime now) =>
        AuditEvent.ForChild(actor, commitment.ChildId, commitment.AreaId, now, new ChildChange(AuditActions.CommitmentAdded, RecordArea.Commitments,
            $"Recorded a commitment: {commitment.What}, owned by {commitment.OwnerName} ({commitment.OwnerOrganisationName})", new ChangeSubject.Commitment(commitment.Id)));

    public static AuditEvent ChildEvent(UserActor actor, ChildAccess childAccess, Commitment commitment, DateTime now, string action, string summary) =>
        AuditEvent.ForChild(actor, childAccess.Child.Id, childAccess.Child.AreaId, now, new ChildChange(action, RecordArea.Commitments, summary, new ChangeSubject.Commitment(commitment.Id)));
}
