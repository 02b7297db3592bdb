using System.Net;

namespace NetworkHub.Api.Tests.Accounts;

public sealed class RateLimitTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ApiHost.StartAsync(settings: ["--Api:AuthRequestsPerMinute", "3"]);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SignIn_TooManyFromOneAddress_Is429WithRetryAfter_OtherEndpointsUnaffected()
    {
        using var client = _host.CreateClient();
        var attempt = new { email = "someone@example.org", password = "wrong password" };
        for (var i = 0; i < 3; i++)
        {
            await TestClient.ProblemAsync(await client.PostAsync("/api/v1/auth/token", attempt), HttpStatusCode.Unauthorized);
        }

        var limited = await client.PostAsync("/api/v1/auth/token", attempt);

        await TestClient.ProblemAsync(limited, HttpStatusCode.TooManyRequests, "auth.rate-limited");
        Assert.Equal(TimeSpan.FromSeconds(60), limited.Headers.RetryAfter?.Delta);
        await TestClient.Expect(await client.GetAsync("/api/v1/organisations"), HttpStatusCode.OK);
    }
}
