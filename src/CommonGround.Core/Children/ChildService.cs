using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Children;

public sealed record AddChildOptions(Guid AreaId, string FirstName, string LastName, string? PreferredName, DateOnly DateOfBirth, FamilyRelationship Relationship);

public sealed record InviteFamilyMemberOptions(string Name, string Email, FamilyRelationship Relationship, Func<string, string> AcceptLinkFor);

public sealed class ChildService(CommonGroundDbContext db, EmailOutbox outbox, TimeProvider timeProvider)
{
    /// <summary>The children whose family the person belongs to.</summary>
    public Task<List<Child>> ListFamilyChildrenAsync(Guid userId) =>
        db.Children.Where(c => c.FamilyMembers.Any(f => f.UserAccountId == userId))
            .OrderBy(c => c.DateOfBirth)
            .ToListAsync();

    /// <summary>A parent carer or young person starts a child's record; they become its first family member.</summary>
    public async Task<Result<Child>> AddChildAsync(AddChildOptions options, UserActor actor)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == actor.UserId);
        if (user is not { Kind: AccountKind.Family })
        {
            return new OnlyFamiliesAddChildren();
        }

        if (!await db.Areas.AnyAsync(a => a.Id == options.AreaId))
        {
            return new ChildAreaNotFound();
        }

        var today = timeProvider.TodayInUk();
        var now = timeProvider.UtcNow();
        var child = new Child
        {
            AreaId = options.AreaId,
            FirstName = options.FirstName.Trim(),
            LastName = options.LastName.Trim(),
            PreferredName = string.IsNullOrWhiteSpace(options.PreferredName) ? null : options.PreferredName.Trim(),
            DateOfBirth = options.DateOfBirth,
            CreatedAt = now,
        };
        if (options.DateOfBirth > today)
        {
            return new DateOfBirthInFuture();
        }

        if (child.AgeOn(today) > 25)
        {
            return new TooOldForSend();
        }

        if (options.Relationship == FamilyRelationship.YoungPerson && child.AgeOn(today) < 16)
        {
            return new TooYoungForOwnAccount();
        }

        db.Children.Add(child);
        db.FamilyMembers.Add(new FamilyMember { ChildId = child.Id, UserAccountId = user.Id, Relationship = options.Relationship, JoinedAt = now });
        db.AuditEvents.Add(AuditEvent.ForChild(actor, child.Id, options.AreaId, now, new ChildChange(AuditActions.ChildAdded, null, "Started a child's record", new ChangeSubject.WholeRecord())));
        await db.SaveChangesAsync();
        return child;
    }

    /// <summary>A family member invites someone else in the family (a second parent carer, or the young person) to the record.</summary>
    public async Task<Result<Invitation>> InviteFamilyMemberAsync(ChildAccess childAccess, InviteFamilyMemberOptions options, UserActor actor)
    {
        // Only the child's own family can invite to it; for anyone else the record does not exist.
        if (!childAccess.IsFamily)
        {
            return new ChildNotFound();
        }

        var child = childAccess.Child;
        var email = options.Email.Trim();
        var normalised = email.ToUpperInvariant();
        var existing = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalised);
        if (existing is not null && existing.Kind != AccountKind.Family)
        {
            return new StaffEmailForFamily();
        }

        if (existing is not null && await db.FamilyMembers.AnyAsync(f => f.ChildId == child.Id && f.UserAccountId == existing.Id))
        {
            return new AlreadyInFamily();
        }

        var now = timeProvider.UtcNow();
        if (await db.Invitations.Where(Invitation.PendingAt(now)).AnyAsync(i => i.ChildId == child.Id && i.Email == email))
        {
            return new FamilyInvitationPending();
        }

        if (options.Relationship == FamilyRelationship.YoungPerson)
        {
            if (child.AgeOn(timeProvider.TodayInUk()) < 16)
            {
                return new YoungPersonNotYet16();
            }

            if (await db.FamilyMembers.AnyAsync(f => f.ChildId == child.Id && f.Relationship == FamilyRelationship.YoungPerson))
            {
                return new YoungPersonAlreadyJoined();
            }
        }

        var token = Invitation.NewToken();
        var invitation = new Invitation
        {
            Kind = InvitationKind.Family,
            Email = email,
            DisplayName = options.Name.Trim(),
            AreaId = child.AreaId,
            ChildId = child.Id,
            Relationship = options.Relationship,
            TokenHash = Invitation.HashToken(token),
            InvitedByUserId = actor.UserId,
            CreatedAt = now,
            ExpiresAt = now + Invitation.Lifetime,
        };
        db.Invitations.Add(invitation);
        db.AuditEvents.Add(AuditEvent.ForChild(actor, child.Id, child.AreaId, now, new ChildChange(AuditActions.FamilyMemberInvited, null, $"Invited {invitation.DisplayName} to join the family on the record", new ChangeSubject.Team())));
        var whose = options.Relationship == FamilyRelationship.YoungPerson ? "your own record" : $"{child.KnownAs}'s record";
        outbox.Enqueue(email, invitation.DisplayName, $"{actor.Name} has invited you to CommonGround",
            $"""
            Hello {invitation.DisplayName},

            {actor.Name} has invited you to join {whose} on CommonGround, where your family and the people who support {(options.Relationship == FamilyRelationship.YoungPerson ? "you" : child.KnownAs)} work together.

            To accept, open this link:
            {options.AcceptLinkFor(token)}

            The link works once and expires in 7 days. If you were not expecting this email, you can ignore it.

            CommonGround
            """);
        await db.SaveChangesAsync();
        return invitation;
    }

    /// <summary>Invitations to join the child's family that are still waiting to be accepted, newest first.</summary>
    public async Task<IReadOnlyList<Invitation>> PendingFamilyInvitationsAsync(Guid childId)
    {
        var now = timeProvider.UtcNow();
        return await db.Invitations.AsNoTracking().Where(Invitation.PendingAt(now))
            .Where(i => i.Kind == InvitationKind.Family && i.ChildId == childId)
            .OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync();
    }

    /// <summary>Withdraws an invitation to the family that was not yet accepted: the link in its email stops working at once.</summary>
    public async Task<Result<Invitation>> WithdrawFamilyInvitationAsync(ChildAccess childAccess, Guid invitationId, UserActor actor)
    {
        var now = timeProvider.UtcNow();
        var child = childAccess.Child;
        var invitation = childAccess.IsFamily
            ? await db.Invitations.Where(Invitation.PendingAt(now)).SingleOrDefaultAsync(i => i.Id == invitationId && i.Kind == InvitationKind.Family && i.ChildId == child.Id)
            : null;
        if (invitation is null)
        {
            return new FamilyInvitationNotPending();
        }

        invitation.Revoke(now);
        db.AuditEvents.Add(AuditEvent.ForChild(actor, child.Id, child.AreaId, now, new ChildChange(AuditActions.FamilyInvitationWithdrawn, null,
            $"Withdrew the invitation to {invitation.DisplayName} to join the family on the record", new ChangeSubject.Team())));
        await db.SaveChangesAsync();
        return invitation;
    }
}
