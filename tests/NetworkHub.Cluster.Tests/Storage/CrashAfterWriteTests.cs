using System.Net;
using NetworkHub.Cluster.Tests.Infrastructure;

namespace NetworkHub.Cluster.Tests.Storage;

/// <summary>
/// The embedded program killed exactly between an organisation's state write and the delivery of its outbox (the
/// test hook <c>Testing:ExitAfterSpaceWrite</c> makes the process SIGKILL itself there), then started again on the
/// same SQLite file: the follow-ups (the creator's "my spaces", the directory) still arrive, from the stored outbox.
/// </summary>
public sealed class CrashAfterWriteTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "networkhub-tests", $"crash-{Guid.NewGuid():N}");
    private readonly int _port = FreePorts.Next();
    private HttpClient _http = null!;
    private NodeProcess? _api;

    private string Database => Path.Combine(_folder, "networkhub.db");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromSeconds(30) };
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task KilledAfterTheWrite_NobodyAsksAgain_TheReminderDeliversTheFollowUps()
    {
        var (token, key) = await CreateAndDieAsync();

        await StartAsync();

        // Only the directory and the person are asked, never the organisation, so nothing activates it: what
        // delivers is the outbox reminder registered before the write (its period is one minute).
        var entry = await Eventually.WaitAsync(() => DirectoryFindsAsync(token, key), found => found, TimeSpan.FromSeconds(150),
            "the organisation to appear in the directory after the restart");
        Assert.True(entry);
        Assert.True(await MySpacesHoldAsync(token, key), "the organisation is in its creator's spaces");
    }

    [Fact]
    public async Task KilledAfterTheWrite_ClientRetriesWithTheSameKey_FollowUpsArriveBeforeTheAnswer()
    {
        var (token, key) = await CreateAndDieAsync();

        await StartAsync();
        using var retried = await NetworkHubApi.CreateOrganisationAsync(_http, token, key, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.True(await MySpacesHoldAsync(token, key), "the organisation is in its creator's spaces when the retry answers");
        Assert.True(await DirectoryFindsAsync(token, key), "the organisation is in the directory when the retry answers");
    }

    public async ValueTask DisposeAsync()
    {
        await (_api?.DisposeAsync() ?? ValueTask.CompletedTask);
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Signs up, then creates an organisation with the hook on: the process dies right after the organisation's write.</summary>
    private async Task<(string Token, Guid Key)> CreateAndDieAsync()
    {
        await StartAsync("--Testing:ExitAfterSpaceWrite=Organisation");
        var token = await NetworkHubApi.SignUpAsync(_http);
        var key = Guid.NewGuid();

        // The answer is cut off, as a client sees a crash; which exception depends on when the socket closed.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => NetworkHubApi.CreateOrganisationAsync(_http, token, key, TestContext.Current.CancellationToken));
        var exitCode = await _api!.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 137, $"the hook kills the process with SIGKILL (exit code {exitCode}){Environment.NewLine}{_api.Output}");
        await _api.DisposeAsync();
        _api = null;
        return (token, key);
    }

    private async Task StartAsync(params string[] settings)
    {
        var api = _api = NodeProcess.Start("api", Programs.ApiDll,
        [
            "--Orleans:Mode=Embedded", "--Storage:Provider=Sqlite", $"--Storage:SqlitePath={Database}",
            $"--Orleans:SiloPort={FreePorts.Next()}", $"--Orleans:GatewayPort={FreePorts.Next()}", $"--Urls=http://127.0.0.1:{_port}",
            .. settings,
        ], Programs.ApiDirectory);
        await Eventually.WaitAsync(async () =>
        {
            Assert.False(api.HasExited, $"the api exited{Environment.NewLine}{api.Output}");
            using var response = await _http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(60), "the api to be ready");
    }

    private async Task<bool> MySpacesHoldAsync(string token, Guid key)
    {
        using var response = await NetworkHubApi.GetAsync(_http, token, "/api/v1/me/spaces");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsStringAsync()).Contains(NetworkHubApi.NameOf(key), StringComparison.Ordinal);
    }

    private async Task<bool> DirectoryFindsAsync(string token, Guid key)
    {
        using var response = await NetworkHubApi.GetAsync(_http, token, $"/api/v1/organisations?q={key:N}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsStringAsync()).Contains(NetworkHubApi.NameOf(key), StringComparison.Ordinal);
    }
}
