using CommonGround.Core.Time;

namespace CommonGround.Core.Statutory;

/// <summary>
/// Works out statutory dates from facts, using <see cref="TimescaleRules"/>. Pure: the same facts always give the same
/// dates, and nothing is read or stored. A rule not yet in force on its trigger date is left out, with a note.
/// </summary>
public sealed class Timescales(WorkingDayCalendar calendar)
{
    /// <summary>The continuous absence from the area, in days, that can excuse the fixed limits.</summary>
    public const int AbsenceDays = 28;

    /// <summary>The length of school closure, in days, that can excuse the fixed limits.</summary>
    public const int ClosureDays = 28;

    /// <summary>The note every timeline with exceptions carries; a child's record says it in its own warning instead.</summary>
    public const string ExceptionsGiveNoNewDate = "An exception never gives a new date. If one applies, the work must still be done as soon as practicable.";

    public static Timescales England { get; } = new(WorkingDayCalendar.EnglandAndWales);

    public WorkingDayCalendar Calendar => calendar;

    public Timeline NeedsAssessment(NeedsAssessmentFacts facts)
    {
        var received = facts.RequestReceived;
        var deadlines = Dates(received, TimescaleRules.DecisionWhetherToAssess, TimescaleRules.DecisionNotToIssuePlan, TimescaleRules.LatestDraftPlan, TimescaleRules.FinalPlan);
        var finalPlan = TimescaleRules.FinalPlan.From(received, calendar);
        return new(deadlines, [SchoolClosure(facts), AbsenceFromArea(facts.AbsentFrom, facts.AbsentTo, received, finalPlan), Exceptional(facts.ExceptionalCircumstances)], Notes(received, deadlines, exceptionsCanApply: true));
    }

    public Timeline AdviceRequest(DateOnly received, bool missedAppointment)
    {
        var deadlines = Dates(received, TimescaleRules.AdviceDue);
        var missed = new ExceptionCheck(
            "missed-appointment",
            "A missed appointment",
            missedAppointment,
            missedAppointment
                ? "You told us an appointment for an examination or test was missed. If that made it impractical to give the advice in 6 weeks, the fixed date may not apply; the advice must still come as soon as practicable."
                : "Applies only if an appointment for an examination or test was missed and that made the 6 weeks impractical.");
        return new(deadlines, [missed], Notes(received, deadlines, exceptionsCanApply: true));
    }

    public Timeline DraftPlan(DateOnly served) =>
        Simple(served, TimescaleRules.RepresentationsLastDay, TimescaleRules.EarliestFinalPlan);

    public Timeline SchoolConsultation(DateOnly consulted) => Simple(consulted, TimescaleRules.SchoolConsultationReply);

    public Timeline Reassessment(DateOnly decisionNotified) => Simple(decisionNotified, TimescaleRules.ReassessmentFinalPlan);

    public Timeline AnnualReview(DateOnly lastReviewed, bool underFive)
    {
        var periodEnds = TimescaleRules.ReviewPeriodEnds.From(lastReviewed, calendar);
        var deadlines = new List<Deadline>(4);
        if (TimescaleRules.ReviewPeriodEnds.InForceOn(lastReviewed))
        {
            deadlines.Add(new(TimescaleRules.ReviewPeriodEnds, periodEnds));
            deadlines.Add(new(TimescaleRules.LatestReviewMeeting, TimescaleRules.LatestReviewMeeting.From(periodEnds, calendar)));
            if (underFive)
            {
                deadlines.AddRange(Dates(lastReviewed, TimescaleRules.EarlyReviewFrom, TimescaleRules.EarlyReviewBy));
            }
        }

        return new(deadlines, [], Notes(lastReviewed, deadlines, exceptionsCanApply: false));
    }

    public Timeline ReviewMeeting(DateOnly meeting) => Simple(
        meeting,
        TimescaleRules.InvitationsBy,
        TimescaleRules.AdviceCirculatedBy,
        TimescaleRules.ReportBy,
        TimescaleRules.DecisionBy,
        TimescaleRules.FinalAmendedPlanFromMeeting);

    public Timeline AmendmentNotice(DateOnly sent) =>
        Simple(sent, TimescaleRules.AmendmentRepresentationsLastDay, TimescaleRules.FinalAmendedPlanFromNotice);

    /// <summary>
    /// The date a plan must be amended by before a transfer: for <see cref="PhaseTransferKind.School"/> and
    /// <see cref="PhaseTransferKind.PostSixteen"/> from the <paramref name="year"/> of the move; for
    /// <see cref="PhaseTransferKind.PostSixteenOther"/> from the <paramref name="transferDate"/>.
    /// </summary>
    public Timeline PhaseTransfer(PhaseTransferKind kind, int year, DateOnly transferDate = default)
    {
        if (kind == PhaseTransferKind.PostSixteenOther)
        {
            return Simple(transferDate, TimescaleRules.PostSixteenOtherAmendedPlanBy);
        }

        // "Before 15 February" and "before 31 March": the last day is the day before.
        var (rule, lastDay) = kind == PhaseTransferKind.School
            ? (TimescaleRules.PhaseTransferAmendedPlanBy, new DateOnly(year, 2, 14))
            : (TimescaleRules.PostSixteenAmendedPlanBy, new DateOnly(year, 3, 30));
        var deadlines = rule.InForceOn(lastDay)
            ? new List<Deadline>
            {
                new(rule, lastDay),
                new(TimescaleRules.TransferLatestReviewMeeting, TimescaleRules.TransferLatestReviewMeeting.From(lastDay, calendar)),
                new(TimescaleRules.TransferLatestAmendmentNotice, TimescaleRules.TransferLatestAmendmentNotice.From(lastDay, calendar)),
            }
            : [];
        return new(deadlines, [], Notes(lastDay, deadlines, exceptionsCanApply: false));
    }

    public Timeline Appeal(DateOnly decisionSent, DateOnly? certificateIssued)
    {
        var deadlines = new List<Deadline>(2);
        if (TimescaleRules.AppealBy.InForceOn(decisionSent))
        {
            deadlines.Add(new(TimescaleRules.MediationAdviserContactBy, TimescaleRules.MediationAdviserContactBy.From(decisionSent, calendar)));
            deadlines.Add(AppealBy(decisionSent, certificateIssued));
        }

        return new(deadlines, [], Notes(decisionSent, deadlines, exceptionsCanApply: false));
    }

    public Timeline MediationCertificate(DateOnly from) => Simple(from, TimescaleRules.CertificateBy);

    public Timeline Mediation(DateOnly requested) => Simple(requested, TimescaleRules.MediationBy);

    public Timeline TribunalOrder(TribunalOrderKind kind, DateOnly order) => kind == TribunalOrderKind.Assess
        ? Simple(order, TimescaleRules.OrderToAssessNotifyBy, TimescaleRules.OrderToAssessDecisionNotToIssue, TimescaleRules.OrderToAssessFinalPlan)
        : Simple(order, TimescaleRules.OrderToMakeDraftPlan, TimescaleRules.OrderToMakeFinalPlan);

    /// <summary>
    /// The appeal deadline: 2 months after the decision was sent, or 1 month after the certificate if later; a date from
    /// 25 December to 1 January moves to the first working day after 1 January, a date in August to the first working day
    /// after 31 August, and any other day the Tribunal is closed to the next working day.
    /// </summary>
    public Deadline AppealBy(DateOnly decisionSent, DateOnly? certificateIssued)
    {
        var twoMonths = decisionSent.AddMonths(2);
        var basis = certificateIssued is { } certificate && certificate.AddMonths(1) > twoMonths ? certificate.AddMonths(1) : twoMonths;
        var fromCertificate = basis != twoMonths;

        string? note = null;
        var date = basis;
        if ((date.Month == 12 && date.Day >= 25) || (date.Month == 1 && date.Day == 1))
        {
            date = calendar.AddWorkingDays(new DateOnly(date.Month == 12 ? date.Year + 1 : date.Year, 1, 1), 1);
            note = $"The period ends on {UkDates.Date(basis)}, between 25 December and 1 January, so the appeal is in time on the first working day after 1 January.";
        }
        else if (date.Month == 8)
        {
            date = calendar.AddWorkingDays(new DateOnly(date.Year, 8, 31), 1);
            note = $"The period ends on {UkDates.Date(basis)}, in August, so the appeal is in time on the first working day after 31 August.";
        }
        else if (!calendar.IsWorkingDay(date))
        {
            date = calendar.OnOrNextWorkingDay(date);
            note = $"The period ends on {UkDates.Date(basis)}, when the Tribunal office is closed, so the appeal is in time on the next working day.";
        }

        if (fromCertificate)
        {
            note = $"Counted from the mediation certificate, which gives the later date. {note}".TrimEnd();
        }

        return new(TimescaleRules.AppealBy, date, note);
    }

    private Timeline Simple(DateOnly trigger, params TimescaleRule[] rules)
    {
        var deadlines = Dates(trigger, rules);
        return new(deadlines, [], Notes(trigger, deadlines, exceptionsCanApply: false));
    }

    private List<Deadline> Dates(DateOnly trigger, params TimescaleRule[] rules)
    {
        var deadlines = new List<Deadline>(rules.Length);
        foreach (var rule in rules)
        {
            if (rule.InForceOn(trigger))
            {
                deadlines.Add(new(rule, rule.From(trigger, calendar)));
            }
        }

        return deadlines;
    }

    private static ExceptionCheck SchoolClosure(NeedsAssessmentFacts facts)
    {
        const string title = "The school or college was closed";
        if (facts is not { SchoolClosedFrom: { } closed, SchoolReopens: { } reopens })
        {
            return new("school-closure", title, false, "Applies only if advice was asked of a head teacher or principal in the week before, or during, a closure of at least 4 weeks (such as the summer holiday).");
        }

        var closureDays = reopens.DayNumber - closed.DayNumber;
        if (closureDays < ClosureDays)
        {
            return new("school-closure", title, false, $"The closure from {UkDates.Date(closed)} to {UkDates.Date(reopens)} is {closureDays} days, shorter than the 4 weeks (28 days) needed.");
        }

        if (facts.AdviceRequested is not { } asked)
        {
            return new("school-closure", title, false, "Applies only if advice was asked of the school during the closure or the week before it; give the date advice was asked for to check.");
        }

        var applies = closed.AddDays(-7) <= asked && asked <= reopens.AddDays(-7);
        return new("school-closure", title, applies, applies
            ? $"Advice was asked for on {UkDates.Date(asked)}, between 7 days before the closure began ({UkDates.Date(closed)}) and 7 days before the school reopened ({UkDates.Date(reopens)}). If the closure made the fixed dates impractical, they may not apply; the local authority must still act as soon as practicable."
            : $"Advice was asked for on {UkDates.Date(asked)}, outside the time from 7 days before the closure began ({UkDates.Date(closed)}) to 7 days before the school reopened ({UkDates.Date(reopens)}).");
    }

    private static ExceptionCheck AbsenceFromArea(DateOnly? from, DateOnly? to, DateOnly periodStart, DateOnly periodEnd)
    {
        const string title = "Away from the area";
        if (from is not { } start || to is not { } end)
        {
            return new("absence-from-area", title, false, "Applies only if the child or young person was away from the local authority's area for at least 4 weeks in a row during the assessment.");
        }

        // Only the days inside the assessment period count, both ends included.
        var first = start > periodStart ? start : periodStart;
        var last = end < periodEnd ? end : periodEnd;
        var days = last < first ? 0 : last.DayNumber - first.DayNumber + 1;
        var applies = days >= AbsenceDays;
        return new("absence-from-area", title, applies, applies
            ? $"Away from the area from {UkDates.Date(start)} to {UkDates.Date(end)}: {days} days in a row during the assessment. If that made the fixed dates impractical, they may not apply; the local authority must still act as soon as practicable."
            : $"Away from the area from {UkDates.Date(start)} to {UkDates.Date(end)}: {days} days during the assessment, fewer than the 4 weeks (28 days) needed.");
    }

    private static ExceptionCheck Exceptional(bool recorded) => new(
        "exceptional-personal-circumstances",
        "Exceptional personal circumstances",
        recorded,
        recorded
            ? "Exceptional personal circumstances affecting the child, young person or parent have been recorded. If they made the fixed dates impractical, they may not apply; the local authority must still act as soon as practicable."
            : "Applies only if exceptional personal circumstances affecting the child, young person or parent made the fixed dates impractical.");

    private List<string> Notes(DateOnly trigger, List<Deadline> deadlines, bool exceptionsCanApply)
    {
        var notes = new List<string>();
        if (trigger < TimescaleRules.SendRegulationsInForce)
        {
            notes.Add($"These rules apply from {UkDates.Date(TimescaleRules.SendRegulationsInForce)}; for an earlier date, the rules in force then applied.");
        }

        foreach (var deadline in deadlines)
        {
            if (deadline.Rule.NeverRollsForward && !calendar.IsWorkingDay(deadline.Date))
            {
                notes.Add($"{deadline.Rule.Title}: {UkDates.Date(deadline.Date)} is not a working day. The date does not move; in practice, the last working day before it is {UkDates.Date(calendar.OnOrPreviousWorkingDay(deadline.Date))}.");
            }
        }

        if (exceptionsCanApply)
        {
            notes.Add(ExceptionsGiveNoNewDate);
        }

        return notes;
    }
}
