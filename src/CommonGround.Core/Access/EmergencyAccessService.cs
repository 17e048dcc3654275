using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Organisations;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Access;

public sealed record OpenEmergencyAccessOptions(Guid ChildId, string? Reason, int? Hours);

/// <summary>A child a lead may open under emergency access: one in their own area.</summary>
public sealed record EmergencyCandidate(Guid Id, string FullName, string KnownAs, DateOnly DateOfBirth);

public sealed record NotALocalAuthorityLead() : Error("Only an admin of a local authority can open a child's record in an emergency");
public sealed record EmergencyChildNotFound() : NotFoundError("No child with that record is in your area");
public sealed record EmergencyReasonMissing() : Error("Say why you must see this record now", "Reason");
public sealed record EmergencyReasonTooShort() : Error($"Say why in at least {EmergencyAccess.ReasonMinLength} characters: the family will read it", "Reason");
public sealed record EmergencyHoursNotAllowed() : Error("Choose how long you need to see the record", "Hours");
public sealed record EmergencyAccessNotYours() : NotFoundError("This emergency access could not be found");

/// <summary>
/// Break-glass, for a local authority's leads only (its active admins) and only for children in their own area. Each
/// opening is audited on the child's chronology, the family is told at once, and the reason is shown to them and to
/// the lead's organisation. It gives reading only, never changing, and runs out by itself.
/// </summary>
public sealed class EmergencyAccessService(CommonGroundDbContext db, Notifier notifier, ChildReadLog readLog, TimeProvider timeProvider)
{
    public const int MostFound = 20;

    /// <summary>The person as a local authority lead, or null if they are not one.</summary>
    public Task<Professional?> LeadAsync(Guid userId) =>
        db.Professionals.AsNoTracking().Include(p => p.Organisation).Include(p => p.UserAccount)
            .Where(p => p.UserAccountId == userId && p.IsOrganisationAdmin && p.DeactivatedAt == null && p.Organisation!.Kind == OrganisationKind.LocalAuthority)
            .FirstOrDefaultAsync();

    /// <summary>Children in the lead's area whose name contains <paramref name="name"/>, born on the day if given.</summary>
    public async Task<IReadOnlyList<EmergencyCandidate>> FindAsync(Professional lead, string name, DateOnly? dateOfBirth)
    {
        var words = name.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var children = db.Children.AsNoTracking().Where(c => c.AreaId == lead.AreaId);
        foreach (var word in words)
        {
            children = children.Where(c => c.FirstName.ToLower().Contains(word) || c.LastName.ToLower().Contains(word) || (c.PreferredName != null && c.PreferredName.ToLower().Contains(word)));
        }

        if (dateOfBirth is { } born)
        {
            children = children.Where(c => c.DateOfBirth == born);
        }

        var found = (await children.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).Take(MostFound).ToListAsync())
            .Select(c => new EmergencyCandidate(c.Id, c.FullName, c.KnownAs, c.DateOfBirth)).ToList();
        // A name and a date of birth are the child's too: each family sees that their child came up in a search.
        readLog.SawEach(found.Select(c => c.Id), "Name and date of birth, in a search for emergency access");
        return found;
    }

    /// <summary>Whether the person already has a place on the child's team, and so needs no emergency access.</summary>
    public Task<bool> OnTeamAsync(Guid childId, Guid userId) =>
        db.Children.Where(c => c.Id == childId).Where(AccessService.VisibleTo(userId)).AnyAsync();

    /// <summary>The child, if in the lead's area; their name and date of birth, shown to open the record, are logged as seen.</summary>
    public async Task<Child?> ChildInAreaAsync(Professional lead, Guid childId)
    {
        var child = await db.Children.AsNoTracking().SingleOrDefaultAsync(c => c.Id == childId && c.AreaId == lead.AreaId);
        if (child is not null)
        {
            readLog.Saw(child.Id, null, "Name and date of birth, to open the record under emergency access");
        }

        return child;
    }

    public async Task<Result<EmergencyAccess>> OpenAsync(OpenEmergencyAccessOptions options, UserActor actor)
    {
        var lead = await LeadAsync(actor.UserId);
        var child = lead is null ? null : await ChildInAreaAsync(lead, options.ChildId);
        var reason = options.Reason?.Trim() ?? "";
        Error? error = (lead, child) switch
        {
            (null, _) => new NotALocalAuthorityLead(),
            (_, null) => new EmergencyChildNotFound(),
            _ when reason.Length == 0 => new EmergencyReasonMissing(),
            _ when reason.Length < EmergencyAccess.ReasonMinLength => new EmergencyReasonTooShort(),
            _ when reason.Length > EmergencyAccess.ReasonMaxLength => new TextTooLong("Reason", EmergencyAccess.ReasonMaxLength),
            _ when options.Hours is not { } hours || !EmergencyAccess.HoursAllowed.Contains(hours) => new EmergencyHoursNotAllowed(),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var now = timeProvider.UtcNow();
        var access = new EmergencyAccess
        {
            ChildId = child!.Id, AreaId = child.AreaId, UserAccountId = actor.UserId, Name = actor.Name, OrganisationId = lead!.OrganisationId,
            OrganisationName = lead.Organisation!.Name, Reason = reason, From = now, Until = now.AddHours(options.Hours!.Value),
        };
        db.EmergencyAccesses.Add(access);
        db.AuditEvents.Add(Change(actor, child, now, AuditActions.EmergencyAccessOpened,
            $"{actor.Name} of {access.OrganisationName} opened the record under emergency access until {UkDates.DateAndTime(access.Until)}"));
        foreach (var family in await db.FamilyMembers.Where(f => f.ChildId == child.Id).Select(f => f.UserAccountId).ToListAsync())
        {
            await notifier.NotifyAsync(family, NotificationKind.YourData,
                $"{actor.Name} of {access.OrganisationName} opened {child.KnownAs}'s record in an emergency",
                $"Someone at {access.OrganisationName} opened {child.KnownAs}'s record under emergency access. Sign in to see who, why and until when.",
                ChildLinks.WhoHasSeen(child.Id), child.Id, mandatory: true);
        }

        await db.SaveChangesAsync();
        return access;
    }

    /// <summary>The lead closes their emergency access before it runs out, once they no longer need it.</summary>
    public async Task<Result<EmergencyAccess>> EndAsync(Guid childId, UserActor actor)
    {
        var now = timeProvider.UtcNow();
        var open = await db.EmergencyAccesses.Where(g => g.ChildId == childId && g.UserAccountId == actor.UserId).Where(EmergencyAccess.OpenAt(now)).ToListAsync();
        if (open.Count == 0)
        {
            return new EmergencyAccessNotYours();
        }

        open.ForEach(g => g.End(now));
        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == childId);
        db.AuditEvents.Add(Change(actor, child, now, AuditActions.EmergencyAccessEnded, $"{actor.Name} ended their emergency access to the record"));
        await db.SaveChangesAsync();
        return open[0];
    }

    /// <summary>Every emergency access to the child, newest first, for the family's "who has seen".</summary>
    public Task<List<EmergencyAccess>> ForChildAsync(Guid childId) =>
        db.EmergencyAccesses.AsNoTracking().Where(g => g.ChildId == childId).OrderByDescending(g => g.From).ToListAsync();

    /// <summary>The organisation's staff's emergency access, newest first, for its admins.</summary>
    public Task<List<EmergencyAccess>> ForOrganisationAsync(Guid organisationId, int take = 50) =>
        db.EmergencyAccesses.AsNoTracking().Where(g => g.OrganisationId == organisationId).OrderByDescending(g => g.From).Take(take).ToListAsync();

    /// <summary>The person's own emergency access to the child open now, if any.</summary>
    public Task<EmergencyAccess?> OpenNowAsync(Guid childId, Guid userId)
    {
        var now = timeProvider.UtcNow();
        return db.EmergencyAccesses.AsNoTracking().Where(g => g.ChildId == childId && g.UserAccountId == userId).Where(EmergencyAccess.OpenAt(now))
            .OrderByDescending(g => g.Until).FirstOrDefaultAsync();
    }

    // Who opened a child's record is the family's business first, so it belongs to no one part of the record.
    private static AuditEvent Change(Actor actor, Child child, DateTime now, string action, string summary) =>
        AuditEvent.ForChild(actor, child.Id, child.AreaId, now, new ChildChange(action, null, summary, new ChangeSubject.WholeRecord()));
}
