using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Team;

public sealed record AskForAccessOptions(RecordArea Area, string Reason, Func<Guid, string> AnswerLinkFor);

public sealed class AccessRequestService(CommonGroundDbContext db, EmailOutbox outbox, TimeProvider timeProvider)
{
    public Task<List<AccessRequest>> ListPendingAsync(Guid childId) =>
        db.AccessRequests.Where(r => r.ChildId == childId && r.Status == AccessRequestStatus.Pending).OrderBy(r => r.RequestedAt).ToListAsync();

    /// <summary>A team member asks; the family is told by email, without saying anything about the child beyond their name.</summary>
    public async Task<Result<AccessRequest>> AskAsync(ChildAccess childAccess, AskForAccessOptions options, UserActor actor)
    {
        if (childAccess.TeamMemberId is not { } memberId)
        {
            return new NotATeamMember();
        }

        if (childAccess.SharedAreas.Contains(options.Area))
        {
            return new AlreadyShared();
        }

        if (await db.AccessRequests.AnyAsync(r => r.TeamMemberId == memberId && r.Area == options.Area && r.Status == AccessRequestStatus.Pending))
        {
            return new AccessRequestPending();
        }

        var now = timeProvider.UtcNow();
        var child = childAccess.Child;
        var request = new AccessRequest
        {
            ChildId = child.Id,
            TeamMemberId = memberId,
            Area = options.Area,
            Reason = options.Reason.Trim(),
            RequestedByUserId = actor.UserId,
            RequestedByName = actor.Name,
            RequestedAt = now,
        };
        db.AccessRequests.Add(request);
        db.AuditEvents.Add(AuditEvent.ForChild(actor, child.Id, child.AreaId, now, new ChildChange(AuditActions.AccessRequested, null, $"Asked to see {options.Area.ToDisplayName()}", new ChangeSubject.Team())));
        var family = await db.FamilyMembers.Where(f => f.ChildId == child.Id && f.Relationship != FamilyRelationship.OtherCarer)
            .Select(f => new { f.UserAccount!.Email, f.UserAccount.DisplayName }).ToListAsync();
        foreach (var member in family.Where(f => f.Email is not null))
        {
            outbox.Enqueue(member.Email!, member.DisplayName, $"{actor.Name} has asked to see part of {child.KnownAs}'s record",
                $"""
                Hello {member.DisplayName},

                {actor.Name}, on {child.KnownAs}'s team, has asked to see the "{options.Area.ToDisplayName()}" part of the record. It is your decision.

                To answer, open this link:
                {options.AnswerLinkFor(child.Id)}

                CommonGround
                """);
        }

        await db.SaveChangesAsync();
        return request;
    }

    /// <summary>The family grants (sharing the area from today) or declines.</summary>
    public async Task<Result<AccessRequest>> AnswerAsync(ChildAccess childAccess, Guid requestId, bool grant, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        if (!childAccess.Can(Capability.ManageConsent))
        {
            return new NotAllowedForSharing();
        }

        var request = await db.AccessRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.ChildId == childId && r.Status == AccessRequestStatus.Pending);
        var member = request is null ? null : await db.TeamMembers.SingleOrDefaultAsync(t => t.Id == request.TeamMemberId && t.LeftAt == null);
        if (request is null || member is null)
        {
            return new AccessRequestNotFound();
        }

        var now = timeProvider.UtcNow();
        request.Answer(grant, actor.UserId, now);
        if (grant)
        {
            db.SharingConsents.Add(new SharingConsent
            {
                TeamMemberId = member.Id,
                ChildId = childId,
                Area = request.Area,
                From = timeProvider.TodayInUk(),
                GrantedByUserId = actor.UserId,
                GrantedAt = now,
            });
        }

        db.AuditEvents.Add(AuditEvent.ForChild(actor, childId, childAccess.Child.AreaId, now, new ChildChange(grant ? AuditActions.SharingChanged : AuditActions.AccessRequestDeclined, null, $"{(grant ? "Agreed to share" : "Declined to share")} {request.Area.ToDisplayName()} with {request.RequestedByName}", new ChangeSubject.Team())));
        return await db.TrySaveAsync() ? request : new AccessRequestChangedMeanwhile();
    }
}
