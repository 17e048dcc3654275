using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Team;

/// <summary>
/// Who takes each open thing a leaver owns: <paramref name="Choices"/> by the thing's id, each a successor's
/// professional id or <see cref="HandoverService.ToOrganisation"/> (the organisation's leads choose who answers; for
/// being key worker, a team lead stands in); <paramref name="Everyone"/> for anything not chosen one by one.
/// </summary>
/// <param name="Why">How they left, finishing "Priya Nair …", e.g. "left Brookside Primary School".</param>
/// <param name="SuccessorsTakePlaces">Leaving the organisation: a colleague not on a child's team takes the leaver's place and what the family shared with it.</param>
public sealed record HandOverOptions(Guid LeaverProfessionalId, IReadOnlyDictionary<Guid, string> Choices, string? Everyone, string Why, bool SuccessorsTakePlaces, Guid? OnlyChildId = null);

/// <summary>
/// Passes everything a leaver owns to the people chosen, each move kept as a <see cref="Handover"/> and an audit event
/// on the child's record, the new owner told and the family told who now looks after what. Refuses, changing nothing,
/// while anything is left without an owner. Nothing here saves: the leaving is written in the caller's one save.
/// </summary>
public sealed class HandoverService(CommonGroundDbContext db, LeaversWork work, Notifier notifier, TimeProvider timeProvider)
{
    /// <summary>The choice that gives a concern or an advice request back to the leaver's organisation, whose leads choose who answers.</summary>
    public const string ToOrganisation = "organisation";

    /// <summary>What was handed on for the child, newest first, leaving out anything in a part of the record the reader is not shared.</summary>
    public async Task<IReadOnlyList<Handover>> ListAsync(ChildAccess access)
    {
        var handovers = await db.Handovers.AsNoTracking().Where(h => h.ChildId == access.Child.Id).OrderByDescending(h => h.At).ToListAsync();
        return handovers.Where(h => (h.Part is null || access.CanSee(h.Part.Value)) && (h.AboutPart is null || access.CanSee(h.AboutPart.Value))).ToList();
    }

    public async Task<Result<List<Handover>>> StageAsync(HandOverOptions options, UserActor actor)
    {
        var items = await work.OpenAsync(options.LeaverProfessionalId, options.OnlyChildId);
        if (items.Count == 0)
        {
            return new List<Handover>();
        }

        var leaver = await db.Professionals.Include(p => p.UserAccount).Include(p => p.Organisation).SingleAsync(p => p.Id == options.LeaverProfessionalId);
        var successors = options.SuccessorsTakePlaces
            ? await work.ColleaguesAsync(leaver.Id)
            : await work.TeamAsync(options.OnlyChildId!.Value, leaver.Id);
        var childIds = items.Select(i => i.ChildId).Distinct().ToList();
        var places = await db.TeamMembers.Include(t => t.Consents)
            .Where(t => EF.Parameter(childIds).Contains(t.ChildId) && t.LeftAt == null).ToListAsync();
        var today = timeProvider.TodayInUk();
        var now = timeProvider.UtcNow();

        var problems = new List<Error>();
        var plan = new List<(OpenItem Item, Successor? To)>();
        foreach (var item in items)
        {
            var choice = options.Choices.GetValueOrDefault(item.SubjectId) is { Length: > 0 } own ? own : options.Everyone;
            if (string.IsNullOrEmpty(choice))
            {
                problems.Add(Missing(item));
            }
            else if (choice == ToOrganisation)
            {
                if (item.OrganisationMayTake)
                {
                    plan.Add((item, null));
                }
                else if (options.Choices.GetValueOrDefault(item.SubjectId) is { Length: > 0 })
                {
                    problems.Add(new PersonNeeded(item.SubjectId, item.What, item.ChildName));
                }
                else
                {
                    problems.Add(Missing(item));
                }
            }
            else if (!Guid.TryParse(choice, out var chosenId) || successors.FirstOrDefault(s => s.ProfessionalId == chosenId) is not { } successor)
            {
                problems.Add(Missing(item));
            }
            else
            {
                var place = places.FirstOrDefault(p => p.ChildId == item.ChildId && p.ProfessionalId == successor.ProfessionalId);
                var leaversPlace = places.FirstOrDefault(p => p.ChildId == item.ChildId && p.ProfessionalId == leaver.Id);
                var sees = place is not null
                    ? place.Consents.Where(c => c.IsActiveOn(today)).Select(c => c.Area).ToHashSet()
                    : options.SuccessorsTakePlaces && leaversPlace is not null ? leaversPlace.Consents.Where(c => c.IsActiveOn(today)).Select(c => c.Area).ToHashSet() : null;
                if (sees is null)
                {
                    problems.Add(new SuccessorNotOnTeam(item.SubjectId, successor.Name, item.ChildName));
                }
                else if ((item.Part is { } part && !sees.Contains(part)) || (item.AboutPart is { } about && !sees.Contains(about)))
                {
                    problems.Add(new SuccessorCannotSee(item.SubjectId, successor.Name, item.What, item.ChildName));
                }
                else
                {
                    plan.Add((item, successor));
                }
            }
        }

        if (problems.Count > 0)
        {
            return new HandoverIncomplete(problems);
        }

        var handovers = new List<Handover>();
        // Being key worker left to nobody is not handed on: the leaving itself has a team lead stand in, and says so.
        foreach (var (item, to) in plan.Where(p => p.To is not null || p.Item.Kind != HandoverKind.KeyWorker))
        {
            var place = to is null ? null : places.FirstOrDefault(p => p.ChildId == item.ChildId && p.ProfessionalId == to.ProfessionalId)
                ?? TakePlace(places, item, leaver.Id, to, actor, now, today);
            handovers.Add(await HandAsync(item, leaver, place, to, options.Why, actor, now));
        }

        await TellFamiliesAsync(handovers, leaver.UserAccount!.DisplayName, options.Why);
        return handovers;
    }

    /// <summary>A colleague steps into the leaver's place on a child's team, seeing what the family shared with it; the family is told and can change it.</summary>
    private TeamMember TakePlace(List<TeamMember> places, OpenItem item, Guid leaverId, Successor to, UserActor actor, DateTime now, DateOnly today)
    {
        var leaversPlace = places.First(p => p.ChildId == item.ChildId && p.ProfessionalId == leaverId);
        var place = new TeamMember
        {
            ChildId = item.ChildId, ProfessionalId = to.ProfessionalId, AreaId = leaversPlace.AreaId, Role = leaversPlace.Role, JoinedAt = now, AddedByUserId = actor.UserId,
        };
        db.TeamMembers.Add(place);
        places.Add(place);
        foreach (var consent in leaversPlace.Consents.Where(c => c.WithdrawnAt is null && (c.Until is null || c.Until >= today)))
        {
            var copy = new SharingConsent
            {
                TeamMemberId = place.Id, ChildId = place.ChildId, Area = consent.Area, From = consent.From > today ? consent.From : today, Until = consent.Until,
                GrantedByUserId = consent.GrantedByUserId, GrantedAt = now,
            };
            db.SharingConsents.Add(copy);
            place.Consents.Add(copy);
        }

        var shared = place.Consents.Select(c => c.Area).Order().Select(a => a.ToDisplayName()).ToList();
        db.AuditEvents.Add(AuditEvent.ForChild(actor, place.ChildId, place.AreaId, now, new ChildChange(AuditActions.TeamMemberJoined, null,
            $"{to.Name} joined the team as {place.Role} in place of a colleague who left {to.OrganisationName}, seeing what was shared with that place: {(shared.Count == 0 ? "nothing" : string.Join(", ", shared))}",
            new ChangeSubject.Team())));
        return place;
    }

    private async Task<Handover> HandAsync(OpenItem item, Organisations.Professional leaver, TeamMember? place, Successor? to, string why, UserActor actor, DateTime now)
    {
        var toName = to?.Name ?? $"the leads at {leaver.Organisation!.Name}";
        var link = ChildLinks.Overview(item.ChildId);
        ChangeSubject subject = new ChangeSubject.Team();
        var kind = NotificationKind.Commitments;
        switch (item.Kind)
        {
            case HandoverKind.KeyWorker:
                foreach (var other in await db.TeamMembers.Where(t => t.ChildId == item.ChildId && t.LeftAt == null).ToListAsync())
                {
                    other.IsKeyWorker = false;
                    other.IsStandingIn = false;
                }

                // A place just taken is not in the database yet, so it is set here rather than found above.
                place!.IsKeyWorker = true;

                link = ChildLinks.Team(item.ChildId);
                break;
            case HandoverKind.Commitment:
                var commitment = await db.Commitments.SingleAsync(c => c.Id == item.SubjectId);
                commitment.HandTo(to!.ProfessionalId, to.Name, to.OrganisationId, to.OrganisationName);
                await PassPlanLinesAsync(db, commitment.Id, place!.Id, to);
                link = ChildLinks.Commitment(item.ChildId, item.SubjectId);
                subject = new ChangeSubject.Commitment(item.SubjectId);
                break;
            case HandoverKind.Concern:
                var concern = await db.Concerns.SingleAsync(c => c.Id == item.SubjectId);
                db.ConcernUpdates.Add(to is null
                    ? concern.ReturnToOrganisation($"{leaver.UserAccount!.DisplayName} {why}", actor.UserId, actor.Name, now)
                    : concern.Assign(to.ProfessionalId, to.Name, to.OrganisationId, to.OrganisationName, actor.UserId, actor.Name, now));
                link = ChildLinks.Concern(item.ChildId, item.SubjectId);
                subject = new ChangeSubject.Concern(item.SubjectId);
                kind = NotificationKind.ConcernRaised;
                break;
            case HandoverKind.AdviceRequest:
                var request = await db.AdviceRequests.SingleAsync(r => r.Id == item.SubjectId);
                request.HandTo(place?.Id, to?.UserId, to?.Name);
                link = ChildLinks.AdviceRequest(item.ChildId, item.SubjectId);
                subject = new ChangeSubject.Advice(item.SubjectId);
                kind = NotificationKind.Plans;
                break;
            case HandoverKind.Meeting:
                var meeting = await db.Meetings.SingleAsync(m => m.Id == item.SubjectId);
                meeting.HandTo(leaver.UserAccountId, to!.UserId, to.Name, to.Email);
                link = ChildLinks.Meeting(item.ChildId, item.SubjectId);
                subject = new ChangeSubject.Meeting(item.SubjectId);
                kind = NotificationKind.Meetings;
                break;
        }

        var handover = new Handover
        {
            ChildId = item.ChildId, AreaId = item.AreaId, Kind = item.Kind, SubjectId = item.SubjectId, What = item.What.ShortenTo(Handover.MaxWhatLength),
            Part = item.Part, AboutPart = item.AboutPart, FromProfessionalId = leaver.Id, FromName = leaver.UserAccount!.DisplayName,
            ToProfessionalId = to?.ProfessionalId, ToName = toName, Why = why, At = now, ByUserId = actor.UserId, ByName = actor.Name,
        };
        db.Handovers.Add(handover);
        var childName = item.ChildName.Split(' ')[0];
        db.AuditEvents.Add(AuditEvent.ForChild(actor, item.ChildId, item.AreaId, now,
            new ChildChange(AuditActions.HandedOver, item.Part, handover.Describe(childName), subject)));

        if (to is not null && to.UserId != actor.UserId)
        {
            await notifier.NotifyAsync(to.UserId, kind, $"{leaver.UserAccount.DisplayName} {why}: you now look after {(item.Kind == HandoverKind.KeyWorker ? $"{childName} as key worker" : $"\"{item.What}\" for {childName}")}",
                $"{leaver.UserAccount.DisplayName} {why}, and you now look after something for {childName}", link, item.ChildId, mandatory: true, area: item.Part, about: item.AboutPart);
        }

        return handover;
    }

    private static Error Missing(OpenItem item) => item.Kind == HandoverKind.KeyWorker
        ? new KeyWorkerChoiceMissing(item.SubjectId, item.ChildName.Split(' ')[0])
        : new ChoiceMissing(item.SubjectId, item.What, item.ChildName);

    /// <summary>A plan's provision line names who provides it: when its commitment changes hands, so does the line.</summary>
    internal static async Task PassPlanLinesAsync(CommonGroundDbContext db, Guid commitmentId, Guid providerPlaceId, Successor to)
    {
        foreach (var line in await db.PlanLines.Where(l => l.CommitmentId == commitmentId).ToListAsync())
        {
            line.ProviderTeamMemberId = providerPlaceId;
            line.ProviderName = to.Name;
            line.ProviderOrganisationName = to.OrganisationName;
        }
    }

    /// <summary>Each family hears once, whatever was handed on, and reads who took what on the team page.</summary>
    private async Task TellFamiliesAsync(IReadOnlyList<Handover> handovers, string leaverName, string why)
    {
        foreach (var child in handovers.GroupBy(h => h.ChildId))
        {
            var familyUsers = await db.FamilyMembers.Where(f => f.ChildId == child.Key).Select(f => f.UserAccountId).ToListAsync();
            var keyWorker = child.FirstOrDefault(h => h.Kind == HandoverKind.KeyWorker);
            foreach (var userId in familyUsers)
            {
                await notifier.NotifyAsync(userId, NotificationKind.Commitments,
                    keyWorker is not null ? $"{leaverName} {why}. {keyWorker.ToName} is your new key worker" : $"{leaverName} {why}, and handed on what they looked after",
                    $"{leaverName} {why}. See who now looks after what", ChildLinks.Team(child.Key) + "#handovers", child.Key, mandatory: true);
            }
        }
    }
}
