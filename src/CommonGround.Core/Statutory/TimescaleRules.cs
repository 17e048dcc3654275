namespace CommonGround.Core.Statutory;

/// <summary>
/// Every timescale the product knows, for England, as one table. Sources: the Children and Families Act 2014 Part 3,
/// the SEND Regulations 2014, the SEND Code of Practice (2015), the Tribunal Procedure (HESC) Rules 2008 and
/// R (L, M, P) v Devon CC [2022] EWHC 493 (Admin).
/// </summary>
public static class TimescaleRules
{
    /// <summary>The day Part 3 of the Children and Families Act 2014 and the SEND Regulations came into force.</summary>
    public static readonly DateOnly SendRegulationsInForce = new(2014, 9, 1);

    private const string Regs = "SEND Regulations 2014";
    private const string Hesc = "Tribunal Procedure (HESC) Rules 2008";
    private const string Devon = "R (L, M, P) v Devon CC [2022] EWHC 493 (Admin)";
    private const string Code = "SEND Code of Practice 2015";

    private const string ChaseTheLocalAuthority =
        "Write to the local authority's SEND team, say the date has passed and ask when it will happen. Our chasing letter can help. If nothing changes, make a formal complaint to the local authority, and then to the Local Government and Social Care Ombudsman. Your local SEND information, advice and support service (SENDIASS) can help for free.";

    // Needs assessment, from the day the request was received.
    public static readonly TimescaleRule DecisionWhetherToAssess = new()
    {
        Timeline = "needs-assessment", Key = "decision-whether-to-assess", Count = new(CountUnit.Weeks, 6),
        Title = "Decision whether to assess",
        Explanation = "The local authority must tell you whether it will carry out an EHC needs assessment within 6 weeks of receiving the request.",
        Source = $"{Regs}, regulations 4(1) and 5(1)", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = ChaseTheLocalAuthority + " If the local authority decides not to assess, you can appeal to the SEND Tribunal.",
    };

    public static readonly TimescaleRule DecisionNotToIssuePlan = new()
    {
        Timeline = "needs-assessment", Key = "decision-not-to-issue-plan", Count = new(CountUnit.Weeks, 16),
        Title = "Decision if no plan will be issued",
        Explanation = "If, after the assessment, the local authority decides not to issue an EHC plan, it must tell you within 16 weeks of receiving the request, and say why.",
        Source = $"{Regs}, regulation 10(1)", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = "If you have heard nothing by this date, the local authority should be preparing a draft plan. " + ChaseTheLocalAuthority,
        IfLapsed = "No decision not to issue a plan was made by this date, so the local authority should be preparing a plan. The date for the final plan still stands.",
    };

    public static readonly TimescaleRule LatestDraftPlan = new()
    {
        Timeline = "needs-assessment", Key = "latest-draft-plan", Count = new(CountUnit.Days, 125),
        Title = "Latest date for the draft plan",
        Explanation = "To give you the 15 days the law allows to comment on a draft plan and still issue the final plan within 20 weeks, the local authority needs to send the draft by this date.",
        Source = $"Worked out from {Regs}, regulation 13", Status = RuleStatus.Derived, Actor = DeadlineActor.LocalAuthority,
        IfMissed = "A late draft makes a late final plan likely. Ask the local authority when you will get the draft, and remind it you are entitled to 15 days to comment.",
    };

    public static readonly TimescaleRule FinalPlan = new()
    {
        Timeline = "needs-assessment", Key = "final-plan", Count = new(CountUnit.Weeks, 20),
        Title = "Final EHC plan issued",
        Explanation = "The final EHC plan must be issued within 20 weeks of the local authority receiving the request.",
        Source = $"{Regs}, regulation 13(2)", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = ChaseTheLocalAuthority,
    };

    public static readonly TimescaleRule AdviceDue = new()
    {
        Timeline = "advice-request", Key = "advice-due", Count = new(CountUnit.Weeks, 6),
        Title = "Advice provided",
        Explanation = "A service asked for advice for an EHC needs assessment (such as health, social care or an educational psychologist) must provide it within 6 weeks of receiving the request.",
        Source = $"{Regs}, regulation 8(1)", Status = RuleStatus.Statutory, Actor = DeadlineActor.AdviceGiver,
        IfMissed = "Ask the local authority to chase the service. Late advice can make the whole plan late, so ask the local authority what it is doing about it.",
    };

    public static readonly TimescaleRule RepresentationsLastDay = new()
    {
        Timeline = "draft-plan", Key = "representations-last-day", Count = new(CountUnit.Days, 14),
        Title = "Last day for your comments on the draft plan",
        Explanation = "You have at least 15 days, starting with the day the draft was sent, to comment on the draft plan, ask for a meeting about it, and say which school or college you want named. This is the last of those days.",
        Source = $"{Regs}, regulation 13(1)", Status = RuleStatus.Statutory, Actor = DeadlineActor.Family,
        IfMissed = "If you need more time, ask the local authority straight away. It can agree to more time but does not have to.",
    };

    public static readonly TimescaleRule EarliestFinalPlan = new()
    {
        Timeline = "draft-plan", Key = "earliest-final-plan", Count = new(CountUnit.Days, 15),
        Title = "Earliest date for the final plan",
        Explanation = "The local authority must not issue the final plan before your 15 days to comment have ended.",
        Source = $"{Regs}, regulation 13(1)", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = "If the final plan is issued before this date, you were not given your full time to comment. Write to the local authority about it; SENDIASS can help.",
    };

    public static readonly TimescaleRule SchoolConsultationReply = new()
    {
        Timeline = "school-consultation", Key = "school-consultation-reply", Count = new(CountUnit.Days, 15),
        Title = "School's reply about being named",
        Explanation = "A school or college the local authority consults about being named in the plan should reply within 15 days.",
        Source = $"{Code}, paragraph 9.83", Status = RuleStatus.Guidance, Actor = DeadlineActor.Setting,
        IfMissed = "Ask the local authority to chase the school. The final plan should still be issued on time.",
    };

    public static readonly TimescaleRule ReassessmentFinalPlan = new()
    {
        Timeline = "reassessment", Key = "final-plan", Count = new(CountUnit.Weeks, 14),
        Title = "Final plan after a reassessment",
        Explanation = "After the local authority tells you it will reassess, the final plan must be issued within 14 weeks.",
        Source = $"{Regs}, regulation 27(2)", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = ChaseTheLocalAuthority,
    };

    // Annual review.
    public static readonly TimescaleRule ReviewPeriodEnds = new()
    {
        Timeline = "annual-review", Key = "review-period-ends", Count = new(CountUnit.PeriodOfMonths, 12),
        Title = "Annual review due",
        Explanation = "The local authority must review the plan within 12 months, starting with the day it was made or last reviewed. This is the last day of that period.",
        Source = "Children and Families Act 2014, section 44(1)", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = ChaseTheLocalAuthority + " The plan stays in force while the review is late.",
    };

    public static readonly TimescaleRule LatestReviewMeeting = new()
    {
        Timeline = "annual-review", Key = "latest-review-meeting", Count = new(CountUnit.Days, -28),
        Title = "Latest date for the review meeting",
        Explanation = "The review meeting should be held by this date, so the local authority can make its decision within 4 weeks and still finish inside the 12 months.",
        Source = $"{Code}, paragraph 9.176", Status = RuleStatus.Guidance, Actor = DeadlineActor.LocalAuthority,
        IfMissed = "Ask the school or college and the local authority when the review meeting will be.",
    };

    public static readonly TimescaleRule EarlyReviewFrom = new()
    {
        Timeline = "annual-review", Key = "early-review-from", Count = new(CountUnit.Months, 3),
        Title = "Earliest date for a review (under 5)",
        Explanation = "For a child under 5, the local authority should consider reviewing the plan every 3 to 6 months. From this date a review would be 3 months after the last one.",
        Source = $"{Code}, paragraph 9.178", Status = RuleStatus.Guidance, Actor = DeadlineActor.LocalAuthority,
        IfMissed = "You can ask for an early review at any time if your child's needs have changed. Our letter asking for an early review can help.",
    };

    public static readonly TimescaleRule EarlyReviewBy = new()
    {
        Timeline = "annual-review", Key = "early-review-by", Count = new(CountUnit.Months, 6),
        Title = "Review by (under 5)",
        Explanation = "For a child under 5, the local authority should consider reviewing the plan within 6 months of the last review.",
        Source = $"{Code}, paragraph 9.178", Status = RuleStatus.Guidance, Actor = DeadlineActor.LocalAuthority,
        IfMissed = "Ask the local authority whether it has considered an early review. Our letter asking for an early review can help.",
    };

    // Review meeting, from the day of the meeting.
    public static readonly TimescaleRule InvitationsBy = new()
    {
        Timeline = "review-meeting", Key = "invitations-by", Count = new(CountUnit.Weeks, -2),
        Title = "Invitations sent",
        Explanation = "Everyone invited to the review meeting must get at least 2 weeks' notice.",
        Source = $"{Regs}, regulation 20(3)", Status = RuleStatus.Statutory, Actor = DeadlineActor.Setting,
        IfMissed = "If you got less than 2 weeks' notice, you can ask for the meeting to be moved so you can prepare.",
    };

    public static readonly TimescaleRule AdviceCirculatedBy = new()
    {
        Timeline = "review-meeting", Key = "advice-circulated-by", Count = new(CountUnit.Weeks, -2),
        Title = "Advice and information sent out",
        Explanation = "The advice and information gathered for the review must be sent to everyone invited at least 2 weeks before the meeting.",
        Source = $"{Regs}, regulation 20(4)", Status = RuleStatus.Statutory, Actor = DeadlineActor.Setting,
        IfMissed = "Ask the school or college for the papers. If they come late, you can ask for the meeting to be moved.",
    };

    public static readonly TimescaleRule ReportBy = new()
    {
        Timeline = "review-meeting", Key = "report-by", Count = new(CountUnit.Weeks, 2),
        Title = "Review report sent",
        Explanation = "The school or college must send a report of the review meeting to everyone invited within 2 weeks of the meeting.",
        Source = $"{Regs}, regulation 20", Status = RuleStatus.Statutory, Actor = DeadlineActor.Setting,
        IfMissed = "Ask the school or college for the report, and tell the local authority it is late.",
    };

    public static readonly TimescaleRule DecisionBy = new()
    {
        Timeline = "review-meeting", Key = "decision-by", Count = new(CountUnit.Weeks, 4),
        Title = "Local authority's decision after the review",
        Explanation = "Within 4 weeks of the review meeting, the local authority must tell you whether it will keep the plan as it is, change it or stop it. If it will change it, the proposed changes must come with the decision.",
        Source = $"{Regs}, regulation 20; {Devon}", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = ChaseTheLocalAuthority,
    };

    public static readonly TimescaleRule FinalAmendedPlanFromMeeting = new()
    {
        Timeline = "review-meeting", Key = "final-amended-plan-by", Count = new(CountUnit.Weeks, 12),
        Title = "Final amended plan (from the meeting)",
        Explanation = "If the plan is to be changed after the review, the final amended plan should be issued within 12 weeks of the review meeting.",
        Source = Devon, Status = RuleStatus.CaseLaw, Actor = DeadlineActor.LocalAuthority,
        IfMissed = ChaseTheLocalAuthority,
    };

    // Amendment notice, from the day the proposed amendments were sent.
    public static readonly TimescaleRule AmendmentRepresentationsLastDay = new()
    {
        Timeline = "amendment-notice", Key = "representations-last-day", Count = new(CountUnit.Days, 14),
        Title = "Last day for your comments on the proposed changes",
        Explanation = "You have at least 15 days, starting with the day the proposed changes were sent, to comment, ask for a meeting, and say which school or college you want named. This is the last of those days.",
        Source = $"{Regs}, regulation 22(2)(c)", Status = RuleStatus.Statutory, Actor = DeadlineActor.Family,
        IfMissed = "If you need more time, ask the local authority straight away. It can agree to more time but does not have to.",
    };

    public static readonly TimescaleRule FinalAmendedPlanFromNotice = new()
    {
        Timeline = "amendment-notice", Key = "final-amended-plan-by", Count = new(CountUnit.Weeks, 8),
        Title = "Final amended plan",
        Explanation = "The final amended plan must be issued within 8 weeks of the proposed changes being sent to you.",
        Source = $"{Regs}, regulation 22(3)", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = ChaseTheLocalAuthority,
    };

    // Phase transfer.
    public static readonly TimescaleRule PhaseTransferAmendedPlanBy = new()
    {
        Timeline = "phase-transfer", Key = "amended-plan-by", Count = new(CountUnit.Special, 0),
        Title = "Plan reviewed and amended for the move",
        Explanation = "Before a move between school phases, the plan must be reviewed and amended, naming the new school, before 15 February in the year of the move.",
        Source = $"{Regs}, regulation 18(1)(b)", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = ChaseTheLocalAuthority + " Ask the local authority which school it will name and when.",
    };

    public static readonly TimescaleRule PostSixteenAmendedPlanBy = new()
    {
        Timeline = "phase-transfer", Key = "amended-plan-by", Count = new(CountUnit.Special, 0),
        Title = "Plan reviewed and amended for the move to post-16",
        Explanation = "Before a move from secondary school to a post-16 setting, the plan must be reviewed and amended before 31 March in the year of the move.",
        Source = $"{Regs}, regulation 18(1)(a)", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = ChaseTheLocalAuthority + " Ask the local authority which college or sixth form it will name and when.",
    };

    public static readonly TimescaleRule PostSixteenOtherAmendedPlanBy = new()
    {
        Timeline = "phase-transfer", Key = "amended-plan-by", Count = new(CountUnit.Months, -5),
        Title = "Plan reviewed and amended for the move between post-16 settings",
        Explanation = "Before a move from one post-16 setting to another, the plan must be reviewed and amended at least 5 months before the move.",
        Source = $"{Regs}, regulation 18(2)", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = ChaseTheLocalAuthority,
    };

    public static readonly TimescaleRule TransferLatestReviewMeeting = new()
    {
        Timeline = "phase-transfer", Key = "latest-review-meeting", Count = new(CountUnit.Days, -84),
        Title = "Latest date for the review meeting",
        Explanation = "To leave time for the decision, the proposed changes and your 15 days to comment before the plan must be amended, the review meeting needs to happen by this date.",
        Source = $"Worked out from {Regs}, regulations 18, 20 and 22", Status = RuleStatus.Derived, Actor = DeadlineActor.LocalAuthority,
        IfMissed = "Ask the school and the local authority when the transfer review meeting will be.",
    };

    public static readonly TimescaleRule TransferLatestAmendmentNotice = new()
    {
        Timeline = "phase-transfer", Key = "latest-amendment-notice", Count = new(CountUnit.Days, -56),
        Title = "Latest date for the proposed changes",
        Explanation = "To leave time for your 15 days to comment and the final amended plan, the local authority needs to send the proposed changes by this date.",
        Source = $"Worked out from {Regs}, regulations 18 and 22", Status = RuleStatus.Derived, Actor = DeadlineActor.LocalAuthority,
        IfMissed = "Ask the local authority when you will get the proposed changes to the plan.",
    };

    // Mediation and appeals.
    public static readonly TimescaleRule MediationAdviserContactBy = new()
    {
        Timeline = "appeal", Key = "mediation-adviser-contact-by", Count = new(CountUnit.Months, 2),
        Title = "Contact a mediation adviser",
        Explanation = "Before most appeals you must contact a mediation adviser (named in the decision letter) within 2 months of the decision being sent, even if you do not want mediation. This date does not move for weekends, holidays or August.",
        Source = $"{Regs}, regulation 33", Status = RuleStatus.Statutory, Actor = DeadlineActor.Family,
        IfMissed = "Contact the mediation adviser as soon as you can and ask for a certificate; without one you can usually appeal only about the school or college named. SENDIASS or IPSEA can advise.",
    };

    public static readonly TimescaleRule AppealBy = new()
    {
        Timeline = "appeal", Key = "appeal-by", Count = new(CountUnit.Special, 0),
        Title = "Appeal to the SEND Tribunal",
        Explanation = "Your appeal must reach the SEND Tribunal by 5pm on this date: 2 months after the decision was sent, or 1 month after the mediation certificate was issued if that is later. When the date falls between 25 December and 1 January, or in August, or on a day the Tribunal office is closed, it moves to the next working day.",
        Source = $"{Hesc}, rules 12 and 20(1)(c)", Status = RuleStatus.Statutory, Actor = DeadlineActor.Family, NeverRollsForward = false,
        IfMissed = "The Tribunal can accept a late appeal if you explain why it is late, but it does not have to. Send the appeal as soon as you can with your reasons; SENDIASS or IPSEA can help.",
    };

    public static readonly TimescaleRule CertificateBy = new()
    {
        Timeline = "mediation-certificate", Key = "certificate-by", Count = new(CountUnit.WorkingDays, 3),
        Title = "Mediation certificate issued",
        Explanation = "The mediation adviser must issue the certificate within 3 working days of you saying you do not want mediation, of the local authority being unable to arrange it within 30 days, or of mediation ending. The local authority must make sure this happens.",
        Source = $"{Regs}, regulations 32 to 42", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = "Contact the mediation adviser and ask for the certificate. Our letter asking for a mediation certificate can help. You need it to appeal.",
    };

    public static readonly TimescaleRule MediationBy = new()
    {
        Timeline = "mediation", Key = "mediation-by", Count = new(CountUnit.Days, 30),
        Title = "Mediation held",
        Explanation = "Once the local authority is told you want mediation, it must arrange for mediation to take place within 30 days.",
        Source = $"{Regs}, regulations 32 to 42", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = "If mediation cannot happen within 30 days, you are entitled to a mediation certificate within 3 working days so you can appeal. Ask the mediation adviser for it.",
    };

    // After a Tribunal order, from the day of the order.
    public static readonly TimescaleRule OrderToAssessNotifyBy = new()
    {
        Timeline = "tribunal-order-assess", Key = "notify-by", Count = new(CountUnit.Weeks, 2),
        Title = "Local authority tells you it will assess",
        Explanation = "After the Tribunal orders an EHC needs assessment, the local authority must tell you within 2 weeks that it will carry it out.",
        Source = $"{Regs}, regulation 44(2)(b)", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = ChaseTheLocalAuthority + " You can also tell the Tribunal the order has not been followed.",
    };

    public static readonly TimescaleRule OrderToAssessDecisionNotToIssue = new()
    {
        Timeline = "tribunal-order-assess", Key = "decision-not-to-issue-plan", Count = new(CountUnit.Weeks, 10),
        Title = "Decision if no plan will be issued",
        Explanation = "If, after the assessment the Tribunal ordered, the local authority decides not to issue a plan, it must tell you within 10 weeks of the order.",
        Source = $"{Regs}, regulation 44(2)(b)", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = ChaseTheLocalAuthority,
        IfLapsed = "No decision not to issue a plan was made by this date, so the local authority should be preparing a plan. The date for the final plan still stands.",
    };

    public static readonly TimescaleRule OrderToAssessFinalPlan = new()
    {
        Timeline = "tribunal-order-assess", Key = "final-plan", Count = new(CountUnit.Weeks, 14),
        Title = "Final EHC plan issued",
        Explanation = "After the Tribunal orders an assessment, any final EHC plan must be issued within 14 weeks of the order.",
        Source = $"{Regs}, regulation 44(2)(b)", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = ChaseTheLocalAuthority + " You can also tell the Tribunal the order has not been followed.",
    };

    public static readonly TimescaleRule OrderToMakeDraftPlan = new()
    {
        Timeline = "tribunal-order-make-and-maintain", Key = "draft-plan", Count = new(CountUnit.Weeks, 5),
        Title = "Draft plan sent",
        Explanation = "After the Tribunal orders the local authority to make and maintain a plan, it must send you a draft within 5 weeks of the order.",
        Source = $"{Regs}, regulation 44(2)(c)", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = ChaseTheLocalAuthority + " You can also tell the Tribunal the order has not been followed.",
    };

    public static readonly TimescaleRule OrderToMakeFinalPlan = new()
    {
        Timeline = "tribunal-order-make-and-maintain", Key = "final-plan", Count = new(CountUnit.Weeks, 11),
        Title = "Final EHC plan issued",
        Explanation = "After the Tribunal orders the local authority to make and maintain a plan, the final plan must be issued within 11 weeks of the order.",
        Source = $"{Regs}, regulation 44(2)(c)", Status = RuleStatus.Statutory, Actor = DeadlineActor.LocalAuthority,
        IfMissed = ChaseTheLocalAuthority + " You can also tell the Tribunal the order has not been followed.",
    };

    public static IReadOnlyList<TimescaleRule> All { get; } =
    [
        DecisionWhetherToAssess, DecisionNotToIssuePlan, LatestDraftPlan, FinalPlan, AdviceDue, RepresentationsLastDay,
        EarliestFinalPlan, SchoolConsultationReply, ReassessmentFinalPlan, ReviewPeriodEnds, LatestReviewMeeting,
        EarlyReviewFrom, EarlyReviewBy, InvitationsBy, AdviceCirculatedBy, ReportBy, DecisionBy, FinalAmendedPlanFromMeeting,
        AmendmentRepresentationsLastDay, FinalAmendedPlanFromNotice, PhaseTransferAmendedPlanBy, PostSixteenAmendedPlanBy,
        PostSixteenOtherAmendedPlanBy, TransferLatestReviewMeeting, TransferLatestAmendmentNotice, MediationAdviserContactBy,
        AppealBy, CertificateBy, MediationBy, OrderToAssessNotifyBy, OrderToAssessDecisionNotToIssue, OrderToAssessFinalPlan,
        OrderToMakeDraftPlan, OrderToMakeFinalPlan,
    ];
}
