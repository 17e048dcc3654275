using System.Linq.Expressions;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Concerns;
using CommonGround.Core.Data;
using CommonGround.Core.Meetings;
using CommonGround.Core.Plans;
using CommonGround.Core.Statutory;
using CommonGround.Core.Time;
using CommonGround.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CommonGround.Core.Attention;

/// <summary>
/// Works out the early warnings for a set of children from their records, in a few set-based reads, and brings the
/// stored signals up to date: new problems added, changed ones updated, solved ones removed. Use cases call
/// <see cref="RefreshAfterChangeAsync"/> once their change is saved; <see cref="AttentionJob"/> calls it for every child
/// as time passes, and puts right any refresh that failed.
/// </summary>
public sealed class AttentionSignals(CommonGroundDbContext db, StatutoryWarnings statutoryWarnings, TimeProvider timeProvider, ILogger<AttentionSignals> logger,
    AttentionRefresher? together = null)
{
    /// <summary>Signals are kept for the loosest threshold an organisation may choose; see <see cref="AttentionThresholds"/>.</summary>
    private const int LoosestNoContactDays = 14;
    private const int LoosestStatutoryWorkingDays = 20;

    private static WorkingDayCalendar Calendar => WorkingDayCalendar.EnglandAndWales;

    /// <summary>The kinds each open concern's clock raises, one at a time, keyed by <see cref="ConcernSubjectKey"/>.</summary>
    private static readonly AttentionSignalKind[] ConcernClockKinds =
        [AttentionSignalKind.ConcernOverdue, AttentionSignalKind.ConcernDueSoon, AttentionSignalKind.ConcernToAcknowledge];

    private static string ConcernSubjectKey(Guid concernId) => concernId.ToString();

    /// <summary>Brings the signals for these children up to date and saves them; returns how many rows changed.</summary>
    public Task<int> RefreshAsync(IReadOnlyCollection<Guid> childIds, CancellationToken cancellationToken = default) =>
        RefreshAsync(childIds, AttentionRules.All, cancellationToken);

    /// <summary>
    /// Brings these children's signals of the given groups of rules up to date and saves them, leaving the other groups'
    /// as they are; returns how many rows changed.
    /// </summary>
    public Task<int> RefreshAsync(IReadOnlyCollection<Guid> childIds, AttentionRules rules, CancellationToken cancellationToken = default) =>
        RefreshAsync(childIds, rules, keepRechecks: false, onlyConcerns: null, cancellationToken);

    /// <summary>
    /// As <see cref="RefreshAsync(IReadOnlyCollection{Guid}, AttentionRules, CancellationToken)"/>; when
    /// <paramref name="onlyConcerns"/> is given, of the concern clocks only those concerns' are worked out again (with
    /// each child's count of concerns raised lately), the other open concerns' warnings left as they are.
    /// </summary>
    public Task<int> RefreshAsync(IReadOnlyCollection<Guid> childIds, AttentionRules rules, IReadOnlyCollection<Guid>? onlyConcerns, CancellationToken cancellationToken) =>
        RefreshAsync(childIds, rules, keepRechecks: false, onlyConcerns, cancellationToken);

    /// <summary>
    /// As <see cref="RefreshAsync(IReadOnlyCollection{Guid}, AttentionRules, CancellationToken)"/>, and keeps for each
    /// child and group the day time alone may next change them (<see cref="AttentionRecheck"/>), with the signals, and
    /// works out again the summaries of every one of the children's places (<see cref="AttentionSummary"/>).
    /// </summary>
    public Task<int> RefreshAndKeepRechecksAsync(IReadOnlyCollection<Guid> childIds, AttentionRules rules, CancellationToken cancellationToken = default) =>
        RefreshAsync(childIds, rules, keepRechecks: true, onlyConcerns: null, cancellationToken);

    private async Task<int> RefreshAsync(IReadOnlyCollection<Guid> childIds, AttentionRules rules, bool keepRechecks, IReadOnlyCollection<Guid>? onlyConcerns,
        CancellationToken cancellationToken)
    {
        var ids = childIds.Distinct().ToList();
        var now = timeProvider.UtcNow();
        var rechecks = keepRechecks ? new AttentionRechecks() : null;
        onlyConcerns = (rules & AttentionRules.Concerns) == 0 ? null : onlyConcerns;
        var today = timeProvider.TodayInUk();
        var fresh = await ComputeAsync(db, ids, now, today, rules, rechecks, onlyConcerns, cancellationToken);
        await statutoryWarnings.AddAsync(fresh, cancellationToken);
        var stored = db.AttentionSignals.Where(s => ids.Contains(s.ChildId));
        // The children's other warnings, which this refresh leaves as they are.
        Expression<Func<AttentionSignal, bool>> untouched = _ => false;
        if (onlyConcerns is not null)
        {
            var kinds = AttentionRuleGroups.KindsOf(rules);
            // Only the named concerns' clocks were worked out, so only theirs are compared (and removed if gone); read
            // apart from the other kinds, each half naming exactly its kinds, which a plan made for the call uses to find
            // only the named concerns' rows by child, kind and subject (a plan made once for any list of children, as
            // PostgreSQL makes for a statement run often, still finds them by child alone).
            var subjects = onlyConcerns.Select(ConcernSubjectKey).ToList();
            var otherKinds = kinds.Except(ConcernClockKinds).ToList();
            var clockKinds = kinds.Intersect(ConcernClockKinds).ToList();
            stored = stored.Where(s => EF.Constant(otherKinds).Contains(s.Kind))
                .Concat(stored.Where(s => EF.Constant(clockKinds).Contains(s.Kind) && subjects.Contains(s.SubjectKey)));
            untouched = s => !EF.Constant(kinds).Contains(s.Kind) || EF.Constant(clockKinds).Contains(s.Kind) && !subjects.Contains(s.SubjectKey);
        }
        else if (rules != AttentionRules.All)
        {
            var kinds = AttentionRuleGroups.KindsOf(rules);
            stored = stored.Where(s => EF.Constant(kinds).Contains(s.Kind));
            untouched = s => !EF.Constant(kinds).Contains(s.Kind);
        }

        var existing = await stored.ToListAsync(cancellationToken);
        var byKey = existing.ToDictionary(s => (s.ChildId, s.Kind, s.SubjectKey));
        var added = new List<AttentionSignal>();
        var changedChildren = new HashSet<Guid>();
        var changed = 0;
        foreach (var signal in fresh)
        {
            if (byKey.Remove((signal.ChildId, signal.Kind, signal.SubjectKey), out var kept))
            {
                if (!kept.SameAs(signal))
                {
                    kept.TakeFrom(signal);
                    changedChildren.Add(signal.ChildId);
                    changed++;
                }
            }
            else
            {
                added.Add(signal);
                changedChildren.Add(signal.ChildId);
            }
        }

        db.AttentionSignals.RemoveRange(byKey.Values);
        changedChildren.UnionWith(byKey.Values.Select(s => s.ChildId));
        changed += byKey.Count + added.Count;
        var addedRechecks = rechecks is null ? [] : await KeepRechecksAsync(rules, rechecks, cancellationToken);

        // The job works out again the summaries of every child it looks at, which puts right those of places whose
        // sharing changed or that are new; a change's refresh those of children whose warnings it changed. They are
        // worked out from the warnings as this refresh leaves them, before anything is written, so the write is one save.
        var summariesOf = keepRechecks ? ids : changedChildren.ToList();
        // When every rule was worked out, what was worked out is every warning there is.
        var addedSummaries = summariesOf.Count == 0 ? [] : await AttentionSummaries.KeepAsync(db, summariesOf,
            rules == AttentionRules.All && onlyConcerns is null
                ? fresh.Select(s => new CountedSignals(s, 1))
                : await AttentionSummaries.SignalsAfterAsync(db, summariesOf, untouched, fresh, cancellationToken),
            today, cancellationToken);
        if (changed == 0 && addedRechecks.Count == 0 && addedSummaries.Count == 0 && !db.ChangeTracker.HasChanges())
        {
            return 0;
        }

        // Many new signals at once (the first run in an area) are copied in; the rest is one save, in one transaction.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await BulkInsert.AddAsync(db, added, cancellationToken);
        await BulkInsert.AddAsync(db, addedRechecks, cancellationToken);
        await BulkInsert.AddAsync(db, addedSummaries, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return changed;
    }

    /// <summary>Sets each worked-out child's rows for these groups to the days gathered, and returns the rows to add.</summary>
    private async Task<List<AttentionRecheck>> KeepRechecksAsync(AttentionRules rules, AttentionRechecks rechecks, CancellationToken cancellationToken)
    {
        var groups = AttentionRuleGroups.Each(rules);
        var ids = rechecks.AreaOf.Keys.ToList();
        var byKey = await db.AttentionRechecks.Where(r => ids.Contains(r.ChildId) && EF.Constant(groups).Contains(r.Rules)).ToDictionaryAsync(r => (r.ChildId, r.Rules), cancellationToken);
        var added = new List<AttentionRecheck>();
        foreach (var (childId, areaId) in rechecks.AreaOf)
        {
            foreach (var group in groups)
            {
                var day = rechecks.For(childId, group);
                if (byKey.Remove((childId, group), out var kept))
                {
                    if (day is not { } on)
                    {
                        db.AttentionRechecks.Remove(kept);
                    }
                    else if (kept.RecheckOn != on)
                    {
                        kept.RecheckOn = on;
                    }
                }
                else if (day is { } on)
                {
                    added.Add(new AttentionRecheck { ChildId = childId, AreaId = areaId, Rules = group, RecheckOn = on });
                }
            }
        }

        return added;
    }

    /// <summary>
    /// Brings one child's signals up to date after a use case saved a change to their record, and sends any statutory
    /// warning that change makes due. The change is already saved, so a failure here is logged, never shown: the
    /// periodic job does the refresh again. Changes saved at the same moment share one refresh (<see cref="AttentionRefresher"/>);
    /// a change still inside its transaction is refreshed in it, where its records can be seen.
    /// </summary>
    public Task RefreshAfterChangeAsync(Guid childId, CancellationToken cancellationToken = default) =>
        RefreshAfterChangeAsync([childId], AttentionRules.All, onlyConcerns: null, cancellationToken);

    /// <inheritdoc cref="RefreshAfterChangeAsync(Guid, CancellationToken)"/>
    public Task RefreshAfterChangeAsync(IReadOnlyCollection<Guid> childIds, CancellationToken cancellationToken = default) =>
        RefreshAfterChangeAsync(childIds, AttentionRules.All, onlyConcerns: null, cancellationToken);

    /// <summary>
    /// As <see cref="RefreshAfterChangeAsync(Guid, CancellationToken)"/>, for a change that can move only the signals of
    /// <paramref name="rules"/>: those alone are worked out again. Name every group whose records the change writes;
    /// when in doubt, use the overload without rules, which works out all of them.
    /// </summary>
    public Task RefreshAfterChangeAsync(Guid childId, AttentionRules rules, CancellationToken cancellationToken = default) =>
        RefreshAfterChangeAsync([childId], rules, onlyConcerns: null, cancellationToken);

    /// <summary>
    /// After a concern is raised: only its own clock and the child's count of concerns raised lately can move, so only
    /// those are worked out again, not every open concern of the child.
    /// </summary>
    public Task RefreshAfterConcernRaisedAsync(Guid childId, Guid concernId, CancellationToken cancellationToken = default) =>
        RefreshAfterChangeAsync([childId], AttentionRules.Concerns, [concernId], cancellationToken);

    private async Task RefreshAfterChangeAsync(IReadOnlyCollection<Guid> childIds, AttentionRules rules, IReadOnlyCollection<Guid>? onlyConcerns,
        CancellationToken cancellationToken)
    {
        if (childIds.Count == 0)
        {
            return;
        }

        try
        {
            await (together is not null && db.Database.CurrentTransaction is null
                ? together.RefreshAsync(childIds, rules, onlyConcerns, cancellationToken)
                : RefreshAsync(childIds, rules, keepRechecks: false, onlyConcerns, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another request refreshing the same child at the same moment is expected, and theirs stands.
            if (ex is not DbUpdateException update || !SaveConflicts.IsLostRace(update))
            {
                logger.LogWarning(ex, "Could not refresh the early warnings for {Count} children; the periodic job will", childIds.Count);
            }

            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is AttentionSignal or AttentionSummary or AttentionRecheck or Notification).ToList())
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// Every signal the <paramref name="rules"/> raise for these children as their records stand on <paramref name="today"/>. Each rule turns on the date,
    /// never the time of day (<paramref name="now"/> only stamps the signals), so signals change only when a record
    /// changes or a day passes: what lets <see cref="AttentionJob"/> look again at only the children whose records changed,
    /// and on a new day the groups whose day to be worked out again (gathered in <paramref name="rechecks"/>) has come.
    /// </summary>
    /// <param name="rechecks">When given, gathers for each child and group the first day time alone may change what was worked out.</param>
    /// <param name="onlyConcerns">When given, the concern clocks of these concerns alone are worked out (the count of concerns raised lately still is).</param>
    public static async Task<List<AttentionSignal>> ComputeAsync(CommonGroundDbContext db, IReadOnlyList<Guid> ids, DateTime now, DateOnly today, AttentionRules rules,
        AttentionRechecks? rechecks = null, IReadOnlyCollection<Guid>? onlyConcerns = null, CancellationToken cancellationToken = default)
    {
        if (rechecks is not null && onlyConcerns is not null)
        {
            throw new ArgumentException("A child's recheck days come from all of its open concerns, so they cannot be kept from some of them", nameof(onlyConcerns));
        }

        var endOfToday = TimeProviderExtensions.FromUkTime(today.AddDays(1), TimeOnly.MinValue);
        var children = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.AreaId, c.CreatedAt, c.DateOfBirth, c.ClosedOn })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        if (rechecks is not null)
        {
            foreach (var child in children.Values)
            {
                rechecks.AreaOf[child.Id] = child.AreaId;
            }
        }

        var signals = new List<AttentionSignal>();
        // A kind that counts days keeps the date it counts from (since) and its words either side of the count (reason, end),
        // so the signal kept today is the one kept tomorrow; the count is written when the signal is shown.
        AttentionSignal Signal(Guid childId, AttentionSignalKind kind, string subjectKey, string reason, string link, int measure,
            RecordArea? area = null, DateOnly? dueOn = null, Guid? subjectId = null, RecordArea? about = null, Guid? organisationId = null,
            DateOnly? since = null, string? end = null)
        {
            var signal = new AttentionSignal
            {
                ChildId = childId, AreaId = children[childId].AreaId, Kind = kind, SubjectKey = subjectKey, SubjectId = subjectId,
                Reason = reason.ShortenTo(AttentionSignal.MaxTextLength), ReasonEnd = end?.ShortenTo(AttentionSignal.MaxTextLength),
                Link = link, RecordArea = area, AboutArea = about, OrganisationId = organisationId, Measure = measure, DueOn = dueOn, SinceOn = since, ComputedAt = now,
            };
            signals.Add(signal);
            return signal;
        }

        if ((rules & AttentionRules.Team) != 0)
        {
            // The team: a child whose team has nobody as key worker has no dedicated point of contact, and a team lead
            // standing in is only until someone is chosen. The leavers' organisation's leads see it too, off the team.
            var teams = await db.TeamMembers.AsNoTracking().Where(t => ids.Contains(t.ChildId)).GroupBy(t => t.ChildId)
                .Select(g => new
                {
                    ChildId = g.Key,
                    Active = g.Count(t => t.LeftAt == null),
                    KeyWorkers = g.Count(t => t.LeftAt == null && t.IsKeyWorker),
                    StandingIn = g.Count(t => t.LeftAt == null && t.IsStandingIn),
                })
                .ToListAsync(cancellationToken);
            // Only the few children without a chosen key worker need to know who stands in and who left last.
            var unsettled = teams.Where(t => t.Active == 0 || t.KeyWorkers == 0 || t.StandingIn > 0).ToList();
            var unsettledIds = unsettled.Select(t => t.ChildId).ToList();
            var people = (unsettledIds.Count == 0 ? [] : await db.TeamMembers.AsNoTracking().Where(t => unsettledIds.Contains(t.ChildId) && (t.LeftAt != null || t.IsStandingIn))
                .Select(t => new { t.ChildId, t.LeftAt, t.IsStandingIn, t.Professional!.OrganisationId, OrganisationName = t.Professional.Organisation!.Name, t.Professional.UserAccount!.DisplayName })
                .ToListAsync(cancellationToken)).ToLookup(p => p.ChildId);
            foreach (var team in unsettled)
            {
                var lastLeft = people[team.ChildId].Where(p => p.LeftAt != null).MaxBy(p => p.LeftAt);
                if (team.Active == 0)
                {
                    var left = DateOnly.FromDateTime(lastLeft!.LeftAt!.Value.ToUkTime());
                    Signal(team.ChildId, AttentionSignalKind.NoTeam, "",
                        $"Nobody is on the team since {lastLeft.DisplayName} of {lastLeft.OrganisationName} left on {UkDates.Date(left)}. The family has no one to contact; they can invite someone to the team",
                        "", 0, organisationId: lastLeft.OrganisationId);
                }
                else if (people[team.ChildId].FirstOrDefault(p => p.LeftAt == null && p.IsStandingIn) is { } standIn)
                {
                    Signal(team.ChildId, AttentionSignalKind.NoKeyWorker, "",
                        $"No key worker chosen: {standIn.DisplayName}, team lead, stands in{(lastLeft is null ? "" : $" since {lastLeft.DisplayName} left")}. Choose a key worker",
                        ChildLinks.Team(team.ChildId), 0, organisationId: lastLeft?.OrganisationId ?? standIn.OrganisationId);
                }
                else if (team.KeyWorkers == 0)
                {
                    Signal(team.ChildId, AttentionSignalKind.NoKeyWorker, "", "No key worker: the family has no single person to contact", ChildLinks.Team(team.ChildId), 0,
                        organisationId: lastLeft?.OrganisationId);
                }
            }
        }

        if ((rules & AttentionRules.Concerns) != 0)
        {
            // Concerns: a clock past its date, or due within one working day; and several raised in a short time.
            var open = db.Concerns.AsNoTracking().Where(c => ids.Contains(c.ChildId) && c.Status != ConcernStatus.Closed);
            var concerns = await (onlyConcerns is null ? open : open.Where(c => onlyConcerns.Contains(c.Id))).ToListAsync(cancellationToken);
            foreach (var concern in concerns)
            {
                // An open concern's clocks move it from new to due soon to late by the day.
                rechecks?.EveryDay(concern.ChildId, AttentionRules.Concerns);
                var link = ChildLinks.Concern(concern.ChildId, concern.Id);
                var who = concern.OwnerName ?? $"{concern.OwnerOrganisationName} (nobody chosen yet)";
                var next = concern.NextDate(today, Calendar);
                if (next is { Status: ClockStatus.Overdue })
                {
                    var due = next.DueOn;
                    var acknowledgeLate = next.Kind == ConcernClockKind.Acknowledge;
                    Signal(concern.ChildId, AttentionSignalKind.ConcernOverdue, ConcernSubjectKey(concern.Id),
                        $"{(concern.Urgency == ConcernUrgency.Urgent ? "Urgent concern" : "Concern")} not {(acknowledgeLate ? "acknowledged" : "answered in full")} by {UkDates.Date(due)}",
                        link, 0, RecordArea.Concerns, due, concern.Id, concern.About, concern.OwnerOrganisationId, since: due, end: $". Owner: {who}");
                }
                else if (concern.IsEscalated && concern.AwaitsResponse)
                {
                    // Late once and escalated: it stays in front of the leads until it is resolved.
                    var wasLate = concern.RespondEscalatedAt is not null ? $"answered in full by {UkDates.Date(concern.RespondBy)}" : $"acknowledged by {UkDates.Date(concern.AcknowledgeBy)}";
                    Signal(concern.ChildId, AttentionSignalKind.ConcernOverdue, ConcernSubjectKey(concern.Id),
                        $"{(concern.Urgency == ConcernUrgency.Urgent ? "Urgent concern" : "Concern")} was not {wasLate}, so it was escalated. It is {concern.Status.ToDisplayName().ToLowerInvariant()} now; respond in full by {UkDates.Date(concern.RespondBy)}. Owner: {who}",
                        link, 0, RecordArea.Concerns, concern.RespondBy, concern.Id, concern.About, concern.OwnerOrganisationId);
                }
                else if (next is { Status: ClockStatus.DueSoon })
                {
                    Signal(concern.ChildId, AttentionSignalKind.ConcernDueSoon, ConcernSubjectKey(concern.Id),
                        $"Concern to {(next.Kind == ConcernClockKind.Acknowledge ? "acknowledge" : "answer in full")} by {UkDates.DayAndDate(next.DueOn)}. Owner: {who}",
                        link, 0, RecordArea.Concerns, next.DueOn, concern.Id, concern.About, concern.OwnerOrganisationId);
                }
                else if (next is { Kind: ConcernClockKind.Acknowledge })
                {
                    // Newly raised: nobody has said they have seen it yet, though there is time.
                    Signal(concern.ChildId, AttentionSignalKind.ConcernToAcknowledge, ConcernSubjectKey(concern.Id),
                        $"New concern to acknowledge by {UkDates.DayAndDate(next.DueOn)}. Owner: {who}",
                        link, 0, RecordArea.Concerns, next.DueOn, concern.Id, concern.About, concern.OwnerOrganisationId);
                }
            }

            var since = TimeProviderExtensions.FromUkTime(today.AddDays(1 - AttentionThresholds.RepeatedConcernsDays), TimeOnly.MinValue);
            var recent = await db.Concerns.AsNoTracking().Where(c => ids.Contains(c.ChildId) && c.RaisedAt >= since)
                .GroupBy(c => c.ChildId).Select(g => new { ChildId = g.Key, Count = g.Count(), First = g.Min(c => c.RaisedAt) }).ToListAsync(cancellationToken);
            foreach (var child in recent)
            {
                // The count falls on the day the earliest concern in it is no longer within the last 30 days.
                rechecks?.On(child.ChildId, AttentionRules.Concerns, DateOnly.FromDateTime(child.First.ToUkTime()).AddDays(AttentionThresholds.RepeatedConcernsDays));
            }

            foreach (var child in recent.Where(r => r.Count >= AttentionThresholds.RepeatedConcernsRange.Min))
            {
                Signal(child.ChildId, AttentionSignalKind.RepeatedConcerns, "", $"{child.Count} concerns raised in the last {AttentionThresholds.RepeatedConcernsDays} days",
                    ChildLinks.Concerns(child.ChildId), child.Count, RecordArea.Concerns);
            }
        }

        if ((rules & AttentionRules.Commitments) != 0)
        {
            // Commitments: a one-off past its date, recurring provision behind, and disputes waiting for an answer.
            // Open commitments are checked against their dates; a dispute waits for an answer whatever the commitment's status.
            var withWork = await db.Commitments.AsNoTracking()
                .Where(c => ids.Contains(c.ChildId) && (c.Status == CommitmentStatus.Agreed || c.Status == CommitmentStatus.Active || c.OpenDisputes > 0)).ToListAsync(cancellationToken);
            var commitments = withWork.Where(c => c.Status is CommitmentStatus.Agreed or CommitmentStatus.Active).ToList();
            var termOwners = commitments.Where(c => c.TermTimeOnly).Select(c => c.OwnerOrganisationId).Distinct().ToList();
            var terms = (await db.TermDates.AsNoTracking().Where(t => termOwners.Contains(t.OrganisationId)).ToListAsync(cancellationToken))
                .GroupBy(t => t.OrganisationId).ToDictionary(g => g.Key, g => (IReadOnlyList<TermPeriod>)g.Select(t => new TermPeriod(t.StartDate, t.EndDate)).ToList());
            foreach (var commitment in commitments)
            {
                var link = ChildLinks.Commitment(commitment.ChildId, commitment.Id);
                var ownersTerms = terms.GetValueOrDefault(commitment.OwnerOrganisationId, []);
                var progress = CommitmentProgress.Of(commitment, commitment.DeliveredSoFar, today, ownersTerms);
                if (rechecks is not null)
                {
                    // A one-off is late the day after its date; provision behind changes its warning the day the share
                    // delivered falls another point; provision on track is behind from the first day what it owes passes
                    // what was delivered.
                    var recheckOn = commitment.Kind == CommitmentKind.OneOff
                        ? (commitment.DueDate!.Value >= today ? commitment.DueDate.Value.AddDays(1) : (DateOnly?)null)
                        : progress.Status is ProgressStatus.Behind or ProgressStatus.NotStarted
                            ? CommitmentProgress.NextDayPercentFalls(commitment, commitment.DeliveredSoFar, today, ownersTerms)
                        : CommitmentProgress.FirstDayBehind(commitment, commitment.DeliveredSoFar, ownersTerms) is var behindFrom && behindFrom != DateOnly.MaxValue ? behindFrom
                        : null;
                    if (recheckOn is { } day)
                    {
                        rechecks.On(commitment.ChildId, AttentionRules.Commitments, day);
                    }
                }

                if (progress.Status == ProgressStatus.Overdue)
                {
                    Signal(commitment.ChildId, AttentionSignalKind.CommitmentOverdue, commitment.Id.ToString(),
                        $"\"{commitment.What}\" was due by {UkDates.Date(commitment.DueDate!.Value)}. Owner: {commitment.OwnerName}", link, 0, RecordArea.Commitments, commitment.DueDate, commitment.Id,
                        about: commitment.RecordArea.AlsoBelongsTo());
                }
                else if (progress.Status is ProgressStatus.Behind or ProgressStatus.NotStarted && progress.PercentDelivered is { } percent)
                {
                    if (percent < 100)
                    {
                        Signal(commitment.ChildId, AttentionSignalKind.ProvisionBehind, commitment.Id.ToString(),
                            $"\"{commitment.What}\" is behind: {percent}% of what was owed so far. Owner: {commitment.OwnerName}", link, percent, RecordArea.Commitments, subjectId: commitment.Id,
                            about: commitment.RecordArea.AlsoBelongsTo());
                    }
                }
            }

            foreach (var commitment in withWork.Where(c => c.OpenDisputes > 0 && children.ContainsKey(c.ChildId)))
            {
                Signal(commitment.ChildId, AttentionSignalKind.DeliveryDisputed, commitment.Id.ToString(),
                    $"The family disputes {commitment.OpenDisputes} delivery {(commitment.OpenDisputes == 1 ? "record" : "records")} and is waiting for an answer",
                    ChildLinks.Commitment(commitment.ChildId, commitment.Id), commitment.OpenDisputes, RecordArea.Commitments, subjectId: commitment.Id,
                    about: commitment.RecordArea.AlsoBelongsTo());
            }
        }

        if ((rules & AttentionRules.Meetings) != 0)
        {
            // Meeting records shared with the family and not yet agreed.
            var awaiting = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.ChildId) && m.RecordStatus == MeetingRecordStatus.Shared)
                .Select(m => new { m.Id, m.ChildId, SharedAt = db.MeetingRecordVersions.Where(v => v.MeetingId == m.Id).Max(v => (DateTime?)v.CreatedAt) })
                .ToListAsync(cancellationToken);
            foreach (var meeting in awaiting.Where(m => m.SharedAt is not null))
            {
                var sharedOn = DateOnly.FromDateTime(meeting.SharedAt!.Value.ToUkTime());
                var days = Calendar.WorkingDaysBetween(sharedOn, today);
                if (days < AttentionThresholds.RecordWorkingDaysRange.Min)
                {
                    rechecks?.EveryDay(meeting.ChildId, AttentionRules.Meetings);
                }
                else
                {
                    Signal(meeting.ChildId, AttentionSignalKind.RecordAwaitingAgreement, meeting.Id.ToString(),
                        $"The meeting record shared on {UkDates.Date(sharedOn)} is not agreed yet",
                        ChildLinks.Meeting(meeting.ChildId, meeting.Id), 0, RecordArea.Meetings, subjectId: meeting.Id, since: sharedOn);
                }
            }
        }

        if ((rules & AttentionRules.Contact) != 0)
        {
            // Contact with the family: the latest message, meeting held, or answer to a concern; or when the record began.
            var messages = await db.Messages.AsNoTracking().Where(m => ids.Contains(m.ChildId)).GroupBy(m => m.ChildId)
                .Select(g => new { ChildId = g.Key, Last = g.Max(m => m.SentAt) }).ToListAsync(cancellationToken);
            var meetingsHeld = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.ChildId) && m.CancelledAt == null && m.StartsAt < endOfToday).GroupBy(m => m.ChildId)
                .Select(g => new { ChildId = g.Key, Last = g.Max(m => m.StartsAt) }).ToListAsync(cancellationToken);
            var answers = await db.ConcernUpdates.AsNoTracking()
                .Where(u => ids.Contains(u.ChildId) && (u.Kind == ConcernUpdateKind.Acknowledged || u.Kind == ConcernUpdateKind.Responded || u.Kind == ConcernUpdateKind.Resolved))
                .GroupBy(u => u.ChildId).Select(g => new { ChildId = g.Key, Last = g.Max(u => u.At) }).ToListAsync(cancellationToken);
            var lastContact = children.Values.ToDictionary(c => c.Id, c => c.CreatedAt);
            foreach (var contact in messages.Concat(meetingsHeld).Concat(answers))
            {
                if (contact.Last > lastContact[contact.ChildId])
                {
                    lastContact[contact.ChildId] = contact.Last;
                }
            }

            foreach (var (childId, last) in lastContact)
            {
                var lastOn = DateOnly.FromDateTime(last.ToUkTime());
                if (today.DayNumber - lastOn.DayNumber >= LoosestNoContactDays)
                {
                    Signal(childId, AttentionSignalKind.NoContact, "", "No messages, meetings or answers to the family", ChildLinks.Overview(childId), 0, since: lastOn);
                }
                else
                {
                    rechecks?.On(childId, AttentionRules.Contact, lastOn.AddDays(LoosestNoContactDays));
                }
            }

            if (rechecks is not null)
            {
                // A meeting arranged for a later day counts as contact from its day.
                var arranged = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.ChildId) && m.CancelledAt == null && m.StartsAt >= endOfToday).GroupBy(m => m.ChildId)
                    .Select(g => new { ChildId = g.Key, Next = g.Min(m => m.StartsAt) }).ToListAsync(cancellationToken);
                foreach (var meeting in arranged)
                {
                    rechecks.On(meeting.ChildId, AttentionRules.Contact, DateOnly.FromDateTime(meeting.Next.ToUkTime()));
                }
            }
        }

        if ((rules & AttentionRules.Plans) != 0)
        {
            // Support plans past the date their kind says they must be reviewed by; an EHC plan's review is a statutory process.
            // Until its date passes, a plan is worked out again the day after it.
            var plans = await db.SupportPlans.AsNoTracking()
                .Where(p => ids.Contains(p.ChildId) && p.Status == PlanStatus.Agreed && p.Kind != PlanKind.Ehc && p.ReviewBy != null).ToListAsync(cancellationToken);
            foreach (var plan in plans.Where(p => p.ReviewBy >= today))
            {
                rechecks?.On(plan.ChildId, AttentionRules.Plans, plan.ReviewBy!.Value.AddDays(1));
            }

            var late = plans.Where(p => p.ReviewBy < today).ToList();
            foreach (var plan in late.Where(p => !late.Any(later => later.ChildId == p.ChildId && later.Kind == p.Kind && later.AgreedAt > p.AgreedAt)))
            {
                Signal(plan.ChildId, AttentionSignalKind.PlanReviewOverdue, plan.Id.ToString(),
                    $"The {plan.Rule.Name} was due to be reviewed by {UkDates.Date(plan.ReviewBy!.Value)}",
                    ChildLinks.Plan(plan.ChildId, plan.Id), 0, dueOn: plan.ReviewBy, subjectId: plan.Id, organisationId: plan.OrganisationId,
                    since: plan.ReviewBy, end: $". Written by {plan.OrganisationName}");
            }
        }

        if ((rules & AttentionRules.Advice) != 0)
        {
            // Advice asked for and not given by its date; seen by those shared the part it is about. Until its date passes,
            // it is worked out again the day after.
            var askedAdvice = await db.AdviceRequests.AsNoTracking()
                .Where(r => ids.Contains(r.ChildId) && r.Status == Advice.AdviceStatus.Asked).ToListAsync(cancellationToken);
            foreach (var request in askedAdvice)
            {
                if (request.DueOn >= today)
                {
                    rechecks?.On(request.ChildId, AttentionRules.Advice, request.DueOn.AddDays(1));
                    continue;
                }

                Signal(request.ChildId, AttentionSignalKind.AdviceLate, request.Id.ToString(),
                    $"Advice from {request.StatutoryName} was due by {UkDates.Date(request.DueOn)}",
                    ChildLinks.AdviceRequest(request.ChildId, request.Id), 0, area: request.Part, dueOn: request.DueOn, subjectId: request.Id, since: request.DueOn,
                    end: $". Asked for by {request.AskedByName}"
                        + (request.AppointmentMissedOn is { } missed ? $". An exception may apply: an appointment was missed on {UkDates.Date(missed)}" : ""));
            }
        }

        if ((rules & AttentionRules.DataRights) != 0)
        {
            // Words the family asked to have corrected, waiting for the author's organisation: due within one month, then late.
            var corrections = await db.CorrectionRequests.AsNoTracking()
                .Where(r => ids.Contains(r.ChildId) && r.Status == DataRights.CorrectionStatus.Waiting).ToListAsync(cancellationToken);
            foreach (var request in corrections)
            {
                var late = today > request.DueOn;
                if (!late)
                {
                    rechecks?.On(request.ChildId, AttentionRules.DataRights, request.DueOn.AddDays(1));
                }

                Signal(request.ChildId, AttentionSignalKind.CorrectionWaiting, request.Id.ToString(),
                    late ? $"The family asked for {request.AuthorName}'s words to be corrected. The answer was due by {UkDates.Date(request.DueOn)}"
                        : $"The family asked for {request.AuthorName}'s words to be corrected. {request.OrganisationName} must answer by {UkDates.Date(request.DueOn)}",
                    ChildLinks.Correction(request.ChildId, request.Id), 0, area: request.Part, dueOn: request.DueOn, subjectId: request.Id,
                    organisationId: request.OrganisationId, since: late ? request.DueOn : null);
            }
        }

        if ((rules & AttentionRules.DataRights) != 0)
        {
            // The record the family asked to have erased, waiting for the local authority: due within one month, then late.
            var erasures = await db.ErasureRequests.AsNoTracking()
                .Where(r => ids.Contains(r.ChildId) && r.Answer == DataRights.ErasureAnswer.Waiting).ToListAsync(cancellationToken);
            foreach (var request in erasures)
            {
                var late = today > request.DueOn;
                if (!late)
                {
                    rechecks?.On(request.ChildId, AttentionRules.DataRights, request.DueOn.AddDays(1));
                }

                Signal(request.ChildId, AttentionSignalKind.ErasureWaiting, request.Id.ToString(),
                    late ? $"The family asked for the record to be erased. The answer was due by {UkDates.Date(request.DueOn)}"
                        : $"The family asked for the record to be erased. The local authority must answer by {UkDates.Date(request.DueOn)}",
                    ChildLinks.ErasureRequest(request.ChildId, request.Id), 0, dueOn: request.DueOn, subjectId: request.Id, since: late ? request.DueOn : null);
            }
        }

        if ((rules & AttentionRules.Advice) != 0)
        {
            // Advice given weeks ago whose recommendations no plan for the child has answered yet: adopted or not, with a reason.
            var givenBefore = TimeProviderExtensions.FromUkTime(today.AddDays(1 - 7 * Advice.RecommendationService.WeeksToAnswer), TimeOnly.MinValue);
            var unanswered = await db.AdviceRequests.AsNoTracking()
                .Where(r => ids.Contains(r.ChildId) && r.Status == Advice.AdviceStatus.Given && r.GivenAt < givenBefore)
                .Select(r => new
                {
                    r.Id, r.ChildId, r.Part, r.AdviserName, r.AdviserOrganisationName, r.ByFamily, r.OfOrganisation, GivenAt = r.GivenAt!.Value,
                    Count = r.Recommendations.Count(c => !db.RecommendationAnswers.Any(a => a.RecommendationId == c.Id)),
                })
                .Where(r => r.Count > 0).ToListAsync(cancellationToken);
            foreach (var advice in unanswered)
            {
                var given = DateOnly.FromDateTime(advice.GivenAt.ToUkTime());
                var whose = advice.ByFamily ? $"the family's own advice ({advice.AdviserName})"
                    : advice.OfOrganisation ? $"{advice.AdviserOrganisationName}'s advice"
                    : $"{advice.AdviserName}'s advice ({advice.AdviserOrganisationName})";
                Signal(advice.ChildId, AttentionSignalKind.RecommendationsUnanswered, advice.Id.ToString(),
                    $"{advice.Count} {(advice.Count == 1 ? "recommendation" : "recommendations")} from {whose}, given",
                    ChildLinks.AdviceRequest(advice.ChildId, advice.Id), 0, area: advice.Part,
                    dueOn: given.AddDays(7 * Advice.RecommendationService.WeeksToAnswer), subjectId: advice.Id, since: given, end: $" on {UkDates.Date(given)}, not yet answered in a plan");
            }

            if (rechecks is not null)
            {
                // Advice given more lately is counted from the day its weeks to answer have passed.
                var givenLately = await db.AdviceRequests.AsNoTracking()
                    .Where(r => ids.Contains(r.ChildId) && r.Status == Advice.AdviceStatus.Given && r.GivenAt >= givenBefore)
                    .Select(r => new { r.ChildId, GivenAt = r.GivenAt!.Value }).ToListAsync(cancellationToken);
                foreach (var advice in givenLately)
                {
                    rechecks.On(advice.ChildId, AttentionRules.Advice, DateOnly.FromDateTime(advice.GivenAt.ToUkTime()).AddDays(7 * Advice.RecommendationService.WeeksToAnswer));
                }
            }
        }

        if ((rules & AttentionRules.Statutory) != 0)
        {
            // Statutory deadlines missed, or due within the loosest window an organisation may choose; each organisation's
            // own window is applied to the date when its staff look.
            // Only what the progress engine reads of each event, found by the child: the rest of an event (who recorded it,
            // corrections) is most of its size, and an area's first run of the day reads every one.
            var processes = await db.StatutoryProcesses.AsNoTracking().Where(p => ids.Contains(p.ChildId)).Select(p => new { p.Id, p.ChildId, p.Kind }).ToListAsync(cancellationToken);
            var events = (await db.StatutoryEvents.AsNoTracking().Where(e => ids.Contains(e.ChildId)).Select(RecordedEvent.Of).ToListAsync(cancellationToken))
                .ToLookup(e => e.ProcessId);
            var window = Calendar.AddWorkingDays(today, LoosestStatutoryWorkingDays);
            foreach (var process in processes)
            {
                var link = ChildLinks.StatutoryProcess(process.ChildId, process.Id);
                var recorded = RecordedEvent.InOrder(events[process.Id]);
                var progress = StatutoryProgress.Of(process.Kind, recorded, today, Timescales.England, children[process.ChildId].DateOfBirth);
                if (rechecks is not null)
                {
                    // A fact recorded for a later day (a meeting arranged, a move planned) counts from its day.
                    foreach (var later in recorded.Where(e => e.Date > today))
                    {
                        rechecks.On(process.ChildId, AttentionRules.Statutory, later.Date);
                    }
                }

                // Only duties: a family's own right is never missed, and never chased.
                foreach (var tracked in progress.Deadlines.Where(d => !d.IsRight))
                {
                    var deadline = tracked.Deadline;
                    var key = $"{process.Id}:{tracked.Id}";
                    if (tracked.State == DeadlineState.Missed)
                    {
                        Signal(process.ChildId, AttentionSignalKind.StatutoryMissed, key, $"{tracked.Title.ShortenTo(120)}: the legal date was {UkDates.Date(deadline.Date)}",
                            link, 0, RecordArea.StatutoryProcess, deadline.Date, process.Id);
                    }
                    else if (tracked.State == DeadlineState.Upcoming && deadline.Date <= window)
                    {
                        Signal(process.ChildId, AttentionSignalKind.StatutoryDueSoon, key, $"{tracked.Title.ShortenTo(120)}: by {UkDates.DayAndDate(deadline.Date)}",
                            link, 0, RecordArea.StatutoryProcess, deadline.Date, process.Id);
                    }

                    if (tracked.State == DeadlineState.Upcoming)
                    {
                        rechecks?.On(process.ChildId, AttentionRules.Statutory, AttentionRechecks.NextChangeOfLegalDate(deadline.Date, today, LoosestStatutoryWorkingDays));
                    }
                }
            }
        }

        // A closed record takes no new work, so it raises no warning, except that the family's requests about their
        // data are still answered on their clock.
        signals.RemoveAll(s => children[s.ChildId].ClosedOn is not null && s.Kind is not (AttentionSignalKind.CorrectionWaiting or AttentionSignalKind.ErasureWaiting));
        return signals;
    }
}
