namespace NetworkHub.Contracts.Access;

/// <summary>
/// One secret key of the deployment, keyed by its purpose (e.g. "account-key", "resource-id"). Made of 256 random
/// bits on first use and stored with the grain state, so every node and every restart uses the same key, and an
/// export carries it along with the data it protects.
/// </summary>
[Alias("NetworkHub.IServerKeyGrain")]
public interface IServerKeyGrain : IGrainWithStringKey
{
    Task<byte[]> GetAsync();
}
