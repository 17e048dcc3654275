using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Meetings;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Statutory;

/// <summary>
/// A review meeting arranged, moved or cancelled on a child's record is recorded on the child's annual review (or move
/// between schools) too, in the same save: the dates before the meeting (invitations, advice) follow from it without
/// being typed twice, and a meeting "held" is always one on the record.
/// </summary>
public static class ReviewMeetingLink
{
    /// <summary>Adds the arranging or cancelling of <paramref name="meeting"/> to the child's latest review process, if it has one.</summary>
    public static async Task StageAsync(CommonGroundDbContext db, Meeting meeting, StatutoryEventKind kind, UserActor actor, DateTime now)
    {
        if (meeting.Kind != MeetingKind.Review)
        {
            return;
        }

        var process = (await db.StatutoryProcesses.Include(p => p.Events)
                .Where(p => p.ChildId == meeting.ChildId && (p.Kind == StatutoryProcessKind.AnnualReview || p.Kind == StatutoryProcessKind.PhaseTransfer))
                .ToListAsync())
            .OrderByDescending(p => p.Events.Max(e => (DateOnly?)e.OccurredOn)).ThenByDescending(p => p.StartedAt)
            .FirstOrDefault();
        if (process is null)
        {
            return;
        }

        var occurredOn = kind == StatutoryEventKind.ReviewMeetingCancelled ? now.ToUkDate() : meeting.StartsAt.ToUkDate();
        var recorded = process.Record(kind, occurredOn, actor, byFamily: false, now, Timescales.England, meetingId: meeting.Id);
        db.StatutoryEvents.Add(recorded);
        db.AuditEvents.Add(StatutoryChanges.Recorded(actor, process, recorded, now));
    }
}
