namespace CommonGround.Core.Statutory;

/// <summary>A deadline on a child's record: its date, what (if anything) met it, and where it stands today.</summary>
public sealed record TrackedDeadline(Deadline Deadline, DateOnly? DoneOn, DeadlineStatus Status, bool ExceptionMayApply, string? About = null);

/// <summary>A process's deadlines today, the exceptions checked on its facts, and notes on anything unusual.</summary>
public sealed record ProcessTimeline(IReadOnlyList<TrackedDeadline> Deadlines, IReadOnlyList<ExceptionCheck> Exceptions, IReadOnlyList<string> Notes)
{
    /// <summary>What should happen next: the earliest deadline not yet met (a missed one first).</summary>
    public TrackedDeadline? Next => Deadlines.Where(d => d.Status.IsOpen()).OrderBy(d => d.Deadline.Date).FirstOrDefault();

    public IEnumerable<TrackedDeadline> Missed => Deadlines.Where(d => d.Status == DeadlineStatus.Missed);
}

/// <summary>
/// Works out a process's deadlines from the events recorded in it, using the same rules as the public calculator:
/// each deadline counts from the latest event that starts it and is met by the first event that answers it on or
/// after that day.
/// </summary>
public static class StatutoryTracking
{
    public static ProcessTimeline Track(StatutoryProcess process, Timescales timescales, DateOnly today)
    {
        var tracker = new Tracker(process, timescales, today);
        switch (process.Kind)
        {
            case StatutoryProcessKind.NeedsAssessment:
                tracker.NeedsAssessment();
                break;
            case StatutoryProcessKind.AnnualReview:
                tracker.AnnualReview();
                break;
            case StatutoryProcessKind.PhaseTransfer:
                tracker.PhaseTransfer();
                break;
            default:
                tracker.MediationAndAppeal();
                break;
        }

        return new(tracker.Deadlines, tracker.Exceptions, tracker.Notes);
    }

    /// <summary>
    /// A needs assessment's dates and exception checks on the facts recorded, or null before the request is recorded.
    /// The school closure exception turns on when advice was asked for, so it applies if any request for advice falls in
    /// the window.
    /// </summary>
    public static Timeline? NeedsAssessmentTimeline(StatutoryProcess process, Timescales timescales) =>
        process.Latest(StatutoryEventKind.RequestReceived)?.OccurredOn is { } received ? NeedsAssessmentTimeline(process, received, timescales) : null;

    private static Timeline NeedsAssessmentTimeline(StatutoryProcess process, DateOnly received, Timescales timescales)
    {
        var closure = process.Latest(StatutoryEventKind.SchoolClosure, received.AddDays(-60));
        var absence = process.Latest(StatutoryEventKind.AbsentFromArea);
        var facts = new NeedsAssessmentFacts(received)
        {
            SchoolClosedFrom = closure?.OccurredOn,
            SchoolReopens = closure?.EndsOn,
            AbsentFrom = absence?.OccurredOn,
            AbsentTo = absence?.EndsOn,
            ExceptionalCircumstances = process.Latest(StatutoryEventKind.ExceptionalCircumstances, received) is not null,
        };
        var timelines = process.Events.Where(e => e.Kind == StatutoryEventKind.AdviceRequested)
            .Select(e => timescales.NeedsAssessment(facts with { AdviceRequested = e.OccurredOn }))
            .ToList();
        return timelines.FirstOrDefault(t => t.Exceptions.Any(e => e.Key == "school-closure" && e.Applies)) ?? timelines.FirstOrDefault() ?? timescales.NeedsAssessment(facts);
    }

    private sealed class Tracker(StatutoryProcess process, Timescales timescales, DateOnly today)
    {
        public List<TrackedDeadline> Deadlines { get; } = [];
        public List<ExceptionCheck> Exceptions { get; } = [];
        public List<string> Notes { get; } = [];

        private DateOnly? On(StatutoryEventKind kind, DateOnly? onOrAfter = null) => process.Latest(kind, onOrAfter)?.OccurredOn;

        /// <summary>The first time an answering event happened on or after the trigger.</summary>
        private DateOnly? FirstOn(DateOnly trigger, params StatutoryEventKind[] kinds) => process.Events
            .Where(e => kinds.Contains(e.Kind) && e.OccurredOn >= trigger)
            .Select(e => (DateOnly?)e.OccurredOn).Min();

        private void Add(Deadline deadline, DateOnly? doneOn, bool exceptionMayApply = false, string? about = null) =>
            Deadlines.Add(new(deadline, doneOn, DeadlineStatuses.Of(deadline.Date, doneOn, today, timescales.Calendar), exceptionMayApply, about));

        private void AddAll(Timeline timeline, DateOnly trigger, Func<string, StatutoryEventKind[]> answeredBy, bool exceptionMayApply = false)
        {
            foreach (var deadline in timeline.Deadlines)
            {
                Add(deadline, FirstOn(trigger, answeredBy(deadline.Key)), exceptionMayApply);
            }
        }

        public void NeedsAssessment()
        {
            if (On(StatutoryEventKind.RequestReceived) is not { } received)
            {
                return;
            }

            var timeline = NeedsAssessmentTimeline(process, received, timescales);
            Exceptions.AddRange(timeline.Exceptions.Where(e => e.Applies));
            var exception = timeline.AnyExceptionApplies;
            Notes.AddRange(timeline.Notes.Where(n => n != Timescales.ExceptionsGiveNoNewDate || exception));

            var notToAssess = FirstOn(received, StatutoryEventKind.DecisionNotToAssess);
            Add(timeline.Find("decision-whether-to-assess")!, FirstOn(received, StatutoryEventKind.DecisionToAssess, StatutoryEventKind.DecisionNotToAssess), exception);
            if (notToAssess is not null)
            {
                Notes.Add("The local authority decided not to assess, so the other dates no longer apply. The family can appeal this decision: record it under Mediation and appeal to see the dates.");
                return;
            }

            var notToIssue = FirstOn(received, StatutoryEventKind.DecisionNotToIssuePlan);
            // A draft plan means the local authority decided to issue one, which answers the 16-week question too.
            Add(timeline.Find("decision-not-to-issue-plan")!, FirstOn(received, StatutoryEventKind.DecisionNotToIssuePlan, StatutoryEventKind.DraftPlanServed), exception);
            foreach (var advice in process.Events.Where(e => e.Kind == StatutoryEventKind.AdviceRequested).OrderBy(e => e.OccurredOn))
            {
                var adviceTimeline = timescales.AdviceRequest(advice.OccurredOn, missedAppointment: false);
                var adviceIn = process.Events
                    .Where(e => e.Kind == StatutoryEventKind.AdviceReceived && e.OccurredOn >= advice.OccurredOn
                        && (advice.Detail is null || e.Detail is null || string.Equals(e.Detail.Trim(), advice.Detail.Trim(), StringComparison.OrdinalIgnoreCase)))
                    .Select(e => (DateOnly?)e.OccurredOn).Min();
                Add(adviceTimeline.Deadlines[0], adviceIn, about: advice.Detail is null ? null : $"Advice from {advice.Detail}");
            }

            if (notToIssue is not null)
            {
                Notes.Add("The local authority decided not to issue a plan. The family can appeal this decision: record it under Mediation and appeal to see the dates.");
                return;
            }

            Add(timeline.Find("latest-draft-plan")!, FirstOn(received, StatutoryEventKind.DraftPlanServed), exception);
            Add(timeline.Find("final-plan")!, FirstOn(received, StatutoryEventKind.FinalPlanIssued), exception);

            if (On(StatutoryEventKind.DraftPlanServed, received) is { } served)
            {
                var draft = timescales.DraftPlan(served);
                Add(draft.Find("representations-last-day")!, FirstOn(served, StatutoryEventKind.RepresentationsMade));
                if (On(StatutoryEventKind.FinalPlanIssued, received) is { } final && final < draft.Find("earliest-final-plan")!.Date)
                {
                    Notes.Add($"The final plan was issued before the family's 15 days to comment on the draft had ended (the earliest it could be issued was {Time.UkDates.Date(draft.Find("earliest-final-plan")!.Date)}).");
                }
            }
        }

        public void AnnualReview()
        {
            if (On(StatutoryEventKind.PlanMadeOrReviewed) is not { } reviewed)
            {
                return;
            }

            var timeline = timescales.AnnualReview(reviewed, underFive: false);
            Notes.AddRange(timeline.Notes);
            AddAll(timeline, reviewed, key => key == "review-period-ends" ? [StatutoryEventKind.ReviewDecisionNotified] : [StatutoryEventKind.ReviewMeetingHeld]);
            if (On(StatutoryEventKind.ReviewMeetingHeld, reviewed) is { } meeting && meeting <= today)
            {
                var amending = On(StatutoryEventKind.AmendmentNoticeSent, meeting) is not null;
                foreach (var deadline in timescales.ReviewMeeting(meeting).Deadlines.Where(d => d.Key is "report-by" or "decision-by" || (d.Key == "final-amended-plan-by" && amending)))
                {
                    Add(deadline, FirstOn(meeting, deadline.Key switch
                    {
                        "report-by" => [StatutoryEventKind.ReviewReportSent],
                        "decision-by" => [StatutoryEventKind.ReviewDecisionNotified],
                        _ => [StatutoryEventKind.FinalAmendedPlanIssued],
                    }));
                }
            }

            AmendmentNotice(reviewed);
        }

        private void AmendmentNotice(DateOnly since)
        {
            if (On(StatutoryEventKind.AmendmentNoticeSent, since) is { } sent)
            {
                AddAll(timescales.AmendmentNotice(sent), sent, key => key == "representations-last-day" ? [StatutoryEventKind.RepresentationsMade] : [StatutoryEventKind.FinalAmendedPlanIssued]);
            }
        }

        public void PhaseTransfer()
        {
            if (process.Latest(StatutoryEventKind.TransferPlanned) is not { } transfer)
            {
                return;
            }

            var timeline = transfer.Detail switch
            {
                "post-16" => timescales.PhaseTransfer(PhaseTransferKind.PostSixteen, transfer.OccurredOn.Year),
                "post-16-other" => timescales.PhaseTransfer(PhaseTransferKind.PostSixteenOther, 0, transfer.OccurredOn),
                _ => timescales.PhaseTransfer(PhaseTransferKind.School, transfer.OccurredOn.Year),
            };
            // The work for a move starts well before it: count answers from a year before the move.
            var since = transfer.OccurredOn.AddYears(-1);
            AddAll(timeline, since, key => key switch
            {
                "latest-review-meeting" => [StatutoryEventKind.ReviewMeetingHeld],
                "latest-amendment-notice" => [StatutoryEventKind.AmendmentNoticeSent],
                _ => [StatutoryEventKind.FinalAmendedPlanIssued],
            });
            AmendmentNotice(since);
        }

        public void MediationAndAppeal()
        {
            if (On(StatutoryEventKind.DecisionSent) is not { } sent)
            {
                return;
            }

            var certificate = On(StatutoryEventKind.CertificateIssued, sent);
            var timeline = timescales.Appeal(sent, certificate);
            Notes.AddRange(timeline.Notes);
            AddAll(timeline, sent, key => key == "appeal-by" ? [StatutoryEventKind.AppealLodged] : [StatutoryEventKind.MediationAdviserContacted, StatutoryEventKind.MediationRequested, StatutoryEventKind.CertificateNeeded]);
            if (On(StatutoryEventKind.MediationRequested, sent) is { } requested)
            {
                AddAll(timescales.Mediation(requested), requested, _ => [StatutoryEventKind.MediationHeld]);
            }

            if (On(StatutoryEventKind.CertificateNeeded, sent) is { } needed)
            {
                AddAll(timescales.MediationCertificate(needed), needed, _ => [StatutoryEventKind.CertificateIssued]);
            }
        }
    }
}
