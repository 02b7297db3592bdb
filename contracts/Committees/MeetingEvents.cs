using System.Text.Json.Serialization;

namespace NetworkHub.Contracts.Committees;

/// <summary>
/// What changed at a meeting. In JSON the kind is the "type" property, e.g. "tally-changed". A secret ballot's changes
/// never name a seat next to a choice.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.MeetingChange")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MeetingStatusChanged), "meeting-status-changed")]
[JsonDerivedType(typeof(MeetingAgendaChanged), "meeting-agenda-changed")]
[JsonDerivedType(typeof(AttendanceRecorded), "attendance-recorded")]
[JsonDerivedType(typeof(ProxyGiven), "proxy-given")]
[JsonDerivedType(typeof(ProxyRevoked), "proxy-revoked")]
[JsonDerivedType(typeof(MotionChanged), "motion-changed")]
[JsonDerivedType(typeof(VoteOpened), "vote-opened")]
[JsonDerivedType(typeof(TallyChanged), "tally-changed")]
[JsonDerivedType(typeof(VoteClosed), "vote-closed")]
[JsonDerivedType(typeof(WatcherAccessEnded), "access-ended")]
public abstract record MeetingChange;

[GenerateSerializer, Alias("NetworkHub.MeetingStatusChanged")]
public sealed record MeetingStatusChanged([property: Id(0)] MeetingStatus Status) : MeetingChange;

[GenerateSerializer, Alias("NetworkHub.MeetingAgendaChanged")]
public sealed record MeetingAgendaChanged([property: Id(0)] IReadOnlyList<MeetingAgendaItem> Agenda) : MeetingChange;

/// <summary>The secretary recorded a seat's attendance; the quorum as it stands after it.</summary>
[GenerateSerializer, Alias("NetworkHub.AttendanceRecorded")]
public sealed record AttendanceRecorded(
    [property: Id(0)] Guid SeatId,
    [property: Id(1)] AttendanceStatus Status,
    [property: Id(2)] int PresentAllotments,
    [property: Id(3)] int QuorumRequired,
    [property: Id(4)] bool QuorumMet) : MeetingChange;

[GenerateSerializer, Alias("NetworkHub.ProxyGiven")]
public sealed record ProxyGiven([property: Id(0)] Guid SeatId, [property: Id(1)] Guid HolderSeatId) : MeetingChange;

[GenerateSerializer, Alias("NetworkHub.ProxyRevoked")]
public sealed record ProxyRevoked([property: Id(0)] Guid SeatId, [property: Id(1)] Guid HolderSeatId) : MeetingChange;

/// <summary>A motion was moved, seconded, amended, put to the vote, decided or numbered: its whole view.</summary>
[GenerateSerializer, Alias("NetworkHub.MotionChanged")]
public sealed record MotionChanged([property: Id(0)] MotionView Motion) : MeetingChange;

[GenerateSerializer, Alias("NetworkHub.VoteOpened")]
public sealed record VoteOpened(
    [property: Id(0)] Guid VoteId,
    [property: Id(1)] Guid MotionId,
    [property: Id(2)] Guid? AmendmentId,
    [property: Id(3)] VotingMethod Method,
    [property: Id(4)] BallotKind Ballot) : MeetingChange;

/// <summary>
/// One seat's vote was cast or changed: the seat, and for an open ballot its choice (replacing an earlier one) and the
/// totals after it; a secret ballot's totals wait for the close. One seat per event, not the whole tally, so that an
/// assembly's events stay small however many seats have voted: the meeting's view holds the whole tally.
/// </summary>
/// <remarks>Id(1) held the whole tally and is not used again.</remarks>
[GenerateSerializer, Alias("NetworkHub.TallyChanged")]
public sealed record TallyChanged(
    [property: Id(0)] Guid VoteId,
    [property: Id(2)] VotedSeat Seat,
    [property: Id(3)] SeatChoice? Choice,
    [property: Id(4)] VoteTotals? Totals,
    [property: Id(5)] int RespondedAllotments) : MeetingChange;

/// <summary>
/// A vote closed with its result (a secret ballot's totals appear here first); <see cref="DecisionNumber"/> once the
/// register has numbered an adopted motion. Who voted, and how in an open ballot, came one seat at a time in
/// <see cref="TallyChanged"/>: repeating it here made the close of a 500-seat vote 86 KB to every watcher.
/// </summary>
/// <remarks>Id(2) held the whole tally and is not used again.</remarks>
[GenerateSerializer, Alias("NetworkHub.VoteClosed")]
public sealed record VoteClosed(
    [property: Id(0)] Guid VoteId,
    [property: Id(1)] VoteResult Result,
    [property: Id(3)] string? DecisionNumber) : MeetingChange;
