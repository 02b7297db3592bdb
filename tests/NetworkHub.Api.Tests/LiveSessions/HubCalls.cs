using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Api.Tests.LiveSessions;

/// <summary>Calls of hub methods that answer a <see cref="HubReply{T}"/>, unwrapped the way every client does.</summary>
public static class HubCalls
{
    /// <summary>Invokes <paramref name="method"/> and returns its value; a failed reply throws <see cref="HubCallFailedException"/>.</summary>
    public static async Task<T> CallAsync<T>(this HubConnection connection, string method, params object?[] args)
    {
        var reply = await connection.InvokeCoreAsync<HubReply<T>>(method, args, TestContext.Current.CancellationToken);
        return reply.Error is { } error ? throw new HubCallFailedException(method, error) : reply.Value!;
    }

    /// <summary>Invokes <paramref name="method"/>, whatever it answers, and returns its error, or null when it succeeded.</summary>
    public static async Task<HubError?> ErrorOfAsync(this HubConnection connection, string method, params object?[] args) =>
        (await connection.InvokeCoreAsync<HubReply<JsonElement>>(method, args, TestContext.Current.CancellationToken)).Error;
}

/// <summary>A hub call answered with an error.</summary>
public sealed class HubCallFailedException(string method, HubError error) : Exception($"{method} failed: {error.Code}: {error.Message}")
{
    public HubError Error { get; } = error;
}
