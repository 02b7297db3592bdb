using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Access;
using NetworkHub.Silo.Access;

namespace NetworkHub.Api.Accounts;

/// <summary>Grain keys for accounts and client addresses: keyed hashes, so neither an address nor an IP is ever a key.</summary>
internal static class AccountKeys
{
    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>The account of a normalised address; the prefix keeps Orleans from reading the key as a number.</summary>
    public static async Task<IAccountGrain> AccountAsync(this ServerKeys keys, IGrainFactory grains, string email) =>
        grains.GetGrain<IAccountGrain>(AccountGrain.KeyPrefix + Base64Url.EncodeToString(await keys.HashAsync("account-key", email)));

    /// <summary>
    /// The throttle of the request's client address. An IPv6 client usually holds a whole /64, so that is one
    /// address here; an IPv4-mapped address counts as its IPv4 one.
    /// </summary>
    public static async Task<IClientThrottleGrain> ClientThrottleAsync(this ServerKeys keys, IGrainFactory grains, HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }

        return grains.GetGrain<IClientThrottleGrain>("addr_" + Base64Url.EncodeToString(await keys.HashAsync("client-address", address.ToString())));
    }
}
