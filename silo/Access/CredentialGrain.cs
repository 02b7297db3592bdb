using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkHub.Contracts.Access;

namespace NetworkHub.Silo.Access;

[GenerateSerializer, Alias("NetworkHub.CredentialState")]
public sealed class CredentialState
{
    [Id(0)] public Caller? Caller { get; set; }
    [Id(1)] public DateTimeOffset? ExpiresAt { get; set; }
    [Id(2)] public bool Revoked { get; set; }
    [Id(3)] public SignInFacts? SignIn { get; set; }
}

/// <summary>
/// A token that expires takes an Orleans reminder due at its expiry, which deletes the stored credential: the
/// reminder lives in the database, not in this activation, so it fires on whichever silo is alive then, even
/// if the token is never presented again and the silo that issued it is gone.
/// </summary>
public sealed partial class CredentialGrain(
    [PersistentState("credential", StorageNames.Default)] IPersistentState<CredentialState> state,
    TimeProvider clock, IOptions<AccountOptions> options, ILogger<CredentialGrain> logger) : Grain, ICredentialGrain, IRemindable
{
    public const string ExpiryReminder = "expiry";

    /// <summary>API nodes with open connections made with this credential; in memory, since they renew their lease.</summary>
    private readonly Dictionary<string, (ICredentialObserver Observer, DateTimeOffset Until)> _watchers = new(StringComparer.Ordinal);

    public async Task IssueAsync(IssueCredentialCommand command)
    {
        if (command.ExpiresAt is { } expiresAt)
        {
            // Registered before the state is written: if the write fails, the reminder finds nothing and goes
            // away; the other order could leave a stored credential that nothing ever deletes.
            var due = expiresAt - clock.GetUtcNow();
            await this.RegisterOrUpdateReminder(ExpiryReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, options.Value.ExpiryCheckPeriod);
        }

        state.State.Caller = command.Caller;
        state.State.ExpiresAt = command.ExpiresAt;
        state.State.Revoked = false;
        state.State.SignIn = command.SignIn;
        await state.WriteStateAsync();
    }

    /// <summary>The caller carries whether this sign-in used a second factor, so every access decision can ask it.</summary>
    public Task<Caller?> ResolveAsync() => Task.FromResult(IsValid
        ? state.State.Caller! with { SecondFactor = state.State.Caller!.PersonId is not null && state.State.SignIn is { SecondFactor: true } }
        : null);

    public async Task<SignInFacts?> GetSignInAsync() =>
        await ResolveAsync() is null ? null : state.State.SignIn;

    public async Task RevokeAsync()
    {
        if (state.State.Caller is not null && !state.State.Revoked)
        {
            state.State.Revoked = true;
            await state.WriteStateAsync();
        }

        // Two-way and awaited, so signing out returns once no open connection carries the token any more; a node that
        // does not answer in time still checks again on its connections' next call and at its next renewal.
        var now = clock.GetUtcNow();
        var watching = _watchers.Values.Where(w => w.Until > now).Select(w => w.Observer).ToList();
        _watchers.Clear();
        var key = this.GetPrimaryKeyString();
        try
        {
            await Task.WhenAll(watching.Select(o => o.CredentialEnded(key))).WaitAsync(CredentialLease.NotifyLimit, clock);
        }
        catch (Exception e)
        {
            LogNotifyFailed(logger, key, e);
        }
    }

    public Task<CredentialStatus> WatchAsync(string hostId, ICredentialObserver observer)
    {
        var now = clock.GetUtcNow();
        foreach (var gone in _watchers.Where(w => w.Value.Until <= now).Select(w => w.Key).ToList())
        {
            _watchers.Remove(gone);
        }

        var valid = IsValid;
        if (valid)
        {
            _watchers[hostId] = (observer, now + CredentialLease.Duration);
        }

        return Task.FromResult(new CredentialStatus(valid, valid ? state.State.ExpiresAt : null));
    }

    public async Task EraseAsync()
    {
        await RevokeAsync();
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        if (await this.GetReminder(ExpiryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        DeactivateOnIdle();
    }

    private bool IsValid => state.State is { Caller: not null, Revoked: false } s && (s.ExpiresAt is not { } at || at > clock.GetUtcNow());

    /// <summary>
    /// Deletes the credential once it has expired. A tick that fails (database down) or that a dead silo
    /// missed comes again after <see cref="AccountOptions.ExpiryCheckPeriod"/>.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ExpiryReminder || (state.State.ExpiresAt is { } at && at > clock.GetUtcNow()))
        {
            // Early by the clock difference between silos: the next tick comes after the period.
            return;
        }

        if (state.RecordExists)
        {
            await state.ClearStateAsync();
            var key = this.GetPrimaryKeyString();
            LogExpired(logger, key);
        }

        if (await this.GetReminder(ExpiryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        DeactivateOnIdle();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revoked credential {CredentialKey}: not every node watching it answered in time")]
    private static partial void LogNotifyFailed(ILogger logger, string credentialKey, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Expired credential {CredentialKey} deleted")]
    private static partial void LogExpired(ILogger logger, string credentialKey);
}
