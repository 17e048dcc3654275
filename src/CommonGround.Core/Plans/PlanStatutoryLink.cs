using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Statutory;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Plans;

/// <summary>One piece of advice an EHC plan's section K lists: who it came from, and when it was received.</summary>
public sealed record PlanAdvice(DateOnly ReceivedOn, string From)
{
    public string AsText() => $"{From}: advice received on {UkDates.Date(ReceivedOn)}";
}

/// <summary>
/// An EHC plan written on the record moves the child's statutory process with it: sharing the draft records "draft
/// sent" and issuing the final records "final plan issued", in the same save, so the legal dates follow the work
/// instead of being typed twice; at the plan's review, they are the proposed amendments and the final amended plan on
/// the annual review. The family's 15 days to comment, and the earliest day the final may be issued, come
/// from the one timescales engine.
/// </summary>
public static class PlanStatutoryLink
{
    private static readonly StatutoryProcessKind[] MakePlans =
        [StatutoryProcessKind.NeedsAssessment, StatutoryProcessKind.Reassessment, StatutoryProcessKind.TribunalOrder];

    private static readonly StatutoryProcessKind[] ReviewPlans = [StatutoryProcessKind.AnnualReview, StatutoryProcessKind.PhaseTransfer];

    /// <summary>The child's open process that ends in a final plan: the latest with no final plan issued yet.</summary>
    public static async Task<StatutoryProcess?> OpenProcessAsync(CommonGroundDbContext db, Guid childId) =>
        (await db.StatutoryProcesses.Include(p => p.Events).Where(p => p.ChildId == childId && MakePlans.Contains(p.Kind)).ToListAsync())
            .Where(p => !p.Events.Any(e => e.Kind is StatutoryEventKind.FinalPlanIssued or StatutoryEventKind.DecisionNotToAssess or StatutoryEventKind.DecisionNotToIssuePlan))
            .OrderByDescending(p => p.StartedAt)
            .FirstOrDefault();

    /// <summary>
    /// Section K of an EHC plan: the advice and information gathered for the child's assessments and reassessments, as
    /// recorded on their statutory processes up to <paramref name="upTo"/> (for a version, what was known when it was
    /// kept); null when the person is not shared the statutory process.
    /// </summary>
    public static async Task<IReadOnlyList<PlanAdvice>?> AdviceAsync(CommonGroundDbContext db, ChildAccess childAccess, DateTime upTo)
    {
        if (!childAccess.CanSee(RecordArea.StatutoryProcess))
        {
            return null;
        }

        var processes = await db.StatutoryProcesses.AsNoTracking().Where(p => p.ChildId == childAccess.Child.Id && MakePlans.Contains(p.Kind)).Select(p => p.Id).ToListAsync();
        var advice = await db.StatutoryEvents.AsNoTracking()
            .Where(e => processes.Contains(e.ProcessId) && e.Kind == StatutoryEventKind.AdviceReceived)
            .Select(e => new { e.OccurredOn, e.Detail, e.RecordedAt }).ToListAsync();
        return advice.Where(a => a.RecordedAt <= upTo).OrderBy(a => a.OccurredOn)
            .Select(a => new PlanAdvice(a.OccurredOn, a.Detail ?? "An adviser not named")).ToList();
    }

    /// <summary>The child's open annual review or phase transfer review: the latest with no final amended plan issued yet.</summary>
    public static async Task<StatutoryProcess?> OpenReviewAsync(CommonGroundDbContext db, Guid childId) =>
        (await db.StatutoryProcesses.Include(p => p.Events).Where(p => p.ChildId == childId && ReviewPlans.Contains(p.Kind)).ToListAsync())
            .Where(p => !p.Events.Any(e => e.Kind == StatutoryEventKind.FinalAmendedPlanIssued))
            .OrderByDescending(p => p.StartedAt)
            .FirstOrDefault();

    /// <summary>
    /// Records <paramref name="kind"/> (draft sent, or final issued) today, if the author may and it is not recorded
    /// already: on the open needs assessment for a new plan, or, when <paramref name="amending"/> an issued plan at its
    /// review, as the proposed amendments sent and the final amended plan issued on the open annual review.
    /// </summary>
    public static async Task StageAsync(CommonGroundDbContext db, ChildAccess childAccess, SupportPlan plan, StatutoryEventKind kind, bool amending, UserActor actor, DateTime now)
    {
        if (plan.Kind != PlanKind.Ehc || !childAccess.Can(Capability.ManageStatutoryProcess, RecordArea.StatutoryProcess))
        {
            return;
        }

        var process = amending ? await OpenReviewAsync(db, plan.ChildId) : await OpenProcessAsync(db, plan.ChildId);
        var happened = !amending ? kind : kind switch
        {
            StatutoryEventKind.DraftPlanServed => StatutoryEventKind.AmendmentNoticeSent,
            StatutoryEventKind.FinalPlanIssued => StatutoryEventKind.FinalAmendedPlanIssued,
            _ => kind,
        };
        if (process is null || process.Events.Any(e => e.Kind == happened))
        {
            return;
        }

        var recorded = process.Record(happened, now.ToUkDate(), actor, byFamily: false, now, Timescales.England, detail: "From the EHC plan on the record");
        db.StatutoryEvents.Add(recorded);
        db.AuditEvents.Add(StatutoryChanges.Recorded(actor, process, recorded, now));
    }

    /// <summary>
    /// The last day of the family's 15 days to comment on a shared draft, and the earliest day the final may be issued:
    /// from the process's own progress where there is one, otherwise counted from the day the draft was shared.
    /// </summary>
    public static async Task<(DateOnly LastDayToComment, DateOnly EarliestFinal)?> CommentWindowAsync(CommonGroundDbContext db, SupportPlan plan, DateOnly today)
    {
        if (plan.Kind != PlanKind.Ehc || plan.SharedAt is not { } shared)
        {
            return null;
        }

        var process = await OpenProcessAsync(db, plan.ChildId);
        var progress = process?.Progress(today, Timescales.England);
        var lastDay = progress?.Deadlines.FirstOrDefault(d => d.Deadline.Key == TimescaleRules.RepresentationsLastDay.Key)?.Deadline.Date;
        var earliest = progress?.Deadlines.FirstOrDefault(d => d.Deadline.Key == TimescaleRules.EarliestFinalPlan.Key)?.Deadline.Date;
        var sent = shared.ToUkDate();
        return (lastDay ?? TimescaleRules.RepresentationsLastDay.Count.From(sent, Timescales.England.Calendar),
            earliest ?? TimescaleRules.EarliestFinalPlan.Count.From(sent, Timescales.England.Calendar));
    }
}
