using CommonGround.Core.Attention;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Organisations;

public sealed record CreateAreaOptions(string Name, string Code);

public sealed record CreateOrganisationOptions(
    Guid AreaId,
    string Name,
    OrganisationKind Kind,
    string FirstAdminName,
    string FirstAdminEmail,
    string FirstAdminJobTitle,
    Func<string, string> AcceptLinkFor);

public sealed record UpdateOrganisationDetailsOptions(Guid OrganisationId, int Version, string Name, string? ContactEmail, string? ContactPhone, string? Address);

public sealed record InviteStaffOptions(Guid OrganisationId, string Name, string Email, string JobTitle, bool AsOrganisationAdmin, Func<string, string> AcceptLinkFor);

public sealed class OrganisationService(
    CommonGroundDbContext db,
    UserManager<UserAccount> userManager,
    EmailOutbox outbox,
    KeyWorkerHandover handover,
    HandoverService handovers,
    AttentionSignals signals,
    TimeProvider timeProvider)
{
    public async Task<Result<Area>> CreateAreaAsync(CreateAreaOptions options, UserActor actor)
    {
        var code = options.Code.Trim().ToUpperInvariant();
        if (await db.Areas.AnyAsync(a => a.Code == code))
        {
            return new AreaCodeTaken();
        }

        var now = timeProvider.UtcNow();
        var area = new Area { Name = options.Name.Trim(), Code = code, CreatedAt = now };
        db.Areas.Add(area);
        db.AuditEvents.Add(AuditEvent.For(actor, now, AuditActions.AreaCreated, nameof(Area), area.Id, $"Created area {area.Name}"));
        await db.SaveChangesAsync();
        return area;
    }

    /// <summary>Creates an organisation and invites its first admin, who sets up the rest.</summary>
    public async Task<Result<Organisation>> CreateOrganisationAsync(CreateOrganisationOptions options, UserActor actor)
    {
        if (!await db.Areas.AnyAsync(a => a.Id == options.AreaId))
        {
            return new AreaNotFound();
        }

        var name = options.Name.Trim();
        if (await db.Organisations.AnyAsync(o => o.AreaId == options.AreaId && o.Name == name))
        {
            return new OrganisationNameTaken();
        }

        if (await EmailHasAccountAsync(options.FirstAdminEmail))
        {
            return new EmailAlreadyHasAccount() with { Field = "FirstAdminEmail" };
        }

        var now = timeProvider.UtcNow();
        var organisation = new Organisation { AreaId = options.AreaId, Name = name, Kind = options.Kind, CreatedAt = now };
        db.Organisations.Add(organisation);
        db.AuditEvents.Add(AuditEvent.For(actor, now, AuditActions.OrganisationCreated, nameof(Organisation), organisation.Id, $"Created {organisation.Name}"));
        AddInvitation(organisation, options.FirstAdminName, options.FirstAdminEmail, options.FirstAdminJobTitle, asAdmin: true, options.AcceptLinkFor, actor, now);
        await db.SaveChangesAsync();
        return organisation;
    }

    public async Task<Result<Organisation>> UpdateOrganisationDetailsAsync(UpdateOrganisationDetailsOptions options, UserActor actor)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == options.OrganisationId);
        if (organisation is null)
        {
            return new OrganisationNotFound();
        }

        if (organisation.Version != options.Version)
        {
            return new StaleEdit();
        }

        var name = options.Name.Trim();
        if (name != organisation.Name && await db.Organisations.AnyAsync(o => o.AreaId == organisation.AreaId && o.Name == name && o.Id != organisation.Id))
        {
            return new OrganisationNameTaken();
        }

        organisation.UpdateDetails(name, options.ContactEmail, options.ContactPhone, options.Address);
        db.AuditEvents.Add(AuditEvent.For(actor, timeProvider.UtcNow(), AuditActions.OrganisationUpdated, nameof(Organisation), organisation.Id, "Changed the organisation's details"));
        if (!await db.TrySaveAsync())
        {
            return new StaleEdit();
        }

        return organisation;
    }

    public async Task<Result<Invitation>> InviteStaffAsync(InviteStaffOptions options, UserActor actor)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == options.OrganisationId);
        if (organisation is null)
        {
            return new OrganisationNotFound();
        }

        if (await EmailHasAccountAsync(options.Email))
        {
            return new EmailAlreadyHasAccount();
        }

        var now = timeProvider.UtcNow();
        var email = options.Email.Trim();
        var pending = await db.Invitations.Where(Invitation.PendingAt(now))
            .AnyAsync(i => i.OrganisationId == organisation.Id && i.Email == email);
        if (pending)
        {
            return new InvitationAlreadyPending();
        }

        var invitation = AddInvitation(organisation, options.Name, email, options.JobTitle, options.AsOrganisationAdmin, options.AcceptLinkFor, actor, now);
        await db.SaveChangesAsync();
        return invitation;
    }

    public async Task<Result<Invitation>> RevokeInvitationAsync(Guid organisationId, Guid invitationId, UserActor actor)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.OrganisationId == organisationId);
        if (invitation is null)
        {
            return new StaffNotFound();
        }

        var now = timeProvider.UtcNow();
        if (invitation.StatusAt(now) == InvitationStatus.Pending)
        {
            invitation.Revoke(now);
            db.AuditEvents.Add(AuditEvent.For(actor, now, AuditActions.InvitationRevoked, nameof(Invitation), invitation.Id, $"Withdrew the invitation to {invitation.Email}"));
            await db.SaveChangesAsync();
        }

        return invitation;
    }

    /// <summary>
    /// Ends a member of staff's access: their security stamp changes, so every session they have ends at its next check.
    /// Everything they own that is still open goes first to whoever <paramref name="choices"/> (or <paramref name="everyone"/>)
    /// names, and nothing is changed while anything is left without an owner. They have left the organisation, so their
    /// places on children's teams end too, each recorded on the child's record.
    /// </summary>
    public async Task<Result<Professional>> DeactivateStaffAsync(Guid organisationId, Guid professionalId, IReadOnlyDictionary<Guid, string> choices, string? everyone,
        Func<Guid, string> teamPageFor, UserActor actor)
    {
        var professional = await db.Professionals.Include(p => p.UserAccount).Include(p => p.Organisation)
            .SingleOrDefaultAsync(p => p.Id == professionalId && p.OrganisationId == organisationId);
        if (professional is null)
        {
            return new StaffNotFound();
        }

        if (professional.UserAccountId == actor.UserId)
        {
            return new CannotDeactivateSelf();
        }

        if (!professional.IsActive)
        {
            return professional;
        }

        if (professional.IsOrganisationAdmin
            && !await db.Professionals.AnyAsync(p => p.OrganisationId == organisationId && p.Id != professional.Id && p.IsOrganisationAdmin && p.DeactivatedAt == null))
        {
            return new LastActiveAdmin();
        }

        var handedOver = await handovers.StageAsync(new HandOverOptions(professional.Id, choices, everyone, $"left {professional.Organisation!.Name}", SuccessorsTakePlaces: true), actor);
        if (!handedOver.Succeeded)
        {
            return handedOver.Error!;
        }

        var now = timeProvider.UtcNow();
        professional.Deactivate(now);
        professional.UserAccount!.SecurityStamp = Guid.NewGuid().ToString();
        // Their sessions end with the same save, on every instance at once.
        await SessionService.EndAllForAsync(db, professional.UserAccountId);
        var name = professional.UserAccount.DisplayName;
        db.AuditEvents.Add(AuditEvent.For(actor, now, AuditActions.StaffDeactivated, nameof(Professional), professional.Id, $"Deactivated {name}"));

        var places = await db.TeamMembers.Include(t => t.Consents).Where(t => t.ProfessionalId == professional.Id && t.LeftAt == null).ToListAsync();
        foreach (var place in places)
        {
            var wasKeyWorker = place.IsKeyWorker;
            place.Leave(actor.UserId, now);

            db.AuditEvents.Add(AuditEvent.ForChild(actor, place.ChildId, place.AreaId, now, new ChildChange(AuditActions.TeamMemberRemoved, null, $"{name} left {professional.Organisation!.Name}, so is no longer on the team", new ChangeSubject.Team())));
            if (wasKeyWorker)
            {
                await handover.KeyWorkerLeftAsync(place, name, $"has left {professional.Organisation.Name}", teamPageFor, actor, now);
            }
        }

        if (!await db.TrySaveAsync())
        {
            return new StaffPlacesChangedMeanwhile(name);
        }

        await signals.RefreshAfterChangeAsync(places.Select(p => p.ChildId).Concat(handedOver.Value!.Select(h => h.ChildId)).Distinct().ToList());
        return professional;
    }

    public async Task<Result<Professional>> ReactivateStaffAsync(Guid organisationId, Guid professionalId, UserActor actor)
    {
        var professional = await db.Professionals.Include(p => p.UserAccount)
            .SingleOrDefaultAsync(p => p.Id == professionalId && p.OrganisationId == organisationId);
        if (professional is null)
        {
            return new StaffNotFound();
        }

        if (!professional.IsActive)
        {
            professional.Reactivate();
            db.AuditEvents.Add(AuditEvent.For(actor, timeProvider.UtcNow(), AuditActions.StaffReactivated, nameof(Professional), professional.Id, $"Reactivated {professional.UserAccount!.DisplayName}"));
            await db.SaveChangesAsync();
        }

        return professional;
    }

    private async Task<bool> EmailHasAccountAsync(string email) =>
        await userManager.FindByEmailAsync(email.Trim()) is not null;

    private Invitation AddInvitation(Organisation organisation, string name, string email, string jobTitle, bool asAdmin, Func<string, string> acceptLinkFor, UserActor actor, DateTime now)
    {
        var token = Invitation.NewToken();
        var invitation = new Invitation
        {
            Kind = InvitationKind.Staff,
            Email = email.Trim(),
            DisplayName = name.Trim(),
            OrganisationId = organisation.Id,
            AreaId = organisation.AreaId,
            JobTitle = jobTitle.Trim(),
            AsOrganisationAdmin = asAdmin,
            TokenHash = Invitation.HashToken(token),
            InvitedByUserId = actor.UserId,
            CreatedAt = now,
            ExpiresAt = now + Invitation.Lifetime,
        };
        db.Invitations.Add(invitation);
        db.AuditEvents.Add(AuditEvent.For(actor, now, AuditActions.StaffInvited, nameof(Invitation), invitation.Id, $"Invited {invitation.DisplayName} to {organisation.Name}"));
        outbox.Enqueue(invitation.Email, invitation.DisplayName, $"You have been invited to join {organisation.Name} on CommonGround",
            $"""
            Hello {invitation.DisplayName},

            {actor.Name} has invited you to join {organisation.Name} on CommonGround as {invitation.JobTitle}.

            To accept, open this link and choose a password:
            {acceptLinkFor(token)}

            The link works once and expires in 7 days. If you were not expecting this email, you can ignore it.

            CommonGround
            """);
        return invitation;
    }
}
