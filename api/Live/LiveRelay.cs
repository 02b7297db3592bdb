using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using NetworkHub.Api.LiveSessions;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Live;

namespace NetworkHub.Api.Live;

/// <summary>
/// This API node's end of the fan-out: for every live stream (a session, a meeting) with a connection here it holds
/// one <see cref="LiveFeed{TEvent, TSnapshot, TCatchUp}"/>, subscribed to the stream's grain as the node's one
/// observer, which passes each event on to the node's SignalR group of that stream. A session with ten thousand
/// participants on five nodes costs the grain five one-way calls per event. Works the same whether the node hosts a
/// silo or is only a cluster client.
/// </summary>
internal sealed partial class LiveRelay(
    IGrainFactory grains, IHubContext<LiveSessionHub, ILiveSessionClient> hub, TimeProvider clock, ILogger<LiveRelay> logger)
    : BackgroundService, ILiveStreamObserver
{
    private readonly ConcurrentDictionary<LiveStream, ILiveFeed> _feeds = new();
    private ILiveStreamObserver? _reference;

    /// <summary>Names this node to the grains; a restarted node is a new host.</summary>
    public string HostId { get; } = Guid.NewGuid().ToString("N");

    internal IGrainFactory Grains => grains;

    internal IHubContext<LiveSessionHub, ILiveSessionClient> Hub => hub;

    internal ILogger Logger => logger;

    /// <summary>The one observer reference of this node, created once Orleans runs.</summary>
    internal ILiveStreamObserver Reference => _reference ??= grains.CreateObjectReference<ILiveStreamObserver>(this);

    /// <summary>The node's SignalR group of a stream, e.g. <c>live-session:…</c> or <c>live-meeting:…</c>.</summary>
    public static string Group(LiveStream stream) => $"live-{stream.Kind.ToString().ToLowerInvariant()}:{stream.Id:N}";

    /// <summary>Called by Orleans when a stream this node watches has new events.</summary>
    public Task EventsAppended(LiveStream stream, IReadOnlyList<ILiveEvent> events)
    {
        if (_feeds.TryGetValue(stream, out var feed))
        {
            feed.Deliver(events);
        }

        return Task.CompletedTask;
    }

    /// <summary><paramref name="admitted"/> is asked once the connection is in the group; when false it is taken out again.</summary>
    public async Task<LiveJoin<TCatchUp>> JoinAsync<TEvent, TSnapshot, TCatchUp>(
        LiveStreamType<TEvent, TSnapshot, TCatchUp> type, string connectionId, Caller caller, Guid id, long? after, Func<bool> admitted)
        where TEvent : ILiveEvent
        where TSnapshot : class
        where TCatchUp : ILiveCatchUp<TEvent, TSnapshot>
    {
        var stream = new LiveStream(type.Kind, id);
        while (true)
        {
            var feed = (LiveFeed<TEvent, TSnapshot, TCatchUp>)_feeds.GetOrAdd(stream, s => new LiveFeed<TEvent, TSnapshot, TCatchUp>(s, type, this));
            if (await feed.JoinAsync(connectionId, caller, after, admitted) is { } joined)
            {
                return joined;
            }

            // The feed retired between our lookup and our turn (its last connection left); the next one takes over.
            _feeds.TryRemove(new KeyValuePair<LiveStream, ILiveFeed>(stream, feed));
        }
    }

    public Task LeaveAsync(string connectionId, LiveStream stream) =>
        _feeds.TryGetValue(stream, out var feed) ? feed.LeaveAsync(connectionId) : Task.CompletedTask;

    /// <summary>Whether this node holds a feed of the stream; for tests and diagnostics.</summary>
    internal bool Holds(LiveStream stream) => _feeds.ContainsKey(stream);

    internal void Retired(ILiveFeed feed) => _feeds.TryRemove(new KeyValuePair<LiveStream, ILiveFeed>(feed.Stream, feed));

    /// <summary>Renews every subscription well before its lease ends; a renewal also repairs anything missed.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(LiveStreamLimits.HostLease / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var feed in _feeds.Values)
                {
                    feed.Renew();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var feed in _feeds.Values)
        {
            await feed.StopAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relay of stream {Stream} failed a step")]
    internal static partial void LogFeedFailed(ILogger logger, LiveStream stream, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Relay of stream {Stream} was {Behind} events behind and caught up")]
    internal static partial void LogCaughtUp(ILogger logger, LiveStream stream, long behind);
}
