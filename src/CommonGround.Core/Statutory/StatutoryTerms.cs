namespace CommonGround.Core.Statutory;

public enum StatutoryProcessKind
{
    NeedsAssessment,
    AnnualReview,
    PhaseTransfer,
    MediationAndAppeal,
    Reassessment,
    TribunalOrder,
}

public enum StatutoryEventKind
{
    RequestReceived,
    DecisionToAssess,
    DecisionNotToAssess,
    AdviceRequested,
    AdviceReceived,
    DraftPlanServed,
    RepresentationsMade,
    DecisionNotToIssuePlan,
    FinalPlanIssued,
    ExceptionalCircumstances,
    AbsentFromArea,
    SchoolClosure,
    PlanMadeOrReviewed,
    ReviewMeetingHeld,
    ReviewReportSent,
    ReviewDecisionNotified,
    AmendmentNoticeSent,
    FinalAmendedPlanIssued,
    TransferPlanned,
    DecisionSent,
    MediationAdviserContacted,
    MediationRequested,
    MediationHeld,
    CertificateNeeded,
    CertificateIssued,
    AppealLodged,
    ReviewMeetingArranged,
    ReviewMeetingCancelled,
    ReviewInvitationsSent,
    ReviewAdviceCirculated,
    AppointmentMissed,
    ReassessmentDecisionNotified,
    TribunalOrderMade,
}

/// <summary>How one kind of event is asked for and shown: its words, the date's label and any detail it carries.</summary>
public sealed record StatutoryEventTerm(StatutoryEventKind Kind, string Text, string DateLabel, string? DetailLabel = null, string? EndLabel = null)
{
    /// <summary>For a phase transfer: the detail is one of these moves.</summary>
    public IReadOnlyList<(string Value, string Text)> DetailOptions { get; init; } = [];
}

public static class StatutoryTerms
{
    public static string Text(this StatutoryProcessKind kind) => kind switch
    {
        StatutoryProcessKind.NeedsAssessment => "EHC needs assessment",
        StatutoryProcessKind.AnnualReview => "Annual review",
        StatutoryProcessKind.PhaseTransfer => "Moving school or college (phase transfer)",
        StatutoryProcessKind.Reassessment => "EHC needs reassessment",
        StatutoryProcessKind.TribunalOrder => "Acting on a SEND Tribunal order",
        _ => "Mediation and appeal",
    };

    public static string Hint(this StatutoryProcessKind kind) => kind switch
    {
        StatutoryProcessKind.NeedsAssessment => "From the request for an assessment to the final EHC plan.",
        StatutoryProcessKind.AnnualReview => "The yearly review of an EHC plan, and any changes to it.",
        StatutoryProcessKind.PhaseTransfer => "Reviewing and changing the plan before a move to a new school or college.",
        StatutoryProcessKind.Reassessment => "Assessing again the needs of a child or young person who has an EHC plan, up to the final plan.",
        StatutoryProcessKind.TribunalOrder => "After the SEND Tribunal orders the local authority to assess, or to make and keep a plan.",
        _ => "After a decision the family disagrees with: mediation, the certificate and an appeal to the SEND Tribunal.",
    };

    /// <summary>The process as the public progress API names it.</summary>
    public static string Slug(this StatutoryProcessKind kind) => kind switch
    {
        StatutoryProcessKind.NeedsAssessment => "needs-assessment",
        StatutoryProcessKind.AnnualReview => "annual-review",
        StatutoryProcessKind.PhaseTransfer => "phase-transfer",
        StatutoryProcessKind.Reassessment => "reassessment",
        StatutoryProcessKind.TribunalOrder => "tribunal-order",
        _ => "mediation-and-appeal",
    };

    public static StatutoryProcessKind? ProcessFromSlug(string? slug) =>
        Enum.GetValues<StatutoryProcessKind>().Cast<StatutoryProcessKind?>().FirstOrDefault(k => k!.Value.Slug() == slug);

    /// <summary>The event as the public progress API names it: "request-received".</summary>
    public static string Slug(this StatutoryEventKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static StatutoryEventKind? EventFromSlug(string? slug) =>
        Enum.GetValues<StatutoryEventKind>().Cast<StatutoryEventKind?>().FirstOrDefault(k => k!.Value.Slug() == slug);

    public static IReadOnlyList<(string Value, string Text)> TribunalOrders { get; } =
    [
        ("assess", "To carry out an EHC needs assessment"),
        ("make-and-maintain", "To make and maintain an EHC plan"),
    ];

    public static IReadOnlyList<(string Value, string Text)> ReviewDecisions { get; } =
    [
        ("keep", "Keep the plan as it is"),
        ("amend", "Change (amend) the plan"),
        ("cease", "Stop the plan"),
    ];

    public static IReadOnlyList<(string Value, string Text)> Transfers { get; } =
    [
        ("school", "Between school phases (such as nursery to school, or primary to secondary)"),
        ("post-16", "From secondary school to a post-16 setting"),
        ("post-16-other", "From one post-16 setting to another"),
    ];

    private static readonly Dictionary<StatutoryEventKind, StatutoryEventTerm> Terms = new StatutoryEventTerm[]
    {
        new(StatutoryEventKind.RequestReceived, "The local authority received a request for an EHC needs assessment", "Date the request was received", "Who made the request"),
        new(StatutoryEventKind.DecisionToAssess, "The local authority said it will assess", "Date the family was told"),
        new(StatutoryEventKind.DecisionNotToAssess, "The local authority said it will not assess", "Date the family was told"),
        new(StatutoryEventKind.AdviceRequested, "Advice was asked for", "Date the request for advice was received", "Who advice was asked of"),
        new(StatutoryEventKind.AdviceReceived, "Advice was received", "Date the advice was received", "Who the advice came from"),
        new(StatutoryEventKind.DraftPlanServed, "A draft EHC plan was sent", "Date the draft was sent"),
        new(StatutoryEventKind.RepresentationsMade, "The family sent comments or named a school", "Date the comments were sent"),
        new(StatutoryEventKind.DecisionNotToIssuePlan, "The local authority decided not to issue a plan", "Date the family was told"),
        new(StatutoryEventKind.FinalPlanIssued, "The final EHC plan was issued", "Date the final plan was issued"),
        new(StatutoryEventKind.ExceptionalCircumstances, "Exceptional personal circumstances", "Date they began", "What happened"),
        new(StatutoryEventKind.AbsentFromArea, "Away from the local authority's area", "First day away", EndLabel: "Last day away"),
        new(StatutoryEventKind.SchoolClosure, "The school or college was closed for 4 weeks or more", "First day closed", EndLabel: "Day it reopened"),
        new(StatutoryEventKind.PlanMadeOrReviewed, "The plan was made or last reviewed", "Date the plan was made or last reviewed"),
        new(StatutoryEventKind.ReviewMeetingHeld, "The review meeting was held", "Date of the review meeting"),
        new(StatutoryEventKind.ReviewMeetingArranged, "The review meeting was arranged", "Date of the review meeting"),
        new(StatutoryEventKind.ReviewMeetingCancelled, "The review meeting was cancelled", "Date it was cancelled"),
        new(StatutoryEventKind.ReviewInvitationsSent, "Invitations to the review meeting were sent", "Date the invitations were sent"),
        new(StatutoryEventKind.ReviewAdviceCirculated, "Advice and information for the review were sent round", "Date they were sent round"),
        new(StatutoryEventKind.AppointmentMissed, "An appointment for an examination or test was missed", "Date of the appointment", "Whose advice it was for"),
        new(StatutoryEventKind.ReassessmentDecisionNotified, "The local authority said it will reassess", "Date the family was told"),
        new(StatutoryEventKind.TribunalOrderMade, "The SEND Tribunal made an order", "Date of the order", "What the order is") { DetailOptions = TribunalOrders },
        new(StatutoryEventKind.ReviewReportSent, "The review report was sent", "Date the report was sent"),
        new(StatutoryEventKind.ReviewDecisionNotified, "The local authority gave its decision after the review", "Date the family was told", "The decision") { DetailOptions = ReviewDecisions },
        new(StatutoryEventKind.AmendmentNoticeSent, "Proposed changes to the plan were sent", "Date the proposed changes were sent"),
        new(StatutoryEventKind.FinalAmendedPlanIssued, "The final amended plan was issued", "Date the amended plan was issued"),
        new(StatutoryEventKind.TransferPlanned, "A move to a new school or college", "Date of the move", "Which move") { DetailOptions = Transfers },
        new(StatutoryEventKind.DecisionSent, "A decision the family can appeal was sent", "Date the decision was sent", "What the decision was"),
        new(StatutoryEventKind.MediationAdviserContacted, "The family contacted the mediation adviser", "Date of contact"),
        new(StatutoryEventKind.MediationRequested, "The family asked for mediation", "Date the local authority was told"),
        new(StatutoryEventKind.MediationHeld, "Mediation took place", "Date of mediation"),
        new(StatutoryEventKind.CertificateNeeded, "A mediation certificate became due", "Date the family said no to mediation, or mediation ended"),
        new(StatutoryEventKind.CertificateIssued, "The mediation certificate was issued", "Date the certificate was issued"),
        new(StatutoryEventKind.AppealLodged, "An appeal was sent to the SEND Tribunal", "Date the Tribunal received it"),
    }.ToDictionary(t => t.Kind);

    public static StatutoryEventTerm Term(this StatutoryEventKind kind) => Terms[kind];

    /// <summary>
    /// The events a person records by hand: a review meeting is arranged and cancelled on the child's record, which
    /// records those here; "held" is recorded by choosing the meeting.
    /// </summary>
    public static IReadOnlyList<StatutoryEventKind> Recordable(this StatutoryProcessKind kind) =>
        kind.Events().Where(e => e is not (StatutoryEventKind.ReviewMeetingArranged or StatutoryEventKind.ReviewMeetingCancelled)).ToList();

    /// <summary>The event that starts each process.</summary>
    public static StatutoryEventKind FirstEvent(this StatutoryProcessKind kind) => kind switch
    {
        StatutoryProcessKind.NeedsAssessment => StatutoryEventKind.RequestReceived,
        StatutoryProcessKind.AnnualReview => StatutoryEventKind.PlanMadeOrReviewed,
        StatutoryProcessKind.PhaseTransfer => StatutoryEventKind.TransferPlanned,
        StatutoryProcessKind.Reassessment => StatutoryEventKind.ReassessmentDecisionNotified,
        StatutoryProcessKind.TribunalOrder => StatutoryEventKind.TribunalOrderMade,
        _ => StatutoryEventKind.DecisionSent,
    };

    /// <summary>The events that can be recorded in each process, in the order they usually happen.</summary>
    public static IReadOnlyList<StatutoryEventKind> Events(this StatutoryProcessKind kind) => kind switch
    {
        StatutoryProcessKind.NeedsAssessment =>
        [
            StatutoryEventKind.RequestReceived, StatutoryEventKind.DecisionToAssess, StatutoryEventKind.DecisionNotToAssess,
            StatutoryEventKind.AdviceRequested, StatutoryEventKind.AdviceReceived, StatutoryEventKind.AppointmentMissed, StatutoryEventKind.DraftPlanServed,
            StatutoryEventKind.RepresentationsMade, StatutoryEventKind.DecisionNotToIssuePlan, StatutoryEventKind.FinalPlanIssued,
            StatutoryEventKind.ExceptionalCircumstances, StatutoryEventKind.AbsentFromArea, StatutoryEventKind.SchoolClosure,
        ],
        StatutoryProcessKind.AnnualReview =>
        [
            StatutoryEventKind.PlanMadeOrReviewed, StatutoryEventKind.ReviewMeetingArranged, StatutoryEventKind.ReviewInvitationsSent,
            StatutoryEventKind.ReviewAdviceCirculated, StatutoryEventKind.ReviewMeetingHeld, StatutoryEventKind.ReviewReportSent,
            StatutoryEventKind.ReviewDecisionNotified, StatutoryEventKind.AmendmentNoticeSent, StatutoryEventKind.RepresentationsMade,
            StatutoryEventKind.FinalAmendedPlanIssued, StatutoryEventKind.ReviewMeetingCancelled,
        ],
        StatutoryProcessKind.PhaseTransfer =>
        [
            StatutoryEventKind.TransferPlanned, StatutoryEventKind.ReviewMeetingArranged, StatutoryEventKind.ReviewInvitationsSent,
            StatutoryEventKind.ReviewAdviceCirculated, StatutoryEventKind.ReviewMeetingHeld, StatutoryEventKind.ReviewReportSent,
            StatutoryEventKind.ReviewDecisionNotified, StatutoryEventKind.AmendmentNoticeSent, StatutoryEventKind.RepresentationsMade,
            StatutoryEventKind.FinalAmendedPlanIssued, StatutoryEventKind.ReviewMeetingCancelled,
        ],
        StatutoryProcessKind.Reassessment =>
        [
            StatutoryEventKind.ReassessmentDecisionNotified, StatutoryEventKind.AdviceRequested, StatutoryEventKind.AdviceReceived,
            StatutoryEventKind.DraftPlanServed, StatutoryEventKind.RepresentationsMade, StatutoryEventKind.FinalPlanIssued,
        ],
        StatutoryProcessKind.TribunalOrder =>
        [
            StatutoryEventKind.TribunalOrderMade, StatutoryEventKind.DecisionToAssess, StatutoryEventKind.DecisionNotToIssuePlan,
            StatutoryEventKind.DraftPlanServed, StatutoryEventKind.FinalPlanIssued,
        ],
        _ =>
        [
            StatutoryEventKind.DecisionSent, StatutoryEventKind.MediationAdviserContacted, StatutoryEventKind.MediationRequested,
            StatutoryEventKind.MediationHeld, StatutoryEventKind.CertificateNeeded, StatutoryEventKind.CertificateIssued,
            StatutoryEventKind.AppealLodged,
        ],
    };
}
