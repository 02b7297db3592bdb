using System.Diagnostics;
using System.Net;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.Tests.LiveSessions;

/// <summary>
/// How soon losing access reaches an open connection, measured over several people: from the start of the REST call
/// to the moment the person's client has the event that ends their access (their connection leaves the group right
/// after it is sent) or, for a sign-out, the server's message that closes the connection. Printed for docs/security.md.
/// </summary>
public sealed class LiveSessionAccessFiguresTests(SharedHost shared)
{
    private const int Runs = 10;

    private static readonly object[] Plenary = [new { title = "Open floor", format = "plenary", plannedMinutes = 30 }];

    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task RemovalsAndSignOuts_ReachTheirConnectionsWithinASecond()
    {
        await using var scenario = await SessionScenario.CreateAsync(_host, participants: 2 * Runs, agenda: Plenary);
        var facilitator = await scenario.JoinAsync(scenario.Facilitator);
        var clients = new List<SessionClient>();
        foreach (var person in scenario.Participants)
        {
            clients.Add(await scenario.JoinAsync(person));
        }

        await facilitator.SendAsync("Start", scenario.Session.Id);
        var removals = new List<(double Call, double Reached)>();
        var signOuts = new List<(double Call, double Reached)>();
        for (var i = 0; i < Runs; i++)
        {
            var removed = scenario.Participants[i];
            removals.Add(await MeasureAsync(
                () => scenario.Facilitator.DeleteAsync($"/api/v1/forums/{scenario.Forum.Id}/members/{removed.PersonId}"),
                () => clients[i].WaitForAsync<ParticipantAccessChanged>(c => c.PersonId == removed.PersonId && c.Role is null)));

            var signingOut = scenario.Participants[Runs + i];
            signOuts.Add(await MeasureAsync(
                () => signingOut.PostAsync("/api/v1/auth/sign-out"),
                () => clients[Runs + i].WaitUntilAsync(() => clients[Runs + i].Ended is not null, "the server's Ended message")));
        }

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine(Describe("REST removal", removals));
        output?.WriteLine(Describe("sign-out", signOuts));
        Assert.All(removals.Concat(signOuts), r => Assert.True(r.Reached < 1_000, $"reached after {r.Reached:F0} ms"));
    }

    private static async Task<(double Call, double Reached)> MeasureAsync(Func<Task<HttpResponseMessage>> call, Func<Task> reached)
    {
        var clock = Stopwatch.StartNew();
        var response = await call();
        var rest = clock.Elapsed.TotalMilliseconds;
        await TestClient.Expect(response, HttpStatusCode.NoContent);
        await reached();
        return (rest, clock.Elapsed.TotalMilliseconds);
    }

    private static string Describe(string what, List<(double Call, double Reached)> runs)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted[sorted.Count / 2];
        }

        return $"{what}, {runs.Count} runs: REST call median {Median(runs.Select(r => r.Call)):F0} ms, max {runs.Max(r => r.Call):F0} ms; "
            + $"connection reached median {Median(runs.Select(r => r.Reached)):F0} ms, max {runs.Max(r => r.Reached):F0} ms";
    }
}
