using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Api.LiveSessions;
using NetworkHub.Api.Tests.LiveSessions;
using NetworkHub.Contracts.Live;

namespace NetworkHub.Api.Tests.Live;

/// <summary>
/// A real SignalR client of /hubs/sessions over WebSockets, as one person, watching one kind of live stream. It
/// keeps every event it receives, checks that they arrive in sequence without gaps or repeats, and lets a test wait
/// for a condition with a timeout. <see cref="LiveSessions.SessionClient"/> and <see cref="MeetingWatcher"/> name
/// the messages and the join of their kind.
/// </summary>
public abstract class StreamClient<TEvent, TSnapshot> : IAsyncDisposable
    where TEvent : ILiveEvent
    where TSnapshot : class
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly object _gate = new();
    private readonly List<TEvent> _events = [];
    private readonly List<string> _faults = [];
    private readonly List<long[]> _messages = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected StreamClient(HubConnection connection, TestClient person, string eventMessage, string snapshotMessage, Func<TSnapshot, long> sequenceOf)
    {
        Connection = connection;
        Person = person;
        connection.On<TEvent>(eventMessage, e =>
        {
            Update(() => _messages.Add([e.Sequence]));
            Received(e);
        });
        connection.On<TEvent[]>(eventMessage + "s", batch =>
        {
            Update(() =>
            {
                Batches++;
                _messages.Add([.. batch.Select(e => e.Sequence)]);
            });
            foreach (var e in batch)
            {
                Received(e);
            }
        });
        connection.On<TSnapshot>(snapshotMessage, view => Update(() =>
        {
            Snapshot = view;
            Snapshots++;
            LastSequence = sequenceOf(view);
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

    public TSnapshot? Snapshot { get; private set; }

    /// <summary>How many snapshots arrived: a resumed join that gets its missed events receives none.</summary>
    public int Snapshots { get; private set; }

    public long LastSequence { get; private set; } = -1;

    /// <summary>How many batch messages (several events in one) arrived.</summary>
    public int Batches { get; private set; }

    /// <summary>The sequence numbers each event message carried, in arrival order: one for an event, several for a batch.</summary>
    public IReadOnlyList<long[]> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>What the server said when it ended this connection (signed out, credential expired), if it did.</summary>
    public ConnectionEnded? Ended { get; private set; }

    public bool IsClosed { get; private set; }

    public IReadOnlyList<TEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>A started connection as <paramref name="person"/>, or with <paramref name="token"/> (an API key, say) when given.</summary>
    protected static async Task<HubConnection> StartAsync(ApiHost host, TestClient person, Uri? address, string? token)
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
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    /// <summary>Calls a join that answers the stream's sequence, resuming after <paramref name="after"/>, and waits until caught up.</summary>
    protected async Task<TJoined> JoinStreamAsync<TJoined>(string method, Guid id, long? after, Func<TJoined, long> sequenceOf)
    {
        if (after is { } a)
        {
            Update(() => LastSequence = a);
        }

        var joined = await Connection.CallAsync<TJoined>(method, id, after);
        await WaitUntilAsync(() => LastSequence >= sequenceOf(joined), $"catching up to {sequenceOf(joined)} on joining");
        return joined;
    }

    /// <summary>Waits until the server has ended this connection, and returns what it said.</summary>
    public async Task<ConnectionEnded?> WaitUntilClosedAsync()
    {
        await WaitUntilAsync(() => IsClosed, "the server to close the connection");
        return Ended;
    }

    public Task WaitForSequenceAsync(long sequence) => WaitUntilAsync(() => LastSequence >= sequence, $"event {sequence}");

    /// <summary>Waits for the last received change of type <typeparamref name="T"/> that matches, read out of each event by <paramref name="changeOf"/>.</summary>
    protected async Task<T> WaitForChangeAsync<T>(Func<TEvent, object> changeOf, Func<T, bool>? match) where T : class
    {
        T? found = null;
        await WaitUntilAsync(() => (found = _events.Select(changeOf).OfType<T>().LastOrDefault(c => match?.Invoke(c) ?? true)) is not null, typeof(T).Name);
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

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private void Received(TEvent e) => Update(() =>
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
