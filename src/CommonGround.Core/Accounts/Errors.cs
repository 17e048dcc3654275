namespace CommonGround.Core.Accounts;

public sealed record InvitationNotFound() : Error("This invitation link is not valid. Check you copied the whole link from the email, or ask for a new invitation");
public sealed record InvitationExpired() : Error("This invitation has expired. Invitations last 7 days. Ask the person who invited you to send a new one");
public sealed record InvitationAlreadyUsed() : Error("This invitation has already been used. Sign in with the email address it was sent to");
public sealed record InvitationWithdrawn() : Error("This invitation was withdrawn. Ask the person who invited you if you still need an account");
public sealed record PasswordRejected(string Reason) : Error(Reason, "Password");
public sealed record InvitationNeedsSignIn(string Email) : Error($"You already have a CommonGround account. Sign in as {Email} to accept this invitation");
public sealed record InvitationForSomeoneElse(string Email) : Error($"This invitation was sent to {Email}. Sign out, then sign in with that email address to accept it");
public sealed record InvitationToAClosedRecord() : Error("This invitation is to a record that has since been closed, so nobody new can join it. If support has started again, ask the local authority's SEND team to reopen the record");
