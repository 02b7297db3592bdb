using System.Net;
using System.Text.Json;
using NetworkHub.Api.LiveSessions;
using NetworkHub.Api.Tests.LiveSessions;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.Tests.Committees;

/// <summary>From a live session's breakout to a numbered decision of the forum's committee, over REST and the hub.</summary>
public sealed class ProposalApiTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    private static readonly object[] Agenda = [new { title = "Land in the valley", format = "breakout", plannedMinutes = 20, breakout = new { rooms = 1, mode = "random" } }];

    [Fact]
    public async Task BreakoutSummary_BecomesADraftMotion_MovedAdoptedAndNumbered_AndTheSessionRecordShowsTheNumber()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 2, agenda: Agenda);
        var (committee, seats) = await CommitteeAsync(scenario);
        var summary = await SummaryAsync(scenario);
        var proposals = $"{scenario.SessionPath}/proposals";
        var body = new { committeeId = committee, kind = "motion", source = new { kind = "summary", itemId = scenario.ItemId(0), roomId = summary.RoomId } };

        var proposed = await scenario.Facilitator.PostWithKeyAsync(proposals, body, "land-motion");
        var proposal = await TestClient.ReadAsync<JsonElement>(proposed, HttpStatusCode.Created);
        var repeated = await TestClient.ReadAsync<JsonElement>(await scenario.Facilitator.PostWithKeyAsync(proposals, body, "land-motion"), HttpStatusCode.Created);
        var proposalId = proposal.GetProperty("proposalId").GetGuid();
        var meeting = await SittingAsync(scenario.Facilitator, committee, seats);
        var item = (await scenario.Facilitator.GetAsync<JsonElement>(meeting)).GetProperty("agenda")[0].GetProperty("id").GetGuid();
        var motion = await TestClient.ReadAsync<JsonElement>(await scenario.Facilitator.PostAsync($"{meeting}/motions", new
        {
            title = proposal.GetProperty("title").GetString(),
            text = proposal.GetProperty("text").GetString(),
            moverSeatId = seats[0].SeatId,
            seconderSeatId = seats[1].SeatId,
            agendaItemId = item,
            fromProposal = proposalId,
        }), HttpStatusCode.OK);
        var vote = await TestClient.ReadAsync<JsonElement>(await scenario.Facilitator.PostAsync($"{meeting}/votes", new { motionId = motion.GetProperty("motionId"), ballot = "open" }), HttpStatusCode.OK);
        foreach (var (seat, representative) in seats)
        {
            await TestClient.Expect(await representative.PostAsync($"{meeting}/votes/{vote.GetProperty("voteId")}/ballots", new { seatId = seat, choice = "yes" }), HttpStatusCode.OK);
        }

        await TestClient.Expect(await scenario.Facilitator.PostAsync($"{meeting}/votes/{vote.GetProperty("voteId")}/close"), HttpStatusCode.OK);
        await summary.Facilitator.SendAsync("Close", scenario.Session.Id);
        var record = await TestClient.EventuallyAsync(
            () => scenario.Facilitator.GetAsync<LiveSessionRecord>($"{scenario.SessionPath}/record"), r => r.Proposals is [{ DecisionNumber: not null }]);
        var markdown = await (await scenario.Facilitator.GetAsync($"{scenario.SessionPath}/record.md")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(("draft", "summary", summary.Text), (proposal.GetProperty("status").GetString(), proposal.GetProperty("origin").GetProperty("sourceKind").GetString(),
            proposal.GetProperty("origin").GetProperty("quote").GetString()));
        Assert.Equal(("Land in the valley", summary.Text), (proposal.GetProperty("title").GetString(), proposal.GetProperty("text").GetString()));
        Assert.Equal(proposalId, repeated.GetProperty("proposalId").GetGuid());
        Assert.Equal((proposalId, scenario.Session.Id), (motion.GetProperty("fromProposal").GetGuid(), motion.GetProperty("origin").GetProperty("sessionId").GetGuid()));
        var decided = Assert.Single(record.Proposals);
        Assert.Equal((ProposalStatus.Decided, $"SC-{DateTimeOffset.UtcNow.Year}-001"), (decided.Status, decided.DecisionNumber));
        Assert.Equal(motion.GetProperty("motionId").GetGuid(), decided.MotionId);
        Assert.Contains("## Proposals to committees", markdown);
        Assert.Contains($"decision {LiveSessionMarkdown.Escape(decided.DecisionNumber!)}", markdown);
        var inCommittee = await scenario.Facilitator.GetAsync<JsonElement>($"/api/v1/committees/{committee}/proposals/{proposalId}");
        Assert.Equal(decided.DecisionNumber, inCommittee.GetProperty("decisionNumber").GetString());
    }

    [Fact]
    public async Task APrivateCommitteesProposals_AreInvisibleToSessionParticipantsOutsideIt_AndOnlyItsRunnersMayPropose()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 2, agenda: Agenda);
        var (committee, _) = await CommitteeAsync(scenario);
        var summary = await SummaryAsync(scenario);
        var proposals = $"{scenario.SessionPath}/proposals";
        var body = new { committeeId = committee, kind = "action-item", source = new { kind = "summary", itemId = scenario.ItemId(0), roomId = summary.RoomId }, title = "Map the valley" };
        var participant = scenario.Participants[0];
        await summary.Facilitator.SendAsync("AppointCoFacilitator", scenario.Session.Id, participant.PersonId);

        var byCoFacilitatorOutside = await participant.PostAsync(proposals, body);
        var byObserver = await scenario.Observer.PostAsync(proposals, body);
        var noRoom = await scenario.Facilitator.PostAsync(proposals, new { committeeId = committee, kind = "motion", source = new { kind = "summary", itemId = scenario.ItemId(0) } });
        var unknownSource = await scenario.Facilitator.PostAsync(proposals, new { committeeId = committee, kind = "motion", source = new { kind = "outcome", itemId = scenario.ItemId(0) } });
        var made = await TestClient.ReadAsync<JsonElement>(await scenario.Facilitator.PostAsync(proposals, body), HttpStatusCode.Created);
        var listedForFacilitator = await scenario.Facilitator.GetAsync<List<JsonElement>>(proposals);
        var listedForParticipant = await participant.GetAsync<List<JsonElement>>(proposals);
        var committeesProposal = await participant.GetAsync($"/api/v1/committees/{committee}/proposals/{made.GetProperty("proposalId")}");
        var actionItems = await scenario.Facilitator.GetAsync<List<JsonElement>>($"/api/v1/committees/{committee}/action-items");

        await TestClient.ProblemAsync(byCoFacilitatorOutside, HttpStatusCode.NotFound, ErrorCodes.SpaceNotFound);
        await TestClient.ProblemAsync(byObserver, HttpStatusCode.Forbidden, LiveSessionErrors.NotFacilitator);
        await TestClient.ProblemAsync(noRoom, HttpStatusCode.BadRequest);
        await TestClient.ProblemAsync(unknownSource, HttpStatusCode.NotFound, LiveSessionErrors.SourceNotFound);
        Assert.Equal(("action-item", "Map the valley"), (made.GetProperty("status").GetString(), Assert.Single(actionItems).GetProperty("title").GetString()));
        Assert.Equal(made.GetProperty("actionItemId").GetGuid(), actionItems[0].GetProperty("itemId").GetGuid());
        Assert.Equal(scenario.Session.Id, actionItems[0].GetProperty("origin").GetProperty("sessionId").GetGuid());
        Assert.Single(listedForFacilitator);
        Assert.Empty(listedForParticipant);
        await TestClient.ProblemAsync(committeesProposal, HttpStatusCode.NotFound, ErrorCodes.SpaceNotFound);
    }

    private sealed record Summary(SessionClient Facilitator, Guid RoomId, string Text);

    /// <summary>Everyone joins, the breakout opens at the start, and the room's rapporteur reports back.</summary>
    private static async Task<Summary> SummaryAsync(SessionScenario scenario)
    {
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);
        var participants = new List<SessionClient>();
        foreach (var participant in scenario.Participants)
        {
            participants.Add(await scenario.JoinAsync(participant));
        }

        await facilitator.SendAsync("Start", scenario.Session.Id);
        var room = Assert.Single((await facilitator.WaitForAsync<BreakoutOpened>()).Rooms);
        var rapporteur = participants[scenario.Participants.FindIndex(p => p.PersonId == room.Rapporteur)];
        const string text = "The valley's families map their plots together before the land office visits.";
        var posted = await rapporteur.SendAsync("PostSummary", scenario.Session.Id, room.Id, text);
        await facilitator.WaitForSequenceAsync(posted);
        return new Summary(facilitator, room.Id, text);
    }

    /// <summary>
    /// A private committee of the scenario's forum (code SC), which the facilitator created, chairs and keeps the record
    /// of, with two held seats each represented by its organisation's coordinator.
    /// </summary>
    private async Task<(Guid Committee, IReadOnlyList<(Guid SeatId, TestClient Representative)> Seats)> CommitteeAsync(SessionScenario scenario)
    {
        var coordinator = scenario.Facilitator;
        var committee = (await TestClient.ReadAsync<JsonElement>(await coordinator.PostAsync($"/api/v1/forums/{scenario.Forum.Id}/committees",
            new { name = "Steering Committee", visibility = "private", code = "SC" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var seats = new List<(Guid, TestClient)>();
        for (var i = 0; i < 2; i++)
        {
            var representative = await TestClient.SignedUpAsync(_host, $"Representative {i}");
            var organisation = await representative.CreateOrganisationAsync(name: $"Partner {i}");
            var seat = (await TestClient.ReadAsync<JsonElement>(await coordinator.PostAsync($"/api/v1/committees/{committee}/seats",
                new { organisationId = organisation.Id, kind = "founding-partner" }), HttpStatusCode.Created)).GetProperty("seatId").GetGuid();
            await TestClient.Expect(await representative.PostAsync($"/api/v1/committees/{committee}/seats/{seat}/accept", new { representative = representative.PersonId }), HttpStatusCode.OK);
            seats.Add((seat, representative));
        }

        await TestClient.Expect(await coordinator.PutAsync($"/api/v1/committees/{committee}/offices", new { chair = coordinator.PersonId, secretary = coordinator.PersonId }), HttpStatusCode.OK);
        return (committee, seats);
    }

    private static async Task<string> SittingAsync(TestClient chair, Guid committee, IReadOnlyList<(Guid SeatId, TestClient Representative)> seats)
    {
        var scheduled = await TestClient.ReadAsync<JsonElement>(await chair.PostAsync($"/api/v1/committees/{committee}/meetings",
            new { title = "Steering committee", type = "regular", startsAt = "2026-03-02T09:00:00Z", timeZone = "UTC", agenda = new[] { new { title = "From the forum" } } }), HttpStatusCode.Created);
        var meeting = $"/api/v1/meetings/{scheduled.GetProperty("meetingId")}";
        await TestClient.Expect(await chair.PostAsync($"{meeting}/start"), HttpStatusCode.OK);
        foreach (var (seat, _) in seats)
        {
            await TestClient.Expect(await chair.PutAsync($"{meeting}/attendance/{seat}", new { status = "present" }), HttpStatusCode.OK);
        }

        return meeting;
    }
}
