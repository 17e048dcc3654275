using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Access;

/// <summary>
/// The children whose data one response shows, gathered while it is worked out and written to the access log, once per
/// child, before the response leaves the server. Opening a child's page adds that child without being asked (the
/// access check does it); a list adds each child it shows. The family's own reads are not logged: the log is for the
/// family to see who else looked.
/// </summary>
public sealed class ChildReadLog
{
    private readonly Dictionary<Guid, Read> _reads = [];

    public sealed record Read(RecordArea? Area, string What);

    public IReadOnlyDictionary<Guid, Read> Reads => _reads;

    /// <summary>The visit to a child's overview this response marks, stored with its access-log rows.</summary>
    public ChildVisit? Visit { get; private set; }

    /// <summary>Whose reads this response logs: the signed-in person's, or a calendar feed's owner's.</summary>
    public Guid? ReaderId { get; private set; }

    /// <summary>Who the response is for, when it is not the signed-in person (a calendar app reading its owner's feed).</summary>
    public Actor? Viewer { get; private set; }

    public void ReadBy(Guid? userId) => ReaderId = userId;

    public void ViewedBy(Actor viewer) => (Viewer, ReaderId) = (viewer, viewer.AccountId);

    /// <summary>
    /// Someone was given access to a child. Only the reader's own access counts: working out whether someone else may
    /// see the child (to notify them, say) shows the reader nothing new.
    /// </summary>
    public void AccessGiven(Guid userId, Guid childId)
    {
        if (userId == ReaderId)
        {
            Saw(childId, null, "Their record");
        }
    }

    /// <summary>This response is the person's visit to the child's overview: what is new is counted from it next time.</summary>
    public void Visited(Guid userId, Guid childId, DateTime at) => Visit = new ChildVisit { UserAccountId = userId, ChildId = childId, LastViewedAt = at };

    /// <summary>This response shows a child's data; the first description given for a child is kept.</summary>
    public void Saw(Guid childId, RecordArea? area, string what) => _reads.TryAdd(childId, new Read(area, what));

    /// <summary>Says, more exactly than the access check could, what of the child the response shows.</summary>
    public void Describe(Guid childId, RecordArea? area, string what) => _reads[childId] = new Read(area, what);

    /// <summary>This response lists each of these children.</summary>
    public void SawEach(IEnumerable<Guid> childIds, string what)
    {
        foreach (var id in childIds)
        {
            Saw(id, null, what);
        }
    }

    /// <summary>
    /// One access-log row per child this response showed to <paramref name="viewer"/>, leaving out children in the
    /// viewer's own family, for <see cref="AccessLogWriter"/> to store.
    /// </summary>
    public async Task<IReadOnlyList<AccessLogEntry>> RowsAsync(CommonGroundDbContext db, Actor viewer, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (_reads.Count == 0)
        {
            return [];
        }

        var ids = _reads.Keys.ToList();
        // Staff accounts are never in a child's family (family places go only to family accounts), so only a family
        // account's own children are looked for.
        var family = viewer is { AccountId: { } userId, OrganisationId: null }
            ? (await db.FamilyMembers.Where(f => f.UserAccountId == userId && ids.Contains(f.ChildId)).Select(f => f.ChildId).ToListAsync(cancellationToken)).ToHashSet()
            : [];
        var now = timeProvider.UtcNow();
        return _reads.Where(r => !family.Contains(r.Key)).Select(r => new AccessLogEntry
        {
            ChildId = r.Key,
            ViewerUserId = viewer.AccountId,
            ViewerName = viewer.Name,
            OrganisationId = viewer.OrganisationId,
            OrganisationName = viewer.OrganisationName,
            Area = r.Value.Area,
            What = TextLength.ShortenTo(r.Value.What, AccessLogEntry.WhatMaxLength),
            ViewedAt = now,
            IpAddress = viewer.IpAddress,
        }).ToList();
    }
}
