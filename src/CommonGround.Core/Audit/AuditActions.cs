namespace CommonGround.Core.Audit;

/// <summary>The names of audited actions, kept in one place so reports and tests can rely on them.</summary>
public static class AuditActions
{
    public const string SignedIn = "account.signed-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string LockedOut = "account.locked-out";
    public const string SignedOut = "account.signed-out";
    public const string Registered = "account.registered";
    public const string EmailConfirmed = "account.email-confirmed";
    public const string PasswordResetRequested = "account.password-reset-requested";
    public const string PasswordReset = "account.password-reset";
    public const string PasswordChanged = "account.password-changed";
    public const string TwoFactorEnabled = "account.two-factor-enabled";
    public const string TwoFactorDisabled = "account.two-factor-disabled";
    public const string RecoveryCodesGenerated = "account.recovery-codes-generated";
    public const string RecoveryCodeUsed = "account.recovery-code-used";
    public const string AreaCreated = "area.created";
    public const string OrganisationCreated = "organisation.created";
    public const string OrganisationUpdated = "organisation.updated";
    public const string StaffInvited = "staff.invited";
    public const string InvitationRevoked = "staff.invitation-revoked";
    public const string InvitationAccepted = "staff.invitation-accepted";
    public const string StaffDeactivated = "staff.deactivated";
    public const string StaffReactivated = "staff.reactivated";
    public const string ChildAdded = "child.added";
    public const string FamilyMemberInvited = "family.invited";
    public const string FamilyInvitationAccepted = "family.invitation-accepted";
    public const string TeamMemberInvited = "team.invited";
    public const string TeamMemberJoined = "team.joined";
    public const string TeamMemberRemoved = "team.removed";
    public const string KeyWorkerChanged = "team.key-worker-changed";
    public const string KeyWorkerLeft = "team.key-worker-left";
    public const string TeamLeadChanged = "team.team-lead-changed";
    public const string SharingChanged = "consent.changed";
    public const string FamilySharingChanged = "consent.family-changed";
    public const string AccessRequested = "consent.requested";
    public const string AccessRequestDeclined = "consent.request-declined";
    public const string ProfileChanged = "profile.changed";
    public const string ProfileConfirmed = "profile.confirmed";
    public const string ProfileSuggested = "profile.suggested";
    public const string SuggestionAccepted = "profile.suggestion-accepted";
    public const string SuggestionDeclined = "profile.suggestion-declined";
    public const string ShareLinkCreated = "profile.share-link-created";
    public const string ShareLinkRevoked = "profile.share-link-revoked";
    public const string CommitmentAdded = "commitment.added";
    public const string CommitmentStatusChanged = "commitment.status-changed";
    public const string CommitmentCommented = "commitment.commented";
    public const string DeliveryRecorded = "commitment.delivery-recorded";
    public const string DeliveryConfirmed = "commitment.delivery-confirmed";
    public const string DeliveryDisputed = "commitment.delivery-disputed";
    public const string DeliveryDisputeResolved = "commitment.delivery-dispute-resolved";
    public const string TermDateAdded = "organisation.term-date-added";
    public const string TermDateRemoved = "organisation.term-date-removed";
}
