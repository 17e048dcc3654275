namespace CommonGround.Core.Team;

public sealed record TeamChildNotFound() : Error("This child's record could not be found");
public sealed record NotAllowedForTeam() : Error("You do not have permission to change this child's team");
public sealed record NotAllowedForSharing() : Error("You do not have permission to change what this team member can see");
public sealed record NotAStaffEmail() : Error("This email address belongs to a family account. Invite professionals with their work email address", "Email");
public sealed record AlreadyOnTeam() : Error("This person is already on the team", "Email");
public sealed record TeamInvitationPending() : Error("This person already has an invitation waiting for this team", "Email");
public sealed record NoAreasChosen() : Error("Choose at least one part of the record they can see", "Areas");
public sealed record ShareUntilInPast() : Error("The date they can see it until must be today or in the future", "Until");
public sealed record ShareFromInPast() : Error("The date they can see it from must be today or in the future", "From");
public sealed record ShareUntilBeforeFrom() : Error("The date they can see it until must be the same as or after the date they can see it from", "Until");
public sealed record TeamMemberNotFound() : Error("This team member could not be found");
public sealed record InvitationNeedsStaffAccount(string Email) : Error($"To join a child's team you need a CommonGround staff account for {Email}. Ask your organisation's admin to invite you, then open this link again. If your organisation does not use CommonGround yet, tell the family: they can share the one-page profile with you instead");
public sealed record InvitationForAnotherStaffMember(string Email) : Error($"This invitation was sent to {Email}. Sign out, then sign in with that email address to accept it");
public sealed record AlreadyShared() : Error("The family already shares this part of the record with you", "Area");
public sealed record AccessRequestPending() : Error("You have already asked for this part of the record. The family has not answered yet", "Area");
public sealed record NotATeamMember() : Error("Only members of the team can ask the family for access");
public sealed record AccessRequestNotFound() : Error("This request could not be found, or has already been answered");
