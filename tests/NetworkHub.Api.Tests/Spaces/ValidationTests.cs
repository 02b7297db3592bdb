using System.Net;
using System.Text;
using System.Text.Json;
using NetworkHub.Contracts.Organisations;

namespace NetworkHub.Api.Tests.Spaces;

/// <summary>Bad input gets a 400-range problem naming what is wrong, never a 500, and what was stored stays as it was.</summary>
public sealed class ValidationTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    public static TheoryData<string, string, string?> BadOrganisationBodies() => new()
    {
        { "missing name", """{"kind":"funder","country":"CO"}""", "name" },
        { "name too long", $$"""{"name":"{{new string('x', 201)}}","kind":"funder","country":"CO"}""", "name" },
        { "script tag in name", """{"name":"<script>alert(1)</script>","kind":"funder","country":"CO"}""", "name" },
        { "control character in name", """{"name":"Red\u0000Sur","kind":"funder","country":"CO"}""", "name" },
        { "lower-case country", """{"name":"Red","kind":"funder","country":"co"}""", "country" },
        { "missing kind", """{"name":"Red","country":"CO"}""", "kind" },
        { "too many topics", $$"""{"name":"Red","kind":"funder","country":"CO","topics":[{{string.Join(',', Enumerable.Range(0, 21).Select(i => $"\"t{i}\""))}}]}""", "topics" },
        { "topic too long", $$"""{"name":"Red","kind":"funder","country":"CO","topics":["{{new string('t', 101)}}"]}""", "topics" },
        { "javascript website", """{"name":"Red","kind":"funder","country":"CO","website":"javascript:alert(1)"}""", "website" },
        { "unknown enum value", """{"name":"Red","kind":"charity","country":"CO"}""", null },
        { "enum as a number", """{"name":"Red","kind":4,"country":"CO"}""", null },
        { "wrong type", """{"name":["Red"],"kind":"funder","country":"CO"}""", null },
        { "malformed json", """{"name":"Red","kind":""", null },
        { "empty body", "", null },
    };

    [Theory]
    [MemberData(nameof(BadOrganisationBodies))]
    public async Task UpdateOrganisation_BadBody_Is400AndChangesNothing(string reason, string body, string? field)
    {
        using var coordinator = await TestClient.SignedUpAsync(_host);
        var organisation = await coordinator.CreateOrganisationAsync(name: "Before");

        var response = await coordinator.SendRawAsync(HttpMethod.Put, $"/api/v1/organisations/{organisation.Id}", Encoding.UTF8.GetBytes(body));

        var problem = await TestClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{reason}: no error for '{field}' in {problem}");
        }

        var after = await coordinator.GetAsync<OrganisationDetails>($"/api/v1/organisations/{organisation.Id}");
        Assert.Equal(("Before", 1), (after.Name, after.Version));
    }

    [Fact]
    public async Task CreateOrganisation_InvalidUtf8_Is400()
    {
        using var person = await TestClient.SignedUpAsync(_host);
        byte[] body = [.. """{"name":"Red """u8, 0xC3, 0x28, .. "\",\"kind\":\"funder\",\"country\":\"CO\"}"u8];

        var response = await person.SendRawAsync(HttpMethod.Post, "/api/v1/organisations", body);

        await TestClient.ProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed");
    }

    [Fact]
    public async Task CreateOrganisation_OversizedBody_Is413()
    {
        using var person = await TestClient.SignedUpAsync(_host);
        var body = Encoding.UTF8.GetBytes($$"""{"name":"Red","kind":"funder","country":"CO","description":"{{new string('d', 2_000_000)}}"}""");

        var response = await person.SendRawAsync(HttpMethod.Post, "/api/v1/organisations", body);

        await TestClient.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request.too-large");
    }

    [Fact]
    public async Task Description_WithMarkup_IsStoredAsGivenAndEncodedInJson()
    {
        using var person = await TestClient.SignedUpAsync(_host);
        const string description = "<script>alert('x')</script> & <b>بناء السلام</b>";
        var created = await TestClient.ReadAsync<OrganisationDetails>(
            await person.PostAsync("/api/v1/organisations", new { name = "Red", kind = "funder", country = "CO", description }), HttpStatusCode.Created);

        var raw = await (await person.GetAsync($"/api/v1/organisations/{created.Id}")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
        Assert.Equal(description, JsonDocument.Parse(raw).RootElement.GetProperty("description").GetString());
    }

    public static TheoryData<string, string, string> BadRequestsPerRecord() => new()
    {
        { "/api/v1/accounts", """{"email":"not-an-email","password":"short","displayName":""}""", "email" },
        { "/api/v1/auth/token", """{"email":"a@b.org"}""", "password" },
        { "/api/v1/coalitions", """{"name":"","country":"Colombia"}""", "country" },
        { "/api/v1/forums", """{"name":"Forum","themes":["<i>"]}""", "themes" },
        { "ORG/api-keys", """{"name":"ci"}""", "scope" },
        { "ORG/invitations", """{"role":"member","expiresInDays":365}""", "expiresInDays" },
        { "ORG/join-requests", $$"""{"message":"{{new string('m', 2001)}}"}""", "message" },
        { "ORG/working-groups", """{"purpose":"no name"}""", "name" },
        { "COALITION/organisations", """{}""", "organisationId" },
    };

    [Fact]
    public async Task NumberAsString_Is400_AsTheContractSaysNumbersAreNumbers()
    {
        using var person = await TestClient.SignedUpAsync(_host);
        var organisation = await person.CreateOrganisationAsync();

        var response = await person.SendRawAsync(HttpMethod.Post, $"/api/v1/organisations/{organisation.Id}/invitations",
            Encoding.UTF8.GetBytes("""{"role":"member","expiresInDays":"7"}"""));

        await TestClient.ProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed");
        var open = await person.GetAsync<System.Text.Json.JsonElement>($"/api/v1/organisations/{organisation.Id}/invitations");
        Assert.Equal(0, open.GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(BadRequestsPerRecord))]
    public async Task Post_InvalidRequestRecord_ListsTheField(string path, string body, string field)
    {
        using var person = await TestClient.SignedUpAsync(_host);
        var organisation = await person.CreateOrganisationAsync();
        var coalition = await person.CreateCoalitionAsync();
        path = path.Replace("ORG", $"/api/v1/organisations/{organisation.Id}", StringComparison.Ordinal)
            .Replace("COALITION", $"/api/v1/coalitions/{coalition.Id}", StringComparison.Ordinal);

        var response = await person.SendRawAsync(HttpMethod.Post, path, Encoding.UTF8.GetBytes(body));

        var problem = await TestClient.ProblemAsync(response, HttpStatusCode.BadRequest, "request.validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}' in {problem}");
    }

    [Theory]
    [InlineData("/api/v1/organisations?limit=101", "limit")]
    [InlineData("/api/v1/coalitions?country=colombia", "country")]
    public async Task List_InvalidQuery_ListsTheParameter(string path, string field)
    {
        using var anonymous = _host.CreateClient();

        var problem = await TestClient.ProblemAsync(await anonymous.GetAsync(path), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}' in {problem}");
    }

    [Fact]
    public async Task List_ForgedCursor_Is400()
    {
        using var anonymous = _host.CreateClient();

        await TestClient.ProblemAsync(await anonymous.GetAsync("/api/v1/organisations?cursor=Zm9yZ2Vk"), HttpStatusCode.BadRequest, "directory.invalid-cursor");
    }

    [Fact]
    public async Task UnknownApiPath_Is404Problem()
    {
        using var anonymous = _host.CreateClient();

        await TestClient.ProblemAsync(await anonymous.GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound);
    }
}
