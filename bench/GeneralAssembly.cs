using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace NetworkHub.Bench;

/// <summary>
/// A coalition's general assembly on the real platform, built through the REST API as its people would: the chair
/// (who is also secretary), one organisation per seat whose coordinator accepts the seat and represents it, observers
/// who watch, and a sitting with every seat present. Motions are moved by the first seat, seconded by the second.
/// </summary>
internal sealed class GeneralAssembly(Platform platform, string chair, Guid meetingId, Guid agendaItemId, IReadOnlyList<(Guid SeatId, string Token)> seats, IReadOnlyList<string> watchers)
{
    /// <summary>Distinct watching people at most: their connections are spread over them (a sign-up costs a password hash).</summary>
    public const int WatchingPeopleMax = 100;

    private const int Parallel = 8;

    public IReadOnlyList<(Guid SeatId, string Token)> Seats => seats;

    public static async Task<GeneralAssembly> SeedAsync(Platform platform, int seatCount, int watcherCount)
    {
        var (chair, chairId) = await platform.SignUpAsync("Chair");
        var coalition = await platform.PostAsync("/api/v1/coalitions", chair,
            new { name = "Bench coalition", country = "NL", visibility = "private", description = "Charter" });
        var committee = (await platform.PostAsync($"/api/v1/coalitions/{coalition.GetProperty("id").GetGuid()}/committees", chair,
            new { name = "General Assembly", visibility = "private", code = "GA" })).GetProperty("id").GetGuid();

        var seats = await InParallelAsync(seatCount, async i =>
        {
            var (token, person) = await platform.SignUpAsync($"Representative {i}");
            var organisation = await platform.PostAsync("/api/v1/organisations", token,
                new { name = $"Member organisation {i}", kind = "civil-society-organisation", country = "NL" });
            var seat = (await platform.PostAsync($"/api/v1/committees/{committee}/seats", chair,
                new { organisationId = organisation.GetProperty("id").GetGuid(), kind = "founding-partner" })).GetProperty("seatId").GetGuid();
            await platform.PostAsync($"/api/v1/committees/{committee}/seats/{seat}/accept", token, new { representative = person });
            return (seat, token);
        });
        await platform.SendAsync(HttpMethod.Put, $"/api/v1/committees/{committee}/offices", chair, new { chair = chairId, secretary = chairId });

        var watchers = await InParallelAsync(Math.Min(watcherCount, WatchingPeopleMax), async i =>
        {
            var (token, _) = await platform.SignUpAsync($"Observer {i}");
            var invitation = await platform.PostAsync($"/api/v1/committees/{committee}/invitations", chair, new { role = "observer" });
            await platform.PostAsync($"/api/v1/invitations/{invitation.GetProperty("token").GetString()}/accept", token);
            return token;
        });

        var meeting = await platform.PostAsync($"/api/v1/committees/{committee}/meetings", chair, new
        {
            title = "General assembly",
            type = "regular",
            startsAt = DateTimeOffset.UtcNow,
            timeZone = "UTC",
            agenda = new[] { new { title = "Motions" } },
        });
        var meetingId = meeting.GetProperty("meetingId").GetGuid();
        await platform.PostAsync($"/api/v1/meetings/{meetingId}/start", chair);
        await InParallelAsync(seatCount, async i =>
            await platform.SendAsync(HttpMethod.Put, $"/api/v1/meetings/{meetingId}/attendance/{seats[i].seat}", chair, new { status = "present" }));
        return new GeneralAssembly(platform, chair, meetingId, meeting.GetProperty("agenda")[0].GetProperty("id").GetGuid(), seats, watchers);
    }

    /// <summary>
    /// A watcher's connection, joined to the meeting's stream; <paramref name="received"/> gets each event's JSON and
    /// <paramref name="snapshot"/> is told of each snapshot after the first (a node that fell behind sends one instead of events).
    /// </summary>
    public async Task<HubConnection> WatchAsync(int index, Action<JsonElement> received, Action snapshot)
    {
        var joined = false;
        var connection = await Connections.OpenAsync(new Uri(platform.Address, "/hubs/sessions"), watchers[index % watchers.Count], c =>
        {
            c.On<JsonElement>("MeetingEvent", received);
            c.On<JsonElement[]>("MeetingEvents", batch => Array.ForEach(batch, received));
            c.On<JsonElement>("MeetingSnapshot", _ =>
            {
                if (Volatile.Read(ref joined))
                {
                    snapshot();
                }
            });
        });
        await connection.CallAsync<JsonElement>("JoinMeeting", meetingId, null);
        Volatile.Write(ref joined, true);
        return connection;
    }

    /// <summary>Moves, seconds and puts a motion to the vote: the vote's id.</summary>
    public async Task<Guid> OpenVoteAsync(int number, string ballot)
    {
        var motion = await platform.PostAsync($"/api/v1/meetings/{meetingId}/motions", chair, new
        {
            title = $"Motion {number}",
            text = $"The assembly adopts resolution {number}.",
            moverSeatId = seats[0].SeatId,
            seconderSeatId = seats[1].SeatId,
            agendaItemId,
        });
        var vote = await platform.PostAsync($"/api/v1/meetings/{meetingId}/votes", chair, new { motionId = motion.GetProperty("motionId").GetGuid(), ballot });
        return vote.GetProperty("voteId").GetGuid();
    }

    /// <summary>Casts seat <paramref name="index"/>'s vote as its representative: the allotments that have responded once it counts.</summary>
    public async Task<int> CastAsync(Guid voteId, int index)
    {
        var (seat, token) = seats[index];
        var vote = await platform.PostAsync($"/api/v1/meetings/{meetingId}/votes/{voteId}/ballots", token, new { seatId = seat, choice = index % 4 == 3 ? "no" : "yes" });
        return vote.GetProperty("tally").GetProperty("respondedAllotments").GetInt32();
    }

    public Task CloseVoteAsync(Guid voteId) => platform.PostAsync($"/api/v1/meetings/{meetingId}/votes/{voteId}/close", chair);

    private static async Task<T[]> InParallelAsync<T>(int count, Func<int, Task<T>> each)
    {
        using var gate = new SemaphoreSlim(Parallel);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                return await each(i);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
