using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Documents;

/// <summary>The real app with a small upload limit, so "exactly the limit" and "one byte over" are cheap to send.</summary>
public sealed class DocumentHost : IAsyncLifetime
{
    public const long MaxUploadBytes = 11 * 1024 * 1024;

    public ApiHost Host { get; private set; } = null!;

    /// <summary>Where the embedded content store keeps its files, beside the SQLite database.</summary>
    public string ContentFolder => Path.Combine(Path.GetDirectoryName(Host.DatabasePath)!, "content");

    public async ValueTask InitializeAsync() =>
        Host = await ApiHost.StartAsync(null, "--Documents:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Every stored file, the folder for writes in progress included.</summary>
    public IReadOnlyList<string> StoredFiles() => System.IO.Directory.Exists(ContentFolder) ? System.IO.Directory.GetFiles(ContentFolder, "*", SearchOption.AllDirectories) : [];

    /// <summary>A coordinator's organisation of <paramref name="visibility"/> with a document in it; its path.</summary>
    public async Task<(TestClient Coordinator, string Organisation, string Document)> DocumentAsync(Visibility visibility = Visibility.Private)
    {
        var coordinator = await TestClient.SignedUpAsync(Host, "Coordinator");
        var organisation = await coordinator.CreateOrganisationAsync(visibility);
        var created = await TestClient.ReadAsync<DocumentView>(await coordinator.PostAsync($"/api/v1/spaces/organisation/{organisation.Id}/documents",
            new { title = "Plan nacional", tags = new[] { "paz" }, language = "es" }), HttpStatusCode.Created);
        return (coordinator, $"/api/v1/organisations/{organisation.Id}", $"/api/v1/documents/{created.DocumentId}");
    }

    /// <summary>A multipart/form-data body written by hand, so the file name reaches the server exactly as given (NUL and all).</summary>
    public static ByteArrayContent RawForm(byte[] file, string fileNameHeader, string? contentType = "application/octet-stream", string? changeNote = null)
    {
        const string boundary = "nh-boundary-7d1f";
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        if (changeNote is not null)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"changeNote\"\r\n\r\n{changeNote}\r\n");
        }

        Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; {fileNameHeader}\r\n");
        if (contentType is not null)
        {
            Write($"Content-Type: {contentType}\r\n");
        }

        Write("\r\n");
        body.Write(file);
        Write($"\r\n--{boundary}--\r\n");
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return content;
    }

    public static ByteArrayContent Form(byte[] file, string fileName = "plan.pdf", string? contentType = "application/pdf") =>
        RawForm(file, $"filename=\"{fileName}\"", contentType);

    public static async Task<DocumentVersionSummary> UploadAsync(TestClient client, string document, HttpContent form) =>
        await TestClient.ReadAsync<DocumentVersionSummary>(await client.Http.PostAsync($"{document}/versions", form, TestContext.Current.CancellationToken), HttpStatusCode.Created);

    public static async Task<int> VersionCountAsync(TestClient client, string document) =>
        (await client.GetAsync<JsonElement>($"{document}/versions")).GetArrayLength();
}
