using NetworkHub.Contracts.Committees;

namespace NetworkHub.Contracts.LiveSessions;

/// <summary>
/// The part of the session to propose from: an item's breakout summary (<see cref="RoomId"/>), broadly agreed
/// statement (<see cref="StatementId"/>), poll result or outcome.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.ProposalSource")]
public sealed record ProposalSource(
    [property: Id(0)] ProposalSourceKind Kind,
    [property: Id(1)] Guid ItemId,
    [property: Id(2)] Guid? RoomId = null,
    [property: Id(3)] Guid? StatementId = null);

/// <summary>
/// A facilitator's proposal to a committee from the session. The title defaults to the agenda item's, the text to the
/// quoted source; an action item's assignee to the proposer.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.SessionProposalCommand")]
public sealed record SessionProposalCommand(
    [property: Id(0)] Guid CommitteeId,
    [property: Id(1)] ProposalKind Kind,
    [property: Id(2)] ProposalSource Source,
    [property: Id(3)] string? Title = null,
    [property: Id(4)] string? Text = null,
    [property: Id(5)] ActionItemAssignee? Assignee = null);
