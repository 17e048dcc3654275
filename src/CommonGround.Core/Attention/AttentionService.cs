using System.Linq.Expressions;
using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Concerns;
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
        var isAdmin = professional.IsOrganisationAdmin;
        // The person's places and what each is shared today are few; read them first, so the signals are then read
        // by child through their index rather than by testing every signal against every place.
        // Cover for a key worker puts the child on the cover's list while it runs.
        var covering = await CoverService.RunningCovers(db, today).Where(c => c.CoverProfessionalId == professionalId).Select(c => c.CoverPlaceId).ToListAsync();
        var places = await db.TeamMembers.AsNoTracking()
            .Where(t => t.ProfessionalId == professionalId && t.LeftAt == null && (t.IsKeyWorker || t.IsTeamLead || isLocalAuthority || covering.Contains(t.Id)))
            .Select(t => new { t.Id, t.ChildId, t.SharedPartBits, t.SharesWithDates }).ToListAsync();
        // What each place shares is kept on it; only a place with dated decisions has them read, for today.
        // A caseload's ids go to the database as one list, not one parameter each: thousands of parameters make every
        // caseload size a new statement to build and plan.
        var dated = places.Where(p => p.SharesWithDates).Select(p => p.Id).ToList();
        var sharedAreas = (dated.Count == 0 ? [] : await db.SharingConsents.AsNoTracking().Where(SharingConsent.ActiveOn(today))
                .Where(c => EF.Parameter(dated).Contains(c.TeamMemberId))
                .Select(c => new { c.TeamMemberId, c.Area }).ToListAsync())
            .ToLookup(c => c.TeamMemberId, c => c.Area);
        var areasByChild = places.GroupBy(p => p.ChildId).ToDictionary(g => g.Key, g => g
            .SelectMany(p => sharedAreas[p.Id].Concat(SharedParts.In(p.SharedPartBits)))
            .ToHashSet());
        var childIds = areasByChild.Keys.ToList();
        var thresholds = await ThresholdsForAsync(organisationId);
        // Each signal is read as the little the ranking needs; only the page's children's signals are read in full.
        var onTeam = (await db.AttentionSignals.AsNoTracking().Where(s => EF.Parameter(childIds).Contains(s.ChildId)).Where(thresholds.Shows(today))
                .Select(SignalKey.Of).ToListAsync())
            .Where(s => areasByChild[s.ChildId] is var areas
                && (s.RecordArea is not { } area || areas.Contains(area)) && (s.AboutArea is not { } about || areas.Contains(about)))
            // A request to erase the record is for the local authority that holds it to answer, not the rest of the team.
            .Where(s => s.Kind != AttentionSignalKind.ErasureWaiting || isLocalAuthority)
            .ToList();
        var signals = onTeam;
        var fromOrganisation = new HashSet<Guid>();
        if (isAdmin)
        {
            var known = onTeam.Select(s => s.Id).ToHashSet();
            var areaId = professional.Organisation.AreaId;
            // Leads see what their organisation answers for off the team: its late concerns, and children its staff
            // left with no key worker or nobody at all. A local authority's leads see every child in the area left with nobody.
            var organisations = await db.AttentionSignals.AsNoTracking()
                .Where(s => (s.OrganisationId == organisationId
                        && (s.Kind == AttentionSignalKind.ConcernOverdue || s.Kind == AttentionSignalKind.NoKeyWorker || s.Kind == AttentionSignalKind.NoTeam))
                    || (isLocalAuthority && s.AreaId == areaId && s.Kind == AttentionSignalKind.NoTeam))
                .Where(thresholds.Shows(today))
                .Select(SignalKey.Of).ToListAsync();
            foreach (var signal in organisations.Where(s => !known.Contains(s.Id)))
            {
                fromOrganisation.Add(signal.Id);
                signals.Add(signal);
            }
        }

        var ranked = signals.GroupBy(s => s.ChildId)
            .Select(g => (ChildId: g.Key, Signals: g.OrderBy(s => s.Kind.Rank()).ThenBy(s => s.DueOn ?? DateOnly.MaxValue).ToList()))
            .OrderBy(c => c.Signals[0].Kind.Rank()).ThenByDescending(c => c.Signals.Count).ThenBy(c => c.Signals[0].DueOn ?? DateOnly.MaxValue)
            .ToList();
        var pageCount = Math.Max(1, (ranked.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var shown = ranked.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var shownIds = shown.Select(c => c.ChildId).ToList();
        var shownSignalIds = shown.SelectMany(c => c.Signals).Select(s => s.Id).ToList();
        var full = await db.AttentionSignals.AsNoTracking().Where(s => shownSignalIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id);
        foreach (var id in fromOrganisation.Where(full.ContainsKey))
        {
            // A lead who cannot see the concern on the child's record sees it from the organisation's side; the team
            // page of a child they are not on the team of is not theirs to open.
            var signal = full[id];
            signal.Link = signal.Kind == AttentionSignalKind.ConcernOverdue ? ConcernService.OrganisationLink(signal.SubjectId!.Value) : "";
        }

        var names = await db.Children.AsNoTracking().Where(c => shownIds.Contains(c.Id))
            .Select(c => new { c.Id, Name = (c.PreferredName ?? c.FirstName) + " " + c.LastName }).ToDictionaryAsync(c => c.Id, c => c.Name);
        // A signal put right between the two reads is left out rather than shown stale.
        return new AttentionPage(shown.Select(c => new AttentionChild(c.ChildId, names[c.ChildId], c.Signals.Where(s => full.ContainsKey(s.Id)).Select(s => full[s.Id]).ToList()))
            .Where(c => c.Signals.Count > 0).ToList(), ranked.Count, page, pageCount, today);
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
