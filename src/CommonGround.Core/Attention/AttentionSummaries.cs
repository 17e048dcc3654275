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
    /// Works out again the summaries of these children's places from their stored warnings, and puts the differences
    /// into the unit of work (rows to add are returned, for the caller to copy in with the rest). A place whose sharing
    /// turns on dates, or that has left, has none: lists work those out as they are read.
    /// </summary>
    public static async Task<List<AttentionSummary>> KeepAsync(CommonGroundDbContext db, IReadOnlyCollection<Guid> childIds, DateOnly today, CancellationToken cancellationToken)
    {
        var places = await db.TeamMembers.AsNoTracking().Where(t => childIds.Contains(t.ChildId) && t.LeftAt == null && !t.SharesWithDates)
            .Select(t => new { t.Id, t.ChildId, t.ProfessionalId, t.AreaId, t.SharedPartBits, t.Professional!.OrganisationId, t.Professional.Organisation!.Kind })
            .ToListAsync(cancellationToken);
        var organisationIds = places.Select(p => p.OrganisationId).Distinct().ToList();
        var thresholds = await db.AttentionThresholds.AsNoTracking().Where(t => organisationIds.Contains(t.OrganisationId)).ToDictionaryAsync(t => t.OrganisationId, cancellationToken);
        // Each warning as the little a summary needs, without its words.
        var signals = (await db.AttentionSignals.AsNoTracking().Where(s => childIds.Contains(s.ChildId))
                .Select(s => new AttentionSignal
                {
                    Id = s.Id, ChildId = s.ChildId, AreaId = s.AreaId, Kind = s.Kind, SubjectKey = "", Reason = "", Link = "", Measure = s.Measure, DueOn = s.DueOn,
                    SinceOn = s.SinceOn, RecordArea = s.RecordArea, AboutArea = s.AboutArea, ComputedAt = s.ComputedAt,
                })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.ChildId);
        var kept = await db.AttentionSummaries.Where(s => childIds.Contains(s.ChildId)).ToDictionaryAsync(s => s.TeamMemberId, cancellationToken);
        var added = new List<AttentionSummary>();
        foreach (var place in places)
        {
            var placeThresholds = thresholds.GetValueOrDefault(place.OrganisationId) ?? AttentionThresholds.DefaultFor(place.OrganisationId);
            var (key, until) = AttentionSummary.Of(signals[place.ChildId], SharedParts.In(place.SharedPartBits).ToHashSet(), place.Kind == OrganisationKind.LocalAuthority,
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
