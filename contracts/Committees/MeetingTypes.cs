namespace NetworkHub.Contracts.Committees;

/// <summary>
/// A paper for an agenda item: a document stored here (<see cref="DocumentId"/>), which readers open if they may see it,
/// or an https link elsewhere (<see cref="Url"/>); exactly one of the two.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.MeetingPaper")]
public sealed record MeetingPaper(
    [property: Id(0)] string Title,
    [property: Id(1)] string? Url,
    [property: Id(2)] Guid? DocumentId = null);

/// <summary>An item of a meeting's agenda. <see cref="Id"/> is kept across agenda updates so motions stay on their item.</summary>
[GenerateSerializer, Alias("NetworkHub.MeetingAgendaItem")]
public sealed record MeetingAgendaItem(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Title,
    [property: Id(2)] Guid? Presenter,
    [property: Id(3)] IReadOnlyList<MeetingPaper> Papers);

/// <summary>An agenda item as the secretary writes it; without an id it is a new item.</summary>
[GenerateSerializer, Alias("NetworkHub.MeetingAgendaItemDraft")]
public sealed record MeetingAgendaItemDraft(
    [property: Id(0)] Guid? Id,
    [property: Id(1)] string Title,
    [property: Id(2)] Guid? Presenter,
    [property: Id(3)] IReadOnlyList<MeetingPaper>? Papers);

/// <summary>
/// What scheduling a meeting asks for. <see cref="TimeZone"/> is an IANA name; <see cref="Deadline"/> is required for a
/// written procedure (when its votes close by themselves) and ignored otherwise.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.MeetingPlan")]
public sealed record MeetingPlan(
    [property: Id(0)] string Title,
    [property: Id(1)] MeetingType Type,
    [property: Id(2)] DateTimeOffset StartsAt,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] string? Place,
    [property: Id(5)] string? OnlineLink,
    [property: Id(6)] DateTimeOffset? Deadline,
    [property: Id(7)] IReadOnlyList<MeetingAgendaItemDraft>? Agenda);

[GenerateSerializer, Alias("NetworkHub.SeatAttendance")]
public sealed record SeatAttendance([property: Id(0)] Guid SeatId, [property: Id(1)] AttendanceStatus Status);

/// <summary>Quorum as it stands now: the voting allotments present against those required.</summary>
[GenerateSerializer, Alias("NetworkHub.QuorumState")]
public sealed record QuorumState(
    [property: Id(0)] int PresentAllotments,
    [property: Id(1)] int VotingAllotments,
    [property: Id(2)] int Required,
    [property: Id(3)] bool Met);

/// <summary>A seat's proxy for this meeting or written procedure, carried by <see cref="HolderSeatId"/>.</summary>
[GenerateSerializer, Alias("NetworkHub.MeetingProxy")]
public sealed record MeetingProxy(
    [property: Id(0)] Guid SeatId,
    [property: Id(1)] Guid HolderSeatId,
    [property: Id(2)] DateTimeOffset GivenAt);

public enum MotionStatus
{
    /// <summary>Moved, waiting for a second.</summary>
    Proposed = 0,
    Seconded = 1,
    Voting = 2,
    Adopted = 3,
    Rejected = 4,
}

/// <summary>One wording of a motion: the first as moved, then one per adopted amendment, with the seat that moved it.</summary>
[GenerateSerializer, Alias("NetworkHub.MotionVersion")]
public sealed record MotionVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] string Text,
    [property: Id(2)] Guid? AmendmentId,
    [property: Id(3)] Guid? AuthorSeatId,
    [property: Id(4)] DateTimeOffset At);

[GenerateSerializer, Alias("NetworkHub.AmendmentView")]
public sealed record AmendmentView(
    [property: Id(0)] Guid AmendmentId,
    [property: Id(1)] string Text,
    [property: Id(2)] string? Note,
    [property: Id(3)] Guid MoverSeatId,
    [property: Id(4)] Guid? SeconderSeatId,
    [property: Id(5)] MotionStatus Status,
    [property: Id(6)] DateTimeOffset ProposedAt,
    [property: Id(7)] int BasedOnVersion);

/// <summary>
/// A motion with its amendments and text history. <see cref="DecisionPending"/>: adopted, and the register has not
/// numbered it yet; <see cref="DecisionNumber"/> once it has.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.MotionView")]
public sealed record MotionView(
    [property: Id(0)] Guid MotionId,
    [property: Id(1)] Guid? AgendaItemId,
    [property: Id(2)] string Title,
    [property: Id(3)] string Text,
    [property: Id(4)] Guid MoverSeatId,
    [property: Id(5)] Guid? SeconderSeatId,
    [property: Id(6)] MotionStatus Status,
    [property: Id(7)] IReadOnlyList<MotionVersion> History,
    [property: Id(8)] IReadOnlyList<AmendmentView> Amendments,
    [property: Id(9)] bool DecisionPending,
    [property: Id(10)] string? DecisionNumber,
    [property: Id(11)] DateTimeOffset ProposedAt,
    [property: Id(12)] Guid? ApprovesMinutesOf = null,
    [property: Id(13)] Guid? FromProposal = null,
    [property: Id(14)] ProposalOrigin? Origin = null);

/// <summary>A seat that has voted, and whether its vote was cast by the holder of its proxy.</summary>
[GenerateSerializer, Alias("NetworkHub.VotedSeat")]
public sealed record VotedSeat([property: Id(0)] Guid SeatId, [property: Id(1)] bool ByProxy);

/// <summary>How one seat voted: open ballots only. <see cref="Reason"/> is a consensus objection's reason.</summary>
[GenerateSerializer, Alias("NetworkHub.SeatChoice")]
public sealed record SeatChoice(
    [property: Id(0)] Guid SeatId,
    [property: Id(1)] BallotChoice Choice,
    [property: Id(2)] int Allotment,
    [property: Id(3)] bool ByProxy,
    [property: Id(4)] string? Reason);

public enum VoteStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>
/// The tally of a vote. <see cref="Totals"/> are allotments by choice; for a secret ballot they are withheld (null)
/// until the close, because totals that move as each seat is added to <see cref="Voted"/> would tell who voted how.
/// <see cref="Choices"/> is filled for open ballots only.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.VoteTally")]
public sealed record VoteTally(
    [property: Id(0)] VoteTotals? Totals,
    [property: Id(1)] int RespondedAllotments,
    [property: Id(2)] IReadOnlyList<VotedSeat> Voted,
    [property: Id(3)] IReadOnlyList<SeatChoice> Choices);

/// <summary>
/// A vote on a motion, or on one of its amendments when <see cref="AmendmentId"/> is set. <see cref="Objections"/>:
/// under consensus in a secret ballot, the reasons given (without their seats).
/// </summary>
[GenerateSerializer, Alias("NetworkHub.VoteView")]
public sealed record VoteView(
    [property: Id(0)] Guid VoteId,
    [property: Id(1)] Guid MotionId,
    [property: Id(2)] Guid? AmendmentId,
    [property: Id(3)] VotingMethod Method,
    [property: Id(4)] BallotKind Ballot,
    [property: Id(5)] VoteStatus Status,
    [property: Id(6)] DateTimeOffset OpenedAt,
    [property: Id(7)] DateTimeOffset? ClosedAt,
    [property: Id(8)] VoteTally Tally,
    [property: Id(9)] VoteResult? Result,
    [property: Id(10)] string? DecisionNumber,
    [property: Id(11)] IReadOnlyList<string> Objections);

/// <summary>What the caller may do at this meeting: the offices they hold and the seats they may vote for now.</summary>
[GenerateSerializer, Alias("NetworkHub.MeetingStanding")]
public sealed record MeetingStanding(
    [property: Id(0)] bool RunsMeeting,
    [property: Id(1)] bool Secretary,
    [property: Id(2)] IReadOnlyList<Guid> RepresentedSeats,
    [property: Id(3)] IReadOnlyList<VotedSeat> CastingSeats);

/// <summary>The whole meeting as anyone who sees inside the committee sees it.</summary>
[GenerateSerializer, Alias("NetworkHub.MeetingView")]
public sealed record MeetingView(
    [property: Id(0)] Guid MeetingId,
    [property: Id(1)] Guid CommitteeId,
    [property: Id(2)] string Title,
    [property: Id(3)] MeetingType Type,
    [property: Id(4)] MeetingStatus Status,
    [property: Id(5)] DateTimeOffset StartsAt,
    [property: Id(6)] string TimeZone,
    [property: Id(7)] string? Place,
    [property: Id(8)] string? OnlineLink,
    [property: Id(9)] DateTimeOffset? Deadline,
    [property: Id(10)] IReadOnlyList<MeetingAgendaItem> Agenda,
    [property: Id(11)] IReadOnlyList<SeatAttendance> Attendance,
    [property: Id(12)] QuorumState Quorum,
    [property: Id(13)] IReadOnlyList<MeetingProxy> Proxies,
    [property: Id(14)] IReadOnlyList<MotionView> Motions,
    [property: Id(15)] IReadOnlyList<VoteView> Votes,
    [property: Id(16)] int Version,
    [property: Id(17)] long Sequence,
    [property: Id(18)] MeetingStanding You);

/// <summary>Limits of a meeting, in the contract so clients check them before sending.</summary>
public static class MeetingLimits
{
    public const int TitleMaxLength = 200;
    public const int PlaceMaxLength = 500;
    public const int UrlMaxLength = 2_000;
    public const int AgendaMaxItems = 50;
    public const int PapersPerItem = 20;
    public const int MotionTextMaxLength = 20_000;
    public const int AmendmentNoteMaxLength = 2_000;
    public const int ObjectionReasonMaxLength = 2_000;
    public const int MaxMotions = 200;
    public const int MaxAmendmentsPerMotion = 50;
    public const int MaxTextVersions = 100;
    public const int MaxVotes = 500;
}

/// <summary>
/// A motion as moved. The mover's representative names their own seat; the chair or secretary may record any seats.
/// <see cref="AgendaItemId"/> is required at a sitting and optional in a written procedure. <see cref="ApprovesMinutesOf"/>:
/// the meeting of the same committee whose circulated minutes this motion approves; adopted, it makes them read-only.
/// <see cref="FromProposal"/>: the committee's draft motion from a live session that this motion moves; the motion
/// carries its origin, and the proposal learns the motion and, once adopted, its decision number.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.MotionDraft")]
public sealed record MotionDraft(
    [property: Id(0)] Guid? AgendaItemId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Text,
    [property: Id(3)] Guid MoverSeatId,
    [property: Id(4)] Guid? SeconderSeatId,
    [property: Id(5)] Guid? ApprovesMinutesOf = null,
    [property: Id(6)] Guid? FromProposal = null);

/// <summary>An amendment: the motion's full new text, and why.</summary>
[GenerateSerializer, Alias("NetworkHub.AmendmentDraft")]
public sealed record AmendmentDraft(
    [property: Id(0)] string Text,
    [property: Id(1)] string? Note,
    [property: Id(2)] Guid MoverSeatId,
    [property: Id(3)] Guid? SeconderSeatId);

/// <summary>Puts a motion, or one of its amendments, to the vote. Without a method the committee's default applies.</summary>
[GenerateSerializer, Alias("NetworkHub.OpenVoteCommand")]
public sealed record OpenVoteCommand(
    [property: Id(0)] Guid MotionId,
    [property: Id(1)] Guid? AmendmentId,
    [property: Id(2)] VotingMethod? Method,
    [property: Id(3)] BallotKind Ballot);

/// <summary>A vote for one seat. <see cref="Reason"/> is required for a no under consensus (an objection).</summary>
[GenerateSerializer, Alias("NetworkHub.CastVoteCommand")]
public sealed record CastVoteCommand(
    [property: Id(0)] Guid SeatId,
    [property: Id(1)] BallotChoice Choice,
    [property: Id(2)] string? Reason);

/// <summary>Error codes of meetings beside <see cref="CommitteeErrors"/>. Stable strings.</summary>
public static class MeetingErrors
{
    /// <summary>A field outside its limits or form (a title, a time zone, a link that is not https, a deadline in the past).</summary>
    public const string InvalidInput = "meeting.invalid-input";

    /// <summary>Another meeting, or someone else's, already has this id.</summary>
    public const string Exists = "meeting.exists";

    /// <summary>The meeting is not in the status the action needs (voting at a closed meeting, starting a cancelled one).</summary>
    public const string WrongStatus = "meeting.wrong-status";

    public const string MotionNotFound = "meeting.motion-not-found";
    public const string AmendmentNotFound = "meeting.amendment-not-found";
    public const string VoteNotFound = "meeting.vote-not-found";
    public const string AgendaItemNotFound = "meeting.agenda-item-not-found";

    /// <summary>The caller acts for none of the seats named (mover, seconder, the seat giving its proxy).</summary>
    public const string NotSeatRepresentative = "meeting.not-seat-representative";

    /// <summary>The motion or amendment is not in the state the action needs (seconding a seconded one, voting an unseconded one).</summary>
    public const string MotionNotOpen = "meeting.motion-not-open";

    /// <summary>An amendment to the motion is undecided: amendments are voted first.</summary>
    public const string AmendmentPending = "meeting.amendment-pending";

    /// <summary>Proxies are fixed once the meeting's first vote has opened.</summary>
    public const string VotingStarted = "meeting.voting-started";

    /// <summary>The holder already carries as many proxies as the committee allows.</summary>
    public const string TooManyProxies = "meeting.too-many-proxies";

    /// <summary>A seat that gave its proxy cannot carry one, and a seat carrying proxies cannot give its own.</summary>
    public const string ProxyChain = "meeting.proxy-chain";

    /// <summary>A secret ballot's vote is final: changing it would need the link between seat and choice that is never kept.</summary>
    public const string SecretVoteFinal = "meeting.secret-vote-final";

    /// <summary>Under consensus a no is an objection and needs its reason.</summary>
    public const string ObjectionReasonRequired = "meeting.objection-reason-required";

    /// <summary>The amendment was drafted on a wording of the motion that another adopted amendment has since replaced.</summary>
    public const string AmendmentOutdated = "meeting.amendment-outdated";

    /// <summary>Too many motions, amendments or votes at one meeting (see <see cref="MeetingLimits"/>).</summary>
    public const string TooMany = "meeting.too-many";
}

/// <summary>Audit actions of meetings. Ids only in their lines; never a choice.</summary>
public static class MeetingAuditActions
{
    public const string Scheduled = "meeting.scheduled";
    public const string AgendaChanged = "meeting.agenda-changed";
    public const string Started = "meeting.started";
    public const string Closed = "meeting.closed";
    public const string Cancelled = "meeting.cancelled";
    public const string AttendanceRecorded = "meeting.attendance-recorded";
    public const string ProxyGiven = "meeting.proxy-given";
    public const string ProxyRevoked = "meeting.proxy-revoked";
    public const string MotionProposed = "motion.proposed";
    public const string MotionSeconded = "motion.seconded";
    public const string AmendmentProposed = "amendment.proposed";
    public const string AmendmentSeconded = "amendment.seconded";
    public const string VoteOpened = "vote.opened";
    public const string VoteCast = "vote.cast";
    public const string VoteClosed = "vote.closed";
    public const string DecisionRecorded = "decision.recorded";
}
