using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Api.LiveSessions;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.Tests.LiveSessions;

/// <summary>
/// A real SignalR client of /hubs/sessions over WebSockets, as one person. It keeps every event it receives, checks
/// that they arrive in sequence without gaps or repeats, and lets a test wait for a condition with a timeout.
/// </summary>
public sealed class SessionClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly object _gate = new();
    private readonly List<LiveSessionEvent> _events = [];
    private readonly List<string> _faults = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SessionClient(HubConnection connection, TestClient person)
    {
        Connection = connection;
        Person = person;
        connection.On<LiveSessionEvent>("Event", Received);
        connection.On<LiveSessionView>("Snapshot", view => Update(() =>
        {
            Snapshot = view;
            LastSequence = view.Sequence;
        }));
        connection.On<ConnectionEnded>("Ended", ended => Update(() => Ended = ended));
        connection.Closed += _ =>
        {
            Update(() => IsClosed = true);
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    public TestClient Person { get; }

    public LiveSessionView? Snapshot { get; private set; }

    public long LastSequence { get; private set; } = -1;

    /// <summary>What the server said when it ended this connection (signed out, credential expired), if it did.</summary>
    public ConnectionEnded? Ended { get; private set; }

    public bool IsClosed { get; private set; }

    public IReadOnlyList<LiveSessionEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Connects as <paramref name="person"/>, or with <paramref name="token"/> (an API key, say) when given.</summary>
    public static async Task<SessionClient> ConnectAsync(ApiHost host, TestClient person, Uri? address = null, string? token = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(address ?? new Uri(host.Address, "/hubs/sessions"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult(token ?? person.Token);
            })
            .AddJsonProtocol(o => ApiJson.ApplyConventions(o.PayloadSerializerOptions))
            .Build();
        var client = new SessionClient(connection, person);
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return client;
    }

    public async Task<LiveSessionJoined> JoinAsync(Guid sessionId, long? after = null)
    {
        if (after is { } a)
        {
            Update(() => LastSequence = a);
        }

        var joined = await Connection.CallAsync<LiveSessionJoined>("Join", sessionId, after);
        await WaitUntilAsync(() => LastSequence >= joined.Sequence, $"catching up to {joined.Sequence} on joining");
        return joined;
    }

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

    /// <summary>Waits until the server has ended this connection, and returns what it said.</summary>
    public async Task<ConnectionEnded?> WaitUntilClosedAsync()
    {
        await WaitUntilAsync(() => IsClosed, "the server to close the connection");
        return Ended;
    }

    public Task WaitForSequenceAsync(long sequence) => WaitUntilAsync(() => LastSequence >= sequence, $"event {sequence}");

    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null) where T : LiveSessionChange
    {
        T? found = null;
        await WaitUntilAsync(() => (found = _events.Select(e => e.Change).OfType<T>().LastOrDefault(c => match?.Invoke(c) ?? true)) is not null, typeof(T).Name);
        return found!;
    }

    /// <summary>Waits, without sleeping, until <paramref name="condition"/> (checked under the client's lock) holds.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition())
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out waiting for {what}; the last event this client saw was {LastSequence}.");
            }
        }
    }

    /// <summary>Fails the test if any event arrived out of order, twice, or after a gap.</summary>
    public void AssertInOrder()
    {
        lock (_gate)
        {
            Assert.True(_faults.Count == 0, string.Join("; ", _faults));
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private void Received(LiveSessionEvent e) => Update(() =>
    {
        if (LastSequence >= 0 && e.Sequence != LastSequence + 1)
        {
            _faults.Add($"event {e.Sequence} after {LastSequence}");
        }

        _events.Add(e);
        LastSequence = Math.Max(LastSequence, e.Sequence);
    });

    private void Update(Action change)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            change();
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}
