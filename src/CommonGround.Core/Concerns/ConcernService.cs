using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Organisations;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Concerns;

/// <summary>Who a concern goes to: the key worker, or an organisation's inbox for its lead to assign.</summary>
public sealed record OwnerChoice(string Value, string Label, string Hint, bool IsKeyWorker);

/// <summary>What someone raises; about a commitment, its owner answers it (<see cref="Owner"/> is then not used).</summary>
public sealed record RaiseConcernOptions(
    string? Topic, RecordArea? About, string? WhatIsHappening, string? WhatWouldHelp, ConcernUrgency Urgency, string? Owner, Guid? CommitmentId = null);

/// <summary>Someone from the owning organisation who is on the child's team and can see the concern.</summary>
public sealed record Assignee(Guid TeamMemberId, Guid ProfessionalId, string Name, string Role);

/// <summary>
/// Reading a child's concerns, who may do what with one, and raising one. The steps that answer it, the organisation's
/// inbox, escalation and disputed deliveries are beside it.
/// </summary>
public sealed class ConcernService(CommonGroundDbContext db, AccessService access, Notifier notifier, AttentionSignals signals, TimeProvider timeProvider)
{
    /// <summary>The parts of the record a concern can be about; "Concerns" itself is where it lives.</summary>
    public static IReadOnlyList<RecordArea> Topics { get; } = RecordAreas.All.Where(a => a != RecordArea.Concerns).ToList();

    public static WorkingDayCalendar Calendar => WorkingDayCalendar.EnglandAndWales;

    /// <summary>Where an organisation's leads see a concern it owns, without the family's words.</summary>
    public static string OrganisationLink(Guid concernId) => $"/organisation/concerns/{concernId}";

    /// <summary>Whether the person may see the concern: they see concerns, and the part of the record it is about.</summary>
    public static bool CanSee(ChildAccess childAccess, Concern concern) => CanSeeConcernsAbout(childAccess, concern.About);

    /// <summary>Whether the person sees concerns about this part of the record.</summary>
    public static bool CanSeeConcernsAbout(ChildAccess childAccess, RecordArea about) =>
        childAccess.Can(Capability.ViewRecord, RecordArea.Concerns) && childAccess.CanSee(about);

    /// <summary>The child's concerns the person may see, open ones first, newest first.</summary>
    public async Task<IReadOnlyList<Concern>> ListForChildAsync(ChildAccess childAccess)
    {
        var visible = childAccess.SharedAreas.ToList();
        return await db.Concerns.AsNoTracking()
            .Where(c => c.ChildId == childAccess.Child.Id && visible.Contains(c.About))
            .OrderBy(c => c.Status == ConcernStatus.Closed).ThenByDescending(c => c.RaisedAt)
            .ToListAsync();
    }

    public async Task<Concern?> GetAsync(ChildAccess childAccess, Guid concernId)
    {
        var concern = await db.Concerns.AsNoTracking().Include(c => c.Updates.OrderBy(u => u.At))
            .SingleOrDefaultAsync(c => c.Id == concernId && c.ChildId == childAccess.Child.Id);
        return concern is not null && CanSee(childAccess, concern) ? concern : null;
    }

    public async Task<ResponseStandard> StandardForAsync(Guid organisationId) =>
        await db.ResponseStandards.AsNoTracking().SingleOrDefaultAsync(s => s.OrganisationId == organisationId) ?? ResponseStandard.DefaultFor(organisationId);

    /// <summary>Who the concern can go to: the key worker first (the default), then each organisation on the team.</summary>
    public async Task<IReadOnlyList<OwnerChoice>> OwnerChoicesAsync(Guid childId)
    {
        var team = await db.TeamMembers.AsNoTracking()
            .Where(t => t.ChildId == childId && t.LeftAt == null && t.Professional!.DeactivatedAt == null)
            .Select(t => new { t.IsKeyWorker, t.Role, Name = t.Professional!.UserAccount!.DisplayName, t.Professional.OrganisationId, OrganisationName = t.Professional.Organisation!.Name })
            .ToListAsync();
        var choices = new List<OwnerChoice>();
        if (team.FirstOrDefault(t => t.IsKeyWorker) is { } keyWorker)
        {
            var today = timeProvider.TodayInUk();
            var cover = await CoverService.RunningCovers(db, today).AsNoTracking().Where(c => c.ChildId == childId).OrderBy(c => c.Until).FirstOrDefaultAsync();
            choices.Add(new("key-worker", $"{keyWorker.Name}, key worker", $"{keyWorker.Role}, {keyWorker.OrganisationName}"
                + (cover is null ? "" : $". {cover.CoverName} covers until {UkDates.Date(cover.Until)} and will see it too"), true));
        }

        choices.AddRange(team.GroupBy(t => t.OrganisationId)
            .Select(g => new OwnerChoice(g.Key.ToString(), g.First().OrganisationName, "Its lead will choose who answers", false))
            .OrderBy(c => c.Label, StringComparer.CurrentCulture));
        return choices;
    }

    public async Task<Result<Concern>> RaiseAsync(ChildAccess childAccess, RaiseConcernOptions options, UserActor actor)
    {
        if (!childAccess.Can(Capability.RaiseConcern, RecordArea.Concerns))
        {
            return new NotAllowedToRaise();
        }

        Error? invalid = options switch
        {
            { Topic: var topic } when string.IsNullOrWhiteSpace(topic) => new TopicMissing(),
            { Topic.Length: > Concern.MaxTopicLength } => new TextTooLong("Topic", Concern.MaxTopicLength),
            { About: null } => new AboutNotAllowed(),
            { About: { } about } when !Topics.Contains(about) || !childAccess.CanSee(about) => new AboutNotAllowed(),
            { WhatIsHappening: var what } when string.IsNullOrWhiteSpace(what) => new WhatIsHappeningMissing(),
            { WhatIsHappening.Length: > Concern.MaxTextLength } => new TextTooLong("WhatIsHappening", Concern.MaxTextLength),
            { WhatWouldHelp.Length: > Concern.MaxTextLength } => new TextTooLong("WhatWouldHelp", Concern.MaxTextLength),
            { CommitmentId: null, Owner: var chosen } when string.IsNullOrWhiteSpace(chosen) => new OwnerMissing(),
            _ => null,
        };
        if (invalid is not null)
        {
            return invalid;
        }

        var owner = options.CommitmentId is { } commitmentId
            ? await CommitmentOwnerAsync(childAccess, commitmentId, options.About!.Value)
            : await ResolveOwnerAsync(childAccess, options.Owner!, options.About!.Value);
        if (!owner.Succeeded)
        {
            return owner.Error!;
        }

        var (organisation, professional) = owner.Value;
        var now = timeProvider.UtcNow();
        var standard = await StandardForAsync(organisation.Id);
        var startsOn = ConcernClock.StartsOn(now, Calendar);
        var concern = new Concern
        {
            ChildId = childAccess.Child.Id,
            AreaId = childAccess.Child.AreaId,
            Topic = options.Topic!.Trim(),
            About = options.About.Value,
            WhatIsHappening = options.WhatIsHappening!.Trim(),
            WhatWouldHelp = string.IsNullOrWhiteSpace(options.WhatWouldHelp) ? null : options.WhatWouldHelp.Trim(),
            Urgency = options.Urgency,
            RaisedAt = now,
            RaisedByUserId = actor.UserId,
            RaisedByName = actor.Name,
            RaisedByFamily = childAccess.IsFamily,
            CommitmentId = options.CommitmentId,
            OwnerOrganisationId = organisation.Id,
            OwnerOrganisationName = organisation.Name,
            OwnerProfessionalId = professional?.Id,
            OwnerName = professional?.UserAccount!.DisplayName,
            ClockStartsOn = startsOn,
            AcknowledgeBy = ConcernClock.DueOn(startsOn, standard.AcknowledgeDays(options.Urgency), Calendar),
            RespondBy = ConcernClock.DueOn(startsOn, standard.RespondDays(options.Urgency), Calendar),
        };
        db.Concerns.Add(concern);
        db.ConcernUpdates.Add(concern.Raise(actor.UserId, actor.Name, childAccess.IsFamily));
        db.AuditEvents.Add(ChildEvent(actor, childAccess.Child, concern, now, AuditActions.ConcernRaised,
            $"Raised {(concern.Urgency == ConcernUrgency.Urgent ? "an urgent" : "a")} concern about {concern.About.ToDisplayName()}, for {concern.OwnerName ?? concern.OwnerOrganisationName} to answer"));
        await NotifyNewOwnerAsync(concern, professional, childAccess.Child, actor);
        await db.SaveChangesAsync();
        // A new concern adds its own clock and moves the count of concerns raised; it is not an answer to the family.
        await signals.RefreshAfterConcernRaisedAsync(concern.ChildId, concern.Id);
        return concern;
    }


    /// <summary>Whether the person may answer the concern: its owner, or a lead of its organisation on the child's team.</summary>
    public async Task<bool> MayAnswerAsync(ChildAccess childAccess, Concern concern, Guid userId) =>
        childAccess.Can(Capability.RespondToConcern, RecordArea.Concerns) && CanSee(childAccess, concern) && await MayAssignAsync(concern, userId);

    /// <summary>Whether the person may say it is resolved or reopen it.</summary>
    public static bool MayDecide(ChildAccess childAccess, Concern concern, Guid userId) =>
        CanSee(childAccess, concern) && (concern.RaisedByUserId == userId || (concern.RaisedByFamily && childAccess.IsFamily));

    /// <summary>Whether the person may pass the concern on: its owner, whoever covers for the owner as key worker today, or any lead of its organisation.</summary>
    public async Task<bool> MayAssignAsync(Concern concern, Guid userId)
    {
        var today = timeProvider.TodayInUk();
        return await db.Professionals.AnyAsync(p => p.UserAccountId == userId && p.DeactivatedAt == null
                && (p.Id == concern.OwnerProfessionalId || (p.IsOrganisationAdmin && p.OrganisationId == concern.OwnerOrganisationId)))
            || await CoverService.RunningCovers(db, today).AnyAsync(c => c.ChildId == concern.ChildId
                && c.KeyWorkerProfessionalId == concern.OwnerProfessionalId && c.CoverUserId == userId);
    }

    /// <summary>People from the owning organisation on the child's team who can see the concern.</summary>
    public async Task<IReadOnlyList<Assignee>> AssigneesAsync(Concern concern)
    {
        var members = await db.TeamMembers.AsNoTracking()
            .Where(t => t.ChildId == concern.ChildId && t.LeftAt == null && t.Professional!.OrganisationId == concern.OwnerOrganisationId && t.Professional.DeactivatedAt == null)
            .Select(t => new { t.Id, t.ProfessionalId, t.Professional!.UserAccountId, Name = t.Professional.UserAccount!.DisplayName, t.Role })
            .ToListAsync();
        var assignees = new List<Assignee>();
        foreach (var member in members)
        {
            if (await access.GetAsync(concern.ChildId, member.UserAccountId) is { } memberAccess && CanSee(memberAccess, concern)
                && memberAccess.Can(Capability.RespondToConcern))
            {
                assignees.Add(new Assignee(member.Id, member.ProfessionalId, member.Name, member.Role));
            }
        }

        return assignees.OrderBy(a => a.Name, StringComparer.CurrentCulture).ToList();
    }


    /// <summary>The account of a member of staff who is still active; null for nobody, or for someone who has left.</summary>
    internal async Task<Guid?> ActiveUserIdAsync(Guid? professionalId) => professionalId is { } id
        ? await db.Professionals.Where(p => p.Id == id && p.DeactivatedAt == null).Select(p => (Guid?)p.UserAccountId).SingleOrDefaultAsync()
        : null;

    private async Task<Result<(Organisation Organisation, Professional? Professional)>> ResolveOwnerAsync(ChildAccess childAccess, string owner, RecordArea about)
    {
        var team = await db.TeamMembers.AsNoTracking().Include(t => t.Professional!).ThenInclude(p => p.UserAccount).Include(t => t.Professional!).ThenInclude(p => p.Organisation)
            .Where(t => t.ChildId == childAccess.Child.Id && t.LeftAt == null && t.Professional!.DeactivatedAt == null)
            .ToListAsync();
        if (team.Count == 0)
        {
            return new NoOneToAnswer();
        }

        if (owner == "key-worker")
        {
            if (team.FirstOrDefault(t => t.IsKeyWorker) is not { } keyWorker)
            {
                return new OwnerMissing();
            }

            var keyWorkerAccess = await access.GetAsync(childAccess.Child.Id, keyWorker.Professional!.UserAccountId);
            if (keyWorkerAccess is null || !CanSeeConcernsAbout(keyWorkerAccess, about))
            {
                return new KeyWorkerCannotSee(keyWorker.Professional.UserAccount!.DisplayName);
            }

            return (keyWorker.Professional.Organisation!, keyWorker.Professional);
        }

        return Guid.TryParse(owner, out var organisationId) && team.FirstOrDefault(t => t.Professional!.OrganisationId == organisationId) is { } member
            ? (member.Professional!.Organisation!, (Professional?)null)
            : new OwnerMissing();
    }

    /// <summary>A concern about a commitment goes to the commitment's owner, if they can see concerns about that part of the record.</summary>
    private async Task<Result<(Organisation Organisation, Professional? Professional)>> CommitmentOwnerAsync(ChildAccess childAccess, Guid commitmentId, RecordArea about)
    {
        var commitment = await db.Commitments.AsNoTracking().SingleOrDefaultAsync(c => c.Id == commitmentId && c.ChildId == childAccess.Child.Id);
        if (commitment is null || !childAccess.CanSeeCommitment(commitment.RecordArea))
        {
            return new CommitmentNotFoundForConcern();
        }

        var owner = await db.Professionals.AsNoTracking().Include(p => p.UserAccount).Include(p => p.Organisation)
            .SingleOrDefaultAsync(p => p.Id == commitment.OwnerProfessionalId && p.DeactivatedAt == null);
        if (owner is null || await access.GetAsync(childAccess.Child.Id, owner.UserAccountId) is not { } ownerAccess || !CanSeeConcernsAbout(ownerAccess, about))
        {
            return new CommitmentOwnerCannotSee(commitment.OwnerName);
        }

        return (owner.Organisation!, (Professional?)owner);
    }

    /// <summary>Tells the owner, or the organisation's leads when nobody is chosen yet; the owner was read just now, still active.</summary>
    private async Task NotifyNewOwnerAsync(Concern concern, Professional? owner, Child child, UserActor actor)
    {
        var mandatory = concern.Urgency == ConcernUrgency.Urgent;
        var urgent = mandatory ? "An urgent concern" : "A concern";
        if (owner is not null)
        {
            if (owner.UserAccountId != actor.UserId)
            {
                await notifier.NotifyAsync(owner.UserAccountId, NotificationKind.ConcernRaised, $"{urgent} about {child.KnownAs} was raised for you to answer: \"{concern.Topic}\"",
                    $"{urgent} about {child.KnownAs} was raised for you to answer", ChildLinks.Concern(child.Id, concern.Id), child.Id, mandatory, area: RecordArea.Concerns, about: concern.About);
            }

            return;
        }

        foreach (var lead in (await LeadsAsync(concern.OwnerOrganisationId)).Select(l => l.UserAccountId).Where(l => l != actor.UserId))
        {
            await notifier.NotifyAsync(lead, NotificationKind.ConcernRaised, $"{urgent} about {child.KnownAs} was raised for {concern.OwnerOrganisationName}: choose who answers it",
                $"{urgent} about {child.KnownAs} was raised for {concern.OwnerOrganisationName}: choose who answers it", OrganisationLink(concern.Id), child.Id, mandatory);
        }
    }


    internal async Task NotifyRaiserAsync(Concern concern, Child child, UserActor actor, string title, string emailLine)
    {
        if (concern.RaisedByUserId != actor.UserId)
        {
            await notifier.NotifyAsync(concern.RaisedByUserId, NotificationKind.ConcernUpdated, title, emailLine, ChildLinks.Concern(child.Id, concern.Id), child.Id, concern.Urgency == ConcernUrgency.Urgent,
                area: RecordArea.Concerns, about: concern.About);
        }
    }

    internal static AuditEvent ChildEvent(Actor actor, Child child, Concern concern, DateTime now, string action, string summary) =>
        AuditEvent.ForChild(actor, child.Id, child.AreaId, now, new ChildChange(action, RecordArea.Concerns, summary, new ChangeSubject.Concern(concern.Id)));

    /// <summary>An organisation's leads (its active admins), by name.</summary>
    internal async Task<List<(Guid UserAccountId, string DisplayName)>> LeadsAsync(Guid organisationId) =>
        (await db.Professionals.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId && p.IsOrganisationAdmin && p.DeactivatedAt == null)
            .Select(p => new { p.UserAccountId, p.UserAccount!.DisplayName })
            .OrderBy(p => p.DisplayName)
            .ToListAsync())
        .Select(p => (p.UserAccountId, p.DisplayName)).ToList();
}
