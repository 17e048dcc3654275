using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.DataRights;

/// <summary>A closed record in an area, as its local authority's admins see it: who and when, never what is in it.</summary>
public sealed record ClosedRecordRow(Guid ChildId, string ChildName, DateOnly ClosedOn, string ClosedByName, string RuleKey, DateOnly EraseOn);

/// <summary>A request to erase a record still waiting in an area, and whether anyone from the local authority is on the team to answer it.</summary>
public sealed record WaitingErasureRow(Guid ChildId, string ChildName, DateOnly AskedOn, DateOnly DueOn, bool HasAnswerer);

/// <summary>What the local authority's admins need to keep the retention schedule in an area: the records it holds closed, the requests to erase waiting, and how many records are gone.</summary>
public sealed record AreaRetention(IReadOnlyList<WaitingErasureRow> Waiting, IReadOnlyList<ClosedRecordRow> Closed, int ClosedCount, int ErasedCount);

/// <summary>
/// The area's closed records, soonest to be erased first, a page at a time, with the requests to erase a record still
/// waiting in the area: so the local authority sees what it holds and when each goes, and no request is missed for want
/// of someone on the team.
/// </summary>
public sealed class ClosedRecords(CommonGroundDbContext db)
{
    public const int PageSize = 25;

    public async Task<AreaRetention> ForAreaAsync(Guid areaId, int page)
    {
        var closed = db.Children.AsNoTracking().Where(c => c.AreaId == areaId && c.ClosedOn != null);
        var count = await closed.CountAsync();
        var rows = await closed.OrderBy(c => c.EraseOn).ThenBy(c => c.Id).Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize)
            .Select(QueryParts.Inline((Child c) => new ClosedRecordRow(c.Id, Child.ShownNameOf.Apply(c), c.ClosedOn!.Value, c.ClosedByName!, c.ClosedUnderRule!, c.EraseOn!.Value)))
            .ToListAsync();
        var waiting = await db.ErasureRequests.AsNoTracking().Where(r => r.AreaId == areaId && r.Answer == ErasureAnswer.Waiting)
            .OrderBy(r => r.DueOn).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.ChildId, r.RequestedAt, r.DueOn,
                Name = db.Children.Where(c => c.Id == r.ChildId).Select(Child.ShownNameOf).Single(),
            })
            .ToListAsync();
        var ids = waiting.Select(w => w.ChildId).ToList();
        var answered = (await RecordClosureService.WhoMayClose(db).Where(t => t.AreaId == areaId && ids.Contains(t.ChildId)).Select(t => t.ChildId).Distinct().ToListAsync()).ToHashSet();
        var erased = await db.ErasedRecords.CountAsync(e => e.AreaId == areaId);
        return new AreaRetention(
            waiting.Select(w => new WaitingErasureRow(w.ChildId, w.Name, w.RequestedAt.ToUkDate(), w.DueOn, answered.Contains(w.ChildId))).ToList(),
            rows, count, erased);
    }
}
