namespace CommonGround.Core.Children;

public sealed record DateOfBirthInFuture() : Error("Date of birth must be in the past", "DateOfBirth");
public sealed record TooOldForSend() : Error("CommonGround is for children and young people up to age 25. Check the date of birth", "DateOfBirth");
public sealed record TooYoungForOwnAccount() : Error("Young people can hold their own record from age 16. Ask a parent or carer to add you", "Relationship");
public sealed record ChildAreaNotFound() : Error("Choose your local authority", "AreaId");
public sealed record OnlyFamiliesAddChildren() : Error("Only a parent carer or young person can add a child's record");
