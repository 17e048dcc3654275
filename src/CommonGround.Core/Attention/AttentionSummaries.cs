using System.Linq.Expressions;
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
        await KeepAsync(db, childIds, await StoredAsync(db, childIds, _ => true, cancellationToken), today, cancellationToken);

    /// <summary>
    /// These children's warnings as a refresh leaves them: those it did not work out again (<paramref name="untouched"/>),
    /// as stored, and what it worked out (<paramref name="fresh"/>) in place of the rest.
    /// </summary>
    public static async Task<IReadOnlyCollection<CountedSignals>> SignalsAfterAsync(CommonGroundDbContext db, IReadOnlyCollection<Guid> childIds,
        Expression<Func<AttentionSignal, bool>> untouched, IEnumerable<AttentionSignal> fresh, CancellationToken cancellationToken)
    {
        var children = childIds.ToHashSet();
        return [.. await StoredAsync(db, childIds, untouched, cancellationToken), .. fresh.Where(s => children.Contains(s.ChildId)).Select(s => new CountedSignals(s, 1))];
    }

    /// <summary>
    /// These children's stored warnings that <paramref name="which"/> picks, counted together where a summary cannot tell
    /// them apart: a child with hundreds of open concerns has a few rows here, not hundreds.
    /// </summary>
    private static async Task<List<CountedSignals>> StoredAsync(CommonGroundDbContext db, IReadOnlyCollection<Guid> childIds,
        Expression<Func<AttentionSignal, bool>> which, CancellationToken cancellationToken)
    {
        var groups = await db.AttentionSignals.AsNoTracking().Where(s => childIds.Contains(s.ChildId)).Where(which)
            .GroupBy(s => new
            {
                s.ChildId, s.AreaId, s.Kind, s.RecordArea, s.AboutArea,
                Measure = EF.Constant(AttentionThresholds.KindsWithThresholds).Contains(s.Kind) ? s.Measure : 0,
                SinceOn = EF.Constant(AttentionThresholds.KindsWithThresholds).Contains(s.Kind) ? s.SinceOn : null,
                DueOn = EF.Constant(AttentionThresholds.KindsWithThresholds).Contains(s.Kind) ? s.DueOn : null,
            })
            .Select(g => new { g.Key, Count = g.Count(), FirstDueOn = g.Min(s => s.DueOn) })
            .ToListAsync(cancellationToken);
        return groups.Select(g => new CountedSignals(new AttentionSignal
        {
            ChildId = g.Key.ChildId, AreaId = g.Key.AreaId, Kind = g.Key.Kind, SubjectKey = "", Reason = "", Link = "", Measure = g.Key.Measure, DueOn = g.FirstDueOn,
            SinceOn = g.Key.SinceOn, RecordArea = g.Key.RecordArea, AboutArea = g.Key.AboutArea, ComputedAt = DateTime.UnixEpoch,
        }, g.Count)).ToList();
    }

    /// <summary>
    /// Works out again the summaries of these children's places from <paramref name="signals"/>, their warnings, and puts
    /// the differences into the unit of work (rows to add are returned). A place whose sharing turns on dates, or that
    /// has left, has none: lists work those out as they are read.
    /// </summary>
    public static async Task<List<AttentionSummary>> KeepAsync(CommonGroundDbContext db, IReadOnlyCollection<Guid> childIds, IEnumerable<CountedSignals> signals,
        DateOnly today, CancellationToken cancellationToken)
    {
        var places = await (from t in db.TeamMembers.AsNoTracking()
                            where childIds.Contains(t.ChildId) && t.LeftAt == null && !t.SharesWithDates
                            join a in db.AttentionThresholds.AsNoTracking() on t.Professional!.OrganisationId equals a.OrganisationId into set
                            from a in set.DefaultIfEmpty()
                            select new { t.Id, t.ChildId, t.ProfessionalId, t.AreaId, t.SharedPartBits, t.Professional!.OrganisationId, t.Professional.Organisation!.Kind, Thresholds = a })
            .ToListAsync(cancellationToken);
        var byChild = signals.ToLookup(s => s.Signal.ChildId);
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
