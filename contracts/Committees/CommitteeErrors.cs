namespace NetworkHub.Contracts.Committees;

/// <summary>Error codes of committees, their meetings and votes. Stable strings, as <c>ErrorCodes</c>.</summary>
public static class CommitteeErrors
{
    public const string NotFound = "committee.not-found";
    public const string MeetingNotFound = "committee.meeting-not-found";
    public const string SeatNotFound = "committee.seat-not-found";
    public const string NotOrganisationCoordinator = "committee.not-organisation-coordinator";
    public const string NotSecretary = "committee.not-secretary";
    public const string NoVotingSeat = "committee.no-voting-seat";
    public const string VoteClosed = "committee.vote-closed";
    public const string ActionItemNotFound = "committee.action-item-not-found";
    public const string TooManyActionItems = "committee.too-many-action-items";
    public const string NotRunningMeetings = "committee.not-running-meetings";
    public const string AssigneeInvalid = "committee.assignee-invalid";
    public const string ActionItemExists = "committee.action-item-exists";
    public const string TextInvalid = "committee.text-invalid";
    public const string MinutesNotFound = "committee.minutes-not-found";
    public const string MinutesExist = "committee.minutes-exist";
    public const string MinutesApproved = "committee.minutes-approved";
    public const string MinutesNotCirculated = "committee.minutes-not-circulated";
    public const string TooManyComments = "committee.too-many-comments";
}
