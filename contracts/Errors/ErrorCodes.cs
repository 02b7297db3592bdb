namespace NetworkHub.Contracts.Errors;

/// <summary>Stable error codes. Clients switch on these; never change a released one.</summary>
public static class ErrorCodes
{
    public const string SpaceNotFound = "space.not-found";
    public const string SpaceExists = "space.exists";
    public const string NotCoordinator = "space.not-coordinator";
    public const string NotMember = "space.not-member";
    public const string AlreadyMember = "space.already-member";
    public const string LastCoordinator = "space.last-coordinator";
    public const string MembersHidden = "space.members-hidden";
    public const string ContentsHidden = "space.contents-hidden";
    public const string VersionMismatch = "space.version-mismatch";
    public const string ParentRequired = "space.parent-required";
    public const string JoinRequestNotFound = "space.join-request-not-found";
    public const string JoinByInvitationOnly = "space.invitation-only";
    public const string JoinRequestPending = "space.join-request-pending";
    public const string TooManyJoinRequests = "space.too-many-join-requests";
    public const string TooManyInvitations = "space.too-many-invitations";

    public const string InvitationNotFound = "invitation.not-found";
    public const string InvitationExpired = "invitation.expired";
    public const string InvitationUsed = "invitation.used";

    public const string OrganisationNotMember = "coalition.organisation-not-member";
    public const string OrganisationAlreadyMember = "coalition.organisation-already-member";

    public const string SignInRequired = "auth.sign-in-required";
    public const string InvalidCredentials = "auth.invalid-credentials";
    public const string LockedOut = "auth.locked-out";
    public const string EmailTaken = "auth.email-taken";
    public const string InvalidSecondFactor = "auth.invalid-code";
    public const string SignInTooOld = "auth.fresh-sign-in-required";
    public const string TwoFactorNotPending = "auth.two-factor-not-pending";
    public const string RegistrationClosed = "auth.registration-closed";
    public const string WeakPassword = "auth.weak-password";
    public const string PersonRequired = "auth.person-required";
    public const string TwoFactorRequired = "auth.two-factor-required";
    public const string TwoFactorNeededToRequire = "space.two-factor-sign-in-needed";
    public const string ReadOnlyKey = "api-key.read-only";
    public const string ApiKeyNotFound = "api-key.not-found";

    public const string PersonNotFound = "person.not-found";
    public const string InvalidCursor = "directory.invalid-cursor";
    public const string InvalidInvitation = "invitation.malformed";
    public const string VisibilityWiderThanParent = "space.visibility-wider-than-parent";
    public const string InvalidLifetime = "invitation.invalid-lifetime";
}
