using System.Net;

namespace NetworkHub.Api.Tests.WebApp;

/// <summary>The browser app is served from wwwroot, and its own routes fall back to index.html.</summary>
public sealed class WebAppTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    [Theory]
    [InlineData("/")]
    [InlineData("/directory/organisations")]
    [InlineData("/invitations/coalition.0123456789abcdef0123456789abcdef.0123456789abcdef0123456789abcdef.cq-IrMV-Yp4M1dGokleJyU7S1zk27iF6QdqgwiQ2Bzo")]
    public async Task Get_AppRoute_ServesIndexHtml(string path)
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\"></div>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_App_CarriesAContentSecurityPolicyAllowingOnlyItsOwnOrigin()
    {
        using var client = _host.CreateClient();

        using var app = await client.GetAsync("/");
        using var reference = await client.GetAsync("/scalar/");

        var policy = string.Join(";", app.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.False(reference.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Get_UnknownApiPath_IsProblemNotIndexHtml()
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync("/api/v1/no-such-thing");

        await TestClient.ProblemAsync(response, HttpStatusCode.NotFound, "request.not-found");
    }
}
