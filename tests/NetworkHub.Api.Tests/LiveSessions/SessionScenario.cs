using System.Net;
using NetworkHub.Contracts.Forums;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.LiveSessions;

/// <summary>
/// A forum with a facilitator (its coordinator), participants (members) and an observer, and a session scheduled
/// in it with one agenda item of every format. People are new for every scenario.
/// </summary>
public sealed class SessionScenario : IAsyncDisposable
{
    private readonly List<SessionClient> _connections = [];

    private SessionScenario(ApiHost host) => Host = host;

    public ApiHost Host { get; }

    public TestClient Facilitator { get; private set; } = null!;

    public List<TestClient> Participants { get; } = [];

    public TestClient Observer { get; private set; } = null!;

    public ForumDetails Forum { get; private set; } = null!;

    public LiveSessionDetails Session { get; private set; } = null!;

    public string SessionPath => $"/api/v1/live-sessions/{Session.Id}";

    public static object[] FullAgenda =>
    [
        new { title = "Welcome and round of views", format = "plenary", plannedMinutes = 10 },
        new { title = "Who speaks for whom", format = "speaking-round", plannedMinutes = 15, speakerSeconds = 90 },
        new { title = "Which priority first", format = "poll", plannedMinutes = 5, poll = new { options = new[] { "Land", "Water", "Seeds" } } },
        new { title = "Where do we stand", format = "statements", plannedMinutes = 15 },
        new { title = "Working in rooms", format = "breakout", plannedMinutes = 20, breakout = new { rooms = 2, mode = "random" } },
    ];

    public static async Task<SessionScenario> CreateAsync(ApiHost host, int participants = 3, Visibility visibility = Visibility.Private, object[]? agenda = null)
    {
        var scenario = new SessionScenario(host);
        scenario.Facilitator = await TestClient.SignedUpAsync(host, "Facilitadora");
        var forum = await scenario.Facilitator.PostAsync("/api/v1/forums", new { name = "Foro de tierras", visibility });
        scenario.Forum = await TestClient.ReadAsync<ForumDetails>(forum, HttpStatusCode.Created);
        var forumPath = $"/api/v1/forums/{scenario.Forum.Id}";
        for (var i = 0; i < participants; i++)
        {
            var participant = await TestClient.SignedUpAsync(host, $"Participant {i + 1}");
            await scenario.Facilitator.AddMemberAsync(forumPath, participant, SpaceRole.Member);
            scenario.Participants.Add(participant);
        }

        scenario.Observer = await TestClient.SignedUpAsync(host, "Observer");
        await scenario.Facilitator.AddMemberAsync(forumPath, scenario.Observer, SpaceRole.Observer);

        var now = DateTimeOffset.UtcNow;
        var scheduled = await scenario.Facilitator.PostAsync($"{forumPath}/sessions", new
        {
            title = "Asamblea regional",
            description = "Quarterly assembly",
            startsAt = now,
            endsAt = now.AddHours(2),
            timeZone = "America/Bogota",
            languages = new[] { "es", "en" },
            agenda = agenda ?? FullAgenda,
        });
        scenario.Session = await TestClient.ReadAsync<LiveSessionDetails>(scheduled, HttpStatusCode.Created);
        return scenario;
    }

    /// <summary>A connected client that has joined the session (and is disposed with the scenario).</summary>
    public async Task<SessionClient> JoinAsync(TestClient person)
    {
        var client = await ConnectAsync(person);
        await client.JoinAsync(Session.Id);
        return client;
    }

    public async Task<SessionClient> ConnectAsync(TestClient person)
    {
        var client = await SessionClient.ConnectAsync(Host, person);
        _connections.Add(client);
        return client;
    }

    public Guid ItemId(int index) => Session.Agenda[index].Id;

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        Facilitator.Dispose();
        Observer.Dispose();
        Participants.ForEach(p => p.Dispose());
    }
}
