using CommonGround.Core.Attention;
using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Team;

/// <param name="TransitionPackLink">For someone from the setting the child is moving to: where their transition pack is, once they join.</param>
public sealed record InviteToTeamOptions(string Name, string Email, string Role, IReadOnlyCollection<RecordArea> Areas, DateOnly? From, DateOnly? Until, Func<string, string> AcceptLinkFor,
    string? TransitionPackLink = null);

/// <summary>What a team member may see: <paramref name="From"/> empty means from now, <paramref name="Until"/> empty means until changed.</summary>
public sealed record SetSharingOptions(Guid TeamMemberId, IReadOnlyCollection<RecordArea> Areas, DateOnly? From, DateOnly? Until);

public sealed class TeamService(CommonGroundDbContext db, EmailOutbox outbox, KeyWorkerHandover handover, HandoverService handovers, AttentionSignals signals, TimeProvider timeProvider)
{
    /// <summary>The child's active team, key worker first, to show or to choose from; changes load what they change themselves.</summary>
    public Task<List<TeamMember>> ListTeamAsync(Guid childId) => ActiveTeam(childId).ToListAsync();

    /// <summary>The child's active team with every sharing decision about each place, for the page that shows and changes them.</summary>
    public Task<List<TeamMember>> ListTeamWithSharingAsync(Guid childId) => ActiveTeam(childId).Include(t => t.Consents).ToListAsync();

    // Read without tracking: most child pages show the team, and none changes what it shows.
    private IQueryable<TeamMember> ActiveTeam(Guid childId) =>
        db.TeamMembers.AsNoTracking().Where(t => t.ChildId == childId && t.LeftAt == null)
            .Include(t => t.Professional!).ThenInclude(p => p.UserAccount)
            .Include(t => t.Professional!).ThenInclude(p => p.Organisation)
            .OrderByDescending(t => t.IsKeyWorker).ThenBy(t => t.JoinedAt);

    public async Task<Result<Invitation>> InviteAsync(ChildAccess childAccess, InviteToTeamOptions options, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        if (!childAccess.Can(Capability.ManageTeam))
        {
            return new NotAllowedForTeam();
        }

        if (options.Areas.Count == 0)
        {
            return new NoAreasChosen();
        }

        if (CheckDates(options.From, options.Until) is { } dateError)
        {
            return dateError;
        }

        var email = options.Email.Trim();
        var normalised = email.ToUpperInvariant();
        var account = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalised);
        if (account is not null && account.Kind != AccountKind.Professional)
        {
            return new NotAStaffEmail();
        }

        if (account is not null && await db.TeamMembers.AnyAsync(t => t.ChildId == childId && t.LeftAt == null && t.Professional!.UserAccountId == account.Id))
        {
            return new AlreadyOnTeam();
        }

        var now = timeProvider.UtcNow();
        if (await db.Invitations.Where(Invitation.PendingAt(now)).AnyAsync(i => i.Kind == InvitationKind.Team && i.ChildId == childId && i.Email == email))
        {
            return new TeamInvitationPending();
        }

        var child = childAccess.Child;
        var token = Invitation.NewToken();
        var invitation = new Invitation
        {
            Kind = InvitationKind.Team,
            Email = email,
            DisplayName = options.Name.Trim(),
            AreaId = child.AreaId,
            ChildId = child.Id,
            JobTitle = options.Role.Trim(),
            SharedAreas = RecordAreas.Format(options.Areas),
            ShareFrom = options.From,
            ShareUntil = options.Until,
            TokenHash = Invitation.HashToken(token),
            InvitedByUserId = actor.UserId,
            CreatedAt = now,
            ExpiresAt = now + Invitation.Lifetime,
        };
        db.Invitations.Add(invitation);
        db.AuditEvents.Add(AuditEvent.ForChild(actor, child.Id, child.AreaId, now, new ChildChange(AuditActions.TeamMemberInvited, null,
            $"Invited {invitation.DisplayName} to the team as {invitation.JobTitle}, sharing {string.Join(", ", options.Areas.Select(a => a.ToDisplayName()))}", new ChangeSubject.Team())));
        outbox.Enqueue(email, invitation.DisplayName, $"{actor.Name} has invited you to join {child.KnownAs}'s team on CommonGround",
            $"""
            Hello {invitation.DisplayName},

            {actor.Name} has invited you to join the team around {child.KnownAs} on CommonGround, as {invitation.JobTitle}.
            The family has chosen which parts of the record you can see.
            {(options.TransitionPackLink is { } pack ? $"""

            {child.KnownAs} is moving to your setting. Once you have joined, the transition pack is here: {child.KnownAs}'s
            one-page profile, current plan, what has been promised and how it is going, the last review and the key dates:
            {pack}
            """ : "")}

            To accept, open this link and sign in with your CommonGround staff account:
            {options.AcceptLinkFor(token)}

            The link works once and expires in 7 days. If you do not have a staff account yet, your organisation's admin can invite you.

            CommonGround
            """);
        await db.SaveChangesAsync();
        return invitation;
    }

    /// <summary>A signed-in professional, invited by email, takes their place on the team with the areas the family chose.</summary>
    public async Task<Result<TeamMember>> AcceptInvitationAsync(Invitation invitation, UserActor actor)
    {
        var now = timeProvider.UtcNow();
        if (invitation.Kind != InvitationKind.Team || invitation.StatusAt(now) != InvitationStatus.Pending)
        {
            return new InvitationAlreadyUsed();
        }

        var professional = await db.Professionals.Include(p => p.UserAccount).SingleOrDefaultAsync(p => p.UserAccountId == actor.UserId && p.DeactivatedAt == null);
        if (professional is null)
        {
            return new InvitationNeedsStaffAccount(invitation.Email);
        }

        if (!string.Equals(professional.UserAccount!.Email, invitation.Email, StringComparison.OrdinalIgnoreCase))
        {
            return new InvitationForAnotherStaffMember(invitation.Email);
        }

        if (await db.TeamMembers.AnyAsync(t => t.ChildId == invitation.ChildId && t.LeftAt == null && t.ProfessionalId == professional.Id))
        {
            return new AlreadyOnTeam();
        }

        var today = timeProvider.TodayInUk();
        var member = new TeamMember
        {
            ChildId = invitation.ChildId!.Value,
            ProfessionalId = professional.Id,
            AreaId = invitation.AreaId,
            Role = invitation.JobTitle!,
            JoinedAt = now,
            AddedByUserId = invitation.InvitedByUserId,
        };
        db.TeamMembers.Add(member);
        foreach (var area in RecordAreas.Parse(invitation.SharedAreas))
        {
            db.SharingConsents.Add(new SharingConsent
            {
                TeamMemberId = member.Id,
                ChildId = member.ChildId,
                Area = area,
                From = invitation.ShareFrom is { } from && from > today ? from : today,
                Until = invitation.ShareUntil,
                GrantedByUserId = invitation.InvitedByUserId,
                GrantedAt = now,
            });
        }

        invitation.Accept(professional.UserAccountId, now);
        db.AuditEvents.Add(AuditEvent.ForChild(actor, member.ChildId, invitation.AreaId, now, new ChildChange(AuditActions.TeamMemberJoined, null, $"{professional.UserAccount.DisplayName} joined the team as {member.Role}", new ChangeSubject.Team())));
        await db.SaveChangesAsync();
        await signals.RefreshAfterChangeAsync(member.ChildId);
        return member;
    }

    /// <summary>Changes what a team member can see. Unchanged decisions stand; changed ones are withdrawn and recorded anew.</summary>
    public async Task<Result<TeamMember>> SetSharingAsync(ChildAccess childAccess, SetSharingOptions options, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        if (!childAccess.Can(Capability.ManageConsent))
        {
            return new NotAllowedForSharing();
        }

        var member = await db.TeamMembers.Include(t => t.Consents).Include(t => t.Professional!).ThenInclude(p => p.UserAccount)
            .SingleOrDefaultAsync(t => t.Id == options.TeamMemberId && t.ChildId == childId && t.LeftAt == null);
        if (member is null)
        {
            return new TeamMemberNotFound();
        }

        if (CheckDates(options.From, options.Until) is { } dateError)
        {
            return dateError;
        }

        var today = timeProvider.TodayInUk();
        var now = timeProvider.UtcNow();
        var wanted = options.Areas.ToHashSet();
        // Current and future decisions; one that no longer matches what the family wants is withdrawn and made anew.
        var active = member.Consents.Where(c => c.WithdrawnAt is null && (c.Until is null || c.Until >= today)).ToList();
        foreach (var consent in active.Where(c => !wanted.Contains(c.Area) || c.Until != options.Until || (options.From is { } from && c.From != from)))
        {
            consent.Withdraw(actor.UserId, now);
        }

        var kept = active.Where(c => c.WithdrawnAt is null).Select(c => c.Area).ToHashSet();
        foreach (var area in wanted.Except(kept))
        {
            db.SharingConsents.Add(new SharingConsent
            {
                TeamMemberId = member.Id,
                ChildId = member.ChildId,
                Area = area,
                From = options.From ?? today,
                Until = options.Until,
                GrantedByUserId = actor.UserId,
                GrantedAt = now,
            });
        }

        var summary = wanted.Count == 0
            ? $"Stopped sharing the record with {member.Professional!.UserAccount!.DisplayName}"
            : $"Now sharing {string.Join(", ", wanted.Order().Select(a => a.ToDisplayName()))} with {member.Professional!.UserAccount!.DisplayName}{(options.From is { } start ? $" from {UkDates.Date(start)}" : "")}{(options.Until is { } date ? $" until {UkDates.Date(date)}" : "")}";
        db.AuditEvents.Add(AuditEvent.ForChild(actor, member.ChildId, member.AreaId, now, new ChildChange(AuditActions.SharingChanged, null, summary, new ChangeSubject.Team())));
        // Another change to this place's sharing saved since it was read would be lost under this one (SharingKept).
        if (!await db.TrySaveAsync())
        {
            return new SharingChangedMeanwhile();
        }

        await signals.RefreshAfterChangeAsync(member.ChildId);
        return member;
    }

    /// <summary>
    /// Takes someone off the team: what they own for the child goes first to whoever <paramref name="choices"/> names
    /// (nothing changes while anything is left without an owner), then their place ends and every area shared with
    /// them is withdrawn. When they were the key worker and nobody took it on, a team lead stands in and the family and
    /// the team leads are told so a new one is chosen.
    /// </summary>
    public async Task<Result<TeamMember>> RemoveAsync(ChildAccess childAccess, Guid teamMemberId, IReadOnlyDictionary<Guid, string> choices, string? everyone,
        Func<Guid, string> teamPageFor, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        if (!childAccess.Can(Capability.ManageTeam))
        {
            return new NotAllowedForTeam();
        }

        var member = await db.TeamMembers.Include(t => t.Consents).Include(t => t.Professional!).ThenInclude(p => p.UserAccount)
            .SingleOrDefaultAsync(t => t.Id == teamMemberId && t.ChildId == childId && t.LeftAt == null);
        if (member is null)
        {
            return new TeamMemberNotFound();
        }

        var handedOver = await handovers.StageAsync(new HandOverOptions(member.ProfessionalId, choices, everyone, "left the team", SuccessorsTakePlaces: false, OnlyChildId: childId), actor);
        if (!handedOver.Succeeded)
        {
            return handedOver.Error!;
        }

        var now = timeProvider.UtcNow();
        var wasKeyWorker = member.IsKeyWorker;
        member.Leave(actor.UserId, now);

        var name = member.Professional!.UserAccount!.DisplayName;
        db.AuditEvents.Add(AuditEvent.ForChild(actor, childId, member.AreaId, now, new ChildChange(AuditActions.TeamMemberRemoved, null, $"Took {name} off the team", new ChangeSubject.Team())));
        if (wasKeyWorker)
        {
            await handover.KeyWorkerLeftAsync(member, name, "has left the team", teamPageFor, actor, now);
        }

        // Leaving withdraws the decisions read above: one given meanwhile would stand on a place nobody holds.
        if (!await db.TrySaveAsync())
        {
            return new TeamMemberChangedMeanwhile();
        }

        await signals.RefreshAfterChangeAsync(member.ChildId);
        return member;
    }

    /// <summary>Makes a team member the child's key worker, the family's dedicated point of contact; there is only ever one.</summary>
    public async Task<Result<TeamMember>> MakeKeyWorkerAsync(ChildAccess childAccess, Guid teamMemberId, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        if (!childAccess.Can(Capability.ManageTeam))
        {
            return new NotAllowedForTeam();
        }

        var team = await db.TeamMembers.Include(t => t.Professional!).ThenInclude(p => p.UserAccount)
            .Where(t => t.ChildId == childId && t.LeftAt == null).ToListAsync();
        var member = team.SingleOrDefault(t => t.Id == teamMemberId);
        if (member is null)
        {
            return new TeamMemberNotFound();
        }

        foreach (var other in team)
        {
            other.IsKeyWorker = other.Id == member.Id;
            other.IsStandingIn = false;
        }

        db.AuditEvents.Add(AuditEvent.ForChild(actor, childId, member.AreaId, timeProvider.UtcNow(), new ChildChange(AuditActions.KeyWorkerChanged, null, $"Made {member.Professional!.UserAccount!.DisplayName} the key worker", new ChangeSubject.Team())));
        await db.SaveChangesAsync();
        await signals.RefreshAfterChangeAsync(member.ChildId);
        return member;
    }

    /// <summary>Someone's current place on the child's team, with who they are; null if they have none.</summary>
    public Task<TeamMember?> FindMemberAsync(Guid childId, Guid teamMemberId) =>
        db.TeamMembers.AsNoTracking().Include(t => t.Professional!).ThenInclude(p => p.UserAccount)
            .SingleOrDefaultAsync(t => t.Id == teamMemberId && t.ChildId == childId && t.LeftAt == null);

    /// <summary>
    /// Makes a team member a team lead, or stops them being one. Team leads can change the team and choose the key
    /// worker, and are the ones asked to choose a new key worker when one leaves.
    /// </summary>
    public async Task<Result<TeamMember>> SetTeamLeadAsync(ChildAccess childAccess, Guid teamMemberId, bool isTeamLead, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        if (!childAccess.Can(Capability.ManageTeam))
        {
            return new NotAllowedForTeam();
        }

        var member = await db.TeamMembers.Include(t => t.Professional!).ThenInclude(p => p.UserAccount)
            .SingleOrDefaultAsync(t => t.Id == teamMemberId && t.ChildId == childId && t.LeftAt == null);
        if (member is null)
        {
            return new TeamMemberNotFound();
        }

        if (member.IsTeamLead == isTeamLead)
        {
            return member;
        }

        member.IsTeamLead = isTeamLead;
        var name = member.Professional!.UserAccount!.DisplayName;
        db.AuditEvents.Add(AuditEvent.ForChild(actor, childId, member.AreaId, timeProvider.UtcNow(), new ChildChange(AuditActions.TeamLeadChanged, null, isTeamLead ? $"Made {name} a team lead" : $"{name} is no longer a team lead", new ChangeSubject.Team())));
        await db.SaveChangesAsync();
        await signals.RefreshAfterChangeAsync(member.ChildId);
        return member;
    }

    private Error? CheckDates(DateOnly? from, DateOnly? until)
    {
        var today = timeProvider.TodayInUk();
        return from < today ? new ShareFromInPast()
            : from > today.AddYears(10) ? new ShareFromTooFar()
            : until > today.AddYears(10) ? new ShareUntilTooFar()
            : until < today ? new ShareUntilInPast()
            : from is { } start && until < start ? new ShareUntilBeforeFrom()
            : null;
    }
}
