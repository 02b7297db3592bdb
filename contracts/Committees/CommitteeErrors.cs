namespace NetworkHub.Contracts.Committees;

/// <summary>Error codes of committees, their meetings and votes. Stable strings, as <c>ErrorCodes</c>.</summary>
public static class CommitteeErrors
{
    public const string NotFound = "committee.not-found";
    public const string MeetingNotFound = "committee.meeting-not-found";
    public const string SeatNotFound = "committee.seat-not-found";
    public const string DecisionNotFound = "committee.decision-not-found";
    public const string NotOrganisationCoordinator = "committee.not-organisation-coordinator";
    public const string NotSecretary = "committee.not-secretary";
    public const string NoVotingSeat = "committee.no-voting-seat";
    public const string VoteClosed = "committee.vote-closed";

    /// <summary>A quorum or proxy setting outside its range (see <see cref="CommitteeLimits"/>).</summary>
    public const string InvalidRules = "committee.invalid-rules";

    /// <summary>A code must be 2 to 10 capital letters or digits.</summary>
    public const string InvalidCode = "committee.invalid-code";

    /// <summary>The organisation already holds a seat here, or is invited to one.</summary>
    public const string SeatTaken = "committee.seat-taken";

    public const string TooManySeats = "committee.too-many-seats";

    /// <summary>The seat is not in the state the action needs (accepting a seat that is not offered, changing an ended one).</summary>
    public const string SeatNotOpen = "committee.seat-not-open";

    /// <summary>A vote allotment or term outside what a seat may have.</summary>
    public const string InvalidSeat = "committee.invalid-seat";

    /// <summary>A representative or alternate must belong to the holding organisation (member or coordinator).</summary>
    public const string NotOrganisationPerson = "committee.not-organisation-person";

    /// <summary>Office holders are people with a role in the committee, or representatives or alternates of its seats.</summary>
    public const string NotInCommittee = "committee.office-holder-not-in-committee";

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
    public const string ProposalNotFound = "committee.proposal-not-found";

    /// <summary>The proposal was moved at a meeting already, or is an action item, not a draft motion.</summary>
    public const string ProposalTaken = "committee.proposal-taken";

    public const string TooManyProposals = "committee.too-many-proposals";
}

/// <summary>Limits of committees, shared by request validation and the grain.</summary>
public static class CommitteeLimits
{
    public const int CodeMinLength = 2;
    public const int CodeMaxLength = 10;
    public const string CodePattern = "^[A-Z0-9]{2,10}$";
    public const int MaxProxiesPerHolder = 10;
    public const int AllotmentMax = 100;
    public const int MaxCoChairs = 10;

    /// <summary>Seats kept, ended ones included; declined and ended seats beyond it are pruned, oldest first.</summary>
    public const int SeatsMax = 1_000;

    /// <summary>Meetings in the committee's list: the most recent by start.</summary>
    public const int MeetingsKept = 500;

    /// <summary>Draft motions waiting for a meeting; further proposals are refused until one is moved.</summary>
    public const int ProposalsOpenMax = 200;

    /// <summary>Moved, decided and action-item proposals kept; beyond it the oldest are dropped.</summary>
    public const int ProposalsClosedKept = 500;
}

/// <summary>Audit actions of committees, beside <c>AuditActions</c>. Stable strings.</summary>
public static class CommitteeAuditActions
{
    public const string OfficesChanged = "committee.offices-changed";
    public const string SeatInvited = "seat.invited";
    public const string SeatAccepted = "seat.accepted";
    public const string SeatDeclined = "seat.declined";
    public const string SeatPeopleNamed = "seat.people-named";
    public const string SeatSteppedDown = "seat.stepped-down";
    public const string SeatChanged = "seat.changed";
    public const string SeatEnded = "seat.ended";
    public const string SeatTermEnded = "seat.term-ended";
    public const string MeetingAdopted = "meeting.adopted";
}
