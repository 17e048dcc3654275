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

public sealed record AttentionPage(IReadOnlyList<AttentionChild> Children, int TotalChildren, int Page, int PageCount);

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
        var professional = await db.Professionals.AsNoTracking().Include(p => p.Organisation)
            .SingleOrDefaultAsync(p => p.UserAccountId == userId && p.DeactivatedAt == null);
        if (professional is null)
        {
            return new AttentionPage([], 0, 1, 1);
        }

        var today = timeProvider.TodayInUk();
        var professionalId = professional.Id;
        var organisationId = professional.OrganisationId;
        var isLocalAuthority = professional.Organisation!.Kind == OrganisationKind.LocalAuthority;
        var isAdmin = professional.IsOrganisationAdmin;
        var areaId = professional.Organisation.AreaId;
        // Cover for a key worker puts the child on the cover's list while it runs.
        var covering = await CoverService.StandingCovers(db, today).Where(c => c.CoverProfessionalId == professionalId && c.From <= today).Select(c => c.CoverPlaceId).ToListAsync();
        var places = db.TeamMembers.Where(t => t.ProfessionalId == professionalId && t.LeftAt == null && (t.IsKeyWorker || t.IsTeamLead || isLocalAuthority || covering.Contains(t.Id)));
        var thresholds = await ThresholdsForAsync(organisationId);

        // Everything the person is shown, each signal marked with how pressing it is and whether it came to them as a
        // member of the child's team (about a part of the record shared with them today) or, for a lead, from their
        // organisation's side: its late concerns, and children its staff left with no key worker or nobody at all
        // (a local authority's leads see every child in the area left with nobody).
        var shown = db.AttentionSignals.AsNoTracking().Where(thresholds.Shows()).Select(Ranked).Select(r => new ShownSignal
        {
            Signal = r.Signal,
            Rank = r.Rank,
            OnTeam = places.Any(t => t.ChildId == r.Signal.ChildId)
                && (r.Signal.RecordArea == null || places.Any(t => t.ChildId == r.Signal.ChildId && t.Consents.Any(c => c.Area == r.Signal.RecordArea
                    && c.WithdrawnAt == null && c.From <= today && (c.Until == null || today <= c.Until))))
                && (r.Signal.AboutArea == null || places.Any(t => t.ChildId == r.Signal.ChildId && t.Consents.Any(c => c.Area == r.Signal.AboutArea
                    && c.WithdrawnAt == null && c.From <= today && (c.Until == null || today <= c.Until))))
                // A request to erase the record is for the local authority that holds it to answer, not the rest of the team.
                && (r.Signal.Kind != AttentionSignalKind.ErasureWaiting || isLocalAuthority),
            ForOrganisation = isAdmin
                && ((r.Signal.OrganisationId == organisationId
                        && (r.Signal.Kind == AttentionSignalKind.ConcernOverdue || r.Signal.Kind == AttentionSignalKind.NoKeyWorker || r.Signal.Kind == AttentionSignalKind.NoTeam))
                    || (isLocalAuthority && r.Signal.AreaId == areaId && r.Signal.Kind == AttentionSignalKind.NoTeam)),
        }).Where(s => s.OnTeam || s.ForOrganisation);

        // Children ranked by their most pressing signal, then how many they have, then the soonest date, and cut to the
        // page by the database: a page costs the same however many children the person works with.
        var children = shown.GroupBy(s => s.Signal.ChildId).Select(g => new
        {
            ChildId = g.Key,
            MostPressing = g.Min(s => s.Rank),
            Count = g.Count(),
            Soonest = g.Min(s => s.Signal.DueOn),
        });
        var total = await children.CountAsync();
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var shownIds = await children
            .OrderBy(c => c.MostPressing).ThenByDescending(c => c.Count).ThenBy(c => c.Soonest == null).ThenBy(c => c.Soonest).ThenBy(c => c.ChildId)
            .Skip((page - 1) * PageSize).Take(PageSize).Select(c => c.ChildId).ToListAsync();
        var signals = (await shown.Where(s => shownIds.Contains(s.Signal.ChildId)).ToListAsync()).ToLookup(s => s.Signal.ChildId);
        var names = await db.Children.AsNoTracking().Where(c => shownIds.Contains(c.Id))
            .Select(c => new { c.Id, Name = (c.PreferredName ?? c.FirstName) + " " + c.LastName }).ToDictionaryAsync(c => c.Id, c => c.Name);
        return new AttentionPage(shownIds.Select(id => new AttentionChild(id, names[id], signals[id].Select(LinkFor)
            .OrderBy(s => s.Kind.Rank()).ThenBy(s => s.DueOn ?? DateOnly.MaxValue).ToList())).ToList(), total, page, pageCount);
    }

    /// <summary>
    /// The signal as the person may follow it: a lead who cannot see the concern on the child's record sees it from the
    /// organisation's side, and the team page of a child they are not on the team of is not theirs to open.
    /// </summary>
    private static AttentionSignal LinkFor(ShownSignal shown)
    {
        if (!shown.OnTeam)
        {
            shown.Signal.Link = shown.Signal.Kind == AttentionSignalKind.ConcernOverdue ? ConcernService.OrganisationLink(shown.Signal.SubjectId!.Value) : "";
        }

        return shown.Signal;
    }

    private sealed class RankedSignal
    {
        public required AttentionSignal Signal { get; init; }
        public required int Rank { get; init; }
    }

    private sealed class ShownSignal
    {
        public required AttentionSignal Signal { get; init; }
        public required int Rank { get; init; }
        public required bool OnTeam { get; init; }
        public required bool ForOrganisation { get; init; }
    }

    /// <summary>Each signal with <see cref="AttentionSignalText.Rank"/> of its kind, worked out by the database.</summary>
    private static readonly Expression<Func<AttentionSignal, RankedSignal>> Ranked = RankedByKind();

    private static Expression<Func<AttentionSignal, RankedSignal>> RankedByKind()
    {
        var signal = Expression.Parameter(typeof(AttentionSignal), "s");
        var kind = Expression.Property(signal, nameof(AttentionSignal.Kind));
        Expression rank = Expression.Constant(AttentionSignalText.MostPressingFirst.Count);
        foreach (var (each, index) in AttentionSignalText.MostPressingFirst.Select((k, i) => (k, i)).Reverse())
        {
            rank = Expression.Condition(
                Expression.Equal(kind, Expression.Constant(each)),
                Expression.Constant(index), rank);
        }

        return Expression.Lambda<Func<AttentionSignal, RankedSignal>>(
            Expression.MemberInit(Expression.New(typeof(RankedSignal)),
                Expression.Bind(typeof(RankedSignal).GetProperty(nameof(RankedSignal.Signal))!, signal),
                Expression.Bind(typeof(RankedSignal).GetProperty(nameof(RankedSignal.Rank))!, rank)),
            signal);
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
