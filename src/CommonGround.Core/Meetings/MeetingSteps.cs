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
    public async Task<(Meeting?, Error?)> LoadAsync(ChildAccess childAccess, Guid meetingId)
    {
        var meeting = childAccess.CanSee(RecordArea.Meetings)
            ? await db.Meetings.Include(m => m.Invitees).Include(m => m.AgendaItems).AsSplitQuery().SingleOrDefaultAsync(m => m.Id == meetingId && m.ChildId == childAccess.Child.Id)
            : null;
        return meeting is null ? (null, new MeetingNotFound()) : (meeting, null);
    }

    public async Task<(Meeting?, Error?)> LoadForOrganiserAsync(ChildAccess childAccess, Guid meetingId, UserActor actor)
    {
        var (meeting, error) = await LoadAsync(childAccess, meetingId);
        return (error, meeting) switch
        {
            (not null, _) => (meeting, error),
            _ when !childAccess.Can(Capability.RunMeeting, RecordArea.Meetings) || !meeting!.MayWriteRecord(actor.UserId) =>
                (meeting, new OnlyOrganiserChangesMeeting(meeting!.OrganiserName)),
            _ when meeting.IsCancelled => (meeting, new MeetingCancelled()),
            _ when meeting.HasStarted(timeProvider.UtcNow()) => (meeting, new MeetingAlreadyStarted()),
            _ => (meeting, null),
        };
    }

    public async Task<(Meeting?, Error?)> LoadForNoteTakerAsync(ChildAccess childAccess, Guid meetingId, int? version, UserActor actor)
    {
        var (meeting, error) = await LoadAsync(childAccess, meetingId);
        return (error, meeting) switch
        {
            (not null, _) => (meeting, error),
            _ when !childAccess.Can(Capability.RunMeeting, RecordArea.Meetings) || !meeting!.MayWriteRecord(actor.UserId) =>
                (meeting, new OnlyNoteTakerWrites(meeting!.NoteTakerName)),
            _ when meeting.IsCancelled => (meeting, new MeetingCancelled()),
            _ when !meeting.HasStarted(timeProvider.UtcNow()) => (meeting, new MeetingNotStartedYet()),
            _ when version is { } expected && meeting.Version != expected => (meeting, new MeetingChangedMeanwhile()),
            _ => (meeting, null),
        };
    }

    public async Task<(Meeting?, Error?)> LoadForFamilyAsync(ChildAccess childAccess, Guid meetingId, int? version, UserActor actor)
    {
        var (meeting, error) = await LoadAsync(childAccess, meetingId);
        return (error, meeting) switch
        {
            (not null, _) => (meeting, error),
            _ when !childAccess.IsFamily => (meeting, new OnlyFamilyAgrees()),
            _ when version is { } expected && meeting!.Version != expected => (meeting, new MeetingChangedMeanwhile()),
            _ => (meeting, null),
        };
    }

    /// <summary>Saves, or reports that someone else changed the meeting first; nothing is written then.</summary>
    public async Task<Result<Meeting>> SaveAsync(Meeting meeting)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return new MeetingChangedMeanwhile();
        }

        await signals.RefreshAfterChangeAsync(meeting.ChildId);
        return meeting;
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static AuditEvent ChildEvent(UserActor actor, ChildAccess childAccess, DateTime now, string action, string summary) =>
        AuditEvent.ForChild(actor, childAccess.Child.Id, childAccess.Child.AreaId, now, action, summary, RecordArea.Meetings);
}
