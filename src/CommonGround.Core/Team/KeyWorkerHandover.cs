using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Team;

/// <summary>
/// A child is never left without a key worker unnoticed: when the key worker leaves the team or their organisation,
/// a team lead stands in as key worker, and the family and the team leads are told in the same unit of work, and the
/// team page asks for a new one.
/// Nothing here saves; the caller's one save writes the change, its audit event and the emails together.
/// </summary>
public sealed class KeyWorkerHandover(CommonGroundDbContext db, EmailOutbox outbox)
{
    /// <summary>Records that <paramref name="leaving"/>, who was the key worker, has gone, and tells the people who must act.</summary>
    /// <param name="why">How they left, finishing "X …", e.g. "has left Brookside Primary School".</param>
    /// <param name="teamPageFor">The address of a child's team page, for the emails.</param>
    public async Task KeyWorkerLeftAsync(TeamMember leaving, string leaverName, string why, Func<Guid, string> teamPageFor, UserActor actor, DateTime now)
    {
        var child = await db.Children.SingleAsync(c => c.Id == leaving.ChildId);
        var leads = await db.TeamMembers.Include(t => t.Professional!).ThenInclude(p => p.UserAccount)
            .Where(t => t.ChildId == child.Id && t.LeftAt == null && t.IsTeamLead && t.Id != leaving.Id && t.Professional!.DeactivatedAt == null)
            .OrderBy(t => t.JoinedAt).ToListAsync();
        var family = await db.FamilyMembers.Where(f => f.ChildId == child.Id)
            .Select(f => new { f.UserAccount!.Email, f.UserAccount.DisplayName, f.Relationship })
            .ToListAsync();

        db.AuditEvents.Add(AuditEvent.ForChild(actor, child.Id, child.AreaId, now, new ChildChange(AuditActions.KeyWorkerLeft, null, $"{leaverName} {why} and is no longer {child.KnownAs}'s key worker", new ChangeSubject.Team())));

        // Never without a key worker: the first team lead stands in until a new one is chosen.
        var standIn = leads.FirstOrDefault();
        if (standIn is not null)
        {
            standIn.IsKeyWorker = true;
            standIn.IsStandingIn = true;
            db.AuditEvents.Add(AuditEvent.ForChild(actor, child.Id, child.AreaId, now, new ChildChange(AuditActions.StandingIn, null,
                $"{standIn.Professional!.UserAccount!.DisplayName}, team lead, stands in as key worker until a new one is chosen", new ChangeSubject.Team())));
        }

        var leadNames = leads.Select(l => l.Professional!.UserAccount!.DisplayName).ToList();
        var whoChooses = leads.Count switch
        {
            0 => "The team has no team lead, so please choose a new key worker from the team yourself.",
            1 => $"{leadNames[0]}, the team lead, stands in as key worker until a new one is chosen, and has been asked to choose one.",
            _ => $"{leadNames[0]}, a team lead, stands in as key worker until a new one is chosen. The team leads ({string.Join(" and ", leadNames)}) have been asked to choose one.",
        };
        foreach (var person in family)
        {
            var whose = person.Relationship == FamilyRelationship.YoungPerson ? "your" : $"{child.KnownAs}'s";
            outbox.Enqueue(person.Email!, person.DisplayName, $"{child.KnownAs} needs a new key worker",
                $"""
                Hello {person.DisplayName},

                {leaverName} {why}, so they are no longer {whose} key worker.

                {whoChooses} You can see the team here:
                {teamPageFor(child.Id)}

                CommonGround
                """);
        }

        foreach (var lead in leads.Select(l => l.Professional!.UserAccount!))
        {
            outbox.Enqueue(lead.Email!, lead.DisplayName, $"Choose a new key worker for {child.KnownAs}",
                $"""
                Hello {lead.DisplayName},

                {leaverName} {why}, so {child.KnownAs} no longer has a key worker.

                As team lead, please choose a new key worker from the team. {(standIn is null ? "" : $"Until then, {standIn.Professional!.UserAccount!.DisplayName} stands in as key worker. ")}Choose here:
                {teamPageFor(child.Id)}

                The family has been told.

                CommonGround
                """);
        }
    }
}
