namespace NetworkHub.Contracts.Health;

/// <summary>
/// Proves that grain state can be written: the readiness check asks it to write a small state through the same
/// storage provider every grain uses, so a full disk, a read-only file or a lost database shows as not ready.
/// </summary>
[Alias("NetworkHub.IReadinessProbeGrain")]
public interface IReadinessProbeGrain : IGrainWithStringKey
{
    /// <summary>Writes the probe's state; fails with the storage's own exception when the write fails.</summary>
    Task ProveWriteAsync();
}
