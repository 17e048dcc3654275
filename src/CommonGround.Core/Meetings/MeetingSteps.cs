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
public sealed class MeetingSteps(CommonGroundDbContext db, AccessService access, AttentionSignals signals, TimeProvider timeProvider)
{
    public async Task<(ChildAccess?, Meeting?, Error?)> LoadAsync(Guid childId, Guid meetingId, Actor actor)
    {
        var childAccess = await access.GetAsync(childId, actor);
        if (childAccess is null)
        {
            return (null, null, new MeetingChildNotFound());
        }

        var meeting = childAccess.CanSee(RecordArea.Meetings)
            ? await db.Meetings.Include(m => m.Invitees).Include(m => m.AgendaItems).AsSplitQuery().SingleOrDefaultAsync(m => m.Id == meetingId && m.ChildId == childId)
            : null;
        return meeting is null ? (childAccess, null, new MeetingNotFound()) : (childAccess, meeting, null);
    }

    public async Task<(ChildAccess?, Meeting?, Error?)> LoadForOrganiserAsync(Guid childId, Guid meetingId, Actor actor)
    {
        var (childAccess, meeting, error) = await LoadAsync(childId, meetingId, actor);
        return (error, meeting) switch
        {
            (not null, _) => (childAccess, meeting, error),
            _ when !childAccess!.Can(Capability.RunMeeting, RecordArea.Meetings) || !meeting!.MayWriteRecord(actor.UserId!.Value) =>
                (childAccess, meeting, new OnlyOrganiserChangesMeeting(meeting!.OrganiserName)),
            _ when meeting.IsCancelled => (childAccess, meeting, new MeetingCancelled()),
            _ when meeting.HasStarted(timeProvider.UtcNow()) => (childAccess, meeting, new MeetingAlreadyStarted()),
            _ => (childAccess, meeting, null),
        };
    }

    public async Task<(ChildAccess?, Meeting?, Error?)> LoadForNoteTakerAsync(Guid childId, Guid meetingId, int? version, Actor actor)
    {
        var (childAccess, meeting, error) = await LoadAsync(childId, meetingId, actor);
        return (error, meeting) switch
        {
            (not null, _) => (childAccess, meeting, error),
            _ when !childAccess!.Can(Capability.RunMeeting, RecordArea.Meetings) || !meeting!.MayWriteRecord(actor.UserId!.Value) =>
                (childAccess, meeting, new OnlyNoteTakerWrites(meeting!.NoteTakerName)),
            _ when meeting.IsCancelled => (childAccess, meeting, new MeetingCancelled()),
            _ when !meeting.HasStarted(timeProvider.UtcNow()) => (childAccess, meeting, new MeetingNotStartedYet()),
            _ when version is { } expected && meeting.Version != expected => (childAccess, meeting, new MeetingChangedMeanwhile()),
            _ => (childAccess, meeting, null),
        };
    }

    public async Task<(ChildAccess?, Meeting?, Error?)> LoadForFamilyAsync(Guid childId, Guid meetingId, int? version, Actor actor)
    {
        var (childAccess, meeting, error) = await LoadAsync(childId, meetingId, actor);
        return (error, meeting) switch
        {
            (not null, _) => (childAccess, meeting, error),
            _ when !childAccess!.IsFamily => (childAccess, meeting, new OnlyFamilyAgrees()),
            _ when version is { } expected && meeting!.Version != expected => (childAccess, meeting, new MeetingChangedMeanwhile()),
            _ => (childAccess, meeting, null),
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

    public static AuditEvent ChildEvent(Actor actor, ChildAccess childAccess, DateTime now, string action, string summary) =>
        AuditEvent.ForChild(actor, childAccess.Child.Id, childAccess.Child.AreaId, now, action, summary, RecordArea.Meetings);
}
