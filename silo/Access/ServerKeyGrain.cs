using System.Security.Cryptography;
using NetworkHub.Contracts.Access;

namespace NetworkHub.Silo.Access;

[GenerateSerializer, Alias("NetworkHub.ServerKeyState")]
public sealed class ServerKeyState
{
    [Id(0)] public byte[] Key { get; set; } = [];
}

public sealed class ServerKeyGrain(
    [PersistentState("server-key", StorageNames.Default)] IPersistentState<ServerKeyState> state) : Grain, IServerKeyGrain
{
    public async Task<byte[]> GetAsync()
    {
        if (state.State.Key.Length == 0)
        {
            state.State.Key = RandomNumberGenerator.GetBytes(32);
            await state.WriteStateAsync();
        }

        return state.State.Key;
    }
}
