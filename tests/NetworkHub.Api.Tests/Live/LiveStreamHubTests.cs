using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Api.Live;
using NetworkHub.Api.Tests.LiveSessions;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Live;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.Tests.Live;

/// <summary>
/// The hub's one join and leave for every kind of stream, over a real SignalR connection: a stream that does not
/// exist is the kind's not-found, and the node keeps nothing for it (no feed, no subscription).
/// </summary>
public sealed class LiveStreamHubTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    [Theory]
    [InlineData("Join", LiveStreamKind.Session, LiveSessionErrors.NotFound)]
    [InlineData("JoinMeeting", LiveStreamKind.Meeting, CommitteeErrors.MeetingNotFound)]
    [InlineData("JoinDocument", LiveStreamKind.Document, Contracts.Documents.DocumentErrors.NotFound)]
    public async Task Join_NoSuchStream_AnswersTheKindsNotFound_AndLeavesNoFeedOnTheNode(string method, LiveStreamKind kind, string code)
    {
        using var person = await TestClient.SignedUpAsync(_host, "Watcher");
        await using var client = await SessionClient.ConnectAsync(_host, person);
        var id = Guid.CreateVersion7();

        var first = await client.Connection.ErrorOfAsync(method, id, null);
        var again = await client.Connection.ErrorOfAsync(method, id, 3L);

        Assert.Equal(code, first?.Code);
        Assert.Equal(code, again?.Code);
        Assert.False(_host.Services.GetRequiredService<LiveRelay>().Holds(new LiveStream(kind, id)));
    }

    [Fact]
    public async Task LeaveMeeting_NotJoined_IsDone()
    {
        using var person = await TestClient.SignedUpAsync(_host, "Watcher");
        await using var client = await SessionClient.ConnectAsync(_host, person);

        Assert.Null(await client.Connection.ErrorOfAsync("LeaveMeeting", Guid.CreateVersion7()));
    }
}
