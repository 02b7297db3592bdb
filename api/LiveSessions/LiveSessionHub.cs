using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.LiveSessions;

/// <summary>
/// Live sessions in real time, at /hubs/sessions. Every method names its session and goes to the session grain,
/// which decides whether the caller may do it; failures reach the caller as a hub error whose message ends in
/// "HubException: {code}: {message}" (SignalR puts its own prefix first; see <see cref="HubErrorFilter"/>) and change
/// nothing. Methods that change the session return the sequence number of their event: the acknowledgement, sent
/// only once the change is stored. Contributions are rate-limited per connection. Before every call
/// <see cref="HubCredentials"/> checks that the sign-in the connection was made with still holds.
/// </summary>
internal sealed class LiveSessionHub(LiveSessionRelay relay, HubCredentials credentials, IGrainFactory grains, IOptions<LiveSessionOptions> options)
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
        foreach (var sessionId in Connection.Sessions)
        {
            await relay.LeaveAsync(Context.ConnectionId, sessionId);
        }

        (Context.Items[LimiterKey] as IDisposable)?.Dispose();
    }

    /// <summary>
    /// Joins a session: the caller first receives a snapshot (or, given the last sequence number it saw, exactly the
    /// events it missed, or a snapshot when that is too long ago), then every later event.
    /// </summary>
    public async Task<LiveSessionJoined> Join(Guid sessionId, long? afterSequence)
    {
        // Counted as joined before the group takes it, so that a credential ending meanwhile finds it (see HubCredentials).
        var connection = Connection;
        var first = connection.Join(sessionId);
        try
        {
            return await relay.JoinAsync(Context.ConnectionId, Caller, sessionId, afterSequence, () => connection.EndedCode is null);
        }
        catch when (first)
        {
            connection.Leave(sessionId);
            throw;
        }
    }

    public async Task Leave(Guid sessionId)
    {
        if (Connection.Leave(sessionId))
        {
            await relay.LeaveAsync(Context.ConnectionId, sessionId);
        }
    }

    public Task<long> OpenLobby(Guid sessionId) => Session(sessionId).OpenLobbyAsync(Caller);

    public Task<long> Start(Guid sessionId) => Session(sessionId).StartAsync(Caller);

    public Task<long> Advance(Guid sessionId) => Session(sessionId).AdvanceAsync(Caller);

    public Task<long> GoBack(Guid sessionId) => Session(sessionId).GoBackAsync(Caller);

    public Task<long> ExtendTimer(Guid sessionId, int minutes, Guid? roomId) => Session(sessionId).ExtendTimerAsync(Caller, minutes, roomId);

    public Task<long> Pause(Guid sessionId) => Session(sessionId).PauseAsync(Caller);

    public Task<long> Resume(Guid sessionId) => Session(sessionId).ResumeAsync(Caller);

    public Task<long> Close(Guid sessionId) => Session(sessionId).CloseAsync(Caller);

    public Task<long> AppointCoFacilitator(Guid sessionId, Guid personId) => Session(sessionId).AppointCoFacilitatorAsync(Caller, personId);

    public Task<long> Mute(Guid sessionId, Guid personId, bool muted) => Session(sessionId).MuteAsync(Caller, personId, muted);

    public Task<long> RemoveParticipant(Guid sessionId, Guid personId) => Session(sessionId).RemoveParticipantAsync(Caller, personId);

    public Task<long> RecordOutcome(Guid sessionId, Guid itemId, string text) =>
        Session(sessionId).RecordOutcomeAsync(Caller, itemId, Required(text, LiveSessionLimits.SummaryMaxLength));

    public Task<long> Contribute(Guid sessionId, ContributeCommand command)
    {
        Required(command?.Text, LiveSessionLimits.ContributionMaxLength);
        Throttle();
        return Session(sessionId).ContributeAsync(Caller, command!);
    }

    public Task<long> React(Guid sessionId, Guid contributionId, string reaction)
    {
        Required(reaction, LiveSessionLimits.ReactionMaxLength);
        Throttle();
        return Session(sessionId).ReactAsync(Caller, contributionId, reaction);
    }

    public Task<long> RaiseHand(Guid sessionId) => Session(sessionId).RaiseHandAsync(Caller);

    public Task<long> LowerHand(Guid sessionId) => Session(sessionId).LowerHandAsync(Caller);

    public Task<long> GiveFloor(Guid sessionId, Guid? personId) => Session(sessionId).GiveFloorAsync(Caller, personId);

    public Task<long> ReorderQueue(Guid sessionId, IReadOnlyList<Guid> order) => Session(sessionId).ReorderQueueAsync(Caller, order ?? []);

    public Task<long> SkipSpeaker(Guid sessionId, Guid personId) => Session(sessionId).SkipSpeakerAsync(Caller, personId);

    public Task<long> Vote(Guid sessionId, Guid itemId, IReadOnlyList<int> choices) =>
        Session(sessionId).VoteAsync(Caller, itemId, choices is { Count: <= LiveSessionLimits.MaxPollOptions } ? choices : throw Malformed("choices"));

    public Task<long> SubmitStatement(Guid sessionId, Guid itemId, string text)
    {
        Required(text, LiveSessionLimits.StatementMaxLength);
        Throttle();
        return Session(sessionId).SubmitStatementAsync(Caller, itemId, text);
    }

    public Task<long> VoteOnStatement(Guid sessionId, Guid statementId, StatementVote vote) =>
        Session(sessionId).VoteOnStatementAsync(Caller, statementId, vote);

    public Task<long> PostSummary(Guid sessionId, Guid roomId, string text)
    {
        Required(text, LiveSessionLimits.SummaryMaxLength);
        Throttle();
        return Session(sessionId).PostSummaryAsync(Caller, roomId, text);
    }

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
