using System.Net;

namespace NetworkHub.Api.Tests.People;

/// <summary>Logs carry ids only: some members are at risk, and logs travel further than the database.</summary>
public sealed class LogMarkerTests
{
    [Fact]
    public async Task MarkedPerson_RegistersJoinsContributesExportsAndErases_NoMarkerInAnyLogLine()
    {
        using var logs = new CapturedLogs();
        await using var host = await ApiHost.StartAsync(null, logs,
            "--Logging:LogLevel:Default", "Information", "--Logging:LogLevel:Microsoft", "Information",
            "--Logging:LogLevel:Microsoft.AspNetCore", "Information", "--Logging:LogLevel:Orleans", "Information",
            "--Logging:LogLevel:Polly", "Information");
        await using var world = await MarkedPerson.CreateAsync(host);
        await TestClient.Expect(await world.Person.GetAsync("/api/v1/me/export"), HttpStatusCode.OK);
        await TestClient.Expect(await world.Person.PostAsync("/api/v1/auth/token", new { email = world.Email, password = "not the password at all" }), HttpStatusCode.Unauthorized);
        await TestClient.Expect(await world.Person.DeleteAsync("/api/v1/me"), HttpStatusCode.NoContent);

        var lines = logs.Lines;
        string[] markers = [.. world.PersonalMarkers, world.ContributionText, world.StatementText, world.Email.Split('@')[0]];
        TestContext.Current.TestOutputHelper?.WriteLine($"{lines.Count} log lines captured, {lines.Select(l => l.Split(':')[0]).Distinct().Count()} categories");
        Assert.True(lines.Count > 100, $"only {lines.Count} lines were captured");
        Assert.Contains(lines, l => l.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Information Orleans", StringComparison.Ordinal));
        foreach (var marker in markers)
        {
            var leaking = lines.Where(l => l.Contains(marker, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(leaking.Count == 0, $"\"{marker}\" in {leaking.Count} log lines, e.g. {leaking.FirstOrDefault()}");
        }
    }
}
