using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Hosting;

/// <summary>
/// The OpenAPI document is part of the contract with integrators. It is committed as docs/openapi.json;
/// this test fails when the served document differs, so every API change shows in a diff.
/// Run the tests with UPDATE_OPENAPI=1 to rewrite the committed copy.
/// </summary>
public sealed class OpenApiTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task Document_MatchesTheCommittedCopy()
    {
        using var anonymous = _host.CreateClient();
        var served = JsonNode.Parse(await anonymous.Http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;
        served.AsObject().Remove("servers");
        var text = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        await CommittedDocument.AssertMatchesAsync("openapi.json", text, "UPDATE_OPENAPI");
        Assert.NotNull(served["paths"]!["/api/v1/coalitions/{id}/members"]);
    }

    /// <summary>Real requests that get 412, 413 and 422: each operation's entry in the document lists that status.</summary>
    [Fact]
    public async Task ConditionalProblems_AreDocumentedOnTheOperationsThatAnswerThem()
    {
        using var person = await TestClient.SignedUpAsync(_host);
        var organisation = await person.CreateOrganisationAsync();
        var coalition = await person.CreateCoalitionAsync(Visibility.Private);
        var document = JsonNode.Parse(await person.Http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;
        var profile = new { name = "Red de Defensoras", kind = "civil-society-organisation", country = "CO", topics = new[] { "land rights" }, visibility = "public" };

        (string Path, string Method, HttpResponseMessage Response)[] answered =
        [
            ("/api/v1/organisations/{id}", "put", await person.PutAsync($"/api/v1/organisations/{organisation.Id}", profile, ifMatch: "\"v999\"")),
            ("/api/v1/organisations", "post", await person.SendRawAsync(HttpMethod.Post, "/api/v1/organisations", new byte[2 * 1024 * 1024])),
            ("/api/v1/coalitions/{id}/working-groups", "post", await person.PostAsync($"/api/v1/coalitions/{coalition.Id}/working-groups", new { name = "Abierto", visibility = "public" })),
        ];

        Assert.Equal([HttpStatusCode.PreconditionFailed, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnprocessableEntity], answered.Select(a => a.Response.StatusCode));
        foreach (var (path, method, response) in answered)
        {
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(document["paths"]?[path]?[method]?["responses"]?[status] is not null, $"{method} {path} answered {status}, which its operation does not list");
        }
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/scalar/")]
    public async Task OperationalEndpoint_Answers200(string path)
    {
        using var anonymous = _host.CreateClient();

        await TestClient.Expect(await anonymous.GetAsync(path), HttpStatusCode.OK);
    }
}
