using CommonGround.Core.Access;
using CommonGround.Core.Advice;
using CommonGround.Core.Commitments;
using CommonGround.Core.Concerns;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Meetings;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Team;

/// <summary>One open thing a leaver owns on a child's record, which someone must take on before they go.</summary>
/// <param name="OrganisationMayTake">
/// A concern or advice request can go back to the organisation, whose leads choose who answers; being key worker can be
/// left for the team lead, who stands in until a new key worker is chosen.
/// </param>
public sealed record OpenItem(HandoverKind Kind, Guid SubjectId, Guid ChildId, Guid AreaId, string ChildName, string What, string Detail, RecordArea? Part, RecordArea? AboutPart, bool OrganisationMayTake);

/// <summary>Someone who can take on a leaver's work: a colleague from their organisation, or someone already on the child's team.</summary>
public sealed record Successor(Guid ProfessionalId, Guid UserId, string Name, string Email, string Detail, Guid OrganisationId, string OrganisationName);

/// <summary>
/// Everything a person still owns that is open, child by child: being key worker, commitments (and so plan
/// provision lines), concerns to answer, advice to give, and meetings to run or write up. Read before they leave,
/// so nothing they owned is left without an owner.
/// </summary>
public sealed class LeaversWork(CommonGroundDbContext db, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<OpenItem>> OpenAsync(Guid professionalId, Guid? onlyChildId = null)
    {
        var leaver = await db.Professionals.AsNoTracking().Where(p => p.Id == professionalId).Select(p => new { p.Id, p.UserAccountId }).SingleOrDefaultAsync();
        if (leaver is null)
        {
            return [];
        }

        var now = timeProvider.UtcNow();
        var userId = leaver.UserAccountId;
        var items = new List<(HandoverKind Kind, Guid SubjectId, Guid ChildId, string What, string Detail, RecordArea? Part, RecordArea? About, bool OrganisationMayTake, DateTime Order)>();

        var keyWorker = await db.TeamMembers.AsNoTracking()
            .Where(t => t.ProfessionalId == professionalId && t.LeftAt == null && t.IsKeyWorker && (onlyChildId == null || t.ChildId == onlyChildId))
            .Select(t => new { t.Id, t.ChildId, t.Role }).ToListAsync();
        items.AddRange(keyWorker.Select(k => (HandoverKind.KeyWorker, k.Id, k.ChildId, "Key worker", $"The family's point of contact, as {k.Role}", (RecordArea?)null, (RecordArea?)null, true, DateTime.MinValue)));

        var open = new[] { CommitmentStatus.Proposed, CommitmentStatus.Agreed, CommitmentStatus.Active };
        var commitments = await db.Commitments.AsNoTracking()
            .Where(c => c.OwnerProfessionalId == professionalId && open.Contains(c.Status) && (onlyChildId == null || c.ChildId == onlyChildId))
            .ToListAsync();
        items.AddRange(commitments.Select(c => (HandoverKind.Commitment, c.Id, c.ChildId, c.What,
            (c.PlanId is null ? "" : "A line of provision in a support plan. ") + c.Describe(), (RecordArea?)RecordArea.Commitments, c.RecordArea.AlsoBelongsTo(), false, c.CreatedAt)));

        var concerns = await db.Concerns.AsNoTracking()
            .Where(c => c.OwnerProfessionalId == professionalId && c.Status != ConcernStatus.Closed && (onlyChildId == null || c.ChildId == onlyChildId))
            .ToListAsync();
        items.AddRange(concerns.Select(c => (HandoverKind.Concern, c.Id, c.ChildId, $"Concern: {c.Topic}",
            $"{c.Status.ToDisplayName()}; to answer in full by {UkDates.Date(c.RespondBy)}", (RecordArea?)RecordArea.Concerns, (RecordArea?)c.About, true, c.RaisedAt)));

        var advice = await db.AdviceRequests.AsNoTracking()
            .Where(r => r.AdviserUserId == userId && r.Status == AdviceStatus.Asked && (onlyChildId == null || r.ChildId == onlyChildId))
            .ToListAsync();
        items.AddRange(advice.Select(r => (HandoverKind.AdviceRequest, r.Id, r.ChildId, $"Advice about {r.About.ShortenTo(80)}",
            $"Asked for by {r.AskedByName}, due by {UkDates.Date(r.DueOn)}", (RecordArea?)r.Part, (RecordArea?)null, true, r.AskedAt)));

        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => (m.OrganiserUserId == userId || m.NoteTakerUserId == userId) && m.CancelledAt == null
                && (m.StartsAt > now || m.RecordStatus != MeetingRecordStatus.Agreed) && (onlyChildId == null || m.ChildId == onlyChildId))
            .ToListAsync();
        items.AddRange(meetings.Select(m => (HandoverKind.Meeting, m.Id, m.ChildId, $"{m.Kind.ToDisplayName()} on {UkDates.Date(DateOnly.FromDateTime(m.StartsAt.ToUkTime()))}",
            (m.OrganiserUserId == userId ? m.NoteTakerUserId == userId ? "Organiser and note-taker" : "Organiser" : "Note-taker")
                + (m.StartsAt > now ? "" : $"; the record is {m.RecordStatus.ToDisplayName().ToLowerInvariant()}"),
            (RecordArea?)RecordArea.Meetings, (RecordArea?)null, false, m.StartsAt)));

        var childIds = items.Select(i => i.ChildId).Distinct().ToList();
        var children = await db.Children.AsNoTracking().Where(c => EF.Parameter(childIds).Contains(c.Id))
            .Select(QueryParts.Inline((Child c) => new { c.Id, c.AreaId, Name = Child.ShownNameOf.Apply(c) })).ToDictionaryAsync(c => c.Id);
        return items
            .OrderBy(i => children[i.ChildId].Name, StringComparer.CurrentCulture).ThenBy(i => i.ChildId).ThenBy(i => i.Kind).ThenBy(i => i.Order)
            .Select(i => new OpenItem(i.Kind, i.SubjectId, i.ChildId, children[i.ChildId].AreaId, children[i.ChildId].Name, i.What, i.Detail, i.Part, i.About, i.OrganisationMayTake))
            .ToList();
    }

    /// <summary>Active colleagues in the leaver's organisation, who take their work when they leave it.</summary>
    public async Task<IReadOnlyList<Successor>> ColleaguesAsync(Guid professionalId)
    {
        var organisationId = await db.Professionals.Where(p => p.Id == professionalId).Select(p => p.OrganisationId).SingleAsync();
        return await db.Professionals.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId && p.Id != professionalId && p.DeactivatedAt == null)
            .OrderBy(p => p.UserAccount!.DisplayName)
            .Select(p => new Successor(p.Id, p.UserAccountId, p.UserAccount!.DisplayName, p.UserAccount.Email!, p.JobTitle, p.OrganisationId, p.Organisation!.Name))
            .ToListAsync();
    }

    /// <summary>Everyone else still on the child's team, who take a leaver's work for that child when they leave the team.</summary>
    public Task<IReadOnlyList<Successor>> TeamAsync(Guid childId, Guid leaverProfessionalId) =>
        OnTeamAsync(db, childId, t => t.ProfessionalId != leaverProfessionalId);

    /// <summary>Active people on the child's team who pass <paramref name="who"/>, as people who can take work on, by name.</summary>
    internal static async Task<IReadOnlyList<Successor>> OnTeamAsync(CommonGroundDbContext db, Guid childId, System.Linq.Expressions.Expression<Func<TeamMember, bool>> who) =>
        await db.TeamMembers.AsNoTracking()
            .Where(t => t.ChildId == childId && t.LeftAt == null && t.Professional!.DeactivatedAt == null).Where(who)
            .OrderBy(t => t.Professional!.UserAccount!.DisplayName)
            .Select(t => new Successor(t.ProfessionalId, t.Professional!.UserAccountId, t.Professional.UserAccount!.DisplayName, t.Professional.UserAccount.Email!,
                t.Role + ", " + t.Professional.Organisation!.Name, t.Professional.OrganisationId, t.Professional.Organisation.Name))
            .ToListAsync();
}
