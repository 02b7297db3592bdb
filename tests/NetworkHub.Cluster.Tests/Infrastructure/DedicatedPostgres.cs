using System.Diagnostics;

namespace NetworkHub.Cluster.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of one test's own (scripts/postgres.sh, another port and data directory), for tests
/// that stop the database: the shared test server is never disturbed.
/// </summary>
internal sealed class DedicatedPostgres : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"networkhub-test-pg-{Guid.NewGuid():N}");
    private readonly int _port = FreePorts.Next();

    private DedicatedPostgres()
    {
        // The server runs as the postgres user when the tests run as root, so it must be able to enter the parent.
        Directory.CreateDirectory(_directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_directory, (UnixFileMode)0b111_101_101);
        }
    }

    public string ConnectionString { get; private set; } = "";

    public static async Task<DedicatedPostgres> StartAsync()
    {
        var server = new DedicatedPostgres();
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (initialising it the first time); returns once it accepts connections.</summary>
    public async Task StartAgainAsync() => ConnectionString = (await RunAsync("start", Path.Combine(_directory, "data"), _port.ToString())).Trim();

    /// <summary>A fast shutdown: open sessions are ended, as when a database server goes away.</summary>
    public Task StopAsync() => RunAsync("stop", Path.Combine(_directory, "data"));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<string> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Programs.PostgresScript);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"postgres.sh {string.Join(' ', args)} failed: {await error}");
    }
}
