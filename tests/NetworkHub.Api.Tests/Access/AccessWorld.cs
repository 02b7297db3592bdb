using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Api.Tests.LiveSessions;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Access;

/// <summary>
/// The world the matrix runs in, built once. For each visibility there is an organisation, a coalition (with that
/// organisation as an active member organisation), and in the coalition a forum, a working group and a committee, all
/// of that visibility; in each of these fifteen spaces the observer, the member, a target person (for role changes and
/// removals) and the later-removed and later-signed-out people hold their roles, two applicants wait with join
/// requests (made before the private ones were made private), and one invitation is open. Each forum has an open
/// session and a closed one; the private forum has a running session for the hub. Guest organisations stand by for
/// the coalition's organisation routes and the committees' seats. The coordinator chairs each committee and is its
/// secretary, and represents a second seat there; each committee has a scheduled meeting with circulated minutes, and
/// rows that change a meeting schedule their own. Destructive rows act on these targets and put them back.
/// </summary>
public sealed partial class AccessWorld(SharedHost shared) : IAsyncLifetime
{
    public const SpaceKind Organisation = SpaceKind.Organisation;
    public const SpaceKind Coalition = SpaceKind.Coalition;
    public const SpaceKind WorkingGroup = SpaceKind.WorkingGroup;
    public const SpaceKind Forum = SpaceKind.Forum;
    public const SpaceKind Committee = SpaceKind.Committee;

    private readonly Dictionary<Principal, TestClient> _people = [];
    private readonly Dictionary<(SpaceKind, Visibility), Guid> _spaces = [];
    private readonly Dictionary<(SpaceKind, Visibility), Guid> _invitations = [];
    private readonly Dictionary<(Principal, Visibility), TestClient> _keys = [];
    private readonly Dictionary<Visibility, Guid> _revocableKeys = [];
    private readonly Dictionary<Visibility, Guid> _openSessions = [];
    private readonly Dictionary<Visibility, Guid> _closedSessions = [];
    private readonly Dictionary<Visibility, Guid> _proposalSessions = [];
    private readonly Dictionary<Visibility, Guid> _outcomeItems = [];
    private readonly Dictionary<Visibility, Guid> _proposals = [];
    private readonly List<IAsyncDisposable> _connections = [];
    private readonly Dictionary<Visibility, Guid> _offeredSeats = [];
    private readonly Dictionary<Visibility, Guid> _heldSeats = [];
    private readonly Dictionary<Visibility, string> _decisions = [];
    private readonly Dictionary<Visibility, string> _meetings = [];
    private readonly Dictionary<Visibility, Guid> _secondSeats = [];

    public ApiHost Host => shared.Host;

    public TestClient Coordinator => _people[Principal.Coordinator];

    /// <summary>A member of every space whose role is changed and who is removed by the rows that do that.</summary>
    public TestClient Target { get; private set; } = null!;

    /// <summary>Waits with a join request in every space, for the approve row.</summary>
    public TestClient Applicant { get; private set; } = null!;

    /// <summary>Waits with a join request in every space, for the reject row.</summary>
    public TestClient Rejected { get; private set; } = null!;

    /// <summary>Guest organisations (public, coordinated by the coordinator): not yet invited, invited, invited, active.</summary>
    public Guid GuestToInvite { get; private set; }

    public Guid GuestToAccept { get; private set; }

    public Guid GuestToDecline { get; private set; }

    public Guid GuestToRemove { get; private set; }

    /// <summary>
    /// Organisations (public, coordinated by the coordinator, the member among their people) for the committees' seat
    /// rows: not offered a seat, offered one, and holding one with the member as its representative.
    /// </summary>
    public Guid SeatGuestToInvite { get; private set; }

    public Guid SeatGuestOffered { get; private set; }

    public Guid SeatGuestHolding { get; private set; }

    /// <summary>The number of a decision in the register of the committee of that visibility.</summary>
    public string Decision(Visibility visibility) => _decisions[visibility];

    /// <summary>The path of a scheduled meeting of the committee of that visibility, whose minutes are drafted and circulated.</summary>
    public string Meeting(Visibility visibility) => _meetings[visibility];

    /// <summary>The offered seat of <see cref="SeatGuestOffered"/> in the committee of that visibility; a row that answers it offers a new one.</summary>
    public Guid OfferedSeat(Visibility visibility) => _offeredSeats[visibility];

    /// <summary>The held seat of <see cref="SeatGuestHolding"/>; a row that ends it makes a new one.</summary>
    public Guid HeldSeat(Visibility visibility) => _heldSeats[visibility];

    /// <summary>A private coalition whose invitations the invitation-link rows use and accept; nothing else is in it.</summary>
    public Guid InvitationCoalition { get; private set; }

    /// <summary>The running session of the private forum, for the hub rows; its first item is a plenary.</summary>
    public LiveSessionDetails HubSession { get; private set; } = null!;

    public Guid HubContribution { get; private set; }

    /// <summary>A second session of the private forum, which the hub's close row closes, so the order of rows does not matter.</summary>
    public Guid HubSessionToClose { get; private set; }

    /// <summary>Hub connections opened before the member was removed and before the token was signed out.</summary>
    public SessionClient RemovedConnection { get; private set; } = null!;

    public SessionClient SignedOutConnection { get; private set; } = null!;

    public TimeSpan BuildTime { get; private set; }

    public TestClient Client(Principal principal, Visibility visibility = Visibility.Public) => principal switch
    {
        Principal.OwnReadKey or Principal.OwnWriteKey => _keys[(principal, visibility)],
        Principal.OtherWriteKey => _keys[(principal, Visibility.Public)],
        _ => _people[principal],
    };

    /// <summary>The bearer secret the principal presents, or null for anonymous.</summary>
    public string? Secret(Principal principal, Visibility visibility = Visibility.Public) =>
        Client(principal, visibility).Http.DefaultRequestHeaders.Authorization?.Parameter;

    public Guid Space(SpaceKind kind, Visibility visibility) => _spaces[(kind, visibility)];

    public string Path(SpaceKind kind, Visibility visibility) => $"{Route(kind)}/{Space(kind, visibility)}";

    public Guid OpenInvitation(SpaceKind kind, Visibility visibility) => _invitations[(kind, visibility)];

    public Guid RevocableKey(Visibility visibility) => _revocableKeys[visibility];

    public Guid OpenSession(Visibility visibility) => _openSessions[visibility];

    public Guid ClosedSession(Visibility visibility) => _closedSessions[visibility];

    /// <summary>A session with an outcome to propose from, of its own so that no other row changes its agenda.</summary>
    public Guid ProposalSession(Visibility visibility) => _proposalSessions[visibility];

    public Guid OutcomeItem(Visibility visibility) => _outcomeItems[visibility];

    /// <summary>A draft motion in the row's committee, proposed from the proposal session by the coordinator.</summary>
    public Guid Proposal(Visibility visibility) => _proposals[visibility];

    /// <summary>A proposal from the row's proposal session to the row's committee, with the outcome as its text.</summary>
    public object ProposalBody(Visibility visibility) => new
    {
        committeeId = Space(Committee, visibility),
        kind = "motion",
        source = new { kind = "outcome", itemId = OutcomeItem(visibility) },
    };

    public static string Route(SpaceKind kind) => kind switch
    {
        SpaceKind.Organisation => "/api/v1/organisations",
        SpaceKind.Coalition => "/api/v1/coalitions",
        SpaceKind.WorkingGroup => "/api/v1/working-groups",
        SpaceKind.Committee => "/api/v1/committees",
        _ => "/api/v1/forums",
    };

    public async ValueTask InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var host = Host;
        string[] names = ["Coordinator", "Outsider", "Observer", "Member", "Removed", "Signed out", "Target", "Applicant", "Rejected"];
        var people = await Task.WhenAll(names.Select(name => TestClient.SignedUpAsync(host, name)));
        _people[Principal.Anonymous] = host.CreateClient();
        _people[Principal.Coordinator] = people[0];
        _people[Principal.Outsider] = people[1];
        _people[Principal.Observer] = people[2];
        _people[Principal.Member] = people[3];
        _people[Principal.Removed] = people[4];
        _people[Principal.SignedOut] = people[5];
        (Target, Applicant, Rejected) = (people[6], people[7], people[8]);
        var coordinator = Coordinator;

        foreach (var visibility in Enum.GetValues<Visibility>())
        {
            // Private spaces start members-only so that the applicants can ask to join; they are narrowed below.
            var initial = visibility == Visibility.Private ? Visibility.MembersOnly : visibility;
            _spaces[(Organisation, visibility)] = (await coordinator.CreateOrganisationAsync(initial)).Id;
            _spaces[(Coalition, visibility)] = (await coordinator.CreateCoalitionAsync(initial)).Id;
            var coalition = Path(Coalition, visibility);
            _spaces[(Forum, visibility)] = await CreateAsync(coordinator, $"{coalition}/forums", new { name = "Foro", visibility = initial });
            _spaces[(WorkingGroup, visibility)] = await CreateAsync(coordinator, $"{coalition}/working-groups", new { name = "Grupo", visibility = initial });
            _spaces[(Committee, visibility)] = await CreateAsync(coordinator, $"{coalition}/committees", new { name = "Comité", visibility = initial });

            foreach (var kind in Enum.GetValues<SpaceKind>())
            {
                var path = Path(kind, visibility);
                await coordinator.AddMemberAsync(path, Client(Principal.Observer), SpaceRole.Observer);
                foreach (var member in new[] { Client(Principal.Member), Client(Principal.Removed), Client(Principal.SignedOut), Target })
                {
                    await coordinator.AddMemberAsync(path, member, SpaceRole.Member);
                }

                await RequestToJoinAsync(Applicant, path);
                await RequestToJoinAsync(Rejected, path);
                var invitation = await TestClient.ReadAsync<InvitationCreated>(await coordinator.PostAsync($"{path}/invitations", new { role = SpaceRole.Member }), HttpStatusCode.Created);
                _invitations[(kind, visibility)] = invitation.InvitationId;
            }

            var organisation = Space(Organisation, visibility);
            await TestClient.Expect(await coordinator.PostAsync($"{coalition}/organisations", new { organisationId = organisation }), HttpStatusCode.NoContent);
            await TestClient.Expect(await coordinator.PostAsync($"{coalition}/organisations/{organisation}/accept"), HttpStatusCode.NoContent);
            _keys[(Principal.OwnReadKey, visibility)] = await KeyClientAsync(organisation, "read");
            _keys[(Principal.OwnWriteKey, visibility)] = await KeyClientAsync(organisation, "read-write");
            _revocableKeys[visibility] = (await CreateKeyAsync(organisation, "read")).GetProperty("keyId").GetGuid();
        }

        foreach (var kind in new[] { Coalition, Organisation, Forum, WorkingGroup, Committee })
        {
            await UpdateAsync(kind, Visibility.Private);
        }

        var other = (await coordinator.CreateOrganisationAsync()).Id;
        _keys[(Principal.OtherWriteKey, Visibility.Public)] = await KeyClientAsync(other, "read-write");
        await BuildGuestsAsync();
        await BuildSeatsAsync();
        await BuildMeetingsAsync();
        InvitationCoalition = (await coordinator.CreateCoalitionAsync(Visibility.Private)).Id;
        await BuildSessionsAsync();
        await BuildFeedbackAsync();

        // The two principals whose access has just ended: over REST, after everything else.
        foreach (var space in _spaces)
        {
            var removed = await coordinator.DeleteAsync($"{Path(space.Key.Item1, space.Key.Item2)}/members/{Client(Principal.Removed).PersonId}");
            await TestClient.Expect(removed, HttpStatusCode.NoContent);
        }

        await TestClient.Expect(await Client(Principal.SignedOut).PostAsync("/api/v1/auth/sign-out"), HttpStatusCode.NoContent);
        BuildTime = started.Elapsed;
    }

    /// <summary>Puts a person back into a space with the role they had, after a row took them out.</summary>
    public async Task RejoinAsync(SpaceKind kind, Visibility visibility, TestClient person, SpaceRole role) =>
        await Coordinator.AddMemberAsync(Path(kind, visibility), person, role);

    public static async Task RequestToJoinAsync(TestClient person, string spacePath) =>
        await TestClient.Expect(await person.PostAsync($"{spacePath}/join-requests", new { message = "Please" }), HttpStatusCode.Accepted);

    /// <summary>A new invitation link to the invitation coalition, for a row that uses one up.</summary>
    public async Task<string> NewInvitationTokenAsync()
    {
        var response = await Coordinator.PostAsync($"/api/v1/coalitions/{InvitationCoalition}/invitations", new { role = SpaceRole.Observer });
        return (await TestClient.ReadAsync<InvitationCreated>(response, HttpStatusCode.Created)).Token;
    }

    /// <summary>Another sign-in of a principal's person, so that signing out does not end the principal's own token.</summary>
    public async Task<TestClient> SecondSignInAsync(Principal principal)
    {
        var client = Host.CreateClient();
        client.Email = Client(principal).Email;
        await client.SignInAsync();
        return client;
    }

    public static object SessionBody(object[]? agenda = null) => new
    {
        title = "Asamblea",
        startsAt = DateTimeOffset.UtcNow,
        endsAt = DateTimeOffset.UtcNow.AddHours(2),
        agenda = agenda ?? [new { title = "Apertura", format = "plenary", plannedMinutes = 10 }],
    };

    /// <summary>The update body of a space, unchanged but for its visibility.</summary>
    public static object UpdateBody(SpaceKind kind, Visibility visibility) => kind switch
    {
        SpaceKind.Organisation => new { name = "Red de Defensoras", kind = "civil-society-organisation", country = "CO", topics = new[] { "land rights" }, visibility },
        SpaceKind.Coalition => new { name = "Coalición por la Paz", country = "CO", topics = new[] { "peace" }, visibility, description = "Charter" },
        SpaceKind.WorkingGroup => new { name = "Grupo", visibility },
        SpaceKind.Committee => new { name = "Comité", visibility },
        _ => new { name = "Foro", visibility },
    };

    private async Task UpdateAsync(SpaceKind kind, Visibility visibility) =>
        await TestClient.Expect(await Coordinator.PutAsync(Path(kind, visibility), UpdateBody(kind, visibility)), HttpStatusCode.OK);

    private async Task BuildGuestsAsync()
    {
        var coordinator = Coordinator;
        GuestToInvite = (await coordinator.CreateOrganisationAsync()).Id;
        GuestToAccept = (await coordinator.CreateOrganisationAsync()).Id;
        GuestToDecline = (await coordinator.CreateOrganisationAsync()).Id;
        GuestToRemove = (await coordinator.CreateOrganisationAsync()).Id;
        foreach (var visibility in Enum.GetValues<Visibility>())
        {
            var coalition = Path(Coalition, visibility);
            foreach (var guest in new[] { GuestToAccept, GuestToDecline, GuestToRemove })
            {
                await TestClient.Expect(await coordinator.PostAsync($"{coalition}/organisations", new { organisationId = guest }), HttpStatusCode.NoContent);
            }

            await TestClient.Expect(await coordinator.PostAsync($"{coalition}/organisations/{GuestToRemove}/accept"), HttpStatusCode.NoContent);
        }
    }

    private async Task BuildSeatsAsync()
    {
        var coordinator = Coordinator;
        SeatGuestToInvite = (await coordinator.CreateOrganisationAsync()).Id;
        SeatGuestOffered = (await coordinator.CreateOrganisationAsync()).Id;
        SeatGuestHolding = (await coordinator.CreateOrganisationAsync()).Id;
        await coordinator.AddMemberAsync($"/api/v1/organisations/{SeatGuestHolding}", Client(Principal.Member), SpaceRole.Member);
        foreach (var visibility in Enum.GetValues<Visibility>())
        {
            await OfferSeatAgainAsync(visibility);
            await HoldSeatAgainAsync(visibility);

            // As a meeting records an adopted motion: there is no REST route that writes the register.
            var committee = Host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICommitteeGrain>(Space(Committee, visibility));
            var result = new VoteResult(VoteOutcome.Adopted, VotingMethod.SimpleMajority, new VoteTotals(1, 0, 0), 1, 1, 1, true);
            var decision = await committee.RecordDecisionAsync(new DecisionDraft(Guid.CreateVersion7(), Guid.CreateVersion7(), "Budget", "Adopted.", result, BallotKind.Open, DateTimeOffset.UtcNow));
            _decisions[visibility] = decision.Number;
        }
    }

    /// <summary>The offices the world's committees keep: the coordinator chairs them and is their secretary, so runs their meetings.</summary>
    public object Offices => new { chair = Coordinator.PersonId, coChairs = Array.Empty<Guid>(), secretary = Coordinator.PersonId };

    public static object MeetingBody => new
    {
        title = "Sesión",
        type = "regular",
        startsAt = DateTimeOffset.UtcNow.AddDays(7),
        timeZone = "America/Bogota",
        agenda = new[] { new { title = "Informe" } },
    };

    /// <summary>A second voting seat in each committee, with the coordinator as its representative; no row changes it.</summary>
    public Guid SecondSeat(Visibility visibility) => _secondSeats[visibility];

    /// <summary>
    /// A new meeting the coordinator schedules in the committee of that visibility, for a row that changes one: its path
    /// and its one agenda item.
    /// </summary>
    public async Task<(string Path, Guid Item)> NewMeetingAsync(Visibility visibility)
    {
        var scheduled = await Coordinator.PostAsync($"{Path(Committee, visibility)}/meetings", MeetingBody);
        var meeting = await TestClient.ReadAsync<JsonElement>(scheduled, HttpStatusCode.Created);
        return ($"/api/v1/meetings/{meeting.GetProperty("meetingId").GetGuid()}", meeting.GetProperty("agenda")[0].GetProperty("id").GetGuid());
    }

    private async Task BuildMeetingsAsync()
    {
        var coordinator = Coordinator;
        var second = (await coordinator.CreateOrganisationAsync()).Id;
        foreach (var visibility in Enum.GetValues<Visibility>())
        {
            var committee = Path(Committee, visibility);
            await TestClient.Expect(await coordinator.PutAsync($"{committee}/offices", Offices), HttpStatusCode.OK);
            var offered = await coordinator.PostAsync($"{committee}/seats", new { organisationId = second, kind = "founding-partner" });
            var seat = (await TestClient.ReadAsync<JsonElement>(offered, HttpStatusCode.Created)).GetProperty("seatId").GetGuid();
            await TestClient.Expect(await coordinator.PostAsync($"{committee}/seats/{seat}/accept", new { representative = coordinator.PersonId }), HttpStatusCode.OK);
            _secondSeats[visibility] = seat;

            var (meeting, _) = await NewMeetingAsync(visibility);
            await TestClient.Expect(await coordinator.PostAsync($"{meeting}/minutes", new { }), HttpStatusCode.OK);
            await TestClient.Expect(await coordinator.PostAsync($"{meeting}/minutes/circulate"), HttpStatusCode.OK);
            _meetings[visibility] = meeting;
        }
    }

    /// <summary>Offers <see cref="SeatGuestOffered"/> a seat in the committee of that visibility again.</summary>
    public async Task<HttpResponseMessage> OfferSeatAgainAsync(Visibility visibility)
    {
        var response = await Coordinator.PostAsync($"{Path(Committee, visibility)}/seats", new { organisationId = SeatGuestOffered });
        _offeredSeats[visibility] = (await TestClient.ReadAsync<JsonElement>(response, HttpStatusCode.Created)).GetProperty("seatId").GetGuid();
        return response;
    }

    /// <summary>Gives <see cref="SeatGuestHolding"/> a held seat again, with the member as its representative.</summary>
    public async Task<HttpResponseMessage> HoldSeatAgainAsync(Visibility visibility)
    {
        var committee = Path(Committee, visibility);
        var offered = await Coordinator.PostAsync($"{committee}/seats", new { organisationId = SeatGuestHolding, kind = "founding-partner" });
        var seat = (await TestClient.ReadAsync<JsonElement>(offered, HttpStatusCode.Created)).GetProperty("seatId").GetGuid();
        var accepted = await Coordinator.PostAsync($"{committee}/seats/{seat}/accept", new { representative = Client(Principal.Member).PersonId });
        await TestClient.Expect(accepted, HttpStatusCode.OK);
        _heldSeats[visibility] = seat;
        return accepted;
    }

    private async Task BuildSessionsAsync()
    {
        var coordinator = Coordinator;
        var facilitator = await ConnectAsync(coordinator.Token);
        foreach (var visibility in Enum.GetValues<Visibility>())
        {
            var sessions = $"{Path(Forum, visibility)}/sessions";
            _openSessions[visibility] = await CreateAsync(coordinator, sessions, SessionBody());
            var proposing = _proposalSessions[visibility] = await CreateAsync(coordinator, sessions, SessionBody());
            var details = await TestClient.ReadAsync<LiveSessionDetails>(await coordinator.GetAsync($"/api/v1/live-sessions/{proposing}"), HttpStatusCode.OK);
            _outcomeItems[visibility] = details.Agenda[0].Id;
            await facilitator.Connection.CallAsync<long>("RecordOutcome", proposing, details.Agenda[0].Id, "Acuerdo sobre el agua");
            var proposed = await coordinator.PostAsync($"/api/v1/live-sessions/{proposing}/proposals", ProposalBody(visibility));
            _proposals[visibility] = (await TestClient.ReadAsync<JsonElement>(proposed, HttpStatusCode.Created)).GetProperty("proposalId").GetGuid();
            var closed = await CreateAsync(coordinator, sessions, SessionBody());
            await facilitator.Connection.CallAsync<long>("Close", closed);
            _closedSessions[visibility] = closed;
        }

        var scheduled = await coordinator.PostAsync($"{Path(Forum, Visibility.Private)}/sessions", SessionBody(SessionScenario.FullAgenda));
        HubSession = await TestClient.ReadAsync<LiveSessionDetails>(scheduled, HttpStatusCode.Created);
        await facilitator.JoinAsync(HubSession.Id);
        await facilitator.SendAsync("Start", HubSession.Id);
        await facilitator.SendAsync("Contribute", HubSession.Id, new ContributeCommand(HubContribution = Guid.CreateVersion7(), "Bienvenida"));

        HubSessionToClose = await CreateAsync(coordinator, $"{Path(Forum, Visibility.Private)}/sessions", SessionBody());

        RemovedConnection = await ConnectAsync(Client(Principal.Removed).Token);
        await RemovedConnection.JoinAsync(HubSession.Id);
        SignedOutConnection = await ConnectAsync(Client(Principal.SignedOut).Token);
        await SignedOutConnection.JoinAsync(HubSession.Id);
    }

    private readonly Dictionary<Principal, SessionClient> _hub = [];

    /// <summary>The principal's hub connection for the hub rows (keys: the private organisation's), made on first use.</summary>
    public async Task<SessionClient> HubConnectionAsync(Principal principal) => principal switch
    {
        Principal.Removed => RemovedConnection,
        Principal.SignedOut => SignedOutConnection,
        _ when _hub.TryGetValue(principal, out var open) => open,
        _ => _hub[principal] = await ConnectAsync(Secret(principal, Visibility.Private)),
    };

    /// <summary>A real SignalR client over WebSockets presenting <paramref name="secret"/> (none for anonymous); closed with the world.</summary>
    public async Task<SessionClient> ConnectAsync(string? secret)
    {
        var person = Host.CreateClient();
        if (secret is not null)
        {
            person.UseBearer(secret);
        }

        var client = await SessionClient.ConnectAsync(Host, person, token: secret);
        _connections.Add(client);
        return client;
    }

    private async Task<TestClient> KeyClientAsync(Guid organisation, string scope)
    {
        var key = await CreateKeyAsync(organisation, scope);
        var client = Host.CreateClient();
        client.UseBearer(key.GetProperty("key").GetString()!);
        return client;
    }

    private async Task<JsonElement> CreateKeyAsync(Guid organisation, string scope) =>
        await TestClient.ReadAsync<JsonElement>(
            await Coordinator.PostAsync($"/api/v1/organisations/{organisation}/api-keys", new { name = $"{scope} key", scope }), HttpStatusCode.Created);

    public static async Task<Guid> CreateAsync(TestClient client, string path, object body) =>
        (await TestClient.ReadAsync<JsonElement>(await client.PostAsync(path, body), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        foreach (var client in _people.Values.Concat(_keys.Values).Concat([Target, Applicant, Rejected]))
        {
            client.Dispose();
        }
    }
}
