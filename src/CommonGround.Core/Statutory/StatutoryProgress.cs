using CommonGround.Core.Time;

namespace CommonGround.Core.Statutory;

/// <summary>
/// The one engine for where statutory dates stand (TIMESCALES.md §4): from a process's recorded events and a day, every
/// date with its rule, whose it is, its state and the day it was done. Pure, like <see cref="Timescales"/>: the
/// child's record, the public API, warnings, letters and calendars all read it, and none works a state out itself.
/// Each date counts from the latest event that starts it and is answered by the first event that answers it on or
/// after that day; events dated after the day asked about have not happened yet.
/// </summary>
public static class StatutoryProgress
{
    /// <summary>
    /// Where every date of a process stands on <paramref name="asOf"/>. An annual review is an under-five's when the
    /// child (born <paramref name="bornOn"/>) was under 5 when the plan was made or reviewed, or when
    /// <paramref name="underFive"/> says so.
    /// </summary>
    public static ProcessProgress Of(StatutoryProcessKind kind, IReadOnlyList<ProgressEvent> events, DateOnly asOf, Timescales timescales, DateOnly? bornOn = null, bool? underFive = null)
    {
        var engine = new Engine(events.Where(e => e.Date <= asOf || MayBeAhead(e.Kind)).ToList(), asOf, timescales, bornOn, underFive);
        switch (kind)
        {
            case StatutoryProcessKind.NeedsAssessment:
                engine.NeedsAssessment();
                break;
            case StatutoryProcessKind.AnnualReview:
                engine.AnnualReview();
                break;
            case StatutoryProcessKind.PhaseTransfer:
                engine.PhaseTransfer();
                break;
            case StatutoryProcessKind.Reassessment:
                engine.Reassessment();
                break;
            case StatutoryProcessKind.TribunalOrder:
                engine.TribunalOrder();
                break;
            default:
                engine.MediationAndAppeal();
                break;
        }

        var seen = new Dictionary<string, int>();
        var deadlines = engine.Deadlines.Select(d =>
        {
            var count = seen[d.Deadline.Key] = seen.GetValueOrDefault(d.Deadline.Key) + 1;
            return count == 1 ? d : d with { Id = $"{d.Deadline.Key}-{count}" };
        }).ToList();
        return new(deadlines, engine.Exceptions, engine.Notes);
    }

    /// <summary>Events that can be known before they happen: a move, a meeting arranged, a closure or an absence planned.</summary>
    public static bool MayBeAhead(StatutoryEventKind kind) => kind is StatutoryEventKind.TransferPlanned or StatutoryEventKind.ReviewMeetingArranged
        or StatutoryEventKind.SchoolClosure or StatutoryEventKind.AbsentFromArea;

    /// <summary>
    /// A needs assessment's dates and exception checks on the facts recorded, or null before the request. The school
    /// closure exception turns on when advice was asked for, so it applies if any request for advice falls in the window.
    /// </summary>
    public static Timeline? NeedsAssessmentTimeline(IReadOnlyList<ProgressEvent> events, Timescales timescales)
    {
        var received = Latest(events, StatutoryEventKind.RequestReceived)?.Date;
        if (received is not { } requestDate)
        {
            return null;
        }

        var closure = Latest(events, StatutoryEventKind.SchoolClosure, requestDate.AddDays(-60));
        var absence = Latest(events, StatutoryEventKind.AbsentFromArea);
        var facts = new NeedsAssessmentFacts(requestDate)
        {
            SchoolClosedFrom = closure?.Date,
            SchoolReopens = closure?.EndDate,
            AbsentFrom = absence?.Date,
            AbsentTo = absence?.EndDate,
            ExceptionalCircumstances = Latest(events, StatutoryEventKind.ExceptionalCircumstances, requestDate) is not null,
        };
        var timelines = events.Where(e => e.Kind == StatutoryEventKind.AdviceRequested)
            .Select(e => timescales.NeedsAssessment(facts with { AdviceRequested = e.Date }))
            .ToList();
        return timelines.FirstOrDefault(t => t.Exceptions.Any(e => e.Key == "school-closure" && e.Applies)) ?? timelines.FirstOrDefault() ?? timescales.NeedsAssessment(facts);
    }

    private static ProgressEvent? Latest(IReadOnlyList<ProgressEvent> events, StatutoryEventKind kind, DateOnly? onOrAfter = null) =>
        events.Where(e => e.Kind == kind && (onOrAfter is null || e.Date >= onOrAfter)).OrderByDescending(e => e.Date).FirstOrDefault();

    private sealed class Engine(List<ProgressEvent> events, DateOnly asOf, Timescales timescales, DateOnly? bornOn, bool? underFiveGiven)
    {
        public List<ProgressDeadline> Deadlines { get; } = [];
        public List<ExceptionCheck> Exceptions { get; } = [];
        public List<string> Notes { get; } = [];

        private ProgressEvent? Latest(StatutoryEventKind kind, DateOnly? onOrAfter = null) => StatutoryProgress.Latest(events, kind, onOrAfter);

        private DateOnly? On(StatutoryEventKind kind, DateOnly? onOrAfter = null) => Latest(kind, onOrAfter)?.Date;

        /// <summary>The first time an answering event happened on or after the trigger, up to the day asked about.</summary>
        private DateOnly? FirstOn(DateOnly trigger, params StatutoryEventKind[] kinds) => events
            .Where(e => kinds.Contains(e.Kind) && e.Date >= trigger && e.Date <= asOf)
            .Select(e => (DateOnly?)e.Date).Min();

        /// <summary>
        /// A date's state: not applicable when what was recorded rules it out; met or late once done (a family's right used
        /// after its date is closed, not late); upcoming until the date; then missed for a duty, closed for a right, or
        /// lapsed for a date that mattered only if something happened.
        /// </summary>
        private void Add(Deadline deadline, DateOnly? doneOn, bool notApplicable = false, bool lapsesIfUnanswered = false, bool exceptionMayApply = false, string? about = null)
        {
            var isRight = deadline.Rule.Actor == DeadlineActor.Family;
            var state = notApplicable ? DeadlineState.NotApplicable
                : doneOn is { } done ? (done <= deadline.Date ? DeadlineState.Met : isRight ? DeadlineState.Closed : DeadlineState.Late)
                : deadline.Date >= asOf ? DeadlineState.Upcoming
                : isRight ? DeadlineState.Closed
                : lapsesIfUnanswered ? DeadlineState.Lapsed
                : DeadlineState.Missed;
            Deadlines.Add(new(deadline, state, notApplicable ? null : doneOn, exceptionMayApply, about));
        }

        public void NeedsAssessment()
        {
            if (On(StatutoryEventKind.RequestReceived) is not { } received)
            {
                return;
            }

            var timeline = NeedsAssessmentTimeline(events, timescales)!;
            Exceptions.AddRange(timeline.Exceptions.Where(e => e.Applies));
            var exception = timeline.AnyExceptionApplies;
            Notes.AddRange(timeline.Notes.Where(n => n != Timescales.ExceptionsGiveNoNewDate || exception));

            var notToAssess = FirstOn(received, StatutoryEventKind.DecisionNotToAssess);
            var notToIssue = FirstOn(received, StatutoryEventKind.DecisionNotToIssuePlan);
            var draft = FirstOn(received, StatutoryEventKind.DraftPlanServed);
            var final = FirstOn(received, StatutoryEventKind.FinalPlanIssued);
            var stopped = notToAssess is not null;

            Add(timeline.Find("decision-whether-to-assess")!, FirstOn(received, StatutoryEventKind.DecisionToAssess, StatutoryEventKind.DecisionNotToAssess), exceptionMayApply: exception);
            // The 16-week date matters only if the local authority decides not to issue a plan: a draft or final plan rules it out.
            Add(timeline.Find("decision-not-to-issue-plan")!, notToIssue,
                notApplicable: stopped || (notToIssue is null && (draft ?? final) is not null), lapsesIfUnanswered: true, exceptionMayApply: exception);
            foreach (var advice in events.Where(e => e.Kind == StatutoryEventKind.AdviceRequested && e.Date >= received).OrderBy(e => e.Date))
            {
                AdviceDue(advice, stopped);
            }

            Add(timeline.Find("latest-draft-plan")!, draft ?? final, notApplicable: stopped || notToIssue is not null, exceptionMayApply: exception);
            Add(timeline.Find("final-plan")!, final, notApplicable: stopped || notToIssue is not null, exceptionMayApply: exception);

            if (stopped)
            {
                Notes.Add("The local authority decided not to assess, so the other dates no longer apply. The family can appeal this decision: record it under Mediation and appeal to see the dates.");
                return;
            }

            if (notToIssue is not null)
            {
                Notes.Add("The local authority decided not to issue a plan, so the dates for the plan no longer apply. The family can appeal this decision: record it under Mediation and appeal to see the dates.");
                return;
            }

            if (On(StatutoryEventKind.DraftPlanServed, received) is { } served)
            {
                var draftTimeline = timescales.DraftPlan(served);
                var lastDay = draftTimeline.Find("representations-last-day")!;
                var earliest = draftTimeline.Find("earliest-final-plan")!.Date;
                var issuedEarly = final is { } issued && issued < earliest;
                // Once the final plan is issued, the family's window on the draft is over whether or not they used it.
                Add(lastDay, FirstOn(served, StatutoryEventKind.RepresentationsMade), notApplicable: issuedEarly && FirstOn(served, StatutoryEventKind.RepresentationsMade) is null);
                if (issuedEarly)
                {
                    Notes.Add($"The final plan was issued before the family's 15 days to comment on the draft had ended (the earliest it could be issued was {UkDates.Date(earliest)}).");
                }
            }
        }

        private void AdviceDue(ProgressEvent advice, bool stopped)
        {
            var matching = (ProgressEvent e) => advice.Detail is null || e.Detail is null || string.Equals(e.Detail.Trim(), advice.Detail.Trim(), StringComparison.OrdinalIgnoreCase);
            var missedAppointment = events.Any(e => e.Kind == StatutoryEventKind.AppointmentMissed && e.Date >= advice.Date && matching(e));
            var timeline = timescales.AdviceRequest(advice.Date, missedAppointment);
            if (missedAppointment)
            {
                Exceptions.AddRange(timeline.Exceptions.Where(e => e.Applies));
            }

            var answered = events.Where(e => e.Kind == StatutoryEventKind.AdviceReceived && e.Date >= advice.Date && e.Date <= asOf && matching(e))
                .Select(e => (DateOnly?)e.Date).Min();
            Add(timeline.Deadlines[0], answered, notApplicable: stopped, exceptionMayApply: missedAppointment,
                about: advice.Detail);
        }

        public void AnnualReview()
        {
            if (On(StatutoryEventKind.PlanMadeOrReviewed) is not { } reviewed)
            {
                return;
            }

            var underFive = underFiveGiven ?? (bornOn is { } born && reviewed < born.AddYears(5));
            var timeline = timescales.AnnualReview(reviewed, underFive);
            Notes.AddRange(timeline.Notes);
            var ceased = Decision(reviewed) == "cease";
            Add(timeline.Find("review-period-ends")!, FirstOn(reviewed, StatutoryEventKind.ReviewDecisionNotified));
            Add(timeline.Find("latest-review-meeting")!, FirstOn(reviewed, StatutoryEventKind.ReviewMeetingHeld));
            if (underFive)
            {
                var from = timeline.Find("early-review-from")!.Date;
                Add(timeline.Find("early-review-by")!, FirstOn(from, StatutoryEventKind.ReviewMeetingHeld), notApplicable: ceased);
                Notes.Add($"For a child under 5, the local authority should consider reviewing the plan every 3 to 6 months: between {UkDates.Date(from)} and {UkDates.Date(timeline.Find("early-review-by")!.Date)} for this one.");
            }

            ReviewMeeting(reviewed);
            AmendmentNotice(reviewed, ceased);
        }

        /// <summary>The local authority's decision after a review: keep, amend or cease, if it has been given.</summary>
        private string? Decision(DateOnly since) => Latest(StatutoryEventKind.ReviewDecisionNotified, since) is { } decision && decision.Date <= asOf
            ? decision.Detail?.Trim().ToLowerInvariant()
            : null;

        /// <summary>
        /// The dates around a review meeting: invitations and advice before it, once it is arranged; the report, the
        /// decision and (when the plan is to change) the amended plan after it, once it has been held.
        /// </summary>
        private void ReviewMeeting(DateOnly since)
        {
            var held = On(StatutoryEventKind.ReviewMeetingHeld, since) is { } h && h <= asOf ? h : (DateOnly?)null;
            var arranged = Latest(StatutoryEventKind.ReviewMeetingArranged, since);
            var cancelled = arranged is not null && events.Any(e => e.Kind == StatutoryEventKind.ReviewMeetingCancelled && e.Detail == arranged.Detail);
            var meeting = held ?? (arranged is not null && !cancelled ? arranged.Date : null);
            if (meeting is not { } m)
            {
                return;
            }

            var dates = timescales.ReviewMeeting(m);
            var before = m.AddDays(-56);
            Add(dates.Find("invitations-by")!, FirstOn(before, StatutoryEventKind.ReviewInvitationsSent));
            Add(dates.Find("advice-circulated-by")!, FirstOn(before, StatutoryEventKind.ReviewAdviceCirculated));
            if (held is null)
            {
                return;
            }

            Add(dates.Find("report-by")!, FirstOn(m, StatutoryEventKind.ReviewReportSent));
            Add(dates.Find("decision-by")!, FirstOn(m, StatutoryEventKind.ReviewDecisionNotified));
            var decision = Decision(m);
            var amending = decision == "amend" || On(StatutoryEventKind.AmendmentNoticeSent, m) is not null;
            // Twelve weeks for the amended plan matter only if the plan is to change.
            Add(dates.Find("final-amended-plan-by")!, FirstOn(m, StatutoryEventKind.FinalAmendedPlanIssued),
                notApplicable: !amending && decision is "keep" or "cease", lapsesIfUnanswered: !amending);
        }

        private void AmendmentNotice(DateOnly since, bool ceased = false)
        {
            if (On(StatutoryEventKind.AmendmentNoticeSent, since) is not { } sent)
            {
                return;
            }

            var notice = timescales.AmendmentNotice(sent);
            var final = FirstOn(sent, StatutoryEventKind.FinalAmendedPlanIssued);
            var representations = FirstOn(sent, StatutoryEventKind.RepresentationsMade);
            Add(notice.Find("representations-last-day")!, representations,
                notApplicable: representations is null && final is { } issued && issued <= notice.Find("representations-last-day")!.Date);
            Add(notice.Find("final-amended-plan-by")!, final, notApplicable: ceased);
        }

        public void PhaseTransfer()
        {
            if (Latest(StatutoryEventKind.TransferPlanned) is not { } transfer)
            {
                return;
            }

            var timeline = transfer.Detail switch
            {
                "post-16" => timescales.PhaseTransfer(PhaseTransferKind.PostSixteen, transfer.Date.Year),
                "post-16-other" => timescales.PhaseTransfer(PhaseTransferKind.PostSixteenOther, 0, transfer.Date),
                _ => timescales.PhaseTransfer(PhaseTransferKind.School, transfer.Date.Year),
            };
            Notes.AddRange(timeline.Notes);
            // The work for a move starts well before it: count answers from a year before the move.
            var since = transfer.Date.AddYears(-1);
            foreach (var deadline in timeline.Deadlines)
            {
                Add(deadline, FirstOn(since, deadline.Key switch
                {
                    "latest-review-meeting" => [StatutoryEventKind.ReviewMeetingHeld],
                    "latest-amendment-notice" => [StatutoryEventKind.AmendmentNoticeSent],
                    _ => [StatutoryEventKind.FinalAmendedPlanIssued],
                }));
            }

            ReviewMeeting(since);
            AmendmentNotice(since);
        }

        public void MediationAndAppeal()
        {
            if (On(StatutoryEventKind.DecisionSent) is not { } sent)
            {
                return;
            }

            var certificate = FirstOn(sent, StatutoryEventKind.CertificateIssued);
            var timeline = timescales.Appeal(sent, certificate);
            Notes.AddRange(timeline.Notes);
            var appealed = FirstOn(sent, StatutoryEventKind.AppealLodged);
            var contacted = FirstOn(sent, StatutoryEventKind.MediationAdviserContacted, StatutoryEventKind.MediationRequested, StatutoryEventKind.CertificateNeeded);
            // An appeal sent without contacting the adviser (one only about the school or college named) needs no contact.
            Add(timeline.Find("mediation-adviser-contact-by")!, contacted, notApplicable: contacted is null && appealed is not null);
            Add(timeline.Find("appeal-by")!, appealed);
            if (On(StatutoryEventKind.MediationRequested, sent) is { } requested)
            {
                var mediation = timescales.Mediation(requested).Deadlines[0];
                Add(mediation, FirstOn(requested, StatutoryEventKind.MediationHeld));
            }

            if (On(StatutoryEventKind.CertificateNeeded, sent) is { } needed)
            {
                Add(timescales.MediationCertificate(needed).Deadlines[0], FirstOn(needed, StatutoryEventKind.CertificateIssued));
            }
        }

        public void Reassessment()
        {
            if (On(StatutoryEventKind.ReassessmentDecisionNotified) is not { } notified)
            {
                return;
            }

            var timeline = timescales.Reassessment(notified);
            Notes.AddRange(timeline.Notes);
            Add(timeline.Deadlines[0], FirstOn(notified, StatutoryEventKind.FinalPlanIssued));
        }

        public void TribunalOrder()
        {
            if (Latest(StatutoryEventKind.TribunalOrderMade) is not { } order)
            {
                return;
            }

            var assess = order.Detail != "make-and-maintain";
            var timeline = timescales.TribunalOrder(assess ? TribunalOrderKind.Assess : TribunalOrderKind.MakeAndMaintain, order.Date);
            Notes.AddRange(timeline.Notes);
            var notToIssue = FirstOn(order.Date, StatutoryEventKind.DecisionNotToIssuePlan);
            var plan = FirstOn(order.Date, StatutoryEventKind.DraftPlanServed, StatutoryEventKind.FinalPlanIssued);
            foreach (var deadline in timeline.Deadlines)
            {
                switch (deadline.Key)
                {
                    case "notify-by":
                        Add(deadline, FirstOn(order.Date, StatutoryEventKind.DecisionToAssess));
                        break;
                    case "decision-not-to-issue-plan":
                        Add(deadline, notToIssue, notApplicable: notToIssue is null && plan is not null, lapsesIfUnanswered: true);
                        break;
                    case "draft-plan":
                        Add(deadline, FirstOn(order.Date, StatutoryEventKind.DraftPlanServed, StatutoryEventKind.FinalPlanIssued));
                        break;
                    default:
                        Add(deadline, FirstOn(order.Date, StatutoryEventKind.FinalPlanIssued), notApplicable: notToIssue is not null);
                        break;
                }
            }
        }
    }
}
