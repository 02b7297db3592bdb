using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Api.Tests.Live;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;
using static NetworkHub.Api.Tests.Documents.DocumentHost;

namespace NetworkHub.Api.Tests.Documents;

/// <summary>Documents over real HTTP and SignalR: bytes in and out exactly, limits, names, ranges, types, and live watchers.</summary>
public sealed class DocumentApiTests(DocumentHost fixture) : IClassFixture<DocumentHost>
{
    private readonly ApiHost _host = fixture.Host;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(10 * 1024 * 1024)]
    [InlineData(MaxUploadBytes)]
    public async Task Upload_ThenDownload_IsByteExact(long size)
    {
        var (coordinator, _, document) = await fixture.DocumentAsync();
        var bytes = new byte[size];
        new Random((int)size).NextBytes(bytes);

        var version = await UploadAsync(coordinator, document, Form(bytes, "informe.pdf", "application/pdf"));
        var response = await coordinator.GetAsync($"{document}/versions/{version.Number}/content");
        var downloaded = await response.Content.ReadAsByteArrayAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, downloaded);
        Assert.Equal(size, version.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), version.Sha256);
        Assert.Equal($"\"{version.Sha256}\"", response.Headers.ETag?.ToString());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Upload_OneByteOverTheLimit_Is413_AndStoresNothing()
    {
        var (coordinator, _, document) = await fixture.DocumentAsync();
        var before = fixture.StoredFiles();

        var response = await coordinator.Http.PostAsync($"{document}/versions", Form(new byte[MaxUploadBytes + 1]), Cancel);

        await TestClient.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, DocumentErrors.TooLarge);
        Assert.Equal(0, await VersionCountAsync(coordinator, document));
        Assert.Equal(before.Order(), fixture.StoredFiles().Order());
    }

    [Fact]
    public async Task Upload_AbortedByTheClientMidBody_LeavesNoVersionAndNoContent()
    {
        var (coordinator, _, document) = await fixture.DocumentAsync();
        var before = fixture.StoredFiles();
        var halfSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var abort = new CancellationTokenSource();
        var form = new StalledForm(halfSent);

        var upload = coordinator.Http.PostAsync($"{document}/versions", form, abort.Token);
        await halfSent.Task.WaitAsync(TimeSpan.FromSeconds(20), Cancel);
        // The server has the first half in its incoming folder by now, or soon; the client goes away.
        await TestClient.EventuallyAsync(() => Task.FromResult(fixture.StoredFiles().Count), count => count > before.Count);
        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => upload);
        var left = await TestClient.EventuallyAsync(() => Task.FromResult(fixture.StoredFiles()), files => files.Count == before.Count);

        Assert.Equal(before.Order(), left.Order());
        Assert.Equal(0, await VersionCountAsync(coordinator, document));
    }

    [Theory]
    [InlineData("filename=\"../../etc/passwd\"", "passwd")]
    [InlineData("filename=\"pla\0n.pdf\"", "plan.pdf")]
    [InlineData("filename*=UTF-8''report%E2%80%AEfdp.exe", "reportfdp.exe")]
    [InlineData("filename*=UTF-8''%E2%80%AE%2E%2E%2F%2E%2E%2Fsecret", "secret")]
    public async Task Upload_WithAHostileFileName_IsStoredAndServedSafely(string header, string expected)
    {
        var (coordinator, _, document) = await fixture.DocumentAsync();

        var version = await UploadAsync(coordinator, document, RawForm([1, 2, 3], header));
        var response = await coordinator.GetAsync($"{document}/versions/{version.Number}/content");
        var disposition = response.Content.Headers.ContentDisposition!;

        Assert.Equal(expected, version.FileName);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(expected, disposition.FileNameStar ?? disposition.FileName?.Trim('"'));
        Assert.DoesNotContain(response.Content.Headers.GetValues("Content-Disposition").Single(), c => c < ' ' || c is '\u202E' or '\u202D');
    }

    [Fact]
    public async Task Upload_WithA300CharacterName_KeepsTheLimitAndTheExtension_AndAnAsciiFallback()
    {
        var (coordinator, _, document) = await fixture.DocumentAsync();
        var name = string.Concat(Enumerable.Repeat("é", 300)) + ".odt";

        var version = await UploadAsync(coordinator, document, RawForm([1], $"filename*=UTF-8''{Uri.EscapeDataString(name)}"));
        var response = await coordinator.GetAsync($"{document}/versions/{version.Number}/content");
        var disposition = response.Content.Headers.ContentDisposition!;

        Assert.Equal(DocumentLimits.FileNameMaxLength, version.FileName.Length);
        Assert.EndsWith("é.odt", version.FileName);
        Assert.Equal(version.FileName, disposition.FileNameStar);
        Assert.All(disposition.FileName!, c => Assert.True(c < 128));
    }

    [Theory]
    [InlineData("text/html", "application/octet-stream")]
    [InlineData("image/svg+xml", "application/octet-stream")]
    [InlineData("application/xhtml+xml", "application/octet-stream")]
    [InlineData("application/javascript", "application/octet-stream")]
    [InlineData("not a media type", "application/octet-stream")]
    [InlineData(null, "application/octet-stream")]
    [InlineData("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text")]
    [InlineData("image/png", "image/png")]
    public async Task Download_ServesTheStoredType_UnlessABrowserWouldRunIt(string? declared, string served)
    {
        var (coordinator, _, document) = await fixture.DocumentAsync();

        var version = await UploadAsync(coordinator, document, RawForm("<script>alert(1)</script>"u8.ToArray(), "filename=\"page.html\"", declared));
        var response = await coordinator.GetAsync($"{document}/versions/{version.Number}/content");

        Assert.Equal(served, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true });
    }

    [Fact]
    public async Task Download_AnswersOneRange_With206_AndAnUnsatisfiableOneWith416()
    {
        var (coordinator, _, document) = await fixture.DocumentAsync();
        byte[] bytes = [.. Enumerable.Range(0, 10).Select(i => (byte)i)];
        var content = $"{document}/versions/{(await UploadAsync(coordinator, document, Form(bytes))).Number}/content";

        async Task<HttpResponseMessage> Range(string range)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, content);
            request.Headers.TryAddWithoutValidation("Range", range);
            return await coordinator.Http.SendAsync(request, Cancel);
        }

        var middle = await Range("bytes=2-5");
        var tail = await Range("bytes=-3");
        var open = await Range("bytes=7-");
        var past = await Range("bytes=10-");
        var several = await Range("bytes=0-1,4-5");

        Assert.Equal(HttpStatusCode.PartialContent, middle.StatusCode);
        Assert.Equal("bytes 2-5/10", middle.Content.Headers.ContentRange?.ToString());
        Assert.Equal(bytes[2..6], await middle.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(bytes[7..], await tail.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(bytes[7..], await open.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal("bytes", middle.Headers.AcceptRanges.Single());
        await TestClient.ProblemAsync(past, HttpStatusCode.RequestedRangeNotSatisfiable, "document.range-not-satisfiable");
        Assert.Equal("bytes */10", past.Content.Headers.ContentRange?.ToString());
        Assert.Equal(HttpStatusCode.OK, several.StatusCode);
        Assert.Equal(bytes, await several.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task Markdown_IsStoredAsUtf8TextMarkdown_AndDetailsArePatchedWithIfMatch()
    {
        var (coordinator, _, document) = await fixture.DocumentAsync();

        var version = await TestClient.ReadAsync<DocumentVersionSummary>(
            await coordinator.PostAsync($"{document}/versions/markdown", new { markdown = "# Capítulo 1\n\nTexto.", changeNote = "primer borrador" }), HttpStatusCode.Created);
        var bytes = await (await coordinator.GetAsync($"{document}/versions/1/content")).Content.ReadAsByteArrayAsync(Cancel);
        var patched = await coordinator.Http.SendAsync(new HttpRequestMessage(HttpMethod.Patch, document)
        {
            Content = JsonContent.Create(new { status = "under-consultation", tags = new[] { "Paz", "paz", "género" } }),
            Headers = { { "If-Match", "\"v2\"" } },
        }, Cancel);
        var stale = await coordinator.Http.SendAsync(new HttpRequestMessage(HttpMethod.Patch, document)
        {
            Content = JsonContent.Create(new { title = "Otro" }),
            Headers = { { "If-Match", "\"v2\"" } },
        }, Cancel);
        var view = await TestClient.ReadAsync<DocumentView>(patched, HttpStatusCode.OK);

        Assert.Equal((VersionSource.Markdown, "text/markdown", "primer borrador"), (version.Source, version.ContentType.Split(';')[0], version.ChangeNote));
        Assert.Equal("# Capítulo 1\n\nTexto."u8.ToArray(), bytes);
        Assert.Equal((DocumentStatus.UnderConsultation, "Plan nacional", 3), (view.Status, view.Title, view.Version));
        Assert.Equal(["paz", "género"], view.Tags);
        await TestClient.ProblemAsync(stale, HttpStatusCode.PreconditionFailed, "space.version-mismatch");
    }

    [Fact]
    public async Task MarkdownVersions_HaveSections_ReadWithTheirText_AndCompareSectionBySection()
    {
        var (coordinator, _, document) = await fixture.DocumentAsync();
        await TestClient.Expect(await coordinator.PostAsync($"{document}/versions/markdown", new { markdown = "# Introducción\n\nTexto.\n\n# Capítulo 1\n\nPrimero." }), HttpStatusCode.Created);
        await TestClient.Expect(await coordinator.PostAsync($"{document}/versions/markdown",
            new { markdown = "# Introducción\n\nTexto.\n\n# Capítulo 1\n\nPrimero, revisado.\n\n# Capítulo 2\n\nNuevo." }), HttpStatusCode.Created);

        var first = await coordinator.GetAsync<JsonElement>($"{document}/versions/1");
        var diff = await coordinator.GetAsync<JsonElement>($"{document}/compare?from=1&to=2");
        var upload = await UploadAsync(coordinator, document, Form("# Anexo\n\nTabla."u8.ToArray(), "anexo.md", "text/markdown"));

        Assert.Equal(2, first.GetProperty("version").GetProperty("sectionCount").GetInt32());
        Assert.Equal(["Introducción", "Capítulo 1"], first.GetProperty("sections").EnumerateArray().Select(x => x.GetProperty("heading").GetString()));
        Assert.Contains("Primero.", first.GetProperty("sections")[1].GetProperty("text").GetString());
        Assert.Equal((1, 1, 1), (diff.GetProperty("added").GetInt32(), diff.GetProperty("changed").GetInt32(), diff.GetProperty("unchanged").GetInt32()));
        Assert.Equal(1, upload.SectionCount);
        await TestClient.ProblemAsync(await coordinator.GetAsync($"{document}/compare?from=1&to=9"), HttpStatusCode.NotFound, DocumentErrors.VersionNotFound);
    }

    [Fact]
    public async Task APrivateDocument_IsNotFoundToAnOutsider_OnEveryRoute_AndAnUploadIsRefusedBeforeItsBody()
    {
        var (coordinator, _, document) = await fixture.DocumentAsync(Visibility.Private);
        await UploadAsync(coordinator, document, Form([1, 2]));
        using var outsider = await TestClient.SignedUpAsync(_host, "Outsider");
        var before = fixture.StoredFiles();

        foreach (var response in new[]
        {
            await outsider.GetAsync(document),
            await outsider.Http.PatchAsJsonAsync(document, new { title = "Mío" }, Cancel),
            await outsider.DeleteAsync(document),
            await outsider.GetAsync($"{document}/versions"),
            await outsider.GetAsync($"{document}/versions/1"),
            await outsider.GetAsync($"{document}/versions/1/content"),
            await outsider.GetAsync($"{document}/compare?from=1&to=1"),
            await outsider.Http.PostAsync($"{document}/versions", Form(new byte[1024]), Cancel),
            await outsider.PostAsync($"{document}/versions/markdown", new { markdown = "# Mío" }),
            await outsider.GetAsync($"/api/v1/documents/{Guid.CreateVersion7()}"),
        })
        {
            await TestClient.ProblemAsync(response, HttpStatusCode.NotFound, DocumentErrors.NotFound);
        }

        Assert.Equal(before.Order(), fixture.StoredFiles().Order());
    }

    [Fact]
    public async Task BadRequests_GetProblemDetailsWithCodes()
    {
        var (coordinator, organisation, document) = await fixture.DocumentAsync();
        var spaceId = organisation.Split('/')[^1];

        await TestClient.ProblemAsync(await coordinator.PostAsync($"/api/v1/spaces/planet/{spaceId}/documents", new { title = "x" }), HttpStatusCode.NotFound, "request.not-found");
        await TestClient.ProblemAsync(await coordinator.PostAsync($"/api/v1/spaces/organisation/{spaceId}/documents", new { title = "" }), HttpStatusCode.BadRequest);
        await TestClient.ProblemAsync(await coordinator.PostAsync($"/api/v1/spaces/organisation/{spaceId}/documents", new { title = "x", language = "not a tag" }),
            HttpStatusCode.UnprocessableEntity, DocumentErrors.InvalidInput);
        await TestClient.ProblemAsync(await coordinator.Http.PostAsync($"{document}/versions", new StringContent("not a form", null, "multipart/form-data"), Cancel), HttpStatusCode.BadRequest, "request.malformed");
        await TestClient.ProblemAsync(await coordinator.Http.PostAsync($"{document}/versions", new MultipartFormDataContent { { new StringContent("x"), "other" } }, Cancel),
            HttpStatusCode.BadRequest, "request.malformed");
        await TestClient.ProblemAsync(await coordinator.GetAsync($"{document}/versions/7"), HttpStatusCode.NotFound, DocumentErrors.VersionNotFound);
        var before = fixture.StoredFiles();
        await TestClient.ProblemAsync(await coordinator.Http.PostAsync($"{document}/versions", Form([1, 2, 3], "plan.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), Cancel), HttpStatusCode.BadRequest, DocumentErrors.Unreadable);
        Assert.Equal(before.Order(), fixture.StoredFiles().Order());
        Assert.Equal(0, await VersionCountAsync(coordinator, document));
    }

    [Fact]
    public async Task Live_ASecondClientSeesANewVersionAndAPublishedComment_AndARemovedMembersStreamEnds()
    {
        var (coordinator, organisation, document) = await fixture.DocumentAsync(Visibility.Private);
        using var member = await TestClient.SignedUpAsync(_host, "Member");
        await coordinator.AddMemberAsync(organisation, member, SpaceRole.Member);
        var documentId = Guid.Parse(document.Split('/')[^1]);
        await using var watcher = await DocumentWatcher.ConnectAsync(_host, member);
        await using var team = await DocumentWatcher.ConnectAsync(_host, coordinator);
        await watcher.JoinAsync(documentId);
        await team.JoinAsync(documentId);

        var version = await UploadAsync(coordinator, document, Form([9, 9]));
        var added = await watcher.WaitForAsync<DocumentVersionAdded>();
        var comment = new DocumentComment(Guid.CreateVersion7(), documentId, 1, "s-1", null, null, coordinator.PersonId, null, null, "Un comentario",
            CommentStatus.Open, DateTimeOffset.UtcNow, null);
        await _host.Services.GetRequiredService<IGrainFactory>().GetGrain<IDocumentGrain>(documentId).PublishAsync(new CommentPosted(comment));
        var posted = await watcher.WaitForAsync<CommentPosted>();

        await TestClient.Expect(await coordinator.DeleteAsync($"{organisation}/members/{member.PersonId}"), HttpStatusCode.NoContent);
        var ended = await watcher.WaitForAsync<DocumentAccessEnded>();
        await UploadAsync(coordinator, document, Form([8]));
        await team.WaitForAsync<DocumentVersionAdded>(v => v.Version.Number == 2);

        Assert.Equal(version.Number, added.Version.Number);
        Assert.Equal(comment.CommentId, posted.Comment.CommentId);
        Assert.Equal(member.PersonId, ended.PersonId);
        Assert.IsType<DocumentAccessEnded>(watcher.Events[^1].Change);
        Assert.Contains(team.Events, e => e.Change is DocumentAccessEnded);
        watcher.AssertInOrder();
    }

    /// <summary>A form whose file part sends half its bytes and then waits for the client to give up.</summary>
    private sealed class StalledForm : HttpContent
    {
        private const string Boundary = "nh-stalled";
        private readonly TaskCompletionSource _halfSent;

        public StalledForm(TaskCompletionSource halfSent)
        {
            _halfSent = halfSent;
            Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(
                $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"half.bin\"\r\n\r\n"), cancellationToken);
            await stream.WriteAsync(new byte[256 * 1024], cancellationToken);
            await stream.FlushAsync(cancellationToken);
            _halfSent.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
