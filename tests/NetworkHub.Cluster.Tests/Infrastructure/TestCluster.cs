using System.Net;
using Npgsql;

namespace NetworkHub.Cluster.Tests.Infrastructure;

/// <summary>
/// Silos and API nodes as real processes on loopback, sharing one PostgreSQL database: the schema is applied
/// with the migrate command, then the silos start, then the API nodes, each waited for until it is ready.
/// Every cluster has its own ClusterId, so a leftover process of another test can never join it.
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly List<(NodeProcess? Process, int SiloPort, int GatewayPort)> _silos = [];
    private readonly List<(NodeProcess? Process, int Port, HttpClient Http)> _apis = [];
    private readonly string[] _siloSettings;
    private readonly string[] _apiSettings;

    private TestCluster(string connectionString, string[] siloSettings, string[] apiSettings)
    {
        ConnectionString = connectionString;
        _siloSettings = siloSettings;
        _apiSettings = apiSettings;
    }

    public string ClusterId { get; } = "test-" + Guid.NewGuid().ToString("N")[..8];

    public string ConnectionString { get; }

    public string Diagnostics => string.Join(Environment.NewLine,
        _silos.Select(s => s.Process?.Output).Concat(_apis.Select(a => a.Process?.Output)).OfType<string>());

    public static async Task<TestCluster> StartAsync(string connectionString, int silos = 2, int apis = 2,
        string[]? siloSettings = null, string[]? apiSettings = null)
    {
        var (exitCode, output) = await Programs.RunSiloCommandAsync(["migrate", "--Storage:Provider=PostgreSql", $"--Storage:ConnectionString={connectionString}"]);
        Assert.True(exitCode == 0, $"migrate failed:{Environment.NewLine}{output}");

        var cluster = new TestCluster(connectionString, siloSettings ?? [], apiSettings ?? []);
        try
        {
            for (var i = 0; i < silos; i++)
            {
                cluster._silos.Add((null, FreePorts.Next(), FreePorts.Next()));
                cluster.StartSilo(i);
            }

            await Eventually.WaitAsync(cluster.ActiveSilosAsync, n => n == silos, StartTimeout, $"{silos} active silos");
            for (var i = 0; i < apis; i++)
            {
                var port = FreePorts.Next();
                // Longer than Orleans' 30 s response timeout, so the API's own answer to a lost call is what the test sees.
                cluster._apis.Add((null, port, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(40) }));
                await cluster.StartApiAsync(i);
            }

            return cluster;
        }
        catch (Exception e)
        {
            var diagnostics = cluster.Diagnostics;
            await cluster.DisposeAsync();
            throw new InvalidOperationException($"The test cluster did not start: {e.Message}{Environment.NewLine}{diagnostics}", e);
        }
    }

    public HttpClient Api(int index) => _apis[index].Http;

    public int ApiCount => _apis.Count;

    /// <summary>SIGKILL: no goodbye to the membership table, exactly like a crashed machine.</summary>
    public void KillSilo(int index) => _silos[index].Process!.Kill();

    public void KillApi(int index) => _apis[index].Process!.Kill();

    public async Task RestartApiAsync(int index)
    {
        await _apis[index].Process!.DisposeAsync();
        await StartApiAsync(index);
    }

    public async Task<int> ActiveSilosAsync() => (int)await CountMembersAsync(3);

    public async Task<long> CountMembersAsync(int status)
    {
        // Unpooled: a pooled connection would be stale after a test restarts the server.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @id AND Status = @status", connection);
        command.Parameters.AddWithValue("id", ClusterId);
        command.Parameters.AddWithValue("status", status);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            // What the nodes said is the best clue to a failed cluster test.
            TestContext.Current.TestOutputHelper?.WriteLine(Diagnostics);
        }

        foreach (var (process, _, http) in _apis)
        {
            http.Dispose();
            await (process?.DisposeAsync() ?? ValueTask.CompletedTask);
        }

        foreach (var (process, _, _) in _silos)
        {
            await (process?.DisposeAsync() ?? ValueTask.CompletedTask);
        }
    }

    private string[] Common => [
        "--Orleans:Mode=Cluster", $"--Orleans:ClusterId={ClusterId}",
        "--Storage:Provider=PostgreSql", $"--Storage:ConnectionString={ConnectionString}",
        "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Orleans=Warning"];

    private void StartSilo(int index)
    {
        var (_, siloPort, gatewayPort) = _silos[index];
        var process = NodeProcess.Start($"silo{index}", Programs.SiloDll,
            [.. Common, $"--Orleans:SiloPort={siloPort}", $"--Orleans:GatewayPort={gatewayPort}", .. _siloSettings], Programs.SiloDirectory);
        _silos[index] = (process, siloPort, gatewayPort);
    }

    private async Task StartApiAsync(int index)
    {
        var (_, port, http) = _apis[index];
        var process = NodeProcess.Start($"api{index}", Programs.ApiDll,
            [.. Common, $"--Urls=http://127.0.0.1:{port}", .. _apiSettings], Programs.ApiDirectory);
        _apis[index] = (process, port, http);
        await Eventually.WaitAsync(async () =>
        {
            Assert.False(process.HasExited, $"{process.Name} exited{Environment.NewLine}{process.Output}");
            using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        }, StartTimeout, $"api{index} to be ready");
    }
}
