using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Concerns;
using CommonGround.Core.Data;
using CommonGround.Core.Meetings;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Attention;

/// <summary>A concern the professional owns that still needs an answer from them, with the clock it is on.</summary>
public sealed record ConcernToAnswer(Guid ChildId, Guid ConcernId, string ChildName, string Topic, ConcernClockKind Clock, DateOnly DueOn, bool Late);

/// <summary>A meeting that has happened whose record the professional takes and has not yet shared, or must correct.</summary>
public sealed record RecordToWrite(Guid ChildId, Guid MeetingId, string ChildName, MeetingKind Kind, DateTime StartsAt, bool CorrectionsAsked);

/// <summary>A family asked for something about their data (words corrected, a record erased), and the answer is due.</summary>
public sealed record DataRequestToAnswer(Guid ChildId, Guid RequestId, string ChildName, DateOnly DueOn, bool Late);

/// <summary>
/// What a professional must do themself today: concerns to answer, meeting records to write, words to correct and, for
/// the local authority, records the family asked to have erased, soonest due first.
/// </summary>
public sealed record YourDay(IReadOnlyList<ConcernToAnswer> Concerns, int MoreConcerns, IReadOnlyList<RecordToWrite> Records, int MoreRecords,
    IReadOnlyList<DataRequestToAnswer> Corrections, IReadOnlyList<DataRequestToAnswer> Erasures);

/// <summary>
/// The first thing a professional sees. Only children on whose team they have a place, and only what the family shares
/// with that place (concerns about a part they see, meetings when they see meetings), as every other page shows it.
/// </summary>
public sealed class YourDayService(CommonGroundDbContext db, TimeProvider timeProvider)
{
    public const int Shown = 10;

    public async Task<YourDay> ForAsync(Guid userId, Guid professionalId)
    {
        var today = timeProvider.TodayInUk();
        var now = timeProvider.UtcNow();
        var places = db.TeamMembers.Where(t => t.ProfessionalId == professionalId && t.LeftAt == null);

        var concerns = db.Concerns
            .Where(c => c.OwnerProfessionalId == professionalId
                && (c.Status == ConcernStatus.Raised || c.Status == ConcernStatus.Acknowledged || c.Status == ConcernStatus.Reopened))
            .Where(QueryParts.Inline((Concern c) => places.Any(p => p.ChildId == c.ChildId
                && SharedParts.SharesOn.Apply(p, RecordArea.Concerns, today) && SharedParts.SharesOn.Apply(p, c.About, today))))
            .Select(c => new
            {
                c.ChildId, c.Id, c.Topic, c.Status,
                Due = c.Status == ConcernStatus.Raised ? c.AcknowledgeBy : c.RespondBy,
                Child = db.Children.Where(k => k.Id == c.ChildId).Select(Child.ShownNameOf).Single(),
            });
        var concernCount = await concerns.CountAsync();
        var firstConcerns = await concerns.OrderBy(c => c.Due).ThenBy(c => c.Id).Take(Shown).ToListAsync();

        var records = db.Meetings
            .Where(m => m.NoteTakerUserId == userId && m.CancelledAt == null && m.StartsAt < now
                && (m.RecordStatus == MeetingRecordStatus.NotStarted || m.RecordStatus == MeetingRecordStatus.Draft || m.RecordStatus == MeetingRecordStatus.CorrectionsRequested))
            .Where(QueryParts.Inline((Meeting m) => places.Any(p => p.ChildId == m.ChildId && SharedParts.SharesOn.Apply(p, RecordArea.Meetings, today))))
            .Select(m => new
            {
                m.ChildId, m.Id, m.Kind, m.StartsAt, m.RecordStatus,
                Child = db.Children.Where(k => k.Id == m.ChildId).Select(Child.ShownNameOf).Single(),
            });
        var recordCount = await records.CountAsync();
        var firstRecords = await records.OrderBy(m => m.StartsAt).ThenBy(m => m.Id).Take(Shown).ToListAsync();

        var corrections = await db.CorrectionRequests
            .Where(r => r.AuthorUserId == userId && r.Status == DataRights.CorrectionStatus.Waiting)
            .Where(QueryParts.Inline((DataRights.CorrectionRequest r) => places.Any(p => p.ChildId == r.ChildId && SharedParts.SharesOn.Apply(p, r.Part, today))))
            .OrderBy(r => r.DueOn).ThenBy(r => r.Id).Take(Shown)
            .Select(r => new
            {
                r.ChildId, r.Id, r.DueOn,
                Child = db.Children.Where(k => k.Id == r.ChildId).Select(Child.ShownNameOf).Single(),
            })
            .ToListAsync();

        // A request to erase a record is answered by the local authority on the child's team.
        var closes = DataRights.RecordClosureService.WhoMayClose(db).Where(t => t.ProfessionalId == professionalId);
        var erasures = await db.ErasureRequests
            .Where(r => r.Answer == DataRights.ErasureAnswer.Waiting && closes.Any(t => t.ChildId == r.ChildId))
            .OrderBy(r => r.DueOn).ThenBy(r => r.Id).Take(Shown)
            .Select(r => new
            {
                r.ChildId, r.Id, r.DueOn,
                Child = db.Children.Where(k => k.Id == r.ChildId).Select(Child.ShownNameOf).Single(),
            })
            .ToListAsync();

        return new YourDay(
            firstConcerns.Select(c => new ConcernToAnswer(c.ChildId, c.Id, c.Child, c.Topic,
                c.Status == ConcernStatus.Raised ? ConcernClockKind.Acknowledge : ConcernClockKind.Respond, c.Due, c.Due < today)).ToList(),
            concernCount - firstConcerns.Count,
            firstRecords.Select(m => new RecordToWrite(m.ChildId, m.Id, m.Child, m.Kind, m.StartsAt, m.RecordStatus == MeetingRecordStatus.CorrectionsRequested)).ToList(),
            recordCount - firstRecords.Count,
            corrections.Select(c => new DataRequestToAnswer(c.ChildId, c.Id, c.Child, c.DueOn, c.DueOn < today)).ToList(),
            erasures.Select(e => new DataRequestToAnswer(e.ChildId, e.Id, e.Child, e.DueOn, e.DueOn < today)).ToList());
    }
}
