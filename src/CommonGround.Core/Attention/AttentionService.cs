using System.Linq.Expressions;
using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Concerns;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Attention;

/// <summary>A child on someone's attention list, with every reason that passed their organisation's thresholds.</summary>
public sealed record AttentionChild(Guid ChildId, string ChildName, IReadOnlyList<AttentionSignal> Signals)
{
    public AttentionSignalKind MostPressing => Signals.Min(s => s.Kind);
}

/// <summary>A page of the attention list; <paramref name="Today"/> is the day its reasons are read on (<see cref="AttentionSignalText.ReasonOn"/>).</summary>
public sealed record AttentionPage(IReadOnlyList<AttentionChild> Children, int TotalChildren, int Page, int PageCount, DateOnly Today);

public sealed record ThresholdOutOfRange(string Field, int Min, int Max) : Error($"Enter a whole number from {Min} to {Max}", Field);

/// <summary>An organisation's attention thresholds, each within its range on <see cref="AttentionThresholds"/>.</summary>
public sealed record SetThresholdsOptions(Guid OrganisationId, int ProvisionBehindPercent, int RecordAwaitingWorkingDays, int RepeatedConcerns, int NoContactWeeks, int StatutoryDueWorkingDays);

public sealed class AttentionService(CommonGroundDbContext db, TimeProvider timeProvider)
{
    public const int PageSize = 25;

    public async Task<AttentionThresholds> ThresholdsForAsync(Guid organisationId) =>
        await db.AttentionThresholds.AsNoTracking().SingleOrDefaultAsync(t => t.OrganisationId == organisationId) ?? AttentionThresholds.DefaultFor(organisationId);

    /// <summary>
    /// The person's attention list: children they are key worker, team lead or cover for (or, in a local authority, any child
    /// whose team they are on), with the signals about parts of the record shared with them today; and for an
    /// organisation's admins, concerns their organisation owns that went past a date and children its staff left
    /// without a key worker or a team (for a local authority's admins, any child of the area left with no team). Most pressing first.
    /// </summary>
    public async Task<AttentionPage> ListForAsync(Guid userId, int page)
    {
        var today = timeProvider.TodayInUk();
        var professional = await db.Professionals.AsNoTracking().Include(p => p.Organisation)
            .SingleOrDefaultAsync(p => p.UserAccountId == userId && p.DeactivatedAt == null);
        if (professional is null)
        {
            return new AttentionPage([], 0, 1, 1, today);
        }

        var professionalId = professional.Id;
        var organisationId = professional.OrganisationId;
        var isLocalAuthority = professional.Organisation!.Kind == OrganisationKind.LocalAuthority;
        var thresholds = await ThresholdsForAsync(organisationId);
        var thresholdsKey = thresholds.Key;
        // Leads see what their organisation answers for off the team: its late concerns, and children its staff left
        // with no key worker or nobody at all. A local authority's leads see every child in the area left with nobody.
        var fromOrganisation = new List<SignalKey>();
        if (professional.IsOrganisationAdmin)
        {
            var areaId = professional.Organisation.AreaId;
            fromOrganisation = await db.AttentionSignals.AsNoTracking()
                .Where(s => (s.OrganisationId == organisationId
                        && (s.Kind == AttentionSignalKind.ConcernOverdue || s.Kind == AttentionSignalKind.NoKeyWorker || s.Kind == AttentionSignalKind.NoTeam))
                    || (isLocalAuthority && s.AreaId == areaId && s.Kind == AttentionSignalKind.NoTeam))
                .Where(thresholds.Shows(today))
                .Select(SignalKey.Of).ToListAsync();
        }

        var organisationChildren = fromOrganisation.Select(s => s.ChildId).Distinct().ToList();
        // Cover for a key worker puts the child on the cover's list while it runs.
        var covering = await CoverService.RunningCovers(db, today).Where(c => c.CoverProfessionalId == professionalId).Select(c => c.CoverPlaceId).ToListAsync();
        var listed = db.TeamMembers.Where(t => t.ProfessionalId == professionalId && t.LeftAt == null
            && (t.IsKeyWorker || t.IsTeamLead || isLocalAuthority || EF.Parameter(covering).Contains(t.Id)));
        // A place's kept summary counts while its day has not come and its sharing and the thresholds are those it was
        // worked out with (see AttentionSummary): those are read in the list's order from their index, as far as the
        // page shown, and the few other places (a summary not yet worked out again, sharing that turns on dates, a child
        // the lead also sees from the organisation's side) are worked out here and merged in.
        var current = db.AttentionSummaries.Where(s => s.ProfessionalId == professionalId && s.ThresholdsKey == thresholdsKey && s.ShownUntil > today);
        var placed = from t in listed
                     join s in current on t.Id equals s.TeamMemberId into summaries
                     from s in summaries.DefaultIfEmpty()
                     select new PlaceSummary { Place = t, Summary = s };
        var kept = current.Join(listed, s => s.TeamMemberId, t => t.Id, (s, t) => new PlaceSummary { Place = t, Summary = s })
            .Where(QueryParts.Inline((PlaceSummary p) => SummaryStands.Apply(p.Place, p.Summary, organisationChildren)))
            .Select(p => p.Summary!);
        // One pass over the person's places counts those whose summary counts and finds whether any do not; only then
        // are those read, to be worked out here.
        var counts = await placed
            .Select(QueryParts.Inline((PlaceSummary p) => new
            {
                Stands = SummaryStands.Apply(p.Place, p.Summary, organisationChildren),
                Shown = p.Summary != null && p.Summary.SignalCount > 0,
            }))
            .GroupBy(p => 1).Select(g => new { Kept = g.Count(p => p.Stands && p.Shown), Rest = g.Count(p => !p.Stands) })
            .SingleOrDefaultAsync();
        var keptCount = counts?.Kept ?? 0;
        var rest = counts is not { Rest: > 0 } ? [] : await placed
            .Where(QueryParts.Inline((PlaceSummary p) => !SummaryStands.Apply(p.Place, p.Summary, organisationChildren)))
            .Select(p => new Place(p.Place.Id, p.Place.ChildId, p.Place.SharedPartBits, p.Place.SharesWithDates)).ToListAsync();
        var workedOut = await RankAsync(rest, fromOrganisation, thresholds, isLocalAuthority, today);
        var total = keptCount + workedOut.Count;
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var keptFirst = keptCount == 0 ? [] : await kept.Where(s => s.SignalCount > 0)
            .OrderBy(s => s.Rank).ThenByDescending(s => s.SignalCount).ThenBy(s => s.FirstDueOn).ThenBy(s => s.ChildId)
            .Take(page * PageSize)
            .Select(s => new { s.TeamMemberId, s.ChildId, s.SharedPartBits, s.Rank, s.SignalCount, s.FirstDueOn }).ToListAsync();
        var shownIds = keptFirst.Select(s => (s.ChildId, Key: new AttentionRankKey(s.Rank, s.SignalCount, s.FirstDueOn)))
            .Concat(workedOut.Select(c => (c.ChildId, c.Key)))
            .OrderBy(c => c.Key).ThenBy(c => c.ChildId)
            .Select(c => c.ChildId).Distinct()
            .Skip((page - 1) * PageSize).Take(PageSize).ToList();

        // The shown children's warnings are read afresh; those of a kept summary as its place shares them.
        var workedOutById = workedOut.ToDictionary(c => c.ChildId);
        var keptShown = keptFirst.Where(s => shownIds.Contains(s.ChildId) && !workedOutById.ContainsKey(s.ChildId))
            .Select(s => new Place(s.TeamMemberId, s.ChildId, s.SharedPartBits, SharesWithDates: false)).ToList();
        foreach (var child in await RankAsync(keptShown, [], thresholds, isLocalAuthority, today))
        {
            workedOutById[child.ChildId] = child;
        }

        var shownSignalIds = shownIds.Where(workedOutById.ContainsKey).SelectMany(id => workedOutById[id].Signals).Select(s => s.Id).ToList();
        var full = await db.AttentionSignals.AsNoTracking().Where(s => shownSignalIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id);
        foreach (var signal in fromOrganisation.Where(s => full.ContainsKey(s.Id)).Select(s => full[s.Id]))
        {
            if (workedOutById.TryGetValue(signal.ChildId, out var child) && child.FromOrganisation.Contains(signal.Id))
            {
                // A lead who cannot see the concern on the child's record sees it from the organisation's side; the team
                // page of a child they are not on the team of is not theirs to open.
                signal.Link = signal.Kind == AttentionSignalKind.ConcernOverdue ? ConcernService.OrganisationLink(signal.SubjectId!.Value) : "";
            }
        }

        var names = await db.Children.AsNoTracking().Where(c => shownIds.Contains(c.Id))
            .Select(QueryParts.Inline((Child c) => new { c.Id, Name = Child.ShownNameOf.Apply(c) })).ToDictionaryAsync(c => c.Id, c => c.Name);
        // A signal put right between the reads is left out rather than shown stale.
        return new AttentionPage(shownIds.Where(id => workedOutById.ContainsKey(id) && names.ContainsKey(id))
            .Select(id => new AttentionChild(id, names[id], workedOutById[id].Signals.Where(s => full.ContainsKey(s.Id)).Select(s => full[s.Id]).ToList()))
            .Where(c => c.Signals.Count > 0).ToList(), total, page, pageCount, today);
    }

    private sealed record Place(Guid Id, Guid ChildId, int SharedPartBits, bool SharesWithDates);

    /// <summary>A person's place with its kept summary, if it has one that may count (<c>current</c> above).</summary>
    private sealed class PlaceSummary
    {
        public required TeamMember Place { get; init; }
        public required AttentionSummary? Summary { get; init; }
    }

    /// <summary>
    /// Whether a place's kept summary counts: it was worked out with the place's sharing as it is, the place's sharing
    /// does not turn on dates, and the child is not one a lead also sees from the organisation's side.
    /// </summary>
    private static readonly Expression<Func<TeamMember, AttentionSummary?, List<Guid>, bool>> SummaryStands = (t, s, organisationChildren) =>
        s != null && s.SharedPartBits == t.SharedPartBits && !t.SharesWithDates && !organisationChildren.Contains(t.ChildId);

    /// <summary>A child on the list as worked out from its warnings: their order, and which came from the organisation's side.</summary>
    private sealed record Ranked(Guid ChildId, AttentionRankKey Key, IReadOnlyList<SignalKey> Signals, IReadOnlySet<Guid> FromOrganisation);

    /// <summary>
    /// Works out the list's order for these places' children from their warnings as each place may see them today, with
    /// the warnings a lead sees from the organisation's side merged in; children with nothing to show are left out.
    /// </summary>
    private async Task<List<Ranked>> RankAsync(IReadOnlyList<Place> places, IReadOnlyList<SignalKey> fromOrganisation, AttentionThresholds thresholds, bool isLocalAuthority, DateOnly today)
    {
        // What each place shares is kept on it; only a place with dated decisions has them read, for today.
        // A caseload's ids go to the database as one list, not one parameter each: thousands of parameters make every
        // caseload size a new statement to build and plan.
        var dated = places.Where(p => p.SharesWithDates).Select(p => p.Id).ToList();
        var sharedAreas = (dated.Count == 0 ? [] : await db.SharingConsents.AsNoTracking().Where(SharingConsent.ActiveOn(today))
                .Where(c => EF.Parameter(dated).Contains(c.TeamMemberId))
                .Select(c => new { c.TeamMemberId, c.Area }).ToListAsync())
            .ToLookup(c => c.TeamMemberId, c => c.Area);
        var areasByChild = places.GroupBy(p => p.ChildId).ToDictionary(g => g.Key, g => (IReadOnlySet<RecordArea>)g
            .SelectMany(p => sharedAreas[p.Id].Concat(SharedParts.In(p.SharedPartBits)))
            .ToHashSet());
        var childIds = areasByChild.Keys.ToList();
        // Each signal is read as the little the ranking needs; only the page's children's signals are read in full.
        var onTeam = childIds.Count == 0 ? [] : (await db.AttentionSignals.AsNoTracking().Where(s => EF.Parameter(childIds).Contains(s.ChildId)).Where(thresholds.Shows(today))
                .Select(SignalKey.Of).ToListAsync())
            .Where(s => AttentionRankKey.MaySee(s.Kind, s.RecordArea, s.AboutArea, areasByChild[s.ChildId], isLocalAuthority))
            .ToList();
        var known = onTeam.Select(s => s.Id).ToHashSet();
        var fromOrganisationOnly = fromOrganisation.Where(s => !known.Contains(s.Id)).ToList();
        var offTeam = fromOrganisationOnly.Select(s => s.Id).ToHashSet();
        return onTeam.Concat(fromOrganisationOnly).GroupBy(s => s.ChildId)
            .Select(g =>
            {
                var signals = g.OrderBy(s => s.Kind.Rank()).ThenBy(s => s.DueOn ?? DateOnly.MaxValue).ToList();
                return new Ranked(g.Key, AttentionRankKey.Of(signals.Select(s => (s.Kind, s.DueOn))), signals, signals.Where(s => offTeam.Contains(s.Id)).Select(s => s.Id).ToHashSet());
            })
            .ToList();
    }

    /// <summary>What ranking a signal needs, and what tells whether it may be shown.</summary>
    private sealed record SignalKey(Guid Id, Guid ChildId, AttentionSignalKind Kind, DateOnly? DueOn, RecordArea? RecordArea, RecordArea? AboutArea)
    {
        public static readonly Expression<Func<AttentionSignal, SignalKey>> Of = s => new SignalKey(s.Id, s.ChildId, s.Kind, s.DueOn, s.RecordArea, s.AboutArea);
    }

    public async Task<Result<AttentionThresholds>> SetThresholdsAsync(SetThresholdsOptions options, UserActor actor)
    {
        var (organisationId, provisionPercent, recordDays, repeatedConcerns, noContactWeeks, statutoryDays) = options;
        static Error? Check(string field, int value, (int Min, int Max) range) =>
            value < range.Min || value > range.Max ? new ThresholdOutOfRange(field, range.Min, range.Max) : null;

        var invalid = Check("ProvisionBehindPercent", provisionPercent, AttentionThresholds.ProvisionPercentRange)
            ?? Check("RecordAwaitingWorkingDays", recordDays, AttentionThresholds.RecordWorkingDaysRange)
            ?? Check("RepeatedConcerns", repeatedConcerns, AttentionThresholds.RepeatedConcernsRange)
            ?? Check("NoContactWeeks", noContactWeeks, AttentionThresholds.NoContactWeeksRange)
            ?? Check("StatutoryDueWorkingDays", statutoryDays, AttentionThresholds.StatutoryWorkingDaysRange);
        if (invalid is not null)
        {
            return invalid;
        }

        AttentionThresholds thresholds = default!;
        await db.SaveSettingsAsync(async () =>
        {
            thresholds = await db.AttentionThresholds.SingleOrDefaultAsync(t => t.OrganisationId == organisationId) ?? AttentionThresholds.DefaultFor(organisationId);
            if (db.Entry(thresholds).State == EntityState.Detached)
            {
                db.AttentionThresholds.Add(thresholds);
            }

            var now = timeProvider.UtcNow();
            thresholds.ProvisionBehindPercent = provisionPercent;
            thresholds.RecordAwaitingWorkingDays = recordDays;
            thresholds.RepeatedConcerns = repeatedConcerns;
            thresholds.NoContactWeeks = noContactWeeks;
            thresholds.StatutoryDueWorkingDays = statutoryDays;
            thresholds.ChangedAt = now;
            thresholds.ChangedByName = actor.Name;
            db.AuditEvents.Add(AuditEvent.For(actor, now, AuditActions.AttentionThresholdsChanged, "Organisation", organisationId,
                $"Set attention thresholds: provision below {provisionPercent}%, record not agreed after {recordDays} working days, {repeatedConcerns} concerns in 30 days, no contact for {noContactWeeks} weeks, legal dates within {statutoryDays} working days"));
        });
        return thresholds;
    }
}
