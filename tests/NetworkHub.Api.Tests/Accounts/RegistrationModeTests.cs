using System.Net;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Accounts;

/// <summary>A platform that only admits people holding an invitation.</summary>
public sealed class RegistrationModeTests : IAsyncLifetime
{
    private static readonly string FounderEmail = $"founder-{Guid.NewGuid():N}@example.org";
    private ApiHost _host = null!;

    /// <summary>The operator admits the founder by address; everyone else needs an invitation.</summary>
    public async ValueTask InitializeAsync() =>
        _host = await ApiHost.StartAsync(settings: ["--Accounts:Registration", "InvitationOnly", "--Accounts:AdmittedEmails:0", FounderEmail]);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Register_InvitationOnly_WithoutInvitationIsForbidden_WithOneJoinsTheSpace()
    {
        using var founder = await FounderAsync();
        var coalition = await founder.CreateCoalitionAsync(Visibility.Private, name: "Red de alcaldías");
        var invitation = await TestClient.ReadAsync<InvitationCreated>(
            await founder.PostAsync($"/api/v1/coalitions/{coalition.Id}/invitations", new { role = "member" }), HttpStatusCode.Created);
        using var newcomer = _host.CreateClient();

        var without = await newcomer.PostAsync("/api/v1/accounts", new { email = $"{Guid.NewGuid():N}@example.org", password = TestClient.Password, displayName = "Sin invitación" });
        var forged = await newcomer.PostAsync("/api/v1/accounts", new { email = $"{Guid.NewGuid():N}@example.org", password = TestClient.Password, displayName = "Forged", invitation = invitation.Token[..^4] + "AAAA" });
        var email = $"{Guid.NewGuid():N}@example.org";
        var with = await newcomer.PostAsync("/api/v1/accounts", new { email, password = TestClient.Password, displayName = "Invitada", invitation = invitation.Token });

        await TestClient.ProblemAsync(without, HttpStatusCode.Forbidden, "auth.registration-closed");
        await TestClient.ProblemAsync(forged, HttpStatusCode.NotFound, "invitation.not-found");
        await TestClient.Expect(with, HttpStatusCode.Accepted);
        var token = await TestClient.ReadAsync<System.Text.Json.JsonElement>(await newcomer.PostAsync("/api/v1/auth/token", new { email, password = TestClient.Password }), HttpStatusCode.OK);
        newcomer.UseBearer(token.GetProperty("token").GetString()!);
        var access = await newcomer.GetAsync<SpaceSummary>($"/api/v1/coalitions/{coalition.Id}");
        Assert.Equal(SpaceRole.Member, access.YourRole);
    }

    private async Task<TestClient> FounderAsync()
    {
        var client = _host.CreateClient();
        var registered = await client.PostAsync("/api/v1/accounts", new { email = FounderEmail.ToUpperInvariant(), password = TestClient.Password, displayName = "Founder" });
        await TestClient.Expect(registered, HttpStatusCode.Accepted);
        var token = await TestClient.ReadAsync<System.Text.Json.JsonElement>(await client.PostAsync("/api/v1/auth/token", new { email = FounderEmail, password = TestClient.Password }), HttpStatusCode.OK);
        client.UseBearer(token.GetProperty("token").GetString()!);
        return client;
    }
}
