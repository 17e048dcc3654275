namespace CommonGround.Core.Statutory;

public enum StatutoryProcessKind
{
    NeedsAssessment,
    AnnualReview,
    PhaseTransfer,
    MediationAndAppeal,
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
        _ => "Mediation and appeal",
    };

    public static string Hint(this StatutoryProcessKind kind) => kind switch
    {
        StatutoryProcessKind.NeedsAssessment => "From the request for an assessment to the final EHC plan.",
        StatutoryProcessKind.AnnualReview => "The yearly review of an EHC plan, and any changes to it.",
        StatutoryProcessKind.PhaseTransfer => "Reviewing and changing the plan before a move to a new school or college.",
        _ => "After a decision the family disagrees with: mediation, the certificate and an appeal to the SEND Tribunal.",
    };

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
        new(StatutoryEventKind.ReviewMeetingHeld, "The review meeting", "Date of the review meeting"),
        new(StatutoryEventKind.ReviewReportSent, "The review report was sent", "Date the report was sent"),
        new(StatutoryEventKind.ReviewDecisionNotified, "The local authority gave its decision after the review", "Date the family was told", "The decision (keep, change or stop the plan)"),
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

    /// <summary>The event that starts each process.</summary>
    public static StatutoryEventKind FirstEvent(this StatutoryProcessKind kind) => kind switch
    {
        StatutoryProcessKind.NeedsAssessment => StatutoryEventKind.RequestReceived,
        StatutoryProcessKind.AnnualReview => StatutoryEventKind.PlanMadeOrReviewed,
        StatutoryProcessKind.PhaseTransfer => StatutoryEventKind.TransferPlanned,
        _ => StatutoryEventKind.DecisionSent,
    };

    /// <summary>The events that can be recorded in each process, in the order they usually happen.</summary>
    public static IReadOnlyList<StatutoryEventKind> Events(this StatutoryProcessKind kind) => kind switch
    {
        StatutoryProcessKind.NeedsAssessment =>
        [
            StatutoryEventKind.RequestReceived, StatutoryEventKind.DecisionToAssess, StatutoryEventKind.DecisionNotToAssess,
            StatutoryEventKind.AdviceRequested, StatutoryEventKind.AdviceReceived, StatutoryEventKind.DraftPlanServed,
            StatutoryEventKind.RepresentationsMade, StatutoryEventKind.DecisionNotToIssuePlan, StatutoryEventKind.FinalPlanIssued,
            StatutoryEventKind.ExceptionalCircumstances, StatutoryEventKind.AbsentFromArea, StatutoryEventKind.SchoolClosure,
        ],
        StatutoryProcessKind.AnnualReview =>
        [
            StatutoryEventKind.PlanMadeOrReviewed, StatutoryEventKind.ReviewMeetingHeld, StatutoryEventKind.ReviewReportSent,
            StatutoryEventKind.ReviewDecisionNotified, StatutoryEventKind.AmendmentNoticeSent, StatutoryEventKind.RepresentationsMade,
            StatutoryEventKind.FinalAmendedPlanIssued,
        ],
        StatutoryProcessKind.PhaseTransfer =>
        [
            StatutoryEventKind.TransferPlanned, StatutoryEventKind.ReviewMeetingHeld, StatutoryEventKind.AmendmentNoticeSent,
            StatutoryEventKind.FinalAmendedPlanIssued,
        ],
        _ =>
        [
            StatutoryEventKind.DecisionSent, StatutoryEventKind.MediationAdviserContacted, StatutoryEventKind.MediationRequested,
            StatutoryEventKind.MediationHeld, StatutoryEventKind.CertificateNeeded, StatutoryEventKind.CertificateIssued,
            StatutoryEventKind.AppealLodged,
        ],
    };
}
