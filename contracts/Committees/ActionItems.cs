using NetworkHub.Contracts.Access;

namespace NetworkHub.Contracts.Committees;

public enum ActionItemStatus
{
    Open = 0,
    InProgress = 1,
    Done = 2,
    Dropped = 3,
}

/// <summary>Who owes an action: a person, or a seat (whoever represents it or stands in for it at the time).</summary>
[GenerateSerializer, Alias("NetworkHub.ActionItemAssignee")]
public sealed record ActionItemAssignee(
    [property: Id(0)] Guid? PersonId,
    [property: Id(1)] Guid? SeatId);

/// <summary>
/// What an action item says. <see cref="MeetingId"/> and <see cref="DecisionNumber"/> name where it came from;
/// <see cref="Origin"/> the live session it was proposed from, set when it is added and kept by later updates.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.ActionItemCommand")]
public sealed record ActionItemCommand(
    [property: Id(0)] string Title,
    [property: Id(1)] string? Notes,
    [property: Id(2)] ActionItemAssignee Assignee,
    [property: Id(3)] DateTimeOffset? DueAt,
    [property: Id(4)] Guid? MeetingId,
    [property: Id(5)] string? DecisionNumber,
    [property: Id(6)] ProposalOrigin? Origin = null);

/// <summary>
/// An action item of a committee. <see cref="Overdue"/>: still open or in progress after its due time.
/// <see cref="OverdueNoticedAt"/>: when the committee's due reminder found it overdue (notifications start from it).
/// </summary>
[GenerateSerializer, Alias("NetworkHub.ActionItem")]
public sealed record ActionItem(
    [property: Id(0)] Guid ItemId,
    [property: Id(1)] Guid CommitteeId,
    [property: Id(2)] string Title,
    [property: Id(3)] string? Notes,
    [property: Id(4)] ActionItemAssignee Assignee,
    [property: Id(5)] DateTimeOffset? DueAt,
    [property: Id(6)] ActionItemStatus Status,
    [property: Id(7)] Guid? MeetingId,
    [property: Id(8)] string? DecisionNumber,
    [property: Id(9)] Guid CreatedBy,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset UpdatedAt,
    [property: Id(12)] bool Overdue,
    [property: Id(13)] DateTimeOffset? OverdueNoticedAt,
    [property: Id(14)] int Version,
    [property: Id(15)] ProposalOrigin? Origin = null);

/// <summary>Which items a list shows: all, one status, or only the overdue ones.</summary>
[GenerateSerializer, Alias("NetworkHub.ActionItemFilter")]
public sealed record ActionItemFilter(
    [property: Id(0)] ActionItemStatus? Status = null,
    [property: Id(1)] bool OverdueOnly = false);

/// <summary>
/// The action items of one committee (keyed by the committee's id), from its meetings and decisions. Asks the committee
/// who the caller is on every call: a committee the caller cannot see answers not-found here too.
/// </summary>
[Alias("NetworkHub.IActionItemsGrain")]
public interface IActionItemsGrain : IGrainWithGuidKey
{
    /// <summary>
    /// The chair, co-chairs, secretary and the committee's coordinators add items. <paramref name="itemId"/> is chosen by
    /// the API (from the idempotency key): adding it again by the same person returns the item as it is.
    /// </summary>
    Task<ActionItem> AddAsync(Caller caller, Guid itemId, ActionItemCommand command);

    /// <summary>Those who add items change them; <paramref name="expectedVersion"/> as If-Match.</summary>
    Task<ActionItem> UpdateAsync(Caller caller, Guid itemId, ActionItemCommand command, int? expectedVersion);

    /// <summary>Those who add items, and the assignee (the person, or whoever acts for the seat now).</summary>
    Task<ActionItem> SetStatusAsync(Caller caller, Guid itemId, ActionItemStatus status);

    /// <summary>For people who see inside the committee; due first, undated last.</summary>
    [ReadOnly] Task<IReadOnlyList<ActionItem>> ListAsync(Caller caller, ActionItemFilter filter);

    /// <summary>The caller's open and in-progress items here: theirs, and their seats'. Empty for a committee they cannot see.</summary>
    [ReadOnly] Task<IReadOnlyList<ActionItem>> MineAsync(Caller caller);

    /// <summary>For erasure only: the person becomes <paramref name="formerId"/> in what the record keeps (who added each item and the person it is assigned to).</summary>
    Task ErasePersonAsync(Guid personId, Guid formerId);
}
