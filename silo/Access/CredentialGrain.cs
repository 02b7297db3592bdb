using NetworkHub.Contracts.Access;

namespace NetworkHub.Silo.Access;

[GenerateSerializer, Alias("NetworkHub.CredentialState")]
public sealed class CredentialState
{
    [Id(0)] public Caller? Caller { get; set; }
    [Id(1)] public DateTimeOffset? ExpiresAt { get; set; }
    [Id(2)] public bool Revoked { get; set; }
}

public sealed class CredentialGrain(
    [PersistentState("credential", StorageNames.Default)] IPersistentState<CredentialState> state,
    TimeProvider clock) : Grain, ICredentialGrain
{
    public async Task IssueAsync(IssueCredentialCommand command)
    {
        state.State.Caller = command.Caller;
        state.State.ExpiresAt = command.ExpiresAt;
        state.State.Revoked = false;
        await state.WriteStateAsync();
    }

    public Task<Caller?> ResolveAsync()
    {
        var s = state.State;
        var valid = s.Caller is not null && !s.Revoked && (s.ExpiresAt is not { } at || at > clock.GetUtcNow());
        return Task.FromResult(valid ? s.Caller : null);
    }

    public async Task RevokeAsync()
    {
        if (state.State.Caller is not null && !state.State.Revoked)
        {
            state.State.Revoked = true;
            await state.WriteStateAsync();
        }
    }
}
