using System.Diagnostics;
using NetworkHub.Cluster.Tests.Infrastructure;

namespace NetworkHub.Cluster.Tests.Storage;

/// <summary>
/// Both programs started, as an operator would, on a SQLite database whose volume has become read-only: they exit
/// with EX_IOERR (74) and one line that names the file and the problem, not an unhandled exception.
/// </summary>
public sealed class ReadOnlyVolumeTests : IAsyncLifetime
{
    private readonly string _writable = Path.Combine(Path.GetTempPath(), "networkhub-tests", $"volume-{Guid.NewGuid():N}");
    private readonly string _readOnly = Path.Combine(Path.GetTempPath(), "networkhub-tests", $"volume-ro-{Guid.NewGuid():N}");
    private bool _mounted;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_writable);
        Directory.CreateDirectory(_readOnly);
        var (exitCode, output) = await Programs.RunSiloCommandAsync(["migrate", "--Storage:Provider=Sqlite", $"--Storage:SqlitePath={Path.Combine(_writable, "networkhub.db")}"]);
        Assert.True(exitCode == 0, output);

        // The same folder seen through a read-only bind mount, as a volume remounted read-only looks to the process
        // (root ignores file modes, so only a mount makes it read-only for every user).
        _mounted = await RunAsync("mount", "--bind", _writable, _readOnly) == 0
            && await RunAsync("mount", "-o", "remount,bind,ro", _readOnly) == 0;
        Assert.SkipUnless(_mounted || Environment.UserName != "root", "Needs to mount a read-only bind mount as root.");
        if (!_mounted)
        {
            await RunAsync("chmod", "-R", "a-w", _writable);
        }
    }

    [Theory]
    [InlineData("api")]
    [InlineData("silo")]
    public async Task Start_OnAReadOnlyVolume_ExitsWith74AndOneClearLine(string program)
    {
        var database = Path.Combine(_mounted ? _readOnly : _writable, "networkhub.db");
        string[] settings =
        [
            "--Orleans:Mode=Embedded", "--Storage:Provider=Sqlite", $"--Storage:SqlitePath={database}",
            $"--Orleans:SiloPort={FreePorts.Next()}", $"--Orleans:GatewayPort={FreePorts.Next()}", $"--Urls=http://127.0.0.1:{FreePorts.Next()}",
        ];
        await using var process = program == "api"
            ? NodeProcess.Start("api", Programs.ApiDll, settings, Programs.ApiDirectory)
            : NodeProcess.Start("silo", Programs.SiloDll, settings, Programs.SiloDirectory);

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 74, $"exit code {exitCode}{Environment.NewLine}{process.Output}");
        Assert.Contains($"NetworkHub cannot write its database {database}: ", process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", process.Output, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_mounted)
        {
            await RunAsync("umount", _readOnly);
        }
        else
        {
            await RunAsync("chmod", "-R", "u+w", _writable);
        }

        Directory.Delete(_writable, recursive: true);
        Directory.Delete(_readOnly, recursive: true);
    }

    private static async Task<int> RunAsync(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
