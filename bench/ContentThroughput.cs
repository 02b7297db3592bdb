using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Contracts.Documents;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Bench;

/// <summary>
/// Upload and download throughput of document versions, for each size: through the real HTTP API (multipart upload,
/// streamed download), directly through each content store, and a plain <see cref="File.Copy(string, string)"/> of the
/// same bytes on the same disk as the baseline. Every download is checked byte for byte (SHA-256) against the source.
/// </summary>
internal sealed class ContentThroughput(Platform platform, string folder, int repeats)
{
    public async Task RunAsync(IReadOnlyList<int> sizesMb, IContentStore? postgres)
    {
        var (token, _) = await platform.SignUpAsync("Bench uploader");
        var organisation = (await platform.PostAsync("/api/v1/organisations", token,
            new { name = "Bench uploads", kind = "civil-society-organisation", country = "NL", visibility = "private" })).GetProperty("id").GetGuid();
        var document = (await platform.PostAsync($"/api/v1/spaces/organisation/{organisation}/documents", token,
            new { title = "Bench file", tags = Array.Empty<string>() })).GetProperty("documentId").GetGuid();
        var fileStore = platform.Services.GetRequiredService<IContentStore>();

        Console.WriteLine($"{"size MB",8} {"path",-22} {"upload MB/s",12} {"ratio",6} {"download MB/s",14} {"ratio",6}  identical");
        foreach (var size in sizesMb)
        {
            var source = Path.Combine(folder, $"source-{size}.bin");
            await WriteRandomAsync(source, size * 1024L * 1024);
            var expected = await HashAsync(source);
            var copy = await Median(repeats, () => Timed(() => CopyAsync(source, flush: false)));
            Print(size, "File.Copy (baseline)", Rate(size, copy), 1, Rate(size, copy), 1, true);

            // The stores flush each content to disk before they answer; a copy that does too shows what that costs.
            var flushed = await Median(repeats, () => Timed(() => CopyAsync(source, flush: true)));
            Print(size, "File.Copy + flush", Rate(size, flushed), copy / flushed, Rate(size, flushed), copy / flushed, true);

            await MeasureAsync(size, "HTTP API (file store)", source, expected, copy,
                () => UploadAsync(document, token, source), number => DownloadAsync(document, token, int.Parse(number)));
            await MeasureAsync(size, "file store", source, expected, copy,
                () => StoreWriteAsync(fileStore, source), id => StoreReadAsync(fileStore, Guid.Parse(id)));
            if (postgres is not null)
            {
                await MeasureAsync(size, "PostgreSQL store", source, expected, copy,
                    () => StoreWriteAsync(postgres, source), id => StoreReadAsync(postgres, Guid.Parse(id)));
            }

            File.Delete(source);
        }
    }

    /// <summary>Medians of <see cref="repeats"/> uploads and of the downloads of what each stored; prints one row.</summary>
    private async Task MeasureAsync(int size, string path, string source, string expected, double copySeconds,
        Func<Task<string>> upload, Func<string, Task<string>> download)
    {
        var uploads = new List<double>();
        var downloads = new List<double>();
        var identical = true;
        for (var i = 0; i < repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var stored = await upload();
            uploads.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);

            started = Stopwatch.GetTimestamp();
            var target = await download(stored);
            downloads.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
            identical &= await HashAsync(target) == expected && new FileInfo(target).Length == new FileInfo(source).Length;
            File.Delete(target);
        }

        var up = Median(uploads);
        var down = Median(downloads);
        Print(size, path, Rate(size, up), copySeconds / up, Rate(size, down), copySeconds / down, identical);
    }

    private async Task<string> UploadAsync(Guid document, string token, string source)
    {
        await using var file = File.OpenRead(source);
        using var form = new MultipartFormDataContent();
        var part = new StreamContent(file, 81_920);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", "bench.bin");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/documents/{document}/versions") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await platform.Http.SendAsync(request);
        return (await Platform.Read(response)).GetProperty("number").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> DownloadAsync(Guid document, string token, int number)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/documents/{document}/versions/{number}/content");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await platform.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var target = Target();
        await using var body = await response.Content.ReadAsStreamAsync();
        await using (var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, FileOptions.Asynchronous))
        {
            await body.CopyToAsync(file);
        }

        return target;
    }

    private static async Task<string> StoreWriteAsync(IContentStore store, string source)
    {
        await using var file = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return (await store.WriteAsync(file, DocumentLimits.DefaultMaxUploadBytes, CancellationToken.None)).ContentId.ToString();
    }

    private async Task<string> StoreReadAsync(IContentStore store, Guid contentId)
    {
        var target = Target();
        await using (var content = await store.OpenReadAsync(contentId, 0, null, CancellationToken.None) ?? throw new InvalidOperationException("The content is gone."))
        await using (var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, FileOptions.Asynchronous))
        {
            await content.CopyToAsync(file);
        }

        await store.DeleteAsync(contentId, CancellationToken.None);
        return target;
    }

    private Task CopyAsync(string source, bool flush)
    {
        var target = Target();
        File.Copy(source, target);
        if (flush)
        {
            using var copied = new FileStream(target, FileMode.Open, FileAccess.ReadWrite);
            copied.Flush(flushToDisk: true);
        }

        File.Delete(target);
        return Task.CompletedTask;
    }

    private string Target() => Path.Combine(folder, $"copy-{Guid.NewGuid():N}.bin");

    private static async Task<double> Timed(Func<Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<double> Median(int repeats, Func<Task<double>> measure)
    {
        var seconds = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            seconds.Add(await measure());
        }

        return Median(seconds);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double Rate(int sizeMb, double seconds) => sizeMb / seconds;

    private static void Print(int size, string path, double up, double upRatio, double down, double downRatio, bool identical) =>
        Console.WriteLine($"{size,8} {path,-22} {up,12:F1} {upRatio,6:F2} {down,14:F1} {downRatio,6:F2}  {(identical ? "yes" : "NO")}");

    /// <summary>Random bytes, so neither a disk nor PostgreSQL can compress them.</summary>
    private static async Task WriteRandomAsync(string path, long size)
    {
        var random = new Random(42);
        var buffer = new byte[(int)Math.Min(size, 1024 * 1024)];
        await using var file = File.Create(path);
        for (long written = 0; written < size; written += buffer.Length)
        {
            random.NextBytes(buffer);
            await file.WriteAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, size - written)));
        }
    }

    private static async Task<string> HashAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file));
    }
}
