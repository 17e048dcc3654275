namespace CommonGround.Core.Organisations;

public sealed record AreaCodeTaken() : Error("An area with this code already exists", "Code");
public sealed record OrganisationNameTaken() : Error("An organisation with this name already exists in this area", "Name");
public sealed record OrganisationNotFound() : NotFoundError("This organisation could not be found");
public sealed record AreaNotFound() : Error("Select an area", "AreaId");
public sealed record EmailAlreadyHasAccount() : Error("This email address already has an account. Ask them to sign in, or use a different email address", "Email");
public sealed record InvitationAlreadyPending() : Error("This person already has an invitation waiting. Withdraw it first to send a new one", "Email");
public sealed record StaleEdit() : ChangedMeanwhileError("Someone else changed these details while you were editing. Check the details below and make your change again");
public sealed record StaffPlacesChangedMeanwhile(string Name) : ChangedMeanwhileError($"Someone changed one of {Name}'s places on a child's team while you were choosing. Nothing was saved. Check what they look after now, then try again");
public sealed record StaffNotFound() : NotFoundError("This member of staff could not be found");
public sealed record CannotDeactivateSelf() : Error("You cannot deactivate your own account. Ask another admin to do it");
public sealed record LastActiveAdmin() : Error("This is the organisation's only active admin. Make someone else an admin first");
public sealed record TermNameMissing() : Error("Enter the name of the term, for example Autumn term 2026", "Name");
public sealed record TermNameTooLong() : Error("The name of the term must be 100 characters or fewer", "Name");
public sealed record TermEndBeforeStart() : Error("The last day of term must be the same as or after the first day", "EndDate");
public sealed record TermTooLong() : Error("A term must be shorter than 6 months. Add each term separately", "EndDate");
public sealed record TermOverlaps(string Other) : Error($"These dates overlap {Other}. Change the dates, or remove {Other} first", "StartDate");
public sealed record TermNotFound() : NotFoundError("This term could not be found");
