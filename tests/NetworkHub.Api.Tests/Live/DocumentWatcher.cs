using Microsoft.AspNetCore.SignalR.Client;
using NetworkHub.Contracts.Documents;

namespace NetworkHub.Api.Tests.Live;

/// <summary>A real SignalR client watching documents: the hub's "DocumentEvent", "DocumentEvents" and "DocumentSnapshot" messages and its JoinDocument.</summary>
public sealed class DocumentWatcher : StreamClient<DocumentEvent, DocumentSnapshot>
{
    private DocumentWatcher(HubConnection connection, TestClient person)
        : base(connection, person, "DocumentEvent", "DocumentSnapshot", snapshot => snapshot.Sequence)
    {
    }

    public static async Task<DocumentWatcher> ConnectAsync(ApiHost host, TestClient person) =>
        new(await StartAsync(host, person, null, null), person);

    public Task<DocumentJoined> JoinAsync(Guid documentId, long? after = null) =>
        JoinStreamAsync<DocumentJoined>("JoinDocument", documentId, after, joined => joined.Sequence);

    public Task<T> WaitForAsync<T>(Func<T, bool>? match = null) where T : DocumentChange =>
        WaitForChangeAsync(e => e.Change, match);
}
