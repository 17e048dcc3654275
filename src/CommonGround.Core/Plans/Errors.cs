namespace CommonGround.Core.Plans;

public sealed record PlanNotFound() : NotFoundError("This plan could not be found");
public sealed record PlanLineNotFound() : NotFoundError("This line of the plan could not be found");
public sealed record PlanResponseNotFound() : NotFoundError("This answer could not be found");
public sealed record NotAllowedToWritePlan() : Error("You do not have permission to write plans for this child");
public sealed record NotAllowedToRespondToPlan() : Error("Only the family, or a young person who decides for themself, can answer a plan");
public sealed record PlanKindNotYours(string Kind, string WrittenBy) : Error($"A {Kind} is written by {WrittenBy}", "Kind");
public sealed record PlanAlreadyBeingWritten(string Kind) : Error($"A {Kind} for this child is already being written. Carry on with that one", "Kind");
public sealed record OnlyAuthorsOrganisationWrites(string Organisation) : Error($"Only staff of {Organisation}, who write this plan, can change it");
public sealed record PlanAgreedCannotChange() : Error("This plan has been agreed. It changes only at its next review, as a new version");
public sealed record PlanPartNotShared(string Part) : Error($"The family has not shared the {Part} part of the record with you, so you cannot write about it", "Part");
public sealed record PlanLineKindNotInPlan(string Kind, string Plan) : NotFoundError($"A {Plan} has no {Kind.ToLowerInvariant()} section");
public sealed record PlacementIsEducation() : Error("The school, college or setting belongs to the Education part of the record", "Part");
public sealed record PlanPartNotInPlans() : Error("Choose Education, Health or Social care", "Part");
public sealed record PlanTextMissing(string Field, string Message) : Error(Message, Field);
public sealed record ProviderNotOnTeam() : Error("Choose who provides it from the child's team", "ProviderId");
public sealed record ProviderCannotSeePart(string Name, string Part) : Error($"{Name} cannot see the {Part} part of the record and the commitments, so could not follow this provision. Choose someone the family shares them with", "ProviderId");
public sealed record OutcomeNotInPlan() : Error("Choose needs and outcomes from this plan", "Serves");
public sealed record PlanNotReadyToShare(string Reason) : Error(Reason);
public sealed record PlanNotAgreedYet() : Error("A review starts once the plan is agreed. Until then, change it as it is being written");
public sealed record PlanNotWithFamily() : Error("This plan is not waiting for the family's answers");
public sealed record NothingToAnswer() : Error("There is nothing in this plan waiting for your answer");
public sealed record AnswerMissing(string Field, string Line) : Error($"Choose whether you agree with \"{Line}\"", Field);
public sealed record AnswerWordsMissing(string Field, string Line) : Error($"Say what you would change, or why you disagree, about \"{Line}\"", Field);
public sealed record ReplyMissing() : Error("Say why you are keeping the line as it is", "Reply");
public sealed record AlreadyReplied() : Error("This answer has already been replied to");
public sealed record NotYetAgreedByFamily(int Lines) : Error(Lines == 1
    ? "The family has not yet agreed 1 line as it now reads, so the plan cannot be agreed yet"
    : $"The family has not yet agreed {Lines} lines as they now read, so the plan cannot be agreed yet");
public sealed record FinalPlanTooEarly(DateOnly Earliest) : Error($"The final plan cannot be issued before {Time.UkDates.Date(Earliest)}: the family has 15 days to comment on the draft, and has not agreed all of it");
public sealed record RepliesOutstanding(int Count) : Error(Count == 1 ? "Reply to the family's answer before the plan is agreed" : $"Reply to the family's {Count} answers before the plan is agreed");
public sealed record ProvisionCouldNotBeRecorded(string Line, string Reason) : Error($"The provision \"{Line}\" could not be recorded as a commitment: {Reason}");
public sealed record ProgressNotRecorded(int Outcomes) : Error(Outcomes == 1
    ? "Say how far the child has come towards 1 outcome before the new version is agreed"
    : $"Say how far the child has come towards {Outcomes} outcomes before the new version is agreed");
public sealed record ProgressOnlyAtReview() : Error("Progress towards outcomes is recorded at a review. Start the review first");
public sealed record OutcomeNotReviewed() : Error("Say how it is going only for outcomes in the agreed plan");
public sealed record NothingSaidAboutProgress(string Field, bool Family) : Error(Family ? "Say in your own words how it is going towards at least one outcome" : "Give the team's view of at least one outcome", Field);
public sealed record NotAllowedToRecordProgress() : Error("Only the family and the staff who write the plan can say how the child is getting on at its review");
public sealed record ProgressMissing(string Field) : Error("Choose how far the child has come towards this outcome", Field);
public sealed record ProgressWordsMissing(string Field, bool Family) : Error(Family ? "Say in your own words how it is going" : "Say what the team has seen, and how you know", Field);
public sealed record ReviewMeetingNotFound() : Error("Choose one of the child's review meetings, or say it is not arranged yet", "MeetingId");
public sealed record RecommendationsUnanswered(int Count, string Step) : Error(Count == 1
    ? $"Answer 1 recommendation from the advice before the plan is {Step}: say which line adopts it, or why the plan does not"
    : $"Answer {Count} recommendations from the advice before the plan is {Step}: say which line adopts each, or why the plan does not");
public sealed record LineCarriesRecommendation(string Adviser) : Error($"This line carries out a recommendation from {Adviser}'s advice. Answer that recommendation another way first, then remove the line");
public sealed record PlanChangedMeanwhile() : ChangedMeanwhileError("Someone else changed this plan while you were looking at it. Check the latest version and try again");
