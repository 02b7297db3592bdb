using System.Text.Json.Serialization;
using NetworkHub.Contracts.Live;

namespace NetworkHub.Contracts.LiveSessions;

/// <summary>
/// One change to a session, numbered in the session's single total order (1, 2, 3, … without gaps). Clients apply
/// events in sequence order and remember the last number they saw, to catch up after a reconnect.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.LiveSessionEvent")]
public sealed record LiveSessionEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] LiveSessionChange Change) : ILiveEvent
{
    public Guid? EndsAccessOf() => Change switch
    {
        ParticipantRemoved removed => removed.PersonId,
        ParticipantAccessChanged { Role: null } lost => lost.PersonId,
        _ => null,
    };
}

/// <summary>What changed. In JSON the kind is the "type" property, e.g. "contribution-posted".</summary>
[GenerateSerializer, Alias("NetworkHub.LiveSessionChange")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SessionStatusChanged), "session-status-changed")]
[JsonDerivedType(typeof(AgendaChanged), "agenda-changed")]
[JsonDerivedType(typeof(ItemOpened), "item-opened")]
[JsonDerivedType(typeof(TimerExtended), "timer-extended")]
[JsonDerivedType(typeof(FacilitatorAppointed), "facilitator-appointed")]
[JsonDerivedType(typeof(ParticipantMuted), "participant-muted")]
[JsonDerivedType(typeof(ParticipantRemoved), "participant-removed")]
[JsonDerivedType(typeof(PresenceChanged), "presence-changed")]
[JsonDerivedType(typeof(ContributionPosted), "contribution-posted")]
[JsonDerivedType(typeof(ReactionChanged), "reaction-changed")]
[JsonDerivedType(typeof(SpeakingQueueChanged), "speaking-queue-changed")]
[JsonDerivedType(typeof(PollTallied), "poll-tallied")]
[JsonDerivedType(typeof(StatementSubmitted), "statement-submitted")]
[JsonDerivedType(typeof(StatementTallied), "statement-tallied")]
[JsonDerivedType(typeof(StatementsConcluded), "statements-concluded")]
[JsonDerivedType(typeof(BreakoutOpened), "breakout-opened")]
[JsonDerivedType(typeof(SummaryPosted), "summary-posted")]
[JsonDerivedType(typeof(OutcomeRecorded), "outcome-recorded")]
[JsonDerivedType(typeof(ParticipantAccessChanged), "access-changed")]
public abstract record LiveSessionChange;

/// <summary>Lobby opened, started, paused, resumed or closed.</summary>
[GenerateSerializer, Alias("NetworkHub.SessionStatusChanged")]
public sealed record SessionStatusChanged(
    [property: Id(0)] LiveSessionStatus Status,
    [property: Id(1)] DateTimeOffset? ItemEndsAt) : LiveSessionChange;

[GenerateSerializer, Alias("NetworkHub.AgendaChanged")]
public sealed record AgendaChanged([property: Id(0)] IReadOnlyList<AgendaItem> Agenda) : LiveSessionChange;

/// <summary>The facilitator moved to an item (forward or back); its timer runs until <see cref="EndsAt"/>.</summary>
[GenerateSerializer, Alias("NetworkHub.ItemOpened")]
public sealed record ItemOpened(
    [property: Id(0)] int Index,
    [property: Id(1)] Guid ItemId,
    [property: Id(2)] DateTimeOffset EndsAt) : LiveSessionChange;

/// <summary>The item's timer, or one breakout room's when <see cref="RoomId"/> is set, runs longer.</summary>
[GenerateSerializer, Alias("NetworkHub.TimerExtended")]
public sealed record TimerExtended(
    [property: Id(0)] Guid ItemId,
    [property: Id(1)] Guid? RoomId,
    [property: Id(2)] DateTimeOffset EndsAt) : LiveSessionChange;

[GenerateSerializer, Alias("NetworkHub.FacilitatorAppointed")]
public sealed record FacilitatorAppointed([property: Id(0)] Guid PersonId) : LiveSessionChange;

[GenerateSerializer, Alias("NetworkHub.ParticipantMuted")]
public sealed record ParticipantMuted([property: Id(0)] Guid PersonId, [property: Id(1)] bool Muted) : LiveSessionChange;

[GenerateSerializer, Alias("NetworkHub.ParticipantRemoved")]
public sealed record ParticipantRemoved([property: Id(0)] Guid PersonId) : LiveSessionChange;

[GenerateSerializer, Alias("NetworkHub.PresenceChanged")]
public sealed record PresenceChanged([property: Id(0)] PresentPerson Person, [property: Id(1)] bool Present) : LiveSessionChange;

[GenerateSerializer, Alias("NetworkHub.ContributionPosted")]
public sealed record ContributionPosted([property: Id(0)] Contribution Contribution) : LiveSessionChange;

[GenerateSerializer, Alias("NetworkHub.ReactionChanged")]
public sealed record ReactionChanged(
    [property: Id(0)] Guid ContributionId,
    [property: Id(1)] string Reaction,
    [property: Id(2)] int Count) : LiveSessionChange;

[GenerateSerializer, Alias("NetworkHub.SpeakingQueueChanged")]
public sealed record SpeakingQueueChanged([property: Id(0)] Guid ItemId, [property: Id(1)] SpeakingQueueView Queue) : LiveSessionChange;

/// <summary>The live tally; <see cref="PollResult.Closed"/> is set when the poll ends with its item.</summary>
[GenerateSerializer, Alias("NetworkHub.PollTallied")]
public sealed record PollTallied([property: Id(0)] Guid ItemId, [property: Id(1)] PollResult Result) : LiveSessionChange;

[GenerateSerializer, Alias("NetworkHub.StatementSubmitted")]
public sealed record StatementSubmitted(
    [property: Id(0)] Guid ItemId,
    [property: Id(1)] Guid StatementId,
    [property: Id(2)] string Text) : LiveSessionChange;

[GenerateSerializer, Alias("NetworkHub.StatementTallied")]
public sealed record StatementTallied([property: Id(0)] Guid ItemId, [property: Id(1)] StatementTally Tally) : LiveSessionChange;

[GenerateSerializer, Alias("NetworkHub.StatementsConcluded")]
public sealed record StatementsConcluded([property: Id(0)] Guid ItemId, [property: Id(1)] StatementResults Results) : LiveSessionChange;

[GenerateSerializer, Alias("NetworkHub.BreakoutOpened")]
public sealed record BreakoutOpened([property: Id(0)] Guid ItemId, [property: Id(1)] IReadOnlyList<BreakoutRoom> Rooms) : LiveSessionChange;

/// <summary>A room's rapporteur reported back to the plenary.</summary>
[GenerateSerializer, Alias("NetworkHub.SummaryPosted")]
public sealed record SummaryPosted(
    [property: Id(0)] Guid ItemId,
    [property: Id(1)] Guid RoomId,
    [property: Id(2)] string Text) : LiveSessionChange;

[GenerateSerializer, Alias("NetworkHub.OutcomeRecorded")]
public sealed record OutcomeRecorded([property: Id(0)] Guid ItemId, [property: Id(1)] string Text) : LiveSessionChange;

/// <summary>
/// The forum changed what this person may do in the session (their role, their membership, or the forum's visibility).
/// <see cref="Role"/> is their new role here, or null when they lost access: this is then the last event they receive,
/// and every node takes their connections out of the session before it passes on any later event.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.ParticipantAccessChanged")]
public sealed record ParticipantAccessChanged([property: Id(0)] Guid PersonId, [property: Id(1)] LiveSessionRole? Role) : LiveSessionChange;
