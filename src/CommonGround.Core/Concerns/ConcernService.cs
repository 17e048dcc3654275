using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Organisations;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Concerns;

/// <summary>Who a concern goes to: the key worker, or an organisation's inbox for its lead to assign.</summary>
public sealed record OwnerChoice(string Value, string Label, string Hint, bool IsKeyWorker);

/// <summary>What someone raises; about a commitment, its owner answers it (<see cref="Owner"/> is then not used).</summary>
public sealed record RaiseConcernOptions(
    Guid ChildId, string? Topic, RecordArea? About, string? WhatIsHappening, string? WhatWouldHelp, ConcernUrgency Urgency, string? Owner, Guid? CommitmentId = null);

/// <summary>Someone from the owning organisation who is on the child's team and can see the concern.</summary>
public sealed record Assignee(Guid TeamMemberId, Guid ProfessionalId, string Name, string Role);

/// <summary>A concern waiting with an organisation: enough for its lead to act, without the family's words.</summary>
public sealed record InboxConcern(Concern Concern, string ChildName);

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
            choices.Add(new("key-worker", $"{keyWorker.Name}, key worker", $"{keyWorker.Role}, {keyWorker.OrganisationName}", true));
        }

        choices.AddRange(team.GroupBy(t => t.OrganisationId)
            .Select(g => new OwnerChoice(g.Key.ToString(), g.First().OrganisationName, "Its lead will choose who answers", false))
            .OrderBy(c => c.Label, StringComparer.CurrentCulture));
        return choices;
    }

    public async Task<Result<Concern>> RaiseAsync(RaiseConcernOptions options, Actor actor)
    {
        var childAccess = await access.GetAsync(options.ChildId, actor);
        if (childAccess is null)
        {
            return new ConcernChildNotFound();
        }

        if (!childAccess.Can(Capability.RaiseConcern, RecordArea.Concerns))
        {
            return new NotAllowedToRaise();
        }

        Error? invalid = options switch
        {
            { Topic: var topic } when string.IsNullOrWhiteSpace(topic) => new TopicMissing(),
            { Topic.Length: > Concern.MaxTopicLength } => new ConcernTextTooLong("Topic", Concern.MaxTopicLength),
            { About: null } => new AboutNotAllowed(),
            { About: { } about } when !Topics.Contains(about) || !childAccess.CanSee(about) => new AboutNotAllowed(),
            { WhatIsHappening: var what } when string.IsNullOrWhiteSpace(what) => new WhatIsHappeningMissing(),
            { WhatIsHappening.Length: > Concern.MaxTextLength } => new ConcernTextTooLong("WhatIsHappening", Concern.MaxTextLength),
            { WhatWouldHelp.Length: > Concern.MaxTextLength } => new ConcernTextTooLong("WhatWouldHelp", Concern.MaxTextLength),
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
            RaisedByUserId = actor.UserId!.Value,
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
        db.ConcernUpdates.Add(concern.Raise(actor.UserId.Value, actor.Name, childAccess.IsFamily));
        db.AuditEvents.Add(ChildEvent(actor, childAccess.Child, now, AuditActions.ConcernRaised,
            $"Raised {(concern.Urgency == ConcernUrgency.Urgent ? "an urgent" : "a")} concern about {concern.About.ToDisplayName()}, for {concern.OwnerName ?? concern.OwnerOrganisationName} to answer"));
        await NotifyNewOwnerAsync(concern, childAccess.Child, actor);
        await db.SaveChangesAsync();
        await signals.RefreshAfterChangeAsync(concern.ChildId);
        return concern;
    }

    /// <summary>
    /// Adds a concern for a disputed delivery record to the unit of work, owned by the commitment's owner, so the dispute
    /// is on the same response clock as any other concern. Saved with the dispute.
    /// </summary>
    public async Task StageForDisputeAsync(Child child, Commitment commitment, DeliveryRecord record, string comment, Actor actor)
    {
        var now = timeProvider.UtcNow();
        var standard = await StandardForAsync(commitment.OwnerOrganisationId);
        var startsOn = ConcernClock.StartsOn(now, Calendar);
        var concern = new Concern
        {
            ChildId = child.Id,
            AreaId = child.AreaId,
            Topic = $"Disputed delivery record: {commitment.What}".ShortenTo(Concern.MaxTopicLength),
            About = commitment.RecordArea.ToRecordArea(),
            WhatIsHappening = $"The delivery record for {UkDates.Date(record.Date)} is not right: {comment}",
            Urgency = ConcernUrgency.Standard,
            RaisedAt = now,
            RaisedByUserId = actor.UserId!.Value,
            RaisedByName = actor.Name,
            RaisedByFamily = true,
            CommitmentId = commitment.Id,
            DeliveryRecordId = record.Id,
            OwnerOrganisationId = commitment.OwnerOrganisationId,
            OwnerOrganisationName = commitment.OwnerOrganisationName,
            OwnerProfessionalId = commitment.OwnerProfessionalId,
            OwnerName = commitment.OwnerName,
            ClockStartsOn = startsOn,
            AcknowledgeBy = ConcernClock.DueOn(startsOn, standard.AcknowledgeWorkingDays, Calendar),
            RespondBy = ConcernClock.DueOn(startsOn, standard.RespondWorkingDays, Calendar),
        };
        db.Concerns.Add(concern);
        db.ConcernUpdates.Add(concern.Raise(actor.UserId.Value, actor.Name, true));
        db.AuditEvents.Add(ChildEvent(actor, child, now, AuditActions.ConcernRaised, $"Raised a concern about a disputed delivery record, for {commitment.OwnerName} to answer"));
        if (await ActiveUserIdAsync(commitment.OwnerProfessionalId) is { } ownerUserId && ownerUserId != actor.UserId)
        {
            notifier.Notify(ownerUserId, NotificationKind.Commitments,
                $"{child.KnownAs}'s family disputed a delivery record for \"{commitment.What}\"",
                $"{child.KnownAs}'s family disputed a delivery record for a commitment you own",
                ChildLinks.Concern(child.Id, concern.Id), child.Id, area: RecordArea.Concerns, about: concern.About);
        }
    }

    /// <summary>When a dispute is answered, its concern is resolved with the answer: "you said" is the family's comment.</summary>
    public async Task StageDisputeAnswerAsync(Guid deliveryId, string familyComment, string resolution, Child child, Actor actor)
    {
        var concern = await db.Concerns.SingleOrDefaultAsync(c => c.DeliveryRecordId == deliveryId && c.Status != ConcernStatus.Closed && c.Status != ConcernStatus.Resolved);
        if (concern is null)
        {
            return;
        }

        var now = timeProvider.UtcNow();
        if (concern.Resolve(familyComment, resolution, actor.UserId!.Value, actor.Name, now) is { } update)
        {
            db.ConcernUpdates.Add(update);
            db.AuditEvents.Add(ChildEvent(actor, child, now, AuditActions.ConcernResolved, "Resolved the concern about a disputed delivery record by answering the dispute"));
            NotifyRaiser(concern, child, actor, $"{actor.Name} answered your dispute about {child.KnownAs}'s delivery record: tell them if it is resolved",
                $"{actor.Name} says your concern about {child.KnownAs} is resolved: tell them if it is");
        }
    }

    public Task<Result<Concern>> AcknowledgeAsync(Guid childId, Guid concernId, string? message, Guid version, Actor actor) =>
        AnswerAsync(childId, concernId, version, actor, (concern, now) =>
        {
            if (message?.Trim().Length > Concern.MaxTextLength)
            {
                return new ConcernTextTooLong("Text", Concern.MaxTextLength);
            }

            return concern.Acknowledge(string.IsNullOrWhiteSpace(message) ? null : message.Trim(), actor.UserId!.Value, actor.Name, now) is { } update
                ? update
                : new ConcernStepNotAllowed("acknowledged");
        }, AuditActions.ConcernAcknowledged, "Acknowledged",
        (concern, child) => ($"{actor.Name} acknowledged your concern about {child.KnownAs}: \"{concern.Topic}\"", $"{actor.Name} acknowledged your concern about {child.KnownAs}"));

    public Task<Result<Concern>> RespondAsync(Guid childId, Guid concernId, string? text, Guid version, Actor actor) =>
        AnswerAsync(childId, concernId, version, actor, (concern, now) =>
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return new ResponseMissing();
            }

            if (text.Trim().Length > Concern.MaxTextLength)
            {
                return new ConcernTextTooLong("Text", Concern.MaxTextLength);
            }

            return concern.Respond(text.Trim(), actor.UserId!.Value, actor.Name, now) is { } update ? update : new ConcernStepNotAllowed("answered");
        }, AuditActions.ConcernResponded, "Responded to",
        (concern, child) => ($"{actor.Name} responded to your concern about {child.KnownAs}: \"{concern.Topic}\"", $"{actor.Name} responded to your concern about {child.KnownAs}"));

    public Task<Result<Concern>> ResolveAsync(Guid childId, Guid concernId, string? youSaid, string? weDid, Guid version, Actor actor) =>
        AnswerAsync(childId, concernId, version, actor, (concern, now) =>
        {
            Error? invalid = (youSaid, weDid) switch
            {
                (var said, _) when string.IsNullOrWhiteSpace(said) => new YouSaidMissing(),
                ({ Length: > Concern.MaxTextLength }, _) => new ConcernTextTooLong("YouSaid", Concern.MaxTextLength),
                (_, var did) when string.IsNullOrWhiteSpace(did) => new WeDidMissing(),
                (_, { Length: > Concern.MaxTextLength }) => new ConcernTextTooLong("WeDid", Concern.MaxTextLength),
                _ => null,
            };
            if (invalid is not null)
            {
                return invalid;
            }

            return concern.Resolve(youSaid!.Trim(), weDid!.Trim(), actor.UserId!.Value, actor.Name, now) is { } update ? update : new ConcernStepNotAllowed("resolved");
        }, AuditActions.ConcernResolved, "Resolved",
        (concern, child) => ($"{actor.Name} says your concern about {child.KnownAs} is resolved: \"{concern.Topic}\". Tell them if it is",
            $"{actor.Name} says your concern about {child.KnownAs} is resolved: tell them if it is"));

    /// <summary>The person who raised it (or, for a concern the family raised, anyone in the family) agrees it is resolved.</summary>
    public Task<Result<Concern>> ConfirmAsync(Guid childId, Guid concernId, Guid version, Actor actor) =>
        DecideAsync(childId, concernId, version, actor, (concern, byFamily, now) =>
            Task.FromResult<Result<ConcernUpdate>>(concern.Confirm(actor.UserId!.Value, actor.Name, byFamily, now) is { } update ? update : new ConcernStepNotAllowed("confirmed as resolved")),
            AuditActions.ConcernConfirmed, "Confirmed as resolved",
            (concern, child) => ($"{actor.Name} confirmed the concern about {child.KnownAs} is resolved: \"{concern.Topic}\"", $"{actor.Name} confirmed a concern about {child.KnownAs} is resolved"));

    public Task<Result<Concern>> ReopenAsync(Guid childId, Guid concernId, string? reason, Guid version, Actor actor) =>
        DecideAsync(childId, concernId, version, actor, async (concern, byFamily, now) =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return new ReopenReasonMissing();
            }

            if (reason.Trim().Length > Concern.MaxTextLength)
            {
                return new ConcernTextTooLong("Reason", Concern.MaxTextLength);
            }

            var standard = await StandardForAsync(concern.OwnerOrganisationId);
            var startsOn = ConcernClock.StartsOn(now, Calendar);
            return concern.Reopen(reason.Trim(), actor.UserId!.Value, actor.Name, byFamily, now, startsOn, ConcernClock.DueOn(startsOn, standard.RespondDays(concern.Urgency), Calendar)) is { } update
                ? update
                : new ConcernStepNotAllowed("reopened");
        }, AuditActions.ConcernReopened, "Reopened",
        (concern, child) => ($"{actor.Name} reopened the concern about {child.KnownAs}: \"{concern.Topic}\". It needs a new response", $"{actor.Name} reopened a concern about {child.KnownAs}"));

    /// <summary>Whether the person may answer the concern: its owner, or a lead of its organisation on the child's team.</summary>
    public async Task<bool> MayAnswerAsync(ChildAccess childAccess, Concern concern, Guid userId) =>
        childAccess.Can(Capability.RespondToConcern, RecordArea.Concerns) && CanSee(childAccess, concern) && await MayAssignAsync(concern, userId);

    /// <summary>Whether the person may say it is resolved or reopen it.</summary>
    public static bool MayDecide(ChildAccess childAccess, Concern concern, Guid userId) =>
        CanSee(childAccess, concern) && (concern.RaisedByUserId == userId || (concern.RaisedByFamily && childAccess.IsFamily));

    /// <summary>Whether the person may pass the concern on: its owner, or any lead of its organisation.</summary>
    public Task<bool> MayAssignAsync(Concern concern, Guid userId) =>
        db.Professionals.AnyAsync(p => p.UserAccountId == userId && p.DeactivatedAt == null
            && (p.Id == concern.OwnerProfessionalId || (p.IsOrganisationAdmin && p.OrganisationId == concern.OwnerOrganisationId)));

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

    /// <summary>A concern owned by the person's organisation, for its lead to assign; null if it is not theirs to see.</summary>
    public async Task<InboxConcern?> FindForOrganisationAsync(Guid organisationId, Guid concernId)
    {
        var found = await db.Concerns.AsNoTracking().Where(c => c.Id == concernId && c.OwnerOrganisationId == organisationId)
            .Select(c => new { Concern = c, Child = db.Children.Single(ch => ch.Id == c.ChildId) }).SingleOrDefaultAsync();
        return found is null ? null : new InboxConcern(found.Concern, $"{found.Child.KnownAs} {found.Child.LastName}");
    }

    /// <summary>The open concerns an organisation owns: those waiting for a lead to assign them, and those past a clock.</summary>
    public async Task<IReadOnlyList<InboxConcern>> ListForOrganisationAsync(Guid organisationId)
    {
        var found = await db.Concerns.AsNoTracking()
            .Where(c => c.OwnerOrganisationId == organisationId && c.Status != ConcernStatus.Closed)
            .Join(db.Children, c => c.ChildId, ch => ch.Id, (c, ch) => new { Concern = c, ch.PreferredName, ch.FirstName, ch.LastName })
            .ToListAsync();
        return found.Select(f => new InboxConcern(f.Concern, $"{f.PreferredName ?? f.FirstName} {f.LastName}"))
            .OrderBy(f => f.Concern.OwnerProfessionalId is not null).ThenBy(f => f.Concern.NextClock?.DueOn ?? DateOnly.MaxValue).ThenBy(f => f.Concern.RaisedAt)
            .ToList();
    }

    public async Task<Result<Concern>> AssignAsync(Guid concernId, Guid teamMemberId, Guid version, Actor actor)
    {
        var concern = await db.Concerns.SingleOrDefaultAsync(c => c.Id == concernId);
        if (concern is null)
        {
            return new ConcernNotFound();
        }

        if (!await MayAssignAsync(concern, actor.UserId!.Value))
        {
            return new NotAllowedToAssign();
        }

        if (concern.Version != version)
        {
            return new ConcernChangedMeanwhile();
        }

        if ((await AssigneesAsync(concern)).FirstOrDefault(a => a.TeamMemberId == teamMemberId) is not { } assignee)
        {
            return new AssigneeNotOnTeam();
        }

        var professional = await db.Professionals.Include(p => p.UserAccount).Include(p => p.Organisation).SingleAsync(p => p.Id == assignee.ProfessionalId);
        var child = await db.Children.SingleAsync(c => c.Id == concern.ChildId);
        var now = timeProvider.UtcNow();
        db.ConcernUpdates.Add(concern.Assign(professional.Id, assignee.Name, professional.OrganisationId, professional.Organisation!.Name, actor.UserId!.Value, actor.Name, now));
        db.AuditEvents.Add(ChildEvent(actor, child, now, AuditActions.ConcernAssigned, $"Passed a concern about {concern.About.ToDisplayName()} to {assignee.Name}"));
        if (professional.UserAccountId != actor.UserId)
        {
            notifier.Notify(professional.UserAccountId, NotificationKind.ConcernRaised,
                $"{actor.Name} passed you a concern about {child.KnownAs} to answer: \"{concern.Topic}\"",
                $"{actor.Name} passed you a concern about {child.KnownAs} to answer",
                ChildLinks.Concern(child.Id, concern.Id), child.Id, concern.Urgency == ConcernUrgency.Urgent, area: RecordArea.Concerns, about: concern.About);
        }

        return await SaveAsync(concern);
    }

    /// <summary>
    /// Escalates every open concern past a clock that has not been escalated yet: its owner's organisation leads are
    /// told, and the family sees who has it now. Safe to run on several instances at once: a concern changed by another
    /// instance first is left to that one.
    /// </summary>
    public async Task<int> EscalateBreachesAsync(CancellationToken cancellationToken = default)
    {
        var today = timeProvider.TodayInUk();
        var breached = await db.Concerns.AsNoTracking()
            .Where(c => c.Status != ConcernStatus.Closed
                && ((c.AcknowledgedAt == null && c.AcknowledgeEscalatedAt == null && c.AcknowledgeBy < today)
                    || (c.RespondedAt == null && c.ResolvedAt == null && c.RespondEscalatedAt == null && c.RespondBy < today)))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var escalated = 0;
        foreach (var id in breached)
        {
            db.ChangeTracker.Clear();
            var concern = await db.Concerns.SingleAsync(c => c.Id == id, cancellationToken);
            if (concern.UnescalatedBreach(today) is not { } clock)
            {
                continue;
            }

            var child = await db.Children.SingleAsync(c => c.Id == concern.ChildId, cancellationToken);
            await StageEscalationAsync(concern, clock, child);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                escalated++;
                await signals.RefreshAfterChangeAsync(concern.ChildId, cancellationToken);
            }
            catch (DbUpdateException ex) when (SaveConflicts.IsLostRace(ex))
            {
                // Another instance, or the owner, changed it first; the next run looks again.
            }
        }

        db.ChangeTracker.Clear();
        return escalated;
    }

    public async Task<Result<ResponseStandard>> SetStandardAsync(Guid organisationId, int acknowledge, int respond, int urgentAcknowledge, int urgentRespond, Actor actor)
    {
        Error? invalid = (acknowledge, respond, urgentAcknowledge, urgentRespond) switch
        {
            ( < 1 or > ResponseStandard.MaxWorkingDays, _, _, _) => new StandardOutOfRange("AcknowledgeWorkingDays"),
            (_, < 1 or > ResponseStandard.MaxWorkingDays, _, _) => new StandardOutOfRange("RespondWorkingDays"),
            (_, _, < 1 or > ResponseStandard.MaxWorkingDays, _) => new StandardOutOfRange("UrgentAcknowledgeWorkingDays"),
            (_, _, _, < 1 or > ResponseStandard.MaxWorkingDays) => new StandardOutOfRange("UrgentRespondWorkingDays"),
            _ when acknowledge > respond => new AcknowledgeAfterRespond("AcknowledgeWorkingDays"),
            _ when urgentAcknowledge > urgentRespond => new AcknowledgeAfterRespond("UrgentAcknowledgeWorkingDays"),
            _ => null,
        };
        if (invalid is not null)
        {
            return invalid;
        }

        ResponseStandard standard = default!;
        await db.SaveSettingsAsync(async () =>
        {
            standard = await db.ResponseStandards.SingleOrDefaultAsync(s => s.OrganisationId == organisationId) ?? ResponseStandard.DefaultFor(organisationId);
            if (db.Entry(standard).State == EntityState.Detached)
            {
                db.ResponseStandards.Add(standard);
            }

            var now = timeProvider.UtcNow();
            standard.AcknowledgeWorkingDays = acknowledge;
            standard.RespondWorkingDays = respond;
            standard.UrgentAcknowledgeWorkingDays = urgentAcknowledge;
            standard.UrgentRespondWorkingDays = urgentRespond;
            standard.ChangedAt = now;
            standard.ChangedByName = actor.Name;
            standard.Version = Guid.NewGuid();
            db.AuditEvents.Add(AuditEvent.For(actor, now, AuditActions.ResponseStandardChanged, "Organisation", organisationId,
                $"Set the response standard: acknowledge in {acknowledge} and respond in {respond} working days; urgent concerns in {urgentAcknowledge} and {urgentRespond}"));
        });
        return standard;
    }

    private async Task StageEscalationAsync(Concern concern, ConcernClockKind clock, Child child)
    {
        var leads = await LeadsAsync(concern.OwnerOrganisationId);
        var escalatedTo = leads.Count switch
        {
            0 => $"the leads of {concern.OwnerOrganisationName}",
            1 => $"{leads[0].DisplayName}, a lead at {concern.OwnerOrganisationName}",
            _ => $"{string.Join(", ", leads.Take(leads.Count - 1).Select(l => l.DisplayName))} and {leads[^1].DisplayName}, leads at {concern.OwnerOrganisationName}",
        };
        var now = timeProvider.UtcNow();
        if (concern.Escalate(clock, escalatedTo, now) is not { } update)
        {
            return;
        }

        db.ConcernUpdates.Add(update);
        db.AuditEvents.Add(ChildEvent(Actor.System, child, now, AuditActions.ConcernEscalated,
            $"A concern about {concern.About.ToDisplayName()} was not {(clock == ConcernClockKind.Acknowledge ? "acknowledged" : "answered")} in time and went to {escalatedTo}"));
        var mandatory = concern.Urgency == ConcernUrgency.Urgent;
        var late = clock == ConcernClockKind.Acknowledge ? "acknowledged" : "answered";
        foreach (var lead in leads)
        {
            notifier.Notify(lead.UserAccountId, NotificationKind.ConcernOverdue,
                $"A concern about {child.KnownAs} owned by {concern.OwnerName ?? concern.OwnerOrganisationName} was not {late} in time: \"{concern.Topic}\"",
                $"A concern about {child.KnownAs} was not {late} in time and has come to you",
                OrganisationLink(concern.Id), child.Id, mandatory, $"concern-escalated:{concern.Id}:{clock}");
        }

        var ownerUserId = await ActiveUserIdAsync(concern.OwnerProfessionalId);
        if (ownerUserId is { } owner && leads.All(l => l.UserAccountId != owner))
        {
            notifier.Notify(owner, NotificationKind.ConcernOverdue,
                $"A concern about {child.KnownAs} you own was not {late} in time and has gone to {escalatedTo}: \"{concern.Topic}\"",
                $"A concern about {child.KnownAs} you own was not {late} in time",
                ChildLinks.Concern(child.Id, concern.Id), child.Id, mandatory, $"concern-escalated:{concern.Id}:{clock}", RecordArea.Concerns, concern.About);
        }

        if (concern.RaisedByUserId != ownerUserId && leads.All(l => l.UserAccountId != concern.RaisedByUserId))
        {
            notifier.Notify(concern.RaisedByUserId, NotificationKind.ConcernOverdue,
                $"Your concern about {child.KnownAs} was not {late} in time. It has gone to {escalatedTo}",
                $"Your concern about {child.KnownAs} was not {late} in time and has gone to a lead",
                ChildLinks.Concern(child.Id, concern.Id), child.Id, mandatory, $"concern-escalated:{concern.Id}:{clock}", RecordArea.Concerns, concern.About);
        }
    }

    private delegate Result<ConcernUpdate> AnswerStep(Concern concern, DateTime now);

    private delegate Task<Result<ConcernUpdate>> DecideStep(Concern concern, bool byFamily, DateTime now);

    /// <summary>A step by the owner (acknowledge, respond, resolve): the raiser is told, and a late step escalates at once.</summary>
    private async Task<Result<Concern>> AnswerAsync(Guid childId, Guid concernId, Guid version, Actor actor, AnswerStep step,
        string auditAction, string verb, Func<Concern, Child, (string Title, string EmailLine)> message)
    {
        var loaded = await LoadForStepAsync(childId, concernId, version, actor,
            async (childAccess, concern) => await MayAnswerAsync(childAccess, concern, actor.UserId!.Value) ? null : new NotAllowedToAnswer());
        if (!loaded.Succeeded)
        {
            return loaded.Error!;
        }

        var (childAccess, concern) = loaded.Value;
        var now = timeProvider.UtcNow();
        // A clock already past when the owner acts is escalated now, so it is never missed between two runs of the job.
        var breach = concern.UnescalatedBreach(timeProvider.TodayInUk());
        var result = step(concern, now);
        if (!result.Succeeded)
        {
            return result.Error!;
        }

        db.ConcernUpdates.Add(result.Value!);
        db.AuditEvents.Add(ChildEvent(actor, childAccess.Child, now, auditAction, $"{verb} a concern about {concern.About.ToDisplayName()}"));
        var (title, emailLine) = message(concern, childAccess.Child);
        NotifyRaiser(concern, childAccess.Child, actor, title, emailLine);
        if (breach is { } clock)
        {
            await StageEscalationAsync(concern, clock, childAccess.Child);
        }

        return await SaveAsync(concern);
    }

    /// <summary>A decision by the person who raised it (confirm or reopen): the owner is told.</summary>
    private async Task<Result<Concern>> DecideAsync(Guid childId, Guid concernId, Guid version, Actor actor, DecideStep step,
        string auditAction, string verb, Func<Concern, Child, (string Title, string EmailLine)> message)
    {
        var loaded = await LoadForStepAsync(childId, concernId, version, actor,
            (childAccess, concern) => Task.FromResult<Error?>(MayDecide(childAccess, concern, actor.UserId!.Value) ? null : new OnlyRaiserDecides()));
        if (!loaded.Succeeded)
        {
            return loaded.Error!;
        }

        var (childAccess, concern) = loaded.Value;
        var now = timeProvider.UtcNow();
        var result = await step(concern, childAccess.IsFamily, now);
        if (!result.Succeeded)
        {
            return result.Error!;
        }

        db.ConcernUpdates.Add(result.Value!);
        db.AuditEvents.Add(ChildEvent(actor, childAccess.Child, now, auditAction, $"{verb} a concern about {concern.About.ToDisplayName()}"));
        if (await ActiveUserIdAsync(concern.OwnerProfessionalId) is { } ownerUserId && ownerUserId != actor.UserId)
        {
            var (title, emailLine) = message(concern, childAccess.Child);
            notifier.Notify(ownerUserId, NotificationKind.ConcernUpdated, title, emailLine, ChildLinks.Concern(childId, concern.Id), childId, concern.Urgency == ConcernUrgency.Urgent,
                area: RecordArea.Concerns, about: concern.About);
        }

        return await SaveAsync(concern);
    }

    /// <summary>
    /// Loads a concern for a step on it: not found if the child or the concern is not the person's to see, refused if
    /// <paramref name="refusal"/> says so, and changed meanwhile if someone else moved it on since the form was shown.
    /// </summary>
    private async Task<Result<(ChildAccess ChildAccess, Concern Concern)>> LoadForStepAsync(Guid childId, Guid concernId, Guid version, Actor actor,
        Func<ChildAccess, Concern, Task<Error?>> refusal)
    {
        var childAccess = await access.GetAsync(childId, actor);
        if (childAccess is null)
        {
            return new ConcernChildNotFound();
        }

        var concern = await db.Concerns.SingleOrDefaultAsync(c => c.Id == concernId && c.ChildId == childId);
        if (concern is null || !CanSee(childAccess, concern))
        {
            return new ConcernNotFound();
        }

        if (await refusal(childAccess, concern) is { } refused)
        {
            return refused;
        }

        return concern.Version == version ? (childAccess, concern) : new ConcernChangedMeanwhile();
    }

    /// <summary>An organisation's leads (its active admins), by name.</summary>
    private async Task<List<(Guid UserAccountId, string DisplayName)>> LeadsAsync(Guid organisationId) =>
        (await db.Professionals.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId && p.IsOrganisationAdmin && p.DeactivatedAt == null)
            .Select(p => new { p.UserAccountId, p.UserAccount!.DisplayName })
            .OrderBy(p => p.DisplayName)
            .ToListAsync())
        .Select(p => (p.UserAccountId, p.DisplayName)).ToList();

    /// <summary>The account of a member of staff who is still active; null for nobody, or for someone who has left.</summary>
    private async Task<Guid?> ActiveUserIdAsync(Guid? professionalId) => professionalId is { } id
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

    private async Task NotifyNewOwnerAsync(Concern concern, Child child, Actor actor)
    {
        var mandatory = concern.Urgency == ConcernUrgency.Urgent;
        var urgent = mandatory ? "An urgent concern" : "A concern";
        if (concern.OwnerProfessionalId is not null)
        {
            if (await ActiveUserIdAsync(concern.OwnerProfessionalId) is { } ownerUserId && ownerUserId != actor.UserId)
            {
                notifier.Notify(ownerUserId, NotificationKind.ConcernRaised, $"{urgent} about {child.KnownAs} was raised for you to answer: \"{concern.Topic}\"",
                    $"{urgent} about {child.KnownAs} was raised for you to answer", ChildLinks.Concern(child.Id, concern.Id), child.Id, mandatory, area: RecordArea.Concerns, about: concern.About);
            }

            return;
        }

        foreach (var lead in (await LeadsAsync(concern.OwnerOrganisationId)).Select(l => l.UserAccountId).Where(l => l != actor.UserId))
        {
            notifier.Notify(lead, NotificationKind.ConcernRaised, $"{urgent} about {child.KnownAs} was raised for {concern.OwnerOrganisationName}: choose who answers it",
                $"{urgent} about {child.KnownAs} was raised for {concern.OwnerOrganisationName}: choose who answers it", OrganisationLink(concern.Id), child.Id, mandatory);
        }
    }

    private void NotifyRaiser(Concern concern, Child child, Actor actor, string title, string emailLine)
    {
        if (concern.RaisedByUserId != actor.UserId)
        {
            notifier.Notify(concern.RaisedByUserId, NotificationKind.ConcernUpdated, title, emailLine, ChildLinks.Concern(child.Id, concern.Id), child.Id, concern.Urgency == ConcernUrgency.Urgent,
                area: RecordArea.Concerns, about: concern.About);
        }
    }

    private async Task<Result<Concern>> SaveAsync(Concern concern)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex) when (SaveConflicts.IsLostRace(ex))
        {
            return new ConcernChangedMeanwhile();
        }

        await signals.RefreshAfterChangeAsync(concern.ChildId);
        return concern;
    }

    private static AuditEvent ChildEvent(Actor actor, Child child, DateTime now, string action, string summary) =>
        AuditEvent.ForChild(actor, child.Id, child.AreaId, now, action, summary, RecordArea.Concerns);
}
