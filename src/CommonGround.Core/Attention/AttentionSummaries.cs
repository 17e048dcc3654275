using CommonGround.Core.Access;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Core.Team;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Attention;

/// <summary>Keeps each team place's <see cref="AttentionSummary"/> up to date with its child's warnings as they are stored.</summary>
public static class AttentionSummaries
{
    /// <summary>
    /// Works out again the summaries of these children's places from their warnings as stored, and puts the differences
    /// into the unit of work (rows to add are returned, for the caller to copy in with the rest).
    /// </summary>
    public static async Task<List<AttentionSummary>> KeepAsync(CommonGroundDbContext db, IReadOnlyCollection<Guid> childIds, DateOnly today, CancellationToken cancellationToken) =>
        await KeepAsync(db, childIds, (await StoredAsync(db, childIds, cancellationToken)).Values, today, cancellationToken);

    /// <summary>
    /// These children's warnings as a refresh leaves them: those stored, with what it worked out (<paramref name="fresh"/>)
    /// in place of the same problem's, and without those it found gone.
    /// </summary>
    public static async Task<IReadOnlyCollection<AttentionSignal>> SignalsAfterAsync(CommonGroundDbContext db, IReadOnlyCollection<Guid> childIds,
        IEnumerable<AttentionSignal> fresh, IEnumerable<AttentionSignal> gone, CancellationToken cancellationToken)
    {
        var after = await StoredAsync(db, childIds, cancellationToken);
        var children = childIds.ToHashSet();
        foreach (var signal in gone)
        {
            after.Remove((signal.ChildId, signal.Kind, signal.SubjectKey));
        }

        foreach (var signal in fresh.Where(s => children.Contains(s.ChildId)))
        {
            after[(signal.ChildId, signal.Kind, signal.SubjectKey)] = signal;
        }

        return after.Values;
    }

    /// <summary>Each stored warning of these children as the little a summary needs, without its words.</summary>
    private static async Task<Dictionary<(Guid ChildId, AttentionSignalKind Kind, string SubjectKey), AttentionSignal>> StoredAsync(CommonGroundDbContext db,
        IReadOnlyCollection<Guid> childIds, CancellationToken cancellationToken) =>
        await db.AttentionSignals.AsNoTracking().Where(s => childIds.Contains(s.ChildId))
            .Select(s => new AttentionSignal
            {
                Id = s.Id, ChildId = s.ChildId, AreaId = s.AreaId, Kind = s.Kind, SubjectKey = s.SubjectKey, Reason = "", Link = "", Measure = s.Measure, DueOn = s.DueOn,
                SinceOn = s.SinceOn, RecordArea = s.RecordArea, AboutArea = s.AboutArea, ComputedAt = s.ComputedAt,
            })
            .ToDictionaryAsync(s => (s.ChildId, s.Kind, s.SubjectKey), cancellationToken);

    /// <summary>
    /// Works out again the summaries of these children's places from <paramref name="signals"/>, their warnings, and puts
    /// the differences into the unit of work (rows to add are returned). A place whose sharing turns on dates, or that
    /// has left, has none: lists work those out as they are read.
    /// </summary>
    public static async Task<List<AttentionSummary>> KeepAsync(CommonGroundDbContext db, IReadOnlyCollection<Guid> childIds, IEnumerable<AttentionSignal> signals,
        DateOnly today, CancellationToken cancellationToken)
    {
        var places = await (from t in db.TeamMembers.AsNoTracking()
                            where childIds.Contains(t.ChildId) && t.LeftAt == null && !t.SharesWithDates
                            join a in db.AttentionThresholds.AsNoTracking() on t.Professional!.OrganisationId equals a.OrganisationId into set
                            from a in set.DefaultIfEmpty()
                            select new { t.Id, t.ChildId, t.ProfessionalId, t.AreaId, t.SharedPartBits, t.Professional!.OrganisationId, t.Professional.Organisation!.Kind, Thresholds = a })
            .ToListAsync(cancellationToken);
        var byChild = signals.ToLookup(s => s.ChildId);
        var kept = await db.AttentionSummaries.Where(s => childIds.Contains(s.ChildId)).ToDictionaryAsync(s => s.TeamMemberId, cancellationToken);
        var added = new List<AttentionSummary>();
        foreach (var place in places)
        {
            var placeThresholds = place.Thresholds ?? AttentionThresholds.DefaultFor(place.OrganisationId);
            var (key, until) = AttentionSummary.Of(byChild[place.ChildId], SharedParts.In(place.SharedPartBits).ToHashSet(), place.Kind == OrganisationKind.LocalAuthority,
                placeThresholds, today);
            if (!kept.Remove(place.Id, out var summary))
            {
                summary = new AttentionSummary { TeamMemberId = place.Id, ProfessionalId = place.ProfessionalId, ChildId = place.ChildId, AreaId = place.AreaId };
                added.Add(summary);
            }

            summary.SharedPartBits = place.SharedPartBits;
            summary.ThresholdsKey = placeThresholds.Key;
            summary.ShownUntil = until;
            (summary.Rank, summary.SignalCount, summary.FirstDueOn) = key;
        }

        db.AttentionSummaries.RemoveRange(kept.Values);
        return added;
    }
}
