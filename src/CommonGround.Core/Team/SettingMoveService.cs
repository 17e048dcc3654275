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

namespace CommonGround.Core.Team;

/// <summary>A school, college or early years setting on the team, which the child may be leaving, with how many of its commitments are open.</summary>
public sealed record SettingOnTeam(Guid OrganisationId, string Name, OrganisationKind Kind, int OpenCommitments);

/// <summary>
/// The child leaves <paramref name="FromOrganisationId"/> after <paramref name="LastDay"/>; <paramref name="Choices"/> says, for
/// each of its open commitments by id, <see cref="SettingMoveService.End"/> or the professional id of who takes it on.
/// </summary>
public sealed record MoveSettingOptions(Guid FromOrganisationId, DateOnly? LastDay, IReadOnlyDictionary<Guid, string> Choices);

/// <summary>
/// A child moving setting: every open commitment of the setting they leave is ended when they leave it, or handed to
/// someone on the team (usually from the new setting) who can see it; nothing is recorded while any is left undecided,
/// so none is silently dropped.
/// </summary>
public sealed class SettingMoveService(CommonGroundDbContext db, AccessService access, Notifier notifier, AttentionSignals signals, TimeProvider timeProvider)
{
    public const string End = "end";

    private static readonly OrganisationKind[] Settings = [OrganisationKind.School, OrganisationKind.EarlyYears, OrganisationKind.College];
    private static readonly CommitmentStatus[] Open = [CommitmentStatus.Proposed, CommitmentStatus.Agreed, CommitmentStatus.Active];

    /// <summary>The settings on the child's team now, each with its open commitments counted.</summary>
    public async Task<IReadOnlyList<SettingOnTeam>> SettingsOnTeamAsync(Guid childId)
    {
        var settings = await db.TeamMembers.AsNoTracking()
            .Where(t => t.ChildId == childId && t.LeftAt == null && Settings.Contains(t.Professional!.Organisation!.Kind))
            .Select(t => new { t.Professional!.OrganisationId, t.Professional.Organisation!.Name, t.Professional.Organisation.Kind })
            .Distinct().ToListAsync();
        var open = await db.Commitments.AsNoTracking().Where(c => c.ChildId == childId && Open.Contains(c.Status))
            .GroupBy(c => c.OwnerOrganisationId).Select(g => new { OrganisationId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.OrganisationId, g => g.Count);
        return settings.Select(s => new SettingOnTeam(s.OrganisationId, s.Name, s.Kind, open.GetValueOrDefault(s.OrganisationId)))
            .OrderBy(s => s.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The setting's open commitments for the child that the person may see.</summary>
    public async Task<IReadOnlyList<Commitment>> OpenCommitmentsAsync(ChildAccess childAccess, Guid organisationId) =>
        (await db.Commitments.AsNoTracking()
            .Where(c => c.ChildId == childAccess.Child.Id && c.OwnerOrganisationId == organisationId && Open.Contains(c.Status))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync())
        .Where(c => childAccess.CanSeeCommitment(c.RecordArea)).ToList();

    /// <summary>Who can take on the leaving setting's commitments: anyone else on the team from another organisation.</summary>
    public Task<IReadOnlyList<Successor>> NewOwnersAsync(Guid childId, Guid leavingOrganisationId) =>
        LeaversWork.OnTeamAsync(db, childId, t => t.Professional!.OrganisationId != leavingOrganisationId);

    public async Task<Result<int>> MoveAsync(ChildAccess childAccess, MoveSettingOptions options, UserActor actor)
    {
        if (!childAccess.Can(Capability.ManageTeam))
        {
            return new NotAllowedForTeam();
        }

        var child = childAccess.Child;
        var setting = (await SettingsOnTeamAsync(child.Id)).FirstOrDefault(s => s.OrganisationId == options.FromOrganisationId);
        if (setting is null)
        {
            return new SettingNotOnTeam();
        }

        var today = timeProvider.TodayInUk();
        Error? invalid = options.LastDay switch
        {
            null => new LastDayMissing(),
            { } day when day < today.AddDays(-90) => new LastDayTooLongAgo(),
            { } day when day > today.AddYears(1) => new LastDayTooFar(),
            _ => null,
        };
        if (invalid is not null)
        {
            return invalid;
        }

        var lastDay = options.LastDay!.Value;
        var commitmentIds = (await OpenCommitmentsAsync(childAccess, setting.OrganisationId)).Select(c => c.Id).ToList();
        var commitments = await db.Commitments.Where(c => commitmentIds.Contains(c.Id)).ToListAsync();
        var owners = await NewOwnersAsync(child.Id, setting.OrganisationId);
        var problems = new List<Error>();
        var plan = new List<(Commitment Commitment, Successor? To)>();
        // In the order the page lists them, so the error summary reads as the form does.
        foreach (var commitment in commitmentIds.Select(id => commitments.Single(c => c.Id == id)))
        {
            var choice = options.Choices.GetValueOrDefault(commitment.Id);
            if (choice == End)
            {
                plan.Add((commitment, null));
            }
            else if (Guid.TryParse(choice, out var id) && owners.FirstOrDefault(o => o.ProfessionalId == id) is { } owner)
            {
                if (await access.GetAsync(child.Id, owner.UserId) is { } ownerAccess && ownerAccess.CanSeeCommitment(commitment.RecordArea))
                {
                    plan.Add((commitment, owner));
                }
                else
                {
                    problems.Add(new SuccessorCannotSee(commitment.Id, owner.Name, commitment.What, child.KnownAs));
                }
            }
            else
            {
                problems.Add(new MoveChoiceMissing(commitment.Id, commitment.What));
            }
        }

        if (problems.Count > 0)
        {
            return new HandoverIncomplete(problems);
        }

        var now = timeProvider.UtcNow();
        var why = $"{child.KnownAs} is moving on from {setting.Name}; their last day there is {UkDates.Date(lastDay)}";
        foreach (var (commitment, to) in plan)
        {
            if (to is null)
            {
                await EndWhenChildLeavesAsync(commitment, lastDay, why, childAccess, actor, now, today);
            }
            else
            {
                await HandOnAsync(commitment, to, setting.Name, childAccess, actor, now);
            }
        }

        var ended = plan.Count(p => p.To is null);
        db.AuditEvents.Add(AuditEvent.ForChild(actor, child.Id, child.AreaId, now, new ChildChange(AuditActions.SettingMoved, null,
            $"{why}. Of its open commitments, {ended} {(ended == 1 ? "ends" : "end")} and {plan.Count - ended} {(plan.Count - ended == 1 ? "was" : "were")} handed on", new ChangeSubject.Team())));
        await db.SaveChangesAsync();
        await signals.RefreshAfterChangeAsync(child.Id);
        return plan.Count;
    }

    /// <summary>Not started yet: withdrawn. Provision running: it ends on the last day (at once, if that has passed). A one-off: ended now.</summary>
    private async Task EndWhenChildLeavesAsync(Commitment commitment, DateOnly lastDay, string why, ChildAccess childAccess, UserActor actor, DateTime now, DateOnly today)
    {
        string summary;
        if (commitment.Status != CommitmentStatus.Active)
        {
            db.CommitmentStatusChanges.Add(commitment.ChangeStatus(CommitmentStatus.Withdrawn, why, actor.UserId, actor.Name, now, today)!);
            summary = $"Withdrew \"{commitment.What}\": {why}";
        }
        else if (commitment.Kind == CommitmentKind.Recurring && lastDay >= today)
        {
            commitment.EndOn(lastDay);
            summary = $"\"{commitment.What}\" now ends on {UkDates.Date(lastDay)}: {why}";
        }
        else
        {
            db.CommitmentStatusChanges.Add(commitment.ChangeStatus(CommitmentStatus.EndedEarly, why, actor.UserId, actor.Name, now, today)!);
            summary = $"Ended \"{commitment.What}\" early: {why}";
        }

        db.AuditEvents.Add(CommitmentSteps.ChildEvent(actor, childAccess, commitment, now, AuditActions.CommitmentStatusChanged, summary));
        var ownerUser = await db.Professionals.Where(p => p.Id == commitment.OwnerProfessionalId && p.DeactivatedAt == null).Select(p => (Guid?)p.UserAccountId).SingleOrDefaultAsync();
        if (ownerUser is { } userId && userId != actor.UserId)
        {
            await notifier.NotifyAsync(userId, NotificationKind.Commitments, summary, $"A commitment you own for {childAccess.Child.KnownAs} ends as they move on",
                ChildLinks.Commitment(commitment.ChildId, commitment.Id), commitment.ChildId, area: RecordArea.Commitments, about: commitment.RecordArea.AlsoBelongsTo());
        }
    }

    private async Task HandOnAsync(Commitment commitment, Successor to, string settingName, ChildAccess childAccess, UserActor actor, DateTime now)
    {
        var child = childAccess.Child;
        var handover = new Handover
        {
            ChildId = child.Id, AreaId = child.AreaId, Kind = HandoverKind.Commitment, SubjectId = commitment.Id, What = commitment.What.ShortenTo(Handover.MaxWhatLength),
            Part = RecordArea.Commitments, AboutPart = commitment.RecordArea.AlsoBelongsTo(), FromProfessionalId = commitment.OwnerProfessionalId,
            FromName = $"{commitment.OwnerName} of {settingName}".ShortenTo(200),
            ToProfessionalId = to.ProfessionalId, ToName = to.Name, Why = $"as {child.KnownAs} moves on", At = now, ByUserId = actor.UserId, ByName = actor.Name,
        };
        commitment.HandTo(to.ProfessionalId, to.Name, to.OrganisationId, to.OrganisationName);
        var place = await db.TeamMembers.Where(t => t.ChildId == child.Id && t.ProfessionalId == to.ProfessionalId && t.LeftAt == null).Select(t => t.Id).SingleAsync();
        await HandoverService.PassPlanLinesAsync(db, commitment.Id, place, to);
        db.Handovers.Add(handover);
        db.AuditEvents.Add(CommitmentSteps.ChildEvent(actor, childAccess, commitment, now, AuditActions.HandedOver, handover.Describe(child.KnownAs)));
        if (to.UserId != actor.UserId)
        {
            await notifier.NotifyAsync(to.UserId, NotificationKind.Commitments, $"{child.KnownAs} is moving on from {settingName}: you now look after \"{commitment.What}\"",
                $"{child.KnownAs} is moving on from {settingName}, and you now look after a commitment for them", ChildLinks.Commitment(child.Id, commitment.Id), child.Id,
                mandatory: true, area: RecordArea.Commitments, about: commitment.RecordArea.AlsoBelongsTo());
        }
    }
}
