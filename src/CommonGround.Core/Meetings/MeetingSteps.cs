using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Statutory;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Meetings;

/// <summary>
/// What every step on a meeting starts and ends with: the meeting loaded for the person (not found, or refused with the
/// reason: only the organiser, only the note-taker, only the family, changed meanwhile), and the save that reports a
/// lost race instead of failing, then brings the child's early warnings up to date.
/// </summary>
public sealed class MeetingSteps(CommonGroundDbContext db, AttentionSignals signals, TimeProvider timeProvider)
{
    public async Task<Result<Meeting>> LoadAsync(ChildAccess childAccess, Guid meetingId)
    {
        var meeting = childAccess.CanSee(RecordArea.Meetings)
            ? await db.Meetings.Include(m => m.Invitees).Include(m => m.AgendaItems).AsSplitQuery().SingleOrDefaultAsync(m => m.Id == meetingId && m.ChildId == childAccess.Child.Id)
            : null;
        return meeting is null ? new MeetingNotFound() : meeting;
    }

    /// <summary>Whether the person is an active lead of the organiser's organisation, who may finish a record nobody else can.</summary>
    public static Task<bool> LeadsOrganisersOrganisationAsync(CommonGroundDbContext db, Meeting meeting, Guid userId) =>
        db.Professionals.AnyAsync(p => p.UserAccountId == userId && p.DeactivatedAt == null && p.IsOrganisationAdmin && p.OrganisationId == meeting.OrganiserOrganisationId);

    public async Task<Result<Meeting>> LoadForOrganiserAsync(ChildAccess childAccess, Guid meetingId, UserActor actor)
    {
        var loaded = await LoadAsync(childAccess, meetingId);
        if (loaded.Value is not { } meeting)
        {
            return loaded;
        }

        return meeting switch
        {
            _ when !childAccess.Can(Capability.RunMeeting, RecordArea.Meetings) || !meeting.MayWriteRecord(actor.UserId, await LeadsOrganisersOrganisationAsync(db, meeting, actor.UserId)) => new OnlyOrganiserChangesMeeting(meeting.OrganiserName),
            _ when meeting.IsCancelled => new MeetingCancelled(),
            _ when meeting.HasStarted(timeProvider.UtcNow()) => new MeetingAlreadyStarted(),
            _ => meeting,
        };
    }

    public async Task<Result<Meeting>> LoadForNoteTakerAsync(ChildAccess childAccess, Guid meetingId, int? version, UserActor actor)
    {
        var loaded = await LoadAsync(childAccess, meetingId);
        if (loaded.Value is not { } meeting)
        {
            return loaded;
        }

        return meeting switch
        {
            _ when !childAccess.Can(Capability.RunMeeting, RecordArea.Meetings) || !meeting.MayWriteRecord(actor.UserId, await LeadsOrganisersOrganisationAsync(db, meeting, actor.UserId)) => new OnlyNoteTakerWrites(meeting.NoteTakerName),
            _ when meeting.IsCancelled => new MeetingCancelled(),
            _ when !meeting.HasStarted(timeProvider.UtcNow()) => new MeetingNotStartedYet(),
            _ when version is { } expected && meeting.Version != expected => new MeetingChangedMeanwhile(),
            _ => meeting,
        };
    }

    public async Task<Result<Meeting>> LoadForFamilyAsync(ChildAccess childAccess, Guid meetingId, int? version)
    {
        var loaded = await LoadAsync(childAccess, meetingId);
        if (loaded.Value is not { } meeting)
        {
            return loaded;
        }

        return meeting switch
        {
            _ when !childAccess.IsFamily => new OnlyFamilyAgrees(),
            _ when version is { } expected && meeting.Version != expected => new MeetingChangedMeanwhile(),
            _ => meeting,
        };
    }

    /// <summary>Saves, or reports that someone else changed the meeting first; nothing is written then.</summary>
    public async Task<Result<Meeting>> SaveAsync(Meeting meeting)
    {
        if (!await db.TrySaveAsync())
        {
            return new MeetingChangedMeanwhile();
        }

        await signals.RefreshAfterChangeAsync(meeting.ChildId);
        return meeting;
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static AuditEvent ChildEvent(UserActor actor, ChildAccess childAccess, Meeting meeting, DateTime now, string action, string summary) =>
        AuditEvent.ForChild(actor, childAccess.Child.Id, childAccess.Child.AreaId, now, new ChildChange(action, RecordArea.Meetings, summary, new ChangeSubject.Meeting(meeting.Id)));
}
