
namespace CommonGround.Core.Statutory;

/// <summary>Every starting event the calculator and the API answer, in the order a family meets them.</summary>
public static class TimelineQuestions
{
    public static readonly DateOnly EarliestDate = TimescaleRules.SendRegulationsInForce;
    public static readonly DateOnly LatestDate = new(2099, 12, 31);

    public static IReadOnlyList<TimelineQuestion> All { get; } =
    [
        new()
        {
            Process = "needs-assessment",
            WhatHappened = "I asked for an EHC needs assessment",
            Hint = "Or a school, nursery or college asked the local authority for one.",
            Facts =
            [
                new("requestReceived", FactKind.Date, "the date the local authority received the request", Required: true, "If you posted it, this is usually a day or two after you sent it. For example, 1 9 2025"),
                new("adviceRequested", FactKind.Date, "the date advice was asked of the school or college", Required: false, "Only if you know it. It matters if the school was closed for the holidays"),
                new("schoolClosedFrom", FactKind.Date, "the first day the school or college was closed", Required: false, "Only for a closure of 4 weeks or more, such as the summer holiday"),
                new("schoolReopens", FactKind.Date, "the day the school or college reopened", Required: false),
                new("absentFrom", FactKind.Date, "the first day away from the area", Required: false, "Only if your child was away from the local authority's area for 4 weeks or more"),
                new("absentTo", FactKind.Date, "the last day away from the area", Required: false),
                new("exceptionalCircumstances", FactKind.Flag, "there were exceptional personal circumstances", Required: false, "For example, a serious illness in the family"),
                new("decisionToAssess", FactKind.Date, "the date you were told the local authority will assess", Required: false, "Leave blank if you have not been told yet") { HappenedSince = true },
                new("decisionNotToAssess", FactKind.Date, "the date you were told the local authority will not assess", Required: false, "Leave blank unless it said no") { HappenedSince = true },
                new("draftPlanServed", FactKind.Date, "the date a draft EHC plan was sent to you", Required: false, "Leave blank if you have not had one") { HappenedSince = true },
                new("representationsMade", FactKind.Date, "the date you sent your comments on the draft plan", Required: false, "Leave blank if you have not sent any") { HappenedSince = true },
                new("decisionNotToIssuePlan", FactKind.Date, "the date you were told there will be no plan", Required: false, "Leave blank unless the local authority decided not to issue a plan") { HappenedSince = true },
                new("finalPlanIssued", FactKind.Date, "the date the final EHC plan was issued", Required: false, "Leave blank if you have not had it") { HappenedSince = true },
            ],
            Check = facts => CheckPair(facts, "schoolClosedFrom", "schoolReopens", "the date the school closed", "the date it reopened", inclusive: false)
                .Concat(CheckPair(facts, "absentFrom", "absentTo", "the first day away", "the last day away", inclusive: true))
                .Concat(NotBefore(facts, "requestReceived", "the date the request was received",
                    ("decisionToAssess", "the date you were told it will assess"), ("decisionNotToAssess", "the date you were told it will not assess"),
                    ("draftPlanServed", "the date the draft plan was sent"), ("representationsMade", "the date you sent your comments"),
                    ("decisionNotToIssuePlan", "the date you were told there will be no plan"), ("finalPlanIssued", "the date the final plan was issued"))),
            Progress = facts => new(StatutoryProcessKind.NeedsAssessment, Events(facts,
                (StatutoryEventKind.RequestReceived, "requestReceived"), (StatutoryEventKind.AdviceRequested, "adviceRequested"),
                (StatutoryEventKind.DecisionToAssess, "decisionToAssess"), (StatutoryEventKind.DecisionNotToAssess, "decisionNotToAssess"),
                (StatutoryEventKind.DraftPlanServed, "draftPlanServed"), (StatutoryEventKind.RepresentationsMade, "representationsMade"),
                (StatutoryEventKind.DecisionNotToIssuePlan, "decisionNotToIssuePlan"), (StatutoryEventKind.FinalPlanIssued, "finalPlanIssued"))
                .Concat(facts.OptionalDate("schoolClosedFrom") is { } closed ? [new ProgressEvent(StatutoryEventKind.SchoolClosure, closed, facts.OptionalDate("schoolReopens"))] : [])
                .Concat(facts.OptionalDate("absentFrom") is { } away ? [new ProgressEvent(StatutoryEventKind.AbsentFromArea, away, facts.OptionalDate("absentTo"))] : [])
                .Concat(facts.Flag("exceptionalCircumstances") ? [new ProgressEvent(StatutoryEventKind.ExceptionalCircumstances, facts.Date("requestReceived"))] : [])
                .ToList()),
            Compute = (facts, timescales) => timescales.NeedsAssessment(new(facts.Date("requestReceived"))
            {
                AdviceRequested = facts.OptionalDate("adviceRequested"),
                SchoolClosedFrom = facts.OptionalDate("schoolClosedFrom"),
                SchoolReopens = facts.OptionalDate("schoolReopens"),
                AbsentFrom = facts.OptionalDate("absentFrom"),
                AbsentTo = facts.OptionalDate("absentTo"),
                ExceptionalCircumstances = facts.Flag("exceptionalCircumstances"),
            }),
        },
        new()
        {
            Process = "advice-request",
            WhatHappened = "A service was asked for advice for an assessment",
            Hint = "For example, an educational psychologist, health or social care.",
            Facts =
            [
                new("received", FactKind.Date, "the date the service received the request for advice", Required: true),
                new("missedAppointment", FactKind.Flag, "an appointment for an examination or test was missed", Required: false),
            ],
            Compute = (facts, timescales) => timescales.AdviceRequest(facts.Date("received"), facts.Flag("missedAppointment")),
        },
        new()
        {
            Process = "draft-plan",
            WhatHappened = "I got a draft EHC plan",
            Hint = "Or a draft of a plan after a Tribunal order.",
            Facts = [new("served", FactKind.Date, "the date the draft plan was sent to you", Required: true)],
            Compute = (facts, timescales) => timescales.DraftPlan(facts.Date("served")),
        },
        new()
        {
            Process = "reassessment",
            WhatHappened = "The local authority said it will reassess",
            Hint = "A new assessment of a child or young person who already has a plan.",
            Facts =
            [
                new("decisionNotified", FactKind.Date, "the date you were told about the reassessment", Required: true),
                new("finalPlanIssued", FactKind.Date, "the date the final plan was issued", Required: false, "Leave blank if you have not had it") { HappenedSince = true },
            ],
            Check = facts => NotBefore(facts, "decisionNotified", "the date you were told", ("finalPlanIssued", "the date the final plan was issued")),
            Compute = (facts, timescales) => timescales.Reassessment(facts.Date("decisionNotified")),
            Progress = facts => new(StatutoryProcessKind.Reassessment, Events(facts,
                (StatutoryEventKind.ReassessmentDecisionNotified, "decisionNotified"), (StatutoryEventKind.FinalPlanIssued, "finalPlanIssued")).ToList()),
        },
        new()
        {
            Process = "annual-review",
            WhatHappened = "The EHC plan was made or last reviewed",
            Hint = "To see when the next annual review is due.",
            Facts =
            [
                new("lastReviewed", FactKind.Date, "the date the plan was made or last reviewed", Required: true),
                new("underFive", FactKind.Flag, "the child is under 5", Required: false),
                new("reviewMeetingHeld", FactKind.Date, "the date of the review meeting", Required: false, "Leave blank if it has not happened yet") { HappenedSince = true },
                new("decisionNotified", FactKind.Date, "the date you were told the local authority's decision after the review", Required: false, "Leave blank if you have not been told yet") { HappenedSince = true },
            ],
            Check = facts => NotBefore(facts, "lastReviewed", "the date the plan was made or last reviewed",
                ("reviewMeetingHeld", "the date of the review meeting"), ("decisionNotified", "the date you were told the decision")),
            Compute = (facts, timescales) => timescales.AnnualReview(facts.Date("lastReviewed"), facts.Flag("underFive")),
            Progress = facts => new(StatutoryProcessKind.AnnualReview, Events(facts,
                (StatutoryEventKind.PlanMadeOrReviewed, "lastReviewed"), (StatutoryEventKind.ReviewMeetingHeld, "reviewMeetingHeld"),
                (StatutoryEventKind.ReviewDecisionNotified, "decisionNotified")).ToList(), facts.Flag("underFive")),
        },
        new()
        {
            Process = "review-meeting",
            WhatHappened = "We had, or will have, an annual review meeting",
            Hint = "What must happen before and after the meeting.",
            Facts = [new("meeting", FactKind.Date, "the date of the review meeting", Required: true)],
            Compute = (facts, timescales) => timescales.ReviewMeeting(facts.Date("meeting")),
        },
        new()
        {
            Process = "amendment-notice",
            WhatHappened = "I got proposed changes to the plan",
            Hint = "Usually after an annual review.",
            Facts = [new("sent", FactKind.Date, "the date the proposed changes were sent to you", Required: true)],
            Compute = (facts, timescales) => timescales.AmendmentNotice(facts.Date("sent")),
        },
        new()
        {
            Process = "phase-transfer",
            WhatHappened = "My child is moving to a new school or college",
            Hint = "For example, from primary to secondary school.",
            Facts =
            [
                new("transfer", FactKind.Choice, "which move it is", Required: true)
                {
                    Options =
                    [
                        ("school", "Between school phases (such as nursery to school, infant to junior, or primary to secondary)"),
                        ("post-16", "From secondary school to a college, sixth form or other post-16 setting"),
                        ("post-16-other", "From one post-16 setting to another"),
                    ],
                },
                new("year", FactKind.Year, "the year of the move", Required: false, "For a move between school phases or from secondary school. For example, 2027"),
                new("date", FactKind.Date, "the date of the move", Required: false, "For a move from one post-16 setting to another"),
                new("finalAmendedPlanIssued", FactKind.Date, "the date the amended plan was issued", Required: false, "Leave blank if you have not had it") { HappenedSince = true },
            ],
            Check = facts => (facts.Choice("transfer"), facts.Number("year"), facts.OptionalDate("date")) switch
            {
                ("post-16-other", _, null) => [new("date", "date is required for transfer=post-16-other: give the date of the move as YYYY-MM-DD.", "Enter the date of the move")],
                ("school" or "post-16", null, _) => [new("year", "year is required for transfer=school or transfer=post-16: give the year of the move.", "Enter the year of the move")],
                _ => [],
            },
            Compute = (facts, timescales) => facts.Choice("transfer") switch
            {
                "school" => timescales.PhaseTransfer(PhaseTransferKind.School, facts.Number("year")!.Value),
                "post-16" => timescales.PhaseTransfer(PhaseTransferKind.PostSixteen, facts.Number("year")!.Value),
                _ => timescales.PhaseTransfer(PhaseTransferKind.PostSixteenOther, 0, facts.Date("date")),
            },
            Progress = facts => new(StatutoryProcessKind.PhaseTransfer,
            [
                new(StatutoryEventKind.TransferPlanned, facts.OptionalDate("date") ?? new DateOnly(facts.Number("year") ?? 2000, 9, 1), Detail: facts.Choice("transfer")),
                .. Events(facts, (StatutoryEventKind.FinalAmendedPlanIssued, "finalAmendedPlanIssued")),
            ]),
        },
        new()
        {
            Process = "appeal",
            WhatHappened = "I got a decision I disagree with",
            Hint = "A decision you can appeal to the SEND Tribunal, such as not to assess, not to issue a plan, or the contents of a plan.",
            Facts =
            [
                new("decisionSent", FactKind.Date, "the date the decision letter was sent", Required: true),
                new("certificateIssued", FactKind.Date, "the date your mediation certificate was issued", Required: false, "Leave blank if you do not have one yet"),
                new("adviserContacted", FactKind.Date, "the date you contacted the mediation adviser", Required: false, "Leave blank if you have not") { HappenedSince = true },
                new("appealLodged", FactKind.Date, "the date the Tribunal received your appeal", Required: false, "Leave blank if you have not appealed") { HappenedSince = true },
            ],
            Check = facts => facts.OptionalDate("certificateIssued") < facts.OptionalDate("decisionSent")
                ? [new("certificateIssued", "certificateIssued must not be before decisionSent.", "The date the certificate was issued must be the same as or after the date of the decision")]
                : NotBefore(facts, "decisionSent", "the date of the decision", ("adviserContacted", "the date you contacted the adviser"), ("appealLodged", "the date of the appeal")),
            Compute = (facts, timescales) => timescales.Appeal(facts.Date("decisionSent"), facts.OptionalDate("certificateIssued")),
            Progress = facts => new(StatutoryProcessKind.MediationAndAppeal, Events(facts,
                (StatutoryEventKind.DecisionSent, "decisionSent"), (StatutoryEventKind.MediationAdviserContacted, "adviserContacted"),
                (StatutoryEventKind.CertificateIssued, "certificateIssued"), (StatutoryEventKind.AppealLodged, "appealLodged")).ToList()),
        },
        new()
        {
            Process = "mediation",
            WhatHappened = "I told the local authority I want mediation",
            Hint = "Mediation is a meeting with an independent mediator to try to settle a disagreement.",
            Facts = [new("requested", FactKind.Date, "the date the local authority was told you want mediation", Required: true)],
            Compute = (facts, timescales) => timescales.Mediation(facts.Date("requested")),
        },
        new()
        {
            Process = "mediation-certificate",
            WhatHappened = "I need a mediation certificate",
            Hint = "Because I said I do not want mediation, mediation could not be arranged within 30 days, or mediation has ended.",
            Facts = [new("from", FactKind.Date, "the date you told the mediation adviser, or the date mediation ended", Required: true)],
            Compute = (facts, timescales) => timescales.MediationCertificate(facts.Date("from")),
        },
        new()
        {
            Process = "tribunal-order",
            WhatHappened = "The SEND Tribunal made an order",
            Hint = "After an appeal, ordering the local authority to assess or to make a plan.",
            Facts =
            [
                new("type", FactKind.Choice, "what the Tribunal ordered", Required: true)
                {
                    Options = [("assess", "To carry out an EHC needs assessment"), ("make-and-maintain", "To make and maintain an EHC plan")],
                },
                new("date", FactKind.Date, "the date of the order", Required: true),
                new("finalPlanIssued", FactKind.Date, "the date the final plan was issued", Required: false, "Leave blank if you have not had it") { HappenedSince = true },
            ],
            Check = facts => NotBefore(facts, "date", "the date of the order", ("finalPlanIssued", "the date the final plan was issued")),
            Progress = facts => new(StatutoryProcessKind.TribunalOrder,
            [
                new(StatutoryEventKind.TribunalOrderMade, facts.Date("date"), Detail: facts.Choice("type")),
                .. Events(facts, (StatutoryEventKind.FinalPlanIssued, "finalPlanIssued")),
            ]),
            Compute = (facts, timescales) => timescales.TribunalOrder(facts.Choice("type") == "assess" ? TribunalOrderKind.Assess : TribunalOrderKind.MakeAndMaintain, facts.Date("date")),
        },
    ];

    public static TimelineQuestion? Find(string? process) => All.FirstOrDefault(q => q.Process == process);

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The events for the dates given, in the order listed; facts left blank are events that have not happened.</summary>
    private static IEnumerable<ProgressEvent> Events(TimelineFacts facts, params (StatutoryEventKind Kind, string Fact)[] dates) =>
        dates.Where(d => facts.OptionalDate(d.Fact) is not null).Select(d => new ProgressEvent(d.Kind, facts.Date(d.Fact)));

    /// <summary>What happened after the starting event cannot be dated before it.</summary>
    private static IEnumerable<FactError> NotBefore(TimelineFacts facts, string first, string firstLabel, params (string Name, string Label)[] later)
    {
        if (facts.OptionalDate(first) is not { } start)
        {
            yield break;
        }

        foreach (var (name, label) in later)
        {
            if (facts.OptionalDate(name) < start)
            {
                yield return new(name, $"{name} must not be before {first}.", $"{Capitalise(label)} must be the same as or after {firstLabel}");
            }
        }
    }

    private static IEnumerable<FactError> CheckPair(TimelineFacts facts, string first, string second, string firstLabel, string secondLabel, bool inclusive)
    {
        var (from, to) = (facts.OptionalDate(first), facts.OptionalDate(second));
        if (from is null && to is null)
        {
            yield break;
        }

        if (from is null)
        {
            yield return new(first, $"Give {first} with {second}.", $"Enter {firstLabel}");
        }
        else if (to is null)
        {
            yield return new(second, $"Give {second} with {first}.", $"Enter {secondLabel}");
        }
        else if (inclusive ? to < from : to <= from)
        {
            yield return new(second, $"{second} must be {(inclusive ? "the same as or after" : "after")} {first}.", $"{Capitalise(secondLabel)} must be {(inclusive ? "the same as or after" : "after")} {firstLabel}");
        }
    }
}
