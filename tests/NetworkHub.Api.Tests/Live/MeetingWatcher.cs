using Microsoft.AspNetCore.SignalR.Client;
using NetworkHub.Contracts.Committees;

namespace NetworkHub.Api.Tests.Live;

/// <summary>A real SignalR client watching committee meetings: the hub's "MeetingEvent", "MeetingEvents" and "MeetingSnapshot" messages and its JoinMeeting.</summary>
public sealed class MeetingWatcher : StreamClient<MeetingEvent, MeetingView>
{
    private MeetingWatcher(HubConnection connection, TestClient person)
        : base(connection, person, "MeetingEvent", "MeetingSnapshot", view => view.Sequence)
    {
    }

    public static async Task<MeetingWatcher> ConnectAsync(ApiHost host, TestClient person) =>
        new(await StartAsync(host, person, null, null), person);

    public Task<MeetingJoined> JoinAsync(Guid meetingId, long? after = null) =>
        JoinStreamAsync<MeetingJoined>("JoinMeeting", meetingId, after, joined => joined.Sequence);

    public Task<T> WaitForAsync<T>(Func<T, bool>? match = null) where T : MeetingChange =>
        WaitForChangeAsync(e => e.Change, match);
}
