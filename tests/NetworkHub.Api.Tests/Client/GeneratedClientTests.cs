using System.Security.Cryptography;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using NetworkHub.Client;
using NetworkHub.Client.Models;

namespace NetworkHub.Api.Tests.Client;

/// <summary>
/// The packaged client (generated from docs/openapi.json) against the real app: the same calls an integrator makes, with a
/// session token and with an organisation's API key, so a contract the client cannot speak fails here.
/// </summary>
public sealed class GeneratedClientTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApiKey_ReadsAndUpdatesItsOrganisation_WithTheETagAsIfMatch()
    {
        var person = await SignedUpAsync();
        var created = await Answer(person.Api.V1.Organisations.PostAsync(Organisation("Red de Defensoras"), cancellationToken: Cancel));
        var integrator = NetworkHubClients.Create(_host.Address, await ApiKeyAsync(person, created.Id!.Value, ApiKeyScope.ReadWrite));
        var organisation = integrator.Api.V1.Organisations[created.Id.Value];

        var (read, etag) = await WithETagAsync(options => organisation.GetAsync(options, Cancel));
        var renamed = Organisation("Red Nacional de Defensoras");
        var updated = await Answer(organisation.PutAsync(renamed, c => c.Headers.Add("If-Match", etag), Cancel));

        Assert.Equal(("Red de Defensoras", OrganisationKind.CivilSocietyOrganisation, "CO"), (read.Name, read.Kind, read.Country));
        Assert.Equal(["land rights"], read.Topics);
        Assert.Equal(("Red Nacional de Defensoras", read.Version + 1), (updated.Name, updated.Version));
        Assert.Equal("Red Nacional de Defensoras", (await Answer(person.Api.V1.Organisations[created.Id.Value].GetAsync(cancellationToken: Cancel))).Name);
    }

    [Fact]
    public async Task Update_WithAStaleIfMatch_ThrowsProblemDetailsWithItsCode()
    {
        var person = await SignedUpAsync();
        var created = await Answer(person.Api.V1.Coalitions.PostAsync(Coalition("Coalición por la Paz", Visibility.Public), cancellationToken: Cancel));
        var coalition = person.Api.V1.Coalitions[created.Id!.Value];
        var (_, etag) = await WithETagAsync(options => coalition.GetAsync(options, Cancel));
        await coalition.PutAsync(Coalition("Coalición por la Paz y la Vida", Visibility.Public), c => c.Headers.Add("If-Match", etag), Cancel);

        var error = await Assert.ThrowsAsync<ProblemDetails>(() =>
            coalition.PutAsync(Coalition("Coalición de otra época", Visibility.Public), c => c.Headers.Add("If-Match", etag), Cancel));

        Assert.Equal((412, 412, "space.version-mismatch"), (error.ResponseStatusCode, error.Status, error.Code));
        Assert.Equal("Coalición por la Paz y la Vida", (await Answer(coalition.GetAsync(cancellationToken: Cancel))).Name);
    }

    [Fact]
    public async Task PrivateCoalition_ReadByAnOutsidersKey_ThrowsNotFoundLikeAnUnknownId()
    {
        var coordinator = await SignedUpAsync();
        var outsider = await SignedUpAsync();
        var hidden = await Answer(coordinator.Api.V1.Coalitions.PostAsync(Coalition("Red privada", Visibility.Private), cancellationToken: Cancel));
        var outsiderOrganisation = await Answer(outsider.Api.V1.Organisations.PostAsync(Organisation("Observatorio"), cancellationToken: Cancel));
        var outsiderKey = NetworkHubClients.Create(_host.Address, await ApiKeyAsync(outsider, outsiderOrganisation.Id!.Value, ApiKeyScope.Read));

        var privateOne = await Assert.ThrowsAsync<ProblemDetails>(() => outsiderKey.Api.V1.Coalitions[hidden.Id!.Value].GetAsync(cancellationToken: Cancel));
        var unknownId = Guid.NewGuid();
        var unknown = await Assert.ThrowsAsync<ProblemDetails>(() => outsiderKey.Api.V1.Coalitions[unknownId].GetAsync(cancellationToken: Cancel));

        Assert.Equal((404, "space.not-found"), (privateOne.ResponseStatusCode, privateOne.Code));
        Assert.Equal((unknown.ResponseStatusCode, unknown.Code, unknown.Title, unknown.Detail?.Replace(unknownId.ToString(), hidden.Id.ToString(), StringComparison.Ordinal)),
            (privateOne.ResponseStatusCode, privateOne.Code, privateOne.Title, privateOne.Detail));
    }

    [Fact]
    public async Task Directory_PagedWithTheCursor_ListsEachOrganisationOnce()
    {
        var person = await SignedUpAsync();
        var marker = $"Paged{Guid.NewGuid():N}";
        for (var i = 0; i < 5; i++)
        {
            await person.Api.V1.Organisations.PostAsync(Organisation($"{marker} {i}"), cancellationToken: Cancel);
        }

        var names = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Answer(person.Api.V1.Organisations.GetAsync(c =>
            {
                c.QueryParameters.Q = marker;
                c.QueryParameters.Limit = 2;
                c.QueryParameters.Cursor = cursor;
            }, Cancel));
            names.AddRange(page.Items!.Select(e => e.Name!));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{marker} {i}"), names);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task DocumentVersion_UploadedAsMultipartByAKey_DownloadsByteForByte()
    {
        var person = await SignedUpAsync();
        var organisation = await Answer(person.Api.V1.Organisations.PostAsync(Organisation("Red de Defensoras", Visibility.Private), cancellationToken: Cancel));
        var integrator = NetworkHubClients.Create(_host.Address, await ApiKeyAsync(person, organisation.Id!.Value, ApiKeyScope.ReadWrite));
        var document = await Answer(integrator.Api.V1.Spaces["organisation"][organisation.Id.Value].Documents.PostAsync(
            new CreateDocumentRequest { Title = "Informe anual", Language = "es", Tags = ["informe"] }, cancellationToken: Cancel));
        var bytes = new byte[300_000];
        new Random(16).NextBytes(bytes);
        var form = new MultipartBody();
        form.AddOrReplacePart("changeNote", "text/plain", "primera versión");
        form.AddOrReplacePart("file", "application/pdf", new MemoryStream(bytes), "informe anual.pdf");

        var versions = integrator.Api.V1.Documents[document.DocumentId!.Value].Versions;
        var version = await Answer(versions.PostAsync(form, cancellationToken: Cancel));
        await using var content = await Answer(versions[version.Number!.Value].Content.GetAsync(cancellationToken: Cancel));
        using var downloaded = new MemoryStream();
        await content.CopyToAsync(downloaded, Cancel);

        Assert.Equal(bytes, downloaded.ToArray());
        Assert.Equal((1, bytes.LongLength, "informe anual.pdf", "application/pdf", "primera versión"),
            (version.Number, version.Size, version.FileName, version.ContentType, version.ChangeNote));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), version.Sha256);
    }

    /// <summary>A new person registered and signed in through the client; every later call carries their session token.</summary>
    private async Task<NetworkHubApiClient> SignedUpAsync()
    {
        var anonymous = NetworkHubClients.Create(_host.Address);
        var email = $"person-{Guid.NewGuid():N}@example.org";
        await anonymous.Api.V1.Accounts.PostAsync(new RegisterRequest { Email = email, Password = TestClient.Password, DisplayName = "Ana" }, cancellationToken: Cancel);
        var token = await Answer(anonymous.Api.V1.Auth.Token.PostAsync(new SignInRequest { Email = email, Password = TestClient.Password }, cancellationToken: Cancel));
        Assert.StartsWith("nht_", token.Token, StringComparison.Ordinal);
        return NetworkHubClients.Create(_host.Address, token.Token);
    }

    private static async Task<string> ApiKeyAsync(NetworkHubApiClient coordinator, Guid organisationId, ApiKeyScope scope)
    {
        var created = await Answer(coordinator.Api.V1.Organisations[organisationId].ApiKeys.PostAsync(
            new CreateApiKeyRequest { Name = "integration", Scope = scope }, cancellationToken: Cancel));
        Assert.StartsWith("nhk_", created.Key, StringComparison.Ordinal);
        return created.Key!;
    }

    /// <summary>A read's result with the ETag the API sent beside it, as an integrator keeps it for the next update.</summary>
    private static async Task<(T Result, string ETag)> WithETagAsync<T>(Func<Action<RequestConfiguration<DefaultQueryParameters>>, Task<T?>> read)
        where T : class
    {
        var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var result = await Answer(read(c => c.Options.Add(headers)));
        return (result, Assert.Single(headers.ResponseHeaders["ETag"]));
    }

    /// <summary>The generated methods answer T? (a 204 would be null); every call here expects a body.</summary>
    private static async Task<T> Answer<T>(Task<T?> call)
        where T : class
    {
        var answer = await call;
        Assert.NotNull(answer);
        return answer;
    }

    private static OrganisationRequest Organisation(string name, Visibility visibility = Visibility.Public) => new()
    {
        Name = name,
        Kind = OrganisationKind.CivilSocietyOrganisation,
        Country = "CO",
        Topics = ["land rights"],
        Visibility = visibility,
    };

    private static CoalitionRequest Coalition(string name, Visibility visibility) =>
        new() { Name = name, Kind = CoalitionKind.Network, Country = "CO", Visibility = visibility };
}
