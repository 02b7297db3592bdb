using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using NetworkHub.Contracts.Access;

namespace NetworkHub.Api.Infrastructure;

/// <summary>
/// Keyed hashes with the deployment's own keys (<see cref="IServerKeyGrain"/>), fetched once per node and purpose.
/// A plain hash of an e-mail address or a client-chosen id could be computed by anyone; a keyed one only by us.
/// </summary>
public sealed class ServerKeys(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _keys = new(StringComparer.Ordinal);

    /// <summary>HMAC-SHA256 of <paramref name="value"/> under the key of <paramref name="purpose"/>.</summary>
    public async Task<byte[]> HashAsync(string purpose, string value)
    {
        var key = await KeyAsync(purpose);
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value));
    }

    private async Task<byte[]> KeyAsync(string purpose)
    {
        var key = _keys.GetOrAdd(purpose, p => new Lazy<Task<byte[]>>(() => grains.GetGrain<IServerKeyGrain>(p).GetAsync()));
        try
        {
            return await key.Value;
        }
        catch
        {
            // A failed fetch (silo or database away) is not cached: the next call asks again.
            _keys.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(purpose, key));
            throw;
        }
    }
}
