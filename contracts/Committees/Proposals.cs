using NetworkHub.Contracts.Access;

namespace NetworkHub.Contracts.Committees;

/// <summary>What a proposal becomes: a motion for one of the committee's meetings, or an action item at once.</summary>
public enum ProposalKind
{
    Motion = 0,
    ActionItem = 1,
}

/// <summary>The part of a live session a proposal quotes.</summary>
public enum ProposalSourceKind
{
    /// <summary>A breakout room's rapporteur summary (needs the room).</summary>
    Summary = 0,

    /// <summary>A statement that every opinion group broadly agrees with (needs the statement).</summary>
    Statement = 1,

    /// <summary>A poll's result.</summary>
    Poll = 2,

    /// <summary>An item's recorded outcome.</summary>
    Outcome = 3,
}

/// <summary>
/// Where a proposal came from: the session, its agenda item, the source within it (<see cref="SourceId"/>: the room of a
/// summary or the statement) and the text it quoted when it was made, kept as it was then.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.ProposalOrigin")]
public sealed record ProposalOrigin(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] Guid ItemId,
    [property: Id(2)] ProposalSourceKind SourceKind,
    [property: Id(3)] Guid? SourceId,
    [property: Id(4)] string Quote);

/// <summary>What the session hands the committee. The action item's assignee is the proposer when none is given.</summary>
[GenerateSerializer, Alias("NetworkHub.ProposalDraft")]
public sealed record ProposalDraft(
    [property: Id(0)] ProposalKind Kind,
    [property: Id(1)] string Title,
    [property: Id(2)] string Text,
    [property: Id(3)] ProposalOrigin Origin,
    [property: Id(4)] ActionItemAssignee? Assignee = null);

public enum ProposalStatus
{
    /// <summary>A draft motion waiting for the chair or secretary to put it on a meeting.</summary>
    Draft = 0,

    /// <summary>Moved at a meeting (<see cref="Proposal.MotionId"/>), not yet decided.</summary>
    Moved = 1,

    /// <summary>Adopted and numbered (<see cref="Proposal.DecisionNumber"/>).</summary>
    Decided = 2,

    /// <summary>Became the action item <see cref="Proposal.ActionItemId"/>.</summary>
    ActionItem = 3,

    /// <summary>Its motion was put to the vote and not adopted (a vote without quorum decides nothing and leaves it moved).</summary>
    Rejected = 4,

    /// <summary>Withdrawn by the chair, a co-chair, the secretary or a coordinator before any meeting moved it.</summary>
    Withdrawn = 5,
}

[GenerateSerializer, Alias("NetworkHub.Proposal")]
public sealed record Proposal(
    [property: Id(0)] Guid ProposalId,
    [property: Id(1)] Guid CommitteeId,
    [property: Id(2)] ProposalKind Kind,
    [property: Id(3)] string Title,
    [property: Id(4)] string Text,
    [property: Id(5)] ProposalOrigin Origin,
    [property: Id(6)] ProposalStatus Status,
    [property: Id(7)] Guid? MeetingId,
    [property: Id(8)] Guid? MotionId,
    [property: Id(9)] Guid? ActionItemId,
    [property: Id(10)] string? DecisionNumber,
    [property: Id(11)] Guid ProposedBy,
    [property: Id(12)] DateTimeOffset ProposedAt);

/// <summary>What became of a proposal's motion: <see cref="DecisionNumber"/> once adopted and numbered; <see cref="Rejected"/> once voted down.</summary>
[GenerateSerializer, Alias("NetworkHub.ProposalProgress")]
public sealed record ProposalProgress(
    [property: Id(0)] Guid MeetingId,
    [property: Id(1)] Guid MotionId,
    [property: Id(2)] string? DecisionNumber,
    [property: Id(3)] bool Rejected = false);

/// <summary>
/// A committee's proposals from live sessions (keyed by the committee's id): draft motions until the chair or secretary
/// moves one at a meeting, and the action items made straight from a session. Asks the committee who the caller is on
/// every call: a committee the caller cannot see answers not-found here too. The chair, co-chairs, secretary and the
/// committee's coordinators propose; the session has checked beforehand that they facilitate it and taken the quote.
/// </summary>
[Alias("NetworkHub.IProposalsGrain")]
public interface IProposalsGrain : IGrainWithGuidKey
{
    /// <summary>
    /// <paramref name="proposalId"/> is chosen by the API (from the idempotency key): the same person repeating it gets
    /// the proposal as it is. An action item is added to the committee's action items under the same id.
    /// </summary>
    Task<Proposal> DraftAsync(Caller caller, Guid proposalId, ProposalDraft draft);

    [ReadOnly] Task<Proposal> GetAsync(Caller caller, Guid proposalId);

    /// <summary>For people who see inside the committee; newest first.</summary>
    [ReadOnly] Task<IReadOnlyList<Proposal>> ListAsync(Caller caller);

    /// <summary>The proposals made from one session, oldest first; empty for a caller who cannot see inside the committee.</summary>
    [ReadOnly] Task<IReadOnlyList<Proposal>> FromSessionAsync(Caller caller, Guid sessionId);

    /// <summary>
    /// A draft motion nobody has moved yet is dropped (it stays listed as withdrawn); again is harmless. Those who may
    /// propose here withdraw.
    /// </summary>
    Task<Proposal> WithdrawAsync(Caller caller, Guid proposalId);

    /// <summary>The meeting's hand-off: its motion from this proposal was moved, or decided. Repeatable.</summary>
    Task ProgressAsync(Guid proposalId, ProposalProgress progress);

    /// <summary>For erasure only: the person becomes <paramref name="formerId"/> as the proposer; the quotes stay, as the session keeps them.</summary>
    Task ErasePersonAsync(Guid personId, Guid formerId);
}
