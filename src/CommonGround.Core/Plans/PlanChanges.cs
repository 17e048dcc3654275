using CommonGround.Core.Access;
using CommonGround.Core.Audit;

namespace CommonGround.Core.Plans;

/// <summary>
/// How a plan's changes read in the child's history. A line's change belongs to the line's part of the record, so
/// only people who see that part see it; the plan's own steps belong to no one part, as the plan's list does.
/// The words say what happened, never what a line says.
/// </summary>
public static class PlanChanges
{
    public static AuditEvent Started(Actor actor, SupportPlan plan, DateTime at) =>
        Whole(actor, plan, at, AuditActions.PlanStarted, $"Started writing a {plan.Rule.Name}");

    public static AuditEvent Shared(Actor actor, SupportPlan plan, DateTime at) =>
        Whole(actor, plan, at, AuditActions.PlanShared, $"Shared version {plan.Number} of the {plan.Rule.Name} with the family");

    public static AuditEvent Answered(Actor actor, SupportPlan plan, int agreed, int suggested, int disagreed, DateTime at) =>
        Whole(actor, plan, at, AuditActions.PlanAnswered,
            $"Answered version {plan.Number} of the {plan.Rule.Name}: agreed {agreed}, suggested {suggested} {(suggested == 1 ? "change" : "changes")}, disagreed with {disagreed}");

    public static AuditEvent ReviewStarted(Actor actor, SupportPlan plan, DateTime at) =>
        Whole(actor, plan, at, AuditActions.PlanReviewStarted, $"Started the review of the {plan.Rule.Name}");

    public static AuditEvent ReviewMeetingChosen(Actor actor, SupportPlan plan, bool chosen, DateTime at) =>
        Whole(actor, plan, at, AuditActions.PlanReviewMeetingChosen, chosen
            ? $"Chose the meeting for the review of the {plan.Rule.Name}"
            : $"Said the meeting for the review of the {plan.Rule.Name} is not arranged yet");

    public static AuditEvent ProgressRecorded(Actor actor, SupportPlan plan, PlanLine outcome, bool byFamily, DateTime at) =>
        Line(actor, plan, outcome, at, AuditActions.PlanProgressRecorded,
            $"{(byFamily ? "Said in the family's words" : "Recorded the team's view of")} how it is going towards outcome {outcome.Position} of the {plan.Rule.Name}, at its review");

    public static AuditEvent Agreed(Actor actor, SupportPlan plan, DateTime at) =>
        Whole(actor, plan, at, AuditActions.PlanAgreed, plan.Kind == PlanKind.Ehc
            ? $"The final EHC plan was issued (version {plan.Number})"
            : $"The {plan.Rule.Name} was agreed with the family (version {plan.Number})");

    public static AuditEvent LineSaved(Actor actor, SupportPlan plan, PlanLine line, bool added, DateTime at) =>
        Line(actor, plan, line, at, added ? AuditActions.PlanLineAdded : AuditActions.PlanLineChanged,
            $"{(added ? "Added" : "Changed")} {Article(line)} in the {plan.Rule.Name}");

    public static AuditEvent LineRemoved(Actor actor, SupportPlan plan, PlanLine line, DateTime at) =>
        Line(actor, plan, line, at, AuditActions.PlanLineRemoved, $"Removed {Article(line)} from the {plan.Rule.Name}");

    public static AuditEvent Replied(Actor actor, SupportPlan plan, PlanLine line, bool accepted, DateTime at) =>
        Line(actor, plan, line, at, AuditActions.PlanAnswerReplied,
            $"{(accepted ? "Took" : "Replied to")} the family's answer on {Article(line)} in the {plan.Rule.Name}");

    private static string Article(PlanLine line) => line.Kind switch
    {
        PlanLineKind.Need => "a need",
        PlanLineKind.Outcome => "an outcome",
        PlanLineKind.Placement => "the placement",
        PlanLineKind.PersonalBudget => "the personal budget",
        _ => "a provision line",
    };

    private static AuditEvent Whole(Actor actor, SupportPlan plan, DateTime at, string action, string summary) =>
        AuditEvent.ForChild(actor, plan.ChildId, plan.AreaId, at, new ChildChange(action, null, summary, new ChangeSubject.Plan(plan.Id)));

    private static AuditEvent Line(Actor actor, SupportPlan plan, PlanLine line, DateTime at, string action, string summary) =>
        AuditEvent.ForChild(actor, plan.ChildId, plan.AreaId, at, new ChildChange(action, line.Part, summary, new ChangeSubject.Plan(plan.Id)));
}
