using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Statutory;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Meetings;

/// <summary>Someone who may be invited to a child's meeting.</summary>
public sealed record InviteeChoice(Guid UserAccountId, string Name, string Email, string Role, bool IsFamily, Guid? TeamMemberId);

/// <summary>Reading a child's meetings and their records. Arranging them, keeping the record and families' feedback are beside it.</summary>
public sealed class MeetingService(CommonGroundDbContext db, AccessService access, TimeProvider timeProvider)
{
    /// <summary>Whether the person writes the meeting's record: its note-taker, its organiser, or a lead of the organiser's organisation.</summary>
    public async Task<bool> MayWriteRecordAsync(Meeting meeting, Guid userId) =>
        meeting.MayWriteRecord(userId, await MeetingSteps.LeadsOrganisersOrganisationAsync(db, meeting, userId));

    /// <summary>The child's meetings, soonest upcoming first, then past ones newest first.</summary>
    public async Task<IReadOnlyList<Meeting>> ListForChildAsync(Guid childId)
    {
        var now = timeProvider.UtcNow();
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Invitees).Where(m => m.ChildId == childId).ToListAsync();
        return meetings.Where(m => m.EndsAt >= now).OrderBy(m => m.StartsAt)
            .Concat(meetings.Where(m => m.EndsAt < now).OrderByDescending(m => m.StartsAt))
            .ToList();
    }

    public Task<Meeting?> GetAsync(Guid childId, Guid meetingId) =>
        db.Meetings.AsNoTracking().Include(m => m.Invitees).Include(m => m.AgendaItems)
            .AsSplitQuery().SingleOrDefaultAsync(m => m.Id == meetingId && m.ChildId == childId);

    /// <summary>The record as it stands now, as the person may read it (actions about parts not shared with them left out).</summary>
    public async Task<MeetingRecordContent> RecordShownToAsync(ChildAccess childAccess, Meeting meeting) =>
        MeetingRecordContent.Of(meeting, await db.Commitments.AsNoTracking().Where(c => c.MeetingId == meeting.Id && c.ChildId == childAccess.Child.Id).ToListAsync())
            .ShownTo(childAccess);

    /// <summary>The meeting's actions about parts of the record the person may see.</summary>
    public async Task<List<Commitment>> ListActionsAsync(ChildAccess childAccess, Guid meetingId) =>
        (await db.Commitments.AsNoTracking().Where(c => c.MeetingId == meetingId && c.ChildId == childAccess.Child.Id).OrderBy(c => c.CreatedAt).ToListAsync())
            .Where(c => c.RecordArea.AlsoBelongsTo() is not { } part || childAccess.CanSee(part))
            .ToList();

    public Task<List<MeetingRecordVersion>> ListVersionsAsync(Guid meetingId) =>
        db.MeetingRecordVersions.AsNoTracking().Where(v => v.MeetingId == meetingId).OrderByDescending(v => v.Number).ToListAsync();

    public Task<List<RecordCorrection>> ListCorrectionsAsync(Guid meetingId) =>
        db.RecordCorrections.AsNoTracking().Where(c => c.MeetingId == meetingId).OrderBy(c => c.RequestedAt).ToListAsync();

    public Task<MeetingFeedback?> FindFeedbackAsync(Guid meetingId, Guid userId) =>
        db.MeetingFeedback.AsNoTracking().SingleOrDefaultAsync(f => f.MeetingId == meetingId && f.UserAccountId == userId);

    /// <summary>The people who may be invited: the family members who see meetings, and team members the family shares meetings with.</summary>
    public async Task<IReadOnlyList<InviteeChoice>> ListInviteeChoicesAsync(Guid childId)
    {
        var today = timeProvider.TodayInUk();
        var choices = new List<InviteeChoice>();
        var family = await db.FamilyMembers.AsNoTracking().Include(f => f.UserAccount).Where(f => f.ChildId == childId).OrderBy(f => f.JoinedAt).ToListAsync();
        foreach (var member in family)
        {
            if ((await access.GetAsync(childId, member.UserAccountId))?.CanSee(RecordArea.Meetings) == true)
            {
                choices.Add(new InviteeChoice(member.UserAccountId, member.UserAccount!.DisplayName, member.UserAccount.Email!, member.Relationship.ToDisplayName(), true, null));
            }
        }

        var team = await db.TeamMembers.AsNoTracking()
            .Where(QueryParts.Inline((TeamMember t) => t.ChildId == childId && t.LeftAt == null && t.Professional!.DeactivatedAt == null
                && SharedParts.SharesOn.Apply(t, RecordArea.Meetings, today)))
            .Select(t => new { t.Id, t.Role, t.IsKeyWorker, t.JoinedAt, t.Professional!.UserAccountId, t.Professional.UserAccount!.DisplayName, t.Professional.UserAccount.Email, Organisation = t.Professional.Organisation!.Name })
            .ToListAsync();
        choices.AddRange(team.OrderByDescending(t => t.IsKeyWorker).ThenBy(t => t.JoinedAt)
            .Select(t => new InviteeChoice(t.UserAccountId, t.DisplayName, t.Email!, $"{t.Role}, {t.Organisation}", false, t.Id)));
        return choices;
    }

    /// <summary>The meeting as it is written up in "When" phrases: "1 December 2026 at 10:00am".</summary>
    public static string When(Meeting meeting) => UkDates.DateAtTime(meeting.StartsAt);
}
