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

/// <summary>The steps on a concern after it is raised: its owner acknowledges, responds and resolves it (a late step escalates at once), a lead passes it on, and the person who raised it confirms or reopens it.</summary>
public sealed class ConcernStepService(CommonGroundDbContext db, ConcernService concerns, ConcernEscalation escalation, Notifier notifier, AttentionSignals signals, TimeProvider timeProvider)
{
    public Task<Result<Concern>> AcknowledgeAsync(ChildAccess childAccess, Guid concernId, string? message, int version, UserActor actor) =>
        AnswerAsync(childAccess, concernId, version, actor, (concern, now) =>
        {
            if (message?.Trim().Length > Concern.MaxTextLength)
            {
                return new TextTooLong("Text", Concern.MaxTextLength);
            }

            return concern.Acknowledge(string.IsNullOrWhiteSpace(message) ? null : message.Trim(), actor.UserId, actor.Name, now) is { } update
                ? update
                : new ConcernStepNotAllowed("acknowledged");
        }, AuditActions.ConcernAcknowledged, "Acknowledged",
        (concern, child) => ($"{actor.Name} acknowledged your concern about {child.KnownAs}: \"{concern.Topic}\"", $"{actor.Name} acknowledged your concern about {child.KnownAs}"));

    public Task<Result<Concern>> RespondAsync(ChildAccess childAccess, Guid concernId, string? text, int version, UserActor actor) =>
        AnswerAsync(childAccess, concernId, version, actor, (concern, now) =>
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return new ResponseMissing();
            }

            if (text.Trim().Length > Concern.MaxTextLength)
            {
                return new TextTooLong("Text", Concern.MaxTextLength);
            }

            return concern.Respond(text.Trim(), actor.UserId, actor.Name, now) is { } update ? update : new ConcernStepNotAllowed("answered");
        }, AuditActions.ConcernResponded, "Responded to",
        (concern, child) => ($"{actor.Name} responded to your concern about {child.KnownAs}: \"{concern.Topic}\"", $"{actor.Name} responded to your concern about {child.KnownAs}"));

    public Task<Result<Concern>> ResolveAsync(ChildAccess childAccess, Guid concernId, string? youSaid, string? weDid, int version, UserActor actor) =>
        AnswerAsync(childAccess, concernId, version, actor, (concern, now) =>
        {
            Error? invalid = (youSaid, weDid) switch
            {
                (var said, _) when string.IsNullOrWhiteSpace(said) => new YouSaidMissing(),
                ({ Length: > Concern.MaxTextLength }, _) => new TextTooLong("YouSaid", Concern.MaxTextLength),
                (_, var did) when string.IsNullOrWhiteSpace(did) => new WeDidMissing(),
                (_, { Length: > Concern.MaxTextLength }) => new TextTooLong("WeDid", Concern.MaxTextLength),
                _ => null,
            };
            if (invalid is not null)
            {
                return invalid;
            }

            return concern.Resolve(youSaid!.Trim(), weDid!.Trim(), actor.UserId, actor.Name, now) is { } update ? update : new ConcernStepNotAllowed("resolved");
        }, AuditActions.ConcernResolved, "Resolved",
        (concern, child) => ($"{actor.Name} says your concern about {child.KnownAs} is resolved: \"{concern.Topic}\". Tell them if it is",
            $"{actor.Name} says your concern about {child.KnownAs} is resolved: tell them if it is"));

    /// <summary>The person who raised it (or, for a concern the family raised, anyone in the family) agrees it is resolved.</summary>
    public Task<Result<Concern>> ConfirmAsync(ChildAccess childAccess, Guid concernId, int version, UserActor actor) =>
        DecideAsync(childAccess, concernId, version, actor, (concern, byFamily, now) =>
            Task.FromResult<Result<ConcernUpdate>>(concern.Confirm(actor.UserId, actor.Name, byFamily, now) is { } update ? update : new ConcernStepNotAllowed("confirmed as resolved")),
            AuditActions.ConcernConfirmed, "Confirmed as resolved",
            (concern, child) => ($"{actor.Name} confirmed the concern about {child.KnownAs} is resolved: \"{concern.Topic}\"", $"{actor.Name} confirmed a concern about {child.KnownAs} is resolved"));

    public Task<Result<Concern>> ReopenAsync(ChildAccess childAccess, Guid concernId, string? reason, int version, UserActor actor) =>
        DecideAsync(childAccess, concernId, version, actor, async (concern, byFamily, now) =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return new ReopenReasonMissing();
            }

            if (reason.Trim().Length > Concern.MaxTextLength)
            {
                return new TextTooLong("Reason", Concern.MaxTextLength);
            }

            var standard = await concerns.StandardForAsync(concern.OwnerOrganisationId);
            var startsOn = ConcernClock.StartsOn(now, ConcernService.Calendar);
            return concern.Reopen(reason.Trim(), actor.UserId, actor.Name, byFamily, now, startsOn, ConcernClock.DueOn(startsOn, standard.RespondDays(concern.Urgency), ConcernService.Calendar)) is { } update
                ? update
                : new ConcernStepNotAllowed("reopened");
        }, AuditActions.ConcernReopened, "Reopened",
        (concern, child) => ($"{actor.Name} reopened the concern about {child.KnownAs}: \"{concern.Topic}\". It needs a new response", $"{actor.Name} reopened a concern about {child.KnownAs}"));

    public async Task<Result<Concern>> AssignAsync(Guid concernId, Guid teamMemberId, int version, UserActor actor)
    {
        var concern = await db.Concerns.SingleOrDefaultAsync(c => c.Id == concernId);
        if (concern is null)
        {
            return new ConcernNotFound();
        }

        if (!await concerns.MayAssignAsync(concern, actor.UserId))
        {
            return new NotAllowedToAssign();
        }

        if (await db.Children.AnyAsync(c => c.Id == concern.ChildId && c.ClosedOn != null))
        {
            return new DataRights.RecordIsClosed();
        }

        if (concern.Version != version)
        {
            return new ConcernChangedMeanwhile();
        }

        if ((await concerns.AssigneesAsync(concern)).FirstOrDefault(a => a.TeamMemberId == teamMemberId) is not { } assignee)
        {
            return new AssigneeNotOnTeam();
        }

        var professional = await db.Professionals.Include(p => p.UserAccount).Include(p => p.Organisation).SingleAsync(p => p.Id == assignee.ProfessionalId);
        var child = await db.Children.SingleAsync(c => c.Id == concern.ChildId);
        var now = timeProvider.UtcNow();
        db.ConcernUpdates.Add(concern.Assign(professional.Id, assignee.Name, professional.OrganisationId, professional.Organisation!.Name, actor.UserId, actor.Name, now));
        db.AuditEvents.Add(ConcernService.ChildEvent(actor, child, concern, now, AuditActions.ConcernAssigned, $"Passed a concern about {concern.About.ToDisplayName()} to {assignee.Name}"));
        if (professional.UserAccountId != actor.UserId)
        {
            await notifier.NotifyAsync(professional.UserAccountId, NotificationKind.ConcernRaised,
                $"{actor.Name} passed you a concern about {child.KnownAs} to answer: \"{concern.Topic}\"",
                $"{actor.Name} passed you a concern about {child.KnownAs} to answer",
                ChildLinks.Concern(child.Id, concern.Id), child.Id, concern.Urgency == ConcernUrgency.Urgent, area: RecordArea.Concerns, about: concern.About);
        }

        return await SaveAsync(concern);
    }

    private delegate Result<ConcernUpdate> AnswerStep(Concern concern, DateTime now);

    private delegate Task<Result<ConcernUpdate>> DecideStep(Concern concern, bool byFamily, DateTime now);

    /// <summary>A step by the owner (acknowledge, respond, resolve): the raiser is told, and a late step escalates at once.</summary>
    private async Task<Result<Concern>> AnswerAsync(ChildAccess childAccess, Guid concernId, int version, UserActor actor, AnswerStep step,
        string auditAction, string verb, Func<Concern, Child, (string Title, string EmailLine)> message)
    {
        var loaded = await LoadForStepAsync(childAccess, concernId, version,
            async concern => await concerns.MayAnswerAsync(childAccess, concern, actor.UserId) ? null : new NotAllowedToAnswer());
        if (!loaded.Succeeded)
        {
            return loaded.Error!;
        }

        var concern = loaded.Value!;
        var now = timeProvider.UtcNow();
        // A clock already past when the owner acts is escalated now, so it is never missed between two runs of the job.
        var breach = concern.UnescalatedBreach(timeProvider.TodayInUk());
        var result = step(concern, now);
        if (!result.Succeeded)
        {
            return result.Error!;
        }

        db.ConcernUpdates.Add(result.Value!);
        db.AuditEvents.Add(ConcernService.ChildEvent(actor, childAccess.Child, concern, now, auditAction, $"{verb} a concern about {concern.About.ToDisplayName()}"));
        var (title, emailLine) = message(concern, childAccess.Child);
        await concerns.NotifyRaiserAsync(concern, childAccess.Child, actor, title, emailLine);
        if (breach is { } clock)
        {
            await escalation.StageAsync(concern, clock, childAccess.Child);
        }

        return await SaveAsync(concern);
    }

    /// <summary>A decision by the person who raised it (confirm or reopen): the owner is told.</summary>
    private async Task<Result<Concern>> DecideAsync(ChildAccess childAccess, Guid concernId, int version, UserActor actor, DecideStep step,
        string auditAction, string verb, Func<Concern, Child, (string Title, string EmailLine)> message)
    {
        var loaded = await LoadForStepAsync(childAccess, concernId, version,
            concern => Task.FromResult<Error?>(ConcernService.MayDecide(childAccess, concern, actor.UserId) ? null : new OnlyRaiserDecides()));
        if (!loaded.Succeeded)
        {
            return loaded.Error!;
        }

        var concern = loaded.Value!;
        var now = timeProvider.UtcNow();
        var result = await step(concern, childAccess.IsFamily, now);
        if (!result.Succeeded)
        {
            return result.Error!;
        }

        db.ConcernUpdates.Add(result.Value!);
        db.AuditEvents.Add(ConcernService.ChildEvent(actor, childAccess.Child, concern, now, auditAction, $"{verb} a concern about {concern.About.ToDisplayName()}"));
        if (await concerns.ActiveUserIdAsync(concern.OwnerProfessionalId) is { } ownerUserId && ownerUserId != actor.UserId)
        {
            var (title, emailLine) = message(concern, childAccess.Child);
            await notifier.NotifyAsync(ownerUserId, NotificationKind.ConcernUpdated, title, emailLine, ChildLinks.Concern(childAccess.Child.Id, concern.Id), childAccess.Child.Id, concern.Urgency == ConcernUrgency.Urgent,
                area: RecordArea.Concerns, about: concern.About);
        }

        return await SaveAsync(concern);
    }

    /// <summary>
    /// Loads a concern for a step on it: not found if the concern is not the person's to see, refused if
    /// <paramref name="refusal"/> says so, and changed meanwhile if someone else moved it on since the form was shown.
    /// </summary>
    private async Task<Result<Concern>> LoadForStepAsync(ChildAccess childAccess, Guid concernId, int version, Func<Concern, Task<Error?>> refusal)
    {
        var concern = await db.Concerns.SingleOrDefaultAsync(c => c.Id == concernId && c.ChildId == childAccess.Child.Id);
        if (concern is null || !ConcernService.CanSee(childAccess, concern))
        {
            return new ConcernNotFound();
        }

        if (await refusal(concern) is { } refused)
        {
            return refused;
        }

        return concern.Version == version ? concern : new ConcernChangedMeanwhile();
    }


    private async Task<Result<Concern>> SaveAsync(Concern concern)
    {
        if (!await db.TrySaveAsync())
        {
            return new ConcernChangedMeanwhile();
        }

        await signals.RefreshAfterChangeAsync(concern.ChildId);
        return concern;
    }
}
