using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Children;

/// <summary>A family member other than the young person, and what the young person lets them see (every area until they decide).</summary>
public sealed record FamilyMemberSharing(FamilyMember Member, string Name, IReadOnlySet<RecordArea> Areas, FamilySharingDecision? Latest);

public sealed record SetFamilySharingOptions(Guid FamilyMemberId, IReadOnlyCollection<RecordArea> Areas, Func<Guid, string> RecordLinkFor);

/// <summary>From 16, a young person with their own place decides what their parent carers and other carers see.</summary>
public sealed class FamilySharingService(CommonGroundDbContext db, EmailOutbox outbox, TimeProvider timeProvider)
{
    /// <summary>The child's family and what each sees, young person first.</summary>
    public async Task<IReadOnlyList<FamilyMemberSharing>> ListAsync(ChildAccess childAccess)
    {
        var childId = childAccess.Child.Id;
        var family = await db.FamilyMembers.Include(f => f.UserAccount).Where(f => f.ChildId == childId).OrderBy(f => f.JoinedAt).ToListAsync();
        var decisions = await db.FamilySharingDecisions.Where(d => d.ChildId == childId).ToListAsync();
        return family
            .OrderBy(f => f.Relationship != FamilyRelationship.YoungPerson)
            .Select(f =>
            {
                var latest = decisions.Where(d => d.FamilyMemberId == f.Id).OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).FirstOrDefault();
                return new FamilyMemberSharing(f, f.UserAccount!.DisplayName, FamilySharingDecision.AreasSeenBy(f.Relationship, childAccess.Relationship.YoungPersonDecides, latest), latest);
            })
            .ToList();
    }

    /// <summary>Every decision the young person made about one family member, newest first.</summary>
    public Task<List<FamilySharingDecision>> HistoryAsync(Guid childId, Guid familyMemberId) =>
        db.FamilySharingDecisions.Where(d => d.ChildId == childId && d.FamilyMemberId == familyMemberId)
            .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).ToListAsync();

    /// <summary>Records the young person's decision; it takes effect on the family member's next page.</summary>
    public async Task<Result<FamilySharingDecision>> SetAsync(ChildAccess childAccess, SetFamilySharingOptions options, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        if (childAccess.Relationship is not { Kind: RelationshipKind.YoungPerson, YoungPersonDecides: true })
        {
            return new OnlyTheYoungPersonDecides();
        }

        var member = await db.FamilyMembers.Include(f => f.UserAccount)
            .SingleOrDefaultAsync(f => f.Id == options.FamilyMemberId && f.ChildId == childId && f.Relationship != FamilyRelationship.YoungPerson);
        if (member is null)
        {
            return new FamilyMemberNotFound();
        }

        var child = childAccess.Child;
        var now = timeProvider.UtcNow();
        var decision = new FamilySharingDecision
        {
            ChildId = child.Id,
            FamilyMemberId = member.Id,
            Areas = RecordAreas.Format(options.Areas),
            DecidedByUserId = actor.UserId,
            DecidedByName = actor.Name,
            DecidedAt = now,
        };
        db.FamilySharingDecisions.Add(decision);
        var name = member.UserAccount!.DisplayName;
        var summary = options.Areas.Count == RecordAreas.All.Count ? $"Now sharing the whole record with {name}"
            : options.Areas.Count == 0 ? $"Stopped sharing the record with {name}"
            : $"Now sharing {RecordAreas.Describe(options.Areas)} with {name}";
        db.AuditEvents.Add(AuditEvent.ForChild(actor, child.Id, child.AreaId, now, new ChildChange(AuditActions.FamilySharingChanged, null, summary, new ChangeSubject.Team())));
        // No detail of what was kept back: only that something changed, and where to look.
        outbox.Enqueue(member.UserAccount.Email!, name, $"{child.KnownAs} has changed what you can see on their record",
            $"""
            Hello {name},

            {child.KnownAs} is 16 or over, so they decide who sees their record on CommonGround. They have changed what you can see.

            You can see what they share with you on their record:
            {options.RecordLinkFor(child.Id)}

            CommonGround
            """);
        await db.SaveChangesAsync();
        return decision;
    }
}
