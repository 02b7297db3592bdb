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

    public Task<Caller?> ResolveAsync()
    {
        var s = state.State;
        var valid = s.Caller is not null && !s.Revoked && (s.ExpiresAt is not { } at || at > clock.GetUtcNow());
        return Task.FromResult(valid ? s.Caller : null);
    }

    public async Task<SignInFacts?> GetSignInAsync() =>
        await ResolveAsync() is null ? null : state.State.SignIn;

    public async Task RevokeAsync()
    {
        if (state.State.Caller is not null && !state.State.Revoked)
        {
            state.State.Revoked = true;
            await state.WriteStateAsync();
        }
    }

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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Expired credential {CredentialKey} deleted")]
    private static partial void LogExpired(ILogger logger, string credentialKey);
}
