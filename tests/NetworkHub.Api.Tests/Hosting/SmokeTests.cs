using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NetworkHub.Api.Tests.Hosting;

/// <summary>
/// The README's run command, as a newcomer types it: `dotnet run --project api` from the repository root,
/// here with a fresh data folder and free ports. Registers, creates an organisation and a coalition,
/// then stops it the way Ctrl+C or a service manager would (SIGTERM) and expects a clean exit.
/// </summary>
public sealed class SmokeTests
{
    [Fact]
    public async Task RunCommand_ServesTheApiAndStopsCleanly()
    {
        var cancel = TestContext.Current.CancellationToken;
        var port = FreePort();
        var data = Path.Combine(Path.GetTempPath(), "networkhub-smoke", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "run", "--project", "api", "--",
                "--urls", $"http://127.0.0.1:{port}",
                "--Storage:SqlitePath", Path.Combine(data, "networkhub.db"),
                "--Orleans:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--Orleans:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var host = new Uri($"http://127.0.0.1:{port}");
            using var http = new HttpClient { BaseAddress = host };
            await WaitUntilReadyAsync(http, process, output, cancel);
            using var person = new TestClient(new HttpClient { BaseAddress = host });

            var reference = await person.Http.GetAsync("/scalar/", cancel);
            var document = await person.Http.GetAsync("/openapi/v1.json", cancel);
            var home = await person.Http.GetStringAsync("/", cancel);
            await TestClient.Expect(await person.PostAsync("/api/v1/accounts", new { email = "smoke@example.org", password = TestClient.Password, displayName = "Smoke" }), HttpStatusCode.Accepted);
            var token = await TestClient.ReadAsync<System.Text.Json.JsonElement>(await person.PostAsync("/api/v1/auth/token", new { email = "smoke@example.org", password = TestClient.Password }), HttpStatusCode.OK);
            person.UseBearer(token.GetProperty("token").GetString()!);
            var organisation = await person.CreateOrganisationAsync();
            var coalition = await person.CreateCoalitionAsync();

            await TestClient.Expect(reference, HttpStatusCode.OK);
            await TestClient.Expect(document, HttpStatusCode.OK);
            Assert.Contains("NetworkHub", home, StringComparison.Ordinal);
            Assert.NotEqual(Guid.Empty, organisation.Id);
            Assert.NotEqual(Guid.Empty, coalition.Id);
            lock (output)
            {
                Assert.Contains($"NetworkHub is running at http://127.0.0.1:{port}", output.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            // `dotnet run` passes the signal on to the application, which shuts its silo down and exits.
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(cancel);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
        }

        lock (output)
        {
            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}:\n{output}");
            Assert.DoesNotContain("fail:", output.ToString(), StringComparison.Ordinal);
        }
    }

    private static async Task WaitUntilReadyAsync(HttpClient http, Process process, StringBuilder output, CancellationToken cancel)
    {
        // A first run builds the project, so allow minutes; the loop ends as soon as the platform answers.
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"the run command exited early:\n{output}");
            try
            {
                if ((await http.GetAsync("/health/ready", cancel)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250, cancel);
        }

        Assert.Fail($"not ready within 4 minutes:\n{output}");
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NetworkHub.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
