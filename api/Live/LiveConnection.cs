using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

using NetworkHub.Contracts.Live;

namespace NetworkHub.Api.Live;

/// <summary>
/// What the hub keeps per connection: the streams (sessions, meetings) it joined and the credential it was made with (a hash, never the
/// secret). Read from other threads when the credential ends, hence the concurrent set and the atomic end.
/// </summary>
internal sealed class LiveConnection(HubCallerContext context, string? credentialKey)
{
    private readonly ConcurrentDictionary<LiveStream, byte> _streams = new();
    private string? _endedCode;

    public HubCallerContext Context => context;

    /// <summary>Null for an anonymous connection.</summary>
    public string? CredentialKey => credentialKey;

    /// <summary>When the credential was last confirmed with its grain.</summary>
    public DateTimeOffset CheckedAt { get; set; }

    /// <summary>Why the connection ended (a <c>live-session.*</c> code), or null while it is good.</summary>
    public string? EndedCode => Volatile.Read(ref _endedCode);

    public ICollection<LiveStream> Streams => _streams.Keys;

    public static LiveConnection Of(HubCallerContext context) => (LiveConnection)context.Items[typeof(LiveConnection)]!;

    /// <summary>False when it had joined the stream already.</summary>
    public bool Join(LiveStream stream) => _streams.TryAdd(stream, 0);

    public bool Leave(LiveStream stream) => _streams.TryRemove(stream, out _);

    /// <summary>True for the first end only.</summary>
    public bool End(string code) => Interlocked.CompareExchange(ref _endedCode, code, null) is null;
}
