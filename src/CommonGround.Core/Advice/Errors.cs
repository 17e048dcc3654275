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
public sealed record OnlyTheAdviserGivesAdvice() : Error("Only the person asked can give this advice");
public sealed record AdviceAlreadyGiven() : Error("This advice has already been given");
public sealed record AdviceMissing() : Error("Write your advice, or attach your report and summarise it here", "Advice");
public sealed record TooManyRecommendations() : Error($"List up to {Recommendation.MaxPerAdvice} recommendations", "Recommendations");
public sealed record RecommendationTooLong() : Error($"Each recommendation must be {Recommendation.MaxTextLength} characters or fewer: put the detail in the advice", "Recommendations");
public sealed record ReportNotFound() : Error("Choose a report from this child's documents", "DocumentId");
public sealed record AdviceChangedMeanwhile() : ChangedMeanwhileError("This request changed while you were looking at it. Check it and try again");
