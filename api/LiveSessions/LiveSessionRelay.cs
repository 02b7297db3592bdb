using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.LiveSessions;

/// <summary>
/// This API node's end of the fan-out: for every session with a connection here it holds one
/// <see cref="SessionFeed"/>, subscribed to the session grain as one observer, which passes each event on to the
/// node's SignalR group of that session. A session with ten thousand participants on five nodes costs the grain five
/// one-way calls per event. Works the same whether the node hosts a silo or is only a cluster client.
/// </summary>
internal sealed partial class LiveSessionRelay(
    IGrainFactory grains, IHubContext<LiveSessionHub, ILiveSessionClient> hub, TimeProvider clock, ILogger<LiveSessionRelay> logger)
    : BackgroundService, ILiveSessionObserver
{
    private readonly ConcurrentDictionary<Guid, SessionFeed> _feeds = new();
    private ILiveSessionObserver? _reference;

    /// <summary>Names this node to the session grains; a restarted node is a new host.</summary>
    public string HostId { get; } = Guid.NewGuid().ToString("N");

    internal IGrainFactory Grains => grains;

    internal IHubContext<LiveSessionHub, ILiveSessionClient> Hub => hub;

    internal ILogger Logger => logger;

    /// <summary>The one observer reference of this node, created once Orleans runs.</summary>
    internal ILiveSessionObserver Reference => _reference ??= grains.CreateObjectReference<ILiveSessionObserver>(this);

    public static string Group(Guid sessionId) => $"live-session:{sessionId:N}";

    /// <summary>Called by Orleans when a session this node watches has new events.</summary>
    public Task EventsAppended(Guid sessionId, IReadOnlyList<LiveSessionEvent> events)
    {
        if (_feeds.TryGetValue(sessionId, out var feed))
        {
            feed.Deliver(events);
        }

        return Task.CompletedTask;
    }

    /// <summary><paramref name="admitted"/> is asked once the connection is in the group; when false it is taken out again.</summary>
    public async Task<LiveSessionJoined> JoinAsync(string connectionId, Caller caller, Guid sessionId, long? after, Func<bool> admitted)
    {
        while (true)
        {
            var feed = _feeds.GetOrAdd(sessionId, id => new SessionFeed(id, this));
            if (await feed.JoinAsync(connectionId, caller, after, admitted) is { } joined)
            {
                return joined;
            }

            // The feed retired between our lookup and our turn (its last connection left); the next one takes over.
            _feeds.TryRemove(new KeyValuePair<Guid, SessionFeed>(sessionId, feed));
        }
    }

    public Task LeaveAsync(string connectionId, Guid sessionId) =>
        _feeds.TryGetValue(sessionId, out var feed) ? feed.LeaveAsync(connectionId) : Task.CompletedTask;

    internal void Retired(SessionFeed feed) => _feeds.TryRemove(new KeyValuePair<Guid, SessionFeed>(feed.SessionId, feed));

    /// <summary>Renews every subscription well before its lease ends; a renewal also repairs anything missed.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(LiveSessionLimits.HostLease / 3, clock);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relay of session {SessionId} failed a step")]
    internal static partial void LogFeedFailed(ILogger logger, Guid sessionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Relay of session {SessionId} was {Behind} events behind and caught up")]
    internal static partial void LogCaughtUp(ILogger logger, Guid sessionId, long behind);
}
