using Microsoft.AspNetCore.SignalR.Client;
using NetworkHub.Api.Tests.Live;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.Tests.LiveSessions;

/// <summary>A real SignalR client watching live sessions: the hub's "Event", "Events" and "Snapshot" messages and its Join.</summary>
public sealed class SessionClient : StreamClient<LiveSessionEvent, LiveSessionView>
{
    private SessionClient(HubConnection connection, TestClient person)
        : base(connection, person, "Event", "Snapshot", view => view.Sequence)
    {
    }

    /// <summary>Connects as <paramref name="person"/>, or with <paramref name="token"/> (an API key, say) when given.</summary>
    public static async Task<SessionClient> ConnectAsync(ApiHost host, TestClient person, Uri? address = null, string? token = null) =>
        new(await StartAsync(host, person, address, token), person);

    public Task<LiveSessionJoined> JoinAsync(Guid sessionId, long? after = null) =>
        JoinStreamAsync<LiveSessionJoined>("Join", sessionId, after, joined => joined.Sequence);

    /// <summary>Invokes a hub method that acknowledges with a sequence number, and waits until this client has seen it.</summary>
    public async Task<long> SendAsync(string method, params object?[] args)
    {
        var sequence = await Connection.CallAsync<long>(method, args);
        await WaitForSequenceAsync(sequence);
        return sequence;
    }

    /// <summary>
    /// Invokes a hub method that must fail, and returns the error code of its reply ("live-session.not-found"). A call
    /// SignalR cannot bind (no such method, arguments of the wrong shape) never reaches the hub: it fails with SignalR's
    /// generic error, whose message is returned instead.
    /// </summary>
    public async Task<string> FailAsync(string method, params object?[] args)
    {
        try
        {
            var error = await Connection.ErrorOfAsync(method, args);
            Assert.True(error is not null, $"{method} was expected to fail, and succeeded");
            return error.Code;
        }
        catch (Microsoft.AspNetCore.SignalR.HubException e)
        {
            return e.Message;
        }
    }

    public Task<T> WaitForAsync<T>(Func<T, bool>? match = null) where T : LiveSessionChange =>
        WaitForChangeAsync(e => e.Change, match);
}
