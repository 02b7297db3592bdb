using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace NetworkHub.Api.Tests.Hosting;

/// <summary>
/// A node whose database or content store cannot take writes is not ready. For the full disk, the database lives on
/// a small tmpfs of its own, filled up after start: SQLite then fails writes with SQLITE_FULL, as it did on the full
/// disk of the review.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_WhenTheDiskIsFull_Answers503WithTheReason_AndRecovers()
    {
        var cancel = TestContext.Current.CancellationToken;
        var volume = Path.Combine(Path.GetTempPath(), "networkhub-tests", $"full-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(volume);
        Assert.SkipUnless(await RunAsync("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", volume) == 0,
            "Needs permission to mount a small tmpfs (root): a real full disk is what this test is about.");
        try
        {
            await using (var host = await ApiHost.StartAsync(Path.Combine(volume, "networkhub.db")))
            {
                using var person = await TestClient.SignedUpAsync(host);
                await person.CreateOrganisationAsync();
                Assert.Equal((HttpStatusCode.OK, "Healthy"), await ReadyAsync(person, cancel));

                var filler = Path.Combine(volume, "filler");
                FillUp(filler);
                var create = await person.PostAsync("/api/v1/organisations", new { name = "Sin espacio", kind = "civil-society-organisation", country = "CO", topics = new[] { "land rights" }, visibility = "public" });
                var (status, reason) = await WaitForAsync(person, HttpStatusCode.ServiceUnavailable, cancel);

                Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
                Assert.Equal("Grain state cannot be written: the SQLite database or its disk is full.", reason);

                File.Delete(filler);
                Assert.Equal((HttpStatusCode.OK, "Healthy"), await WaitForAsync(person, HttpStatusCode.OK, cancel));
            }
        }
        finally
        {
            await RunAsync("umount", "-l", volume);
        }
    }

    [Fact]
    public async Task Ready_WhenTheContentFolderCannotBeWritten_Answers503WithTheReason_AndRecovers()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var host = await ApiHost.StartAsync();
        using var person = await TestClient.SignedUpAsync(host);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await ReadyAsync(person, cancel));

        // A regular file where the folder was: nothing can be created under it, whatever the process's rights (root
        // ignores file modes, not the kind of a path).
        var folder = Path.Combine(Path.GetDirectoryName(host.DatabasePath)!, "content");
        System.IO.Directory.Move(folder, folder + ".moved");
        await File.WriteAllTextAsync(folder, "not a folder", cancel);
        var (status, reason) = await WaitForAsync(person, HttpStatusCode.ServiceUnavailable, cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Document content cannot be stored: the content folder cannot be written.", reason);

        File.Delete(folder);
        System.IO.Directory.Move(folder + ".moved", folder);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await WaitForAsync(person, HttpStatusCode.OK, cancel));
    }

    /// <summary>Writes until the file system refuses: what a log file or an upload does to a real disk.</summary>
    private static void FillUp(string path)
    {
        var block = new byte[64 * 1024];
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        try
        {
            while (true)
            {
                file.Write(block);
            }
        }
        catch (IOException)
        {
            // ENOSPC: the disk is full; a last partial block may still be in the buffer, which is fine.
        }
    }

    private static async Task<(HttpStatusCode Status, string? Reason)> WaitForAsync(TestClient client, HttpStatusCode expected, CancellationToken cancel)
    {
        // The check keeps its result for a short while, so the new state shows within a few seconds.
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = await ReadyAsync(client, cancel);
            if (answer.Status == expected || clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                return answer;
            }

            await Task.Delay(200, cancel);
        }
    }

    private static async Task<(HttpStatusCode Status, string? Reason)> ReadyAsync(TestClient client, CancellationToken cancel)
    {
        using var response = await client.GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync(cancel);
        if (!body.StartsWith('{'))
        {
            return (response.StatusCode, body);
        }

        using var json = JsonDocument.Parse(body);
        return (response.StatusCode, json.RootElement.GetProperty(response.StatusCode == HttpStatusCode.OK ? "status" : "reason").GetString());
    }

    private static async Task<int> RunAsync(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return process.ExitCode;
    }
}
