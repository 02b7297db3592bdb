using NetworkHub.Contracts.Health;

namespace NetworkHub.Silo.Health;

[GenerateSerializer, Alias("NetworkHub.ReadinessProbeState")]
public sealed class ReadinessProbeState
{
    [Id(0)] public DateTimeOffset WrittenAt { get; set; }
}

public sealed class ReadinessProbeGrain(
    [PersistentState("readiness-probe", StorageNames.Default)] IPersistentState<ReadinessProbeState> state,
    TimeProvider time) : Grain, IReadinessProbeGrain
{
    public async Task ProveWriteAsync()
    {
        state.State.WrittenAt = time.GetUtcNow();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // As every grain does: after a failed write, memory must not claim what the database may not hold.
            DeactivateOnIdle();
            throw;
        }
    }
}
