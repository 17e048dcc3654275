namespace CommonGround.Core.Statutory;

public sealed record StatutoryChildNotFound() : Error("This child's record could not be found");
public sealed record StatutoryProcessNotFound() : Error("This process could not be found");
public sealed record StatutoryEventNotFound() : Error("This event could not be found");
public sealed record NotAllowedForStatutory() : Error("You do not have permission to record the statutory process for this child");
public sealed record OnlyLocalAuthorityConfirms() : Error("Only the local authority can confirm or correct what the family recorded");
public sealed record NothingToConfirm() : Error("This was not recorded by the family, or has already been confirmed");
public sealed record EventNotInProcess() : Error("Choose what happened", "Kind");
public sealed record EventDateMissing() : Error("Enter the date", "Date");
public sealed record EventDateInFuture() : Error("The date must be today or in the past", "Date");
public sealed record EventDateTooEarly() : Error("The date must be on or after 1 September 2014, when these rules began", "Date");
public sealed record EventEndMissing() : Error("Enter the end date", "EndsOn");
public sealed record EventEndBeforeStart() : Error("The end date must be the same as or after the start date", "EndsOn");
public sealed record TransferMissing() : Error("Select which move it is", "Transfer");
public sealed record StatutoryTextTooLong(string Field, int Max) : Error($"The text must be {Max:N0} characters or fewer", Field);
public sealed record CorrectionReasonMissing() : Error("Say why the date is different", "Reason");
public sealed record CorrectionSameDate() : Error("Enter a different date, or confirm the family's date instead", "Date");
public sealed record ProcessChangedMeanwhile() : Error("Someone else recorded something in this process while you were looking at it. Check the latest version and try again");
