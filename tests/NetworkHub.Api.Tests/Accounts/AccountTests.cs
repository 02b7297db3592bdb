using System.Net;
using System.Text.Json;

namespace NetworkHub.Api.Tests.Accounts;

public sealed class AccountTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task Register_ThenSignIn_ReturnsWorkingBearerToken()
    {
        using var person = await TestClient.SignedUpAsync(_host, "Ana Pérez");

        var me = await person.GetAsync<JsonElement>("/api/v1/me");

        Assert.Equal(person.PersonId, me.GetProperty("id").GetGuid());
        Assert.Equal("Ana Pérez", me.GetProperty("name").GetString());
        Assert.Equal(person.Email, me.GetProperty("email").GetString());
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsUnauthorisedAndSameAsUnknownEmail()
    {
        using var person = await TestClient.SignedUpAsync(_host);
        using var anonymous = _host.CreateClient();

        var wrongPassword = await anonymous.PostAsync("/api/v1/auth/token", new { email = person.Email, password = "not the password" });
        var unknownEmail = await anonymous.PostAsync("/api/v1/auth/token", new { email = $"nobody-{Guid.NewGuid():N}@example.org", password = "not the password" });

        var first = await TestClient.ProblemAsync(wrongPassword, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        var second = await TestClient.ProblemAsync(unknownEmail, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task SignOut_RevokesToken_NextRequestIsUnauthorised()
    {
        using var person = await TestClient.SignedUpAsync(_host);

        await TestClient.Expect(await person.PostAsync("/api/v1/auth/sign-out"), HttpStatusCode.NoContent);
        var after = await person.GetAsync("/api/v1/me");

        await TestClient.ProblemAsync(after, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
    }

    [Fact]
    public async Task Me_Anonymous_IsUnauthorised()
    {
        using var anonymous = _host.CreateClient();

        await TestClient.ProblemAsync(await anonymous.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized, "auth.sign-in-required");
    }

    [Fact]
    public async Task Pseudonym_ShownToOthers_RealNameToSelf()
    {
        using var defender = await TestClient.SignedUpAsync(_host, "María Real", pseudonym: "Colibrí");
        using var other = await TestClient.SignedUpAsync(_host);

        var asSeenByOther = await other.GetAsync<JsonElement>($"/api/v1/people/{defender.PersonId}");
        var asSeenBySelf = await defender.GetAsync<JsonElement>($"/api/v1/people/{defender.PersonId}");

        Assert.Equal("Colibrí", asSeenByOther.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, asSeenByOther.GetProperty("displayName").ValueKind);
        Assert.Equal(JsonValueKind.Null, asSeenByOther.GetProperty("email").ValueKind);
        Assert.Equal("María Real", asSeenBySelf.GetProperty("name").GetString());
    }
}
