using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Api.Live;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Api.LiveSessions;

/// <summary>
/// The sign-ins this node's hub connections were made with. For every credential in use the node watches its grain
/// (one observer per node, leased and renewed like the relay's), which tells it before a revocation returns, on
/// whichever node the revocation happened; a timer here ends the credential at its expiry. Ending one takes its
/// connections out of every session group at once, sends them <see cref="ILiveSessionClient.Ended"/> and closes them.
/// As a hub filter it checks the connection's credential before every call, asking the grain again when the last
/// look is older than <see cref="RecheckAfter"/>, in case a notification was lost (the credential grain moved).
/// </summary>
internal sealed partial class HubCredentials(
    IGrainFactory grains, IHubContext<LiveSessionHub, ILiveSessionClient> hub, LiveRelay relay, TimeProvider clock, ILogger<HubCredentials> logger)
    : BackgroundService, ICredentialObserver, IHubFilter
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);

    /// <summary>Time for the last message to leave before the socket closes; the connection is inert meanwhile.</summary>
    private static readonly TimeSpan CloseAfter = TimeSpan.FromMilliseconds(250);

    /// <summary>Timers cannot wait longer than about 49 days; a longer wait is re-armed when it fires.</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(30);

    private readonly object _gate = new();
    private readonly Dictionary<string, Watched> _watched = new(StringComparer.Ordinal);
    private ICredentialObserver? _reference;

    private ICredentialObserver Reference => _reference ??= grains.CreateObjectReference<ICredentialObserver>(this);

    /// <summary>Registers a new connection; one whose credential ended meanwhile is ended at once.</summary>
    public async Task ConnectedAsync(HubCallerContext context)
    {
        var secret = context.GetHttpContext() is { } http ? CallerAuthentication.PresentedSecret(http.Request) : null;
        var connection = new LiveConnection(context, secret is null ? null : Secrets.CredentialKey(secret));
        context.Items[typeof(LiveConnection)] = connection;
        if (connection.CredentialKey is not { } key)
        {
            return;
        }

        lock (_gate)
        {
            if (!_watched.TryGetValue(key, out var watched))
            {
                _watched[key] = watched = new Watched();
            }

            watched.Connections[context.ConnectionId] = connection;
        }

        var status = await grains.GetGrain<ICredentialGrain>(key).WatchAsync(relay.HostId, Reference);
        connection.CheckedAt = clock.GetUtcNow();
        await ApplyAsync(key, status);
    }

    public void Disconnected(HubCallerContext context)
    {
        if (LiveConnection.Of(context).CredentialKey is not { } key)
        {
            return;
        }

        lock (_gate)
        {
            if (_watched.TryGetValue(key, out var watched) && watched.Connections.Remove(context.ConnectionId) && watched.Connections.Count == 0)
            {
                // The grain's lease runs out by itself; a revocation meanwhile finds nothing to close here.
                _watched.Remove(key);
                watched.Expiry?.Dispose();
            }
        }
    }

    /// <summary>Called by the credential grain when the credential is revoked.</summary>
    public Task CredentialEnded(string credentialKey) => EndAsync(credentialKey, LiveSessionErrors.SignedOut);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var connection = LiveConnection.Of(invocationContext.Context);
        if (connection.CredentialKey is { } key)
        {
            var now = clock.GetUtcNow();
            if (connection.EndedCode is null && now - connection.CheckedAt >= RecheckAfter)
            {
                var status = await grains.GetGrain<ICredentialGrain>(key).WatchAsync(relay.HostId, Reference);
                connection.CheckedAt = now;
                await ApplyAsync(key, status);
            }

            if (connection.EndedCode is { } code)
            {
                throw Ended(code);
            }
        }

        return await next(invocationContext);
    }

    /// <summary>Renews every watch well before its lease ends; a renewal that finds the credential gone ends it here.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CredentialLease.Duration / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                string[] keys;
                lock (_gate)
                {
                    keys = [.. _watched.Keys];
                }

                foreach (var key in keys)
                {
                    try
                    {
                        await ApplyAsync(key, await grains.GetGrain<ICredentialGrain>(key).WatchAsync(relay.HostId, Reference));
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        LogRenewFailed(logger, e);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ApplyAsync(string key, CredentialStatus status)
    {
        if (!status.Valid)
        {
            await EndAsync(key, status.ExpiresAt is { } at && at <= clock.GetUtcNow() ? LiveSessionErrors.CredentialExpired : LiveSessionErrors.SignedOut);
            return;
        }

        if (status.ExpiresAt is { } expiresAt)
        {
            lock (_gate)
            {
                if (_watched.TryGetValue(key, out var watched) && watched.Expiry is null)
                {
                    watched.Expiry = ExpiryTimer(key, expiresAt);
                }
            }
        }
    }

    private ITimer ExpiryTimer(string key, DateTimeOffset expiresAt)
    {
        var due = expiresAt - clock.GetUtcNow();
        return clock.CreateTimer(_ =>
        {
            if (expiresAt - clock.GetUtcNow() is var left && left > TimeSpan.Zero)
            {
                lock (_gate)
                {
                    if (_watched.TryGetValue(key, out var watched))
                    {
                        watched.Expiry?.Dispose();
                        watched.Expiry = ExpiryTimer(key, expiresAt);
                    }
                }

                return;
            }

            _ = EndAsync(key, LiveSessionErrors.CredentialExpired);
        }, null, due < TimeSpan.Zero ? TimeSpan.Zero : due > LongestTimer ? LongestTimer : due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Every connection made with the credential: no call passes any more, it leaves every session group now (the
    /// relay's bookkeeping follows when it disconnects), is told why, and is closed a moment later.
    /// </summary>
    private async Task EndAsync(string key, string code)
    {
        Watched? watched;
        lock (_gate)
        {
            if (_watched.Remove(key, out watched))
            {
                watched.Expiry?.Dispose();
            }
        }

        foreach (var connection in watched?.Connections.Values.ToList() ?? [])
        {
            if (!connection.End(code))
            {
                continue;
            }

            foreach (var stream in connection.Streams)
            {
                await hub.Groups.RemoveFromGroupAsync(connection.Context.ConnectionId, LiveRelay.Group(stream));
            }

            LogEnded(logger, connection.Context.ConnectionId, code);
            _ = TellAndCloseAsync(connection.Context, code);
        }
    }

    private async Task TellAndCloseAsync(HubCallerContext context, string code)
    {
        try
        {
            await hub.Clients.Client(context.ConnectionId).Ended(new ConnectionEnded(code, Ended(code).Message));
            await Task.Delay(CloseAfter, clock);
        }
        finally
        {
            context.Abort();
        }
    }

    private static UnauthenticatedException Ended(string code) => code == LiveSessionErrors.CredentialExpired
        ? new(code, "Your sign-in expired; sign in again to rejoin.")
        : new(code, "You signed out, or this sign-in was revoked; sign in again to rejoin.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub connection {ConnectionId} closed: {Code}")]
    private static partial void LogEnded(ILogger logger, string connectionId, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing a credential watch failed")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);

    private sealed class Watched
    {
        public Dictionary<string, LiveConnection> Connections { get; } = new(StringComparer.Ordinal);

        public ITimer? Expiry { get; set; }
    }
}
