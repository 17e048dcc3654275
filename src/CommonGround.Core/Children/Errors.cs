namespace CommonGround.Core.Children;

public sealed record DateOfBirthInFuture() : Error("Date of birth must be in the past", "DateOfBirth");
public sealed record TooOldForSend() : Error("CommonGround is for children and young people up to age 25. Check the date of birth", "DateOfBirth");
public sealed record TooYoungForOwnAccount() : Error("Young people can hold their own record from age 16. Ask a parent or carer to add you", "Relationship");
public sealed record ChildAreaNotFound() : Error("Choose your local authority", "AreaId");
public sealed record OnlyFamiliesAddChildren() : Error("Only a parent carer or young person can add a child's record");
public sealed record ChildNotFound() : NotFoundError("This child's record could not be found");
public sealed record AlreadyInFamily() : Error("This person is already part of the family on this record", "Email");
public sealed record StaffEmailForFamily() : Error("This email address belongs to a staff account. Use their personal email address", "Email");
public sealed record FamilyInvitationPending() : Error("This person already has an invitation waiting for this record", "Email");
public sealed record YoungPersonNotYet16() : Error("A young person can join their own record from age 16", "Relationship");
public sealed record YoungPersonAlreadyJoined() : Error("The young person already has their own place on this record", "Relationship");
public sealed record OnlyTheYoungPersonDecides() : Error("Only the young person can decide what the rest of their family sees, once they are 16 and have their own place on the record");
public sealed record FamilyMemberNotFound() : NotFoundError("This family member could not be found");
public sealed record FamilyInvitationNotPending() : NotFoundError("This invitation has already been accepted, withdrawn or has expired");
