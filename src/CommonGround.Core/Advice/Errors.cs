namespace CommonGround.Core.Advice;

public sealed record AdviceRequestNotFound() : NotFoundError("This request for advice could not be found");
public sealed record NotAllowedToAskForAdvice() : Error("Only staff who write the child's plans, or the local authority for an assessment, can ask for advice");
public sealed record AdviserNotOnTeam() : Error("Choose who to ask from the child's team", "AdviserId");
public sealed record AdviserCannotSeePart(string Name, string Part) : Error($"{Name} is not shared the {Part} part of the record, so could not give advice about it. Choose someone who is, or ask the family to share it", "AdviserId");
public sealed record AdvicePartNotAllowed() : Error("Choose Education, Health or Social care", "Part");
public sealed record AdviceAboutMissing() : Error("Say what you would like advice about", "About");
public sealed record AdviceDueMissing() : Error("Enter the date you need the advice by", "DueOn");
public sealed record AdviceDueOutOfRange() : Error("The date you need the advice by must be after today and within 6 months", "DueOn");
public sealed record OnlyTheFamilyGivesTheirOwn() : Error("Only the family, or a young person who decides for themself, gives the family's own advice");
public sealed record OnlyTheAdviserGivesAdvice(string? Organisation = null) : Error(Organisation is null
    ? "Only the person asked can give this advice"
    : $"Only someone from {Organisation} on the child's team can give this advice");
public sealed record AdviceAlreadyGiven() : Error("This advice has already been given");
public sealed record AdviceMissing() : Error("Write your advice, or attach your report and summarise it here", "Advice");
public sealed record TooManyRecommendations() : Error($"List up to {Recommendation.MaxPerAdvice} recommendations", "Recommendations");
public sealed record RecommendationTooLong() : Error($"Each recommendation must be {Recommendation.MaxTextLength} characters or fewer: put the detail in the advice", "Recommendations");
public sealed record ReportNotFound() : Error("Choose a report from this child's documents", "DocumentId");
public sealed record RecommendationAnswerNotFound() : NotFoundError("This answer to a recommendation could not be found");
public sealed record AdoptingLineMissing(string Field, string Recommendation) : Error($"Choose the line of the plan that carries out \"{Recommendation}\"", Field);
public sealed record NotAdoptedReasonMissing(string Field, string Recommendation) : Error($"Say why the plan does not adopt \"{Recommendation}\"", Field);
public sealed record NoRecommendationAnswered(string Field) : Error("Choose, for at least one recommendation, whether the plan adopts it", Field);
public sealed record OnlyTheFamilyDisputes() : Error("Only the family, or a young person who decides for themself, can disagree with what a plan does with a recommendation");
public sealed record AlreadyDisputed() : Error("You have already disagreed with this answer: your concern is with the plan's author");
public sealed record DisputeReasonMissing() : Error("Say what you disagree with, and what you would like to happen", "Why");
public sealed record RecommendationsChangedMeanwhile() : ChangedMeanwhileError("Someone else answered these recommendations while you were looking. Check the latest answers and try again");
public sealed record MissedAppointmentOnlyForAssessment() : Error("Only advice for an EHC needs assessment has a legal exception for a missed appointment. Agree a new date with the person who asked instead");
public sealed record NotAllowedToRecordMissedAppointment() : Error("Only the person asked for the advice, or the local authority running the assessment, can record a missed appointment");
public sealed record MissedAppointmentAlreadyRecorded() : Error("A missed appointment is already recorded for this advice");
public sealed record MissedAppointmentDateMissing() : Error("Enter the date of the missed appointment", "MissedOn");
public sealed record MissedAppointmentDateOutOfRange() : Error("The date of the missed appointment must be between the day the advice was asked for and today", "MissedOn");
public sealed record AdviceChangedMeanwhile() : ChangedMeanwhileError("This request changed while you were looking at it. Check it and try again");
