using System.Net;
using System.Text;
using NetworkHub.Api.Tests.Hosting;
using NetworkHub.Api.Tests.LiveSessions;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Forums;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.People;

/// <summary>
/// A person whose e-mail, names, pseudonym and texts are marker strings found nowhere else, who joins a coalition (as a
/// coordinator beside another), a private forum, asks to join an organisation, and takes part in a session of the forum
/// (a contribution, a ballot, a statement) over a real SignalR connection. The coordinator runs everything else.
/// </summary>
public sealed class MarkedPerson : IAsyncDisposable
{
    private readonly List<SessionClient> _connections = [];

    private MarkedPerson(ApiHost host, string tag)
    {
        Host = host;
        Email = $"erase-{tag}@example.org";
        DisplayName = $"Ñandú Marcada {tag}";
        Pseudonym = $"Colibrí {tag}";
        NewDisplayName = $"Ñandú Renombrada {tag}";
        JoinMessage = $"Quiero unirme {tag}";
        ContributionText = $"Contribución {tag}";
        StatementText = $"Declaración {tag}";
    }

    public ApiHost Host { get; }

    public string Email { get; }

    public string DisplayName { get; }

    public string Pseudonym { get; }

    public string NewDisplayName { get; }

    public string JoinMessage { get; }

    public string ContributionText { get; }

    public string StatementText { get; }

    /// <summary>What must be gone after erasure: everything that is the person's own and not kept for others.</summary>
    public string[] PersonalMarkers => [Email, DisplayName, Pseudonym, NewDisplayName, JoinMessage];

    public TestClient Person { get; private set; } = null!;

    public TestClient Coordinator { get; private set; } = null!;

    public CoalitionDetails Coalition { get; private set; } = null!;

    public ForumDetails Forum { get; private set; } = null!;

    public OrganisationDetails Organisation { get; private set; } = null!;

    public LiveSessionDetails Session { get; private set; } = null!;

    public static async Task<MarkedPerson> CreateAsync(ApiHost host)
    {
        var world = new MarkedPerson(host, Guid.NewGuid().ToString("N")[..12]);
        world.Coordinator = await TestClient.SignedUpAsync(host, "Coordinadora");
        world.Person = host.CreateClient();
        world.Person.Email = world.Email;
        await TestClient.Expect(await world.Person.PostAsync("/api/v1/accounts",
            new { email = world.Email, password = TestClient.Password, displayName = world.DisplayName, pseudonym = world.Pseudonym, country = "CO", languages = new[] { "es" } }),
            HttpStatusCode.Accepted);
        await world.Person.SignInAsync();
        await TestClient.Expect(await world.Person.PutAsync("/api/v1/me",
            new { displayName = world.NewDisplayName, pseudonym = world.Pseudonym, country = "CO", languages = new[] { "es", "en" } }), HttpStatusCode.OK);

        world.Coalition = await world.Coordinator.CreateCoalitionAsync(Visibility.MembersOnly);
        await world.Coordinator.AddMemberAsync($"/api/v1/coalitions/{world.Coalition.Id}", world.Person, SpaceRole.Coordinator);
        await TestClient.Expect(await world.Person.PostAsync($"/api/v1/coalitions/{world.Coalition.Id}/invitations", new { role = "member", note = "for the legal team" }), HttpStatusCode.Created);

        world.Organisation = await world.Coordinator.CreateOrganisationAsync(Visibility.Public);
        await TestClient.Expect(await world.Person.PostAsync($"/api/v1/organisations/{world.Organisation.Id}/join-requests", new { message = world.JoinMessage }), HttpStatusCode.Accepted);

        var forum = await world.Coordinator.PostAsync("/api/v1/forums", new { name = "Foro privado", visibility = Visibility.Private });
        world.Forum = await TestClient.ReadAsync<ForumDetails>(forum, HttpStatusCode.Created);
        await world.Coordinator.AddMemberAsync($"/api/v1/forums/{world.Forum.Id}", world.Person, SpaceRole.Member);
        await world.TakePartInSessionAsync();
        return world;
    }

    private async Task TakePartInSessionAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var scheduled = await Coordinator.PostAsync($"/api/v1/forums/{Forum.Id}/sessions", new
        {
            title = "Asamblea",
            startsAt = now,
            endsAt = now.AddHours(1),
            timeZone = "UTC",
            languages = new[] { "es" },
            agenda = new object[]
            {
                new { title = "Ronda", format = "plenary", plannedMinutes = 10 },
                new { title = "Prioridad", format = "poll", plannedMinutes = 5, poll = new { options = new[] { "Tierra", "Agua" } } },
                new { title = "Posiciones", format = "statements", plannedMinutes = 10 },
            },
        });
        Session = await TestClient.ReadAsync<LiveSessionDetails>(scheduled, HttpStatusCode.Created);
        var facilitator = await ConnectAsync(Coordinator);
        var person = await ConnectAsync(Person);
        var id = Session.Id;

        await facilitator.SendAsync("OpenLobby", id);
        await facilitator.SendAsync("Start", id);
        var posted = await person.SendAsync("Contribute", id, new ContributeCommand(Guid.CreateVersion7(), ContributionText));
        await facilitator.WaitForSequenceAsync(posted);
        await facilitator.SendAsync("React", id, facilitator.Events.Select(e => e.Change).OfType<ContributionPosted>().Last().Contribution.Id, "applause");
        await facilitator.SendAsync("Advance", id);
        await person.SendAsync("Vote", id, Session.Agenda[1].Id, new[] { 1 });
        await facilitator.SendAsync("Advance", id);
        await person.SendAsync("SubmitStatement", id, Session.Agenda[2].Id, StatementText);
        await facilitator.SendAsync("Close", id);
    }

    private async Task<SessionClient> ConnectAsync(TestClient client)
    {
        var connection = await SessionClient.ConnectAsync(Host, client);
        _connections.Add(connection);
        await connection.JoinAsync(Session.Id);
        return connection;
    }

    /// <summary>Occurrences of each marker, in UTF-8 and in UTF-16, in the SQLite file and its -wal and -shm files.</summary>
    public static Dictionary<string, int> ScanDatabase(string databasePath, IEnumerable<string> markers)
    {
        var files = DatabaseFiles.Read(databasePath);
        return markers.ToDictionary(m => m, m =>
            DatabaseFiles.Count(files, Encoding.UTF8.GetBytes(m)) + DatabaseFiles.Count(files, Encoding.Unicode.GetBytes(m)) + DatabaseFiles.Count(files, Encoding.BigEndianUnicode.GetBytes(m)));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        Person.Dispose();
        Coordinator.Dispose();
    }
}
