using System.Net;
using System.Security.Cryptography;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;
using static NetworkHub.Api.Tests.Documents.DocumentHost;

namespace NetworkHub.Api.Tests.Documents;

/// <summary>An erased person's documents over real HTTP: the documents and their bytes stay, nothing names the person.</summary>
public sealed class DocumentErasureTests(DocumentHost fixture) : IClassFixture<DocumentHost>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Erase_OfADocumentsCreatorAndAuthor_LeavesTheDocumentAndItsBytes_WithNoTraceOfThem()
    {
        var (coordinator, organisation, _) = await fixture.DocumentAsync();
        using var author = await TestClient.SignedUpAsync(fixture.Host, "Autora");
        await coordinator.AddMemberAsync(organisation, author, SpaceRole.Member);
        var space = organisation.Replace("/api/v1/organisations/", "/api/v1/spaces/organisation/", StringComparison.Ordinal);
        var created = await TestClient.ReadAsync<DocumentView>(await author.PostAsync($"{space}/documents",
            new { title = "Informe de la autora", tags = new[] { "tierras" } }), HttpStatusCode.Created);
        var document = $"/api/v1/documents/{created.DocumentId}";
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        await UploadAsync(author, document, Form(bytes, "informe.pdf"));
        await TestClient.ReadAsync<DocumentVersionSummary>(await coordinator.PostAsync($"{document}/versions/markdown",
            new { markdown = "# Tierras\n\nTexto del coordinador.", changeNote = "Segunda" }), HttpStatusCode.Created);
        var authorId = author.PersonId.ToString();
        Assert.Contains(authorId, await TextAsync(coordinator, document), StringComparison.OrdinalIgnoreCase);

        await TestClient.Expect(await author.DeleteAsync("/api/v1/me"), HttpStatusCode.NoContent);

        var view = await coordinator.GetAsync<DocumentView>(document);
        var versions = await coordinator.GetAsync<List<DocumentVersionSummary>>($"{document}/versions");
        Assert.Equal("Informe de la autora", view.Title);
        Assert.Equal(2, versions.Count);
        Assert.NotEqual(author.PersonId, view.CreatedBy);
        Assert.Equal(view.CreatedBy, versions[0].AuthorPersonId);
        Assert.Equal(coordinator.PersonId, versions[1].AuthorPersonId);
        Assert.DoesNotContain(authorId, await TextAsync(coordinator, document), StringComparison.OrdinalIgnoreCase);
        var download = await coordinator.GetAsync($"{document}/versions/1/content");
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), versions[0].Sha256);
    }

    /// <summary>Everything REST says of the document: details, versions, each version with its sections.</summary>
    private static async Task<string> TextAsync(TestClient reader, string document)
    {
        var parts = new List<string>();
        foreach (var path in new[] { document, $"{document}/versions", $"{document}/versions/1", $"{document}/versions/2" })
        {
            var response = await reader.GetAsync(path);
            await TestClient.Expect(response, HttpStatusCode.OK);
            parts.Add(await response.Content.ReadAsStringAsync(Cancel));
        }

        return string.Join('\n', parts);
    }
}
