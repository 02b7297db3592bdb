using NetworkHub.Contracts.Committees;

namespace NetworkHub.Contracts.LiveSessions;

/// <summary>
/// Everything a client needs to draw the session as of event <see cref="Sequence"/>: the snapshot a client gets
/// when it joins or is too far behind to catch up event by event, and the live state integrators read over REST.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.LiveSessionView")]
public sealed record LiveSessionView(
    [property: Id(0)] LiveSessionDetails Details,
    [property: Id(1)] long Sequence,
    [property: Id(2)] IReadOnlyList<PresentPerson> Present,
    [property: Id(3)] IReadOnlyList<OrganisationCount> Organisations,
    [property: Id(4)] IReadOnlyList<Guid> Muted,
    [property: Id(5)] IReadOnlyList<ItemContent> Items);

/// <summary>
/// After closing: what happened, for the record and its Markdown and JSON exports. <see cref="Proposals"/>: what was
/// proposed to committees from it and what became of it, for committees the reader may look into.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.LiveSessionRecord")]
public sealed record LiveSessionRecord(
    [property: Id(0)] LiveSessionDetails Details,
    [property: Id(1)] IReadOnlyList<ItemContent> Items,
    [property: Id(2)] IReadOnlyList<AttendanceEntry> Attendance,
    [property: Id(3)] IReadOnlyList<Proposal> Proposals);

/// <summary>
/// Someone in the session now, by the name they show here: the real name in a members-only or private forum, where
/// everyone watching is a fellow member, else their pseudonym when they chose one. Organisations are public ones only.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.PresentPerson")]
public sealed record PresentPerson(
    [property: Id(0)] Guid PersonId,
    [property: Id(1)] string Name,
    [property: Id(2)] LiveSessionRole Role,
    [property: Id(3)] IReadOnlyList<SessionOrganisation> Organisations);

[GenerateSerializer, Alias("NetworkHub.SessionOrganisation")]
public sealed record SessionOrganisation([property: Id(0)] Guid Id, [property: Id(1)] string Name);

[GenerateSerializer, Alias("NetworkHub.OrganisationCount")]
public sealed record OrganisationCount([property: Id(0)] Guid OrganisationId, [property: Id(1)] string Name, [property: Id(2)] int Present);

[GenerateSerializer, Alias("NetworkHub.AttendanceEntry")]
public sealed record AttendanceEntry([property: Id(0)] Guid PersonId, [property: Id(1)] string Name, [property: Id(2)] DateTimeOffset FirstJoinedAt);

/// <summary>What happened under one agenda item. Only the parts its format uses are filled in.</summary>
[GenerateSerializer, Alias("NetworkHub.ItemContent")]
public sealed record ItemContent(
    [property: Id(0)] Guid ItemId,
    [property: Id(1)] IReadOnlyList<Contribution> Contributions,
    [property: Id(2)] SpeakingQueueView? Queue,
    [property: Id(3)] PollResult? Poll,
    [property: Id(4)] IReadOnlyList<StatementTally> Statements,
    [property: Id(5)] StatementResults? StatementResults,
    [property: Id(6)] IReadOnlyList<BreakoutRoom> Rooms,
    [property: Id(7)] string? Outcome);

[GenerateSerializer, Alias("NetworkHub.Contribution")]
public sealed record Contribution(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid ItemId,
    [property: Id(2)] Guid? RoomId,
    [property: Id(3)] Guid AuthorId,
    [property: Id(4)] string AuthorName,
    [property: Id(5)] string Text,
    [property: Id(6)] Guid? ReplyTo,
    [property: Id(7)] DateTimeOffset At,
    [property: Id(8)] IReadOnlyList<ReactionCount> Reactions);

[GenerateSerializer, Alias("NetworkHub.ReactionCount")]
public sealed record ReactionCount([property: Id(0)] string Reaction, [property: Id(1)] int Count);

/// <summary>Hands raised in order, who has the floor and until when.</summary>
[GenerateSerializer, Alias("NetworkHub.SpeakingQueueView")]
public sealed record SpeakingQueueView(
    [property: Id(0)] IReadOnlyList<Guid> Waiting,
    [property: Id(1)] Guid? Speaker,
    [property: Id(2)] DateTimeOffset? SpeakerEndsAt);

/// <summary>
/// The tally of a poll: one count per option, and how many people voted. Who chose what is shown only for a poll
/// that is not anonymous, and only once it has closed.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.PollResult")]
public sealed record PollResult(
    [property: Id(0)] IReadOnlyList<string> Options,
    [property: Id(1)] IReadOnlyList<int> Counts,
    [property: Id(2)] int Voters,
    [property: Id(3)] bool Closed,
    [property: Id(4)] IReadOnlyList<PollBallot>? Ballots = null);

[GenerateSerializer, Alias("NetworkHub.PollBallot")]
public sealed record PollBallot([property: Id(0)] Guid PersonId, [property: Id(1)] IReadOnlyList<int> Choices);

/// <summary>A statement and its live tally. Statements are shown without their author.</summary>
[GenerateSerializer, Alias("NetworkHub.StatementTally")]
public sealed record StatementTally(
    [property: Id(0)] Guid StatementId,
    [property: Id(1)] string Text,
    [property: Id(2)] int Agree,
    [property: Id(3)] int Disagree,
    [property: Id(4)] int Pass);

/// <summary>
/// When a statements item closes: the statements every opinion group broadly agrees with, and the groups.
/// Groups are shown by size and stance only; who is in which group is not published.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.StatementResults")]
public sealed record StatementResults(
    [property: Id(0)] IReadOnlyList<Guid> BroadAgreement,
    [property: Id(1)] IReadOnlyList<OpinionGroup> Groups);

[GenerateSerializer, Alias("NetworkHub.OpinionGroup")]
public sealed record OpinionGroup(
    [property: Id(0)] int Index,
    [property: Id(1)] int Size,
    [property: Id(2)] IReadOnlyList<GroupStance> Stances);

/// <summary>How much of a group agreed with a statement, of those in the group who voted on it.</summary>
[GenerateSerializer, Alias("NetworkHub.GroupStance")]
public sealed record GroupStance(
    [property: Id(0)] Guid StatementId,
    [property: Id(1)] double AgreeShare,
    [property: Id(2)] double DisagreeShare,
    [property: Id(3)] int Voters);

[GenerateSerializer, Alias("NetworkHub.BreakoutRoom")]
public sealed record BreakoutRoom(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<Guid> Members,
    [property: Id(3)] Guid? Rapporteur,
    [property: Id(4)] DateTimeOffset EndsAt,
    [property: Id(5)] string? Summary);
