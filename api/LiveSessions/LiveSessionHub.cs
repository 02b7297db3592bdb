using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Api.Live;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Live;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.LiveSessions;

/// <summary>
/// Live sessions in real time, at /hubs/sessions, and the meetings of committees to watch. Every method names its
/// session (or meeting) and goes to its grain, which decides whether the caller may do it. Every method answers a <see cref="HubReply{T}"/>: its value, or a typed
/// <see cref="HubError"/> that changed nothing (see <see cref="HubErrorFilter"/>). Methods that change the session
/// answer the sequence number of their event: the acknowledgement, sent only once the change is stored. The methods
/// and their types are the contract in docs/hub-contract.json. Contributions are rate-limited per connection. Before every call
/// <see cref="HubCredentials"/> checks that the sign-in the connection was made with still holds.
/// </summary>
internal sealed class LiveSessionHub(LiveRelay relay, HubCredentials credentials, IGrainFactory grains, IOptions<LiveSessionOptions> options)
    : Hub<ILiveSessionClient>
{
    private const string LimiterKey = "contributions";

    public override async Task OnConnectedAsync()
    {
        var limits = options.Value;
        Context.Items[LimiterKey] = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.ContributionBurst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / limits.ContributionsPerMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
        await credentials.ConnectedAsync(Context);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        credentials.Disconnected(Context);
        foreach (var stream in Connection.Streams)
        {
            await relay.LeaveAsync(Context.ConnectionId, stream);
        }

        (Context.Items[LimiterKey] as IDisposable)?.Dispose();
    }

    /// <summary>
    /// Joins a session: the caller first receives a snapshot (or, given the last sequence number it saw, exactly the
    /// events it missed, or a snapshot when that is too long ago), then every later event.
    /// </summary>
    public async Task<HubReply<LiveSessionJoined>> Join(Guid sessionId, long? afterSequence)
    {
        var joined = await JoinStreamAsync(LiveStreams.Session, sessionId, afterSequence);
        return HubReply.Success(new LiveSessionJoined(sessionId, joined.CatchUp.Role!.Value, joined.Sequence));
    }

    public Task<HubReply> Leave(Guid sessionId) => LeaveStreamAsync(new LiveStream(LiveStreamKind.Session, sessionId));

    /// <summary>
    /// Watches a committee's meeting (anyone who sees inside the committee): a snapshot (the meeting's view) or the
    /// events after <paramref name="afterSequence"/>, then every later event, until they leave or lose access.
    /// </summary>
    public async Task<HubReply<MeetingJoined>> JoinMeeting(Guid meetingId, long? afterSequence)
    {
        var joined = await JoinStreamAsync(LiveStreams.Meeting, meetingId, afterSequence);
        return HubReply.Success(new MeetingJoined(meetingId, joined.Sequence));
    }

    public Task<HubReply> LeaveMeeting(Guid meetingId) => LeaveStreamAsync(new LiveStream(LiveStreamKind.Meeting, meetingId));

    /// <summary>
    /// Watches a document (anyone who may read it): a snapshot (the document's view) or the events after
    /// <paramref name="afterSequence"/>, then every later event (details, versions, comments), until they leave or lose access.
    /// </summary>
    public async Task<HubReply<DocumentJoined>> JoinDocument(Guid documentId, long? afterSequence)
    {
        var joined = await JoinStreamAsync(LiveStreams.Document, documentId, afterSequence);
        return HubReply.Success(new DocumentJoined(documentId, joined.Sequence));
    }

    public Task<HubReply> LeaveDocument(Guid documentId) => LeaveStreamAsync(new LiveStream(LiveStreamKind.Document, documentId));

    /// <summary>The one join of every kind of stream, through this node's relay.</summary>
    private async Task<LiveJoin<TCatchUp>> JoinStreamAsync<TEvent, TSnapshot, TCatchUp>(
        LiveStreamType<TEvent, TSnapshot, TCatchUp> type, Guid id, long? afterSequence)
        where TEvent : ILiveEvent
        where TSnapshot : class
        where TCatchUp : ILiveCatchUp<TEvent, TSnapshot>
    {
        // Counted as joined before the group takes it, so that a credential ending meanwhile finds it (see HubCredentials).
        var connection = Connection;
        var stream = new LiveStream(type.Kind, id);
        var first = connection.Join(stream);
        try
        {
            return await relay.JoinAsync(type, Context.ConnectionId, Caller, id, afterSequence, () => connection.EndedCode is null);
        }
        catch when (first)
        {
            connection.Leave(stream);
            throw;
        }
    }

    private async Task<HubReply> LeaveStreamAsync(LiveStream stream)
    {
        if (Connection.Leave(stream))
        {
            await relay.LeaveAsync(Context.ConnectionId, stream);
        }

        return HubReply.Done;
    }

    public Task<HubReply<long>> OpenLobby(Guid sessionId) => Reply(Session(sessionId).OpenLobbyAsync(Caller));

    public Task<HubReply<long>> Start(Guid sessionId) => Reply(Session(sessionId).StartAsync(Caller));

    public Task<HubReply<long>> Advance(Guid sessionId) => Reply(Session(sessionId).AdvanceAsync(Caller));

    public Task<HubReply<long>> GoBack(Guid sessionId) => Reply(Session(sessionId).GoBackAsync(Caller));

    public Task<HubReply<long>> ExtendTimer(Guid sessionId, int minutes, Guid? roomId) => Reply(Session(sessionId).ExtendTimerAsync(Caller, minutes, roomId));

    public Task<HubReply<long>> Pause(Guid sessionId) => Reply(Session(sessionId).PauseAsync(Caller));

    public Task<HubReply<long>> Resume(Guid sessionId) => Reply(Session(sessionId).ResumeAsync(Caller));

    public Task<HubReply<long>> Close(Guid sessionId) => Reply(Session(sessionId).CloseAsync(Caller));

    public Task<HubReply<long>> AppointCoFacilitator(Guid sessionId, Guid personId) => Reply(Session(sessionId).AppointCoFacilitatorAsync(Caller, personId));

    public Task<HubReply<long>> Mute(Guid sessionId, Guid personId, bool muted) => Reply(Session(sessionId).MuteAsync(Caller, personId, muted));

    public Task<HubReply<long>> RemoveParticipant(Guid sessionId, Guid personId) => Reply(Session(sessionId).RemoveParticipantAsync(Caller, personId));

    public Task<HubReply<long>> RecordOutcome(Guid sessionId, Guid itemId, string text) =>
        Reply(Session(sessionId).RecordOutcomeAsync(Caller, itemId, Required(text, LiveSessionLimits.SummaryMaxLength)));

    public Task<HubReply<long>> Contribute(Guid sessionId, ContributeCommand command)
    {
        Required(command?.Text, LiveSessionLimits.ContributionMaxLength);
        Throttle();
        return Reply(Session(sessionId).ContributeAsync(Caller, command!));
    }

    public Task<HubReply<long>> React(Guid sessionId, Guid contributionId, string reaction)
    {
        Required(reaction, LiveSessionLimits.ReactionMaxLength);
        Throttle();
        return Reply(Session(sessionId).ReactAsync(Caller, contributionId, reaction));
    }

    public Task<HubReply<long>> RaiseHand(Guid sessionId) => Reply(Session(sessionId).RaiseHandAsync(Caller));

    public Task<HubReply<long>> LowerHand(Guid sessionId) => Reply(Session(sessionId).LowerHandAsync(Caller));

    public Task<HubReply<long>> GiveFloor(Guid sessionId, Guid? personId) => Reply(Session(sessionId).GiveFloorAsync(Caller, personId));

    public Task<HubReply<long>> ReorderQueue(Guid sessionId, IReadOnlyList<Guid> order) => Reply(Session(sessionId).ReorderQueueAsync(Caller, order ?? []));

    public Task<HubReply<long>> SkipSpeaker(Guid sessionId, Guid personId) => Reply(Session(sessionId).SkipSpeakerAsync(Caller, personId));

    public Task<HubReply<long>> Vote(Guid sessionId, Guid itemId, IReadOnlyList<int> choices) =>
        Reply(Session(sessionId).VoteAsync(Caller, itemId, choices is { Count: <= LiveSessionLimits.MaxPollOptions } ? choices : throw Malformed("choices")));

    public Task<HubReply<long>> SubmitStatement(Guid sessionId, Guid itemId, string text)
    {
        Required(text, LiveSessionLimits.StatementMaxLength);
        Throttle();
        return Reply(Session(sessionId).SubmitStatementAsync(Caller, itemId, text));
    }

    public Task<HubReply<long>> VoteOnStatement(Guid sessionId, Guid statementId, StatementVote vote) =>
        Reply(Session(sessionId).VoteOnStatementAsync(Caller, statementId, vote));

    public Task<HubReply<long>> PostSummary(Guid sessionId, Guid roomId, string text)
    {
        Required(text, LiveSessionLimits.SummaryMaxLength);
        Throttle();
        return Reply(Session(sessionId).PostSummaryAsync(Caller, roomId, text));
    }

    /// <summary>The acknowledgement once the grain has stored the change; a failure is turned into the reply by <see cref="HubErrorFilter"/>.</summary>
    private static async Task<HubReply<long>> Reply(Task<long> sequence) => HubReply.Success(await sequence);

    private Caller Caller => Context.User?.Caller() ?? Contracts.Access.Caller.Anonymous;

    private LiveConnection Connection => LiveConnection.Of(Context);

    private ILiveSessionGrain Session(Guid sessionId) => grains.GetGrain<ILiveSessionGrain>(sessionId);

    /// <summary>Cheap checks before anything is spent on a message: present, and not longer than any grain would take.</summary>
    private static string Required(string? text, int maxLength) => text switch
    {
        null => throw Malformed("text"),
        { Length: var length } when length > maxLength =>
            throw new RejectedException(LiveSessionErrors.TextTooLong, $"The text is longer than {maxLength} characters."),
        _ => text,
    };

    private void Throttle()
    {
        using var lease = ((RateLimiter)Context.Items[LimiterKey]!).AttemptAcquire();
        if (!lease.IsAcquired)
        {
            throw new TooManyAttemptsException(LiveSessionErrors.RateLimited, "Too many contributions from this connection; wait a moment.",
                TimeSpan.FromMinutes(1) / options.Value.ContributionsPerMinute);
        }
    }

    private static InvalidInputException Malformed(string what) => new(LiveSessionErrors.InvalidInput, $"The {what} is missing or malformed.");
}
