using NetworkHub.Api.LiveSessions;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Live;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.Live;

/// <summary>
/// What differs between kinds of stream for the one feed and relay: the grain, the client messages that carry the
/// stream's events and snapshots, and the not-found its outsiders get.
/// </summary>
internal sealed record LiveStreamType<TEvent, TSnapshot, TCatchUp>(
    LiveStreamKind Kind,
    Func<IGrainFactory, Guid, ILiveStreamGrain<TEvent, TSnapshot, TCatchUp>> Grain,
    Func<ILiveSessionClient, TEvent, Task> SendEvent,
    Func<ILiveSessionClient, IReadOnlyList<TEvent>, Task> SendEvents,
    Func<ILiveSessionClient, TSnapshot, Task> SendSnapshot,
    Func<Guid, Exception> NotFound)
    where TEvent : ILiveEvent
    where TSnapshot : class
    where TCatchUp : ILiveCatchUp<TEvent, TSnapshot>;

/// <summary>The grain's answer to a join, and the sequence number the connection is at once it is in the group.</summary>
internal sealed record LiveJoin<TCatchUp>(TCatchUp CatchUp, long Sequence);

internal static class LiveStreams
{
    public static readonly LiveStreamType<LiveSessionEvent, LiveSessionView, LiveSessionCatchUp> Session = new(
        LiveStreamKind.Session,
        (grains, id) => grains.GetGrain<ILiveSessionGrain>(id),
        (client, e) => client.Event(e),
        (client, events) => client.Events(events),
        (client, view) => client.Snapshot(view),
        id => new NotFoundException(LiveSessionErrors.NotFound, $"No live session with id {id}."));

    public static readonly LiveStreamType<MeetingEvent, MeetingView, MeetingCatchUp> Meeting = new(
        LiveStreamKind.Meeting,
        (grains, id) => grains.GetGrain<IMeetingGrain>(id),
        (client, e) => client.MeetingEvent(e),
        (client, events) => client.MeetingEvents(events),
        (client, view) => client.MeetingSnapshot(view),
        id => new NotFoundException(CommitteeErrors.MeetingNotFound, $"Meeting {id} was not found."));

    public static readonly LiveStreamType<DocumentEvent, DocumentSnapshot, DocumentCatchUp> Document = new(
        LiveStreamKind.Document,
        (grains, id) => grains.GetGrain<IDocumentGrain>(id),
        (client, e) => client.DocumentEvent(e),
        (client, events) => client.DocumentEvents(events),
        (client, snapshot) => client.DocumentSnapshot(snapshot),
        id => new NotFoundException(DocumentErrors.NotFound, $"No document with id {id}."));
}
