using System.Net;
using System.Text.RegularExpressions;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Hosting;

/// <summary>
/// <c>/metrics</c> serves Prometheus text only when the operator turns it on, with ASP.NET Core's, Orleans' and our
/// storage's metrics, labelled by route template: a private space's id, reached through its route, is in no label.
/// </summary>
public sealed partial class MetricsTests
{
    [Fact]
    public async Task Metrics_WhenEnabled_ServePrometheusTextOfRequestsOrleansAndStorage_WithoutIds()
    {
        await using var host = await ApiHost.StartAsync(null, "--Telemetry:Prometheus", "true");
        using var coordinator = await TestClient.SignedUpAsync(host);
        using var outsider = await TestClient.SignedUpAsync(host);
        var hidden = await coordinator.CreateOrganisationAsync(Visibility.Private, name: "Defensoras en riesgo");
        await TestClient.Expect(await coordinator.GetAsync($"/api/v1/organisations/{hidden.Id}"), HttpStatusCode.OK);
        await TestClient.Expect(await outsider.GetAsync($"/api/v1/organisations/{hidden.Id}"), HttpStatusCode.NotFound);
        await TestClient.Expect(await outsider.GetAsync($"/api/v1/organisations/{hidden.Id:N}"), HttpStatusCode.NotFound);
        await TestClient.Expect(await outsider.GetAsync("/health/ready"), HttpStatusCode.OK);

        using var response = await outsider.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(RequestDuration(), text);
        Assert.Matches(OrleansMetric(), text);
        Assert.Contains("networkhub_storage_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("networkhub_operation=\"write\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.Id.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(hidden.Id.ToString("N"), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(coordinator.PersonId.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Defensoras", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ByDefault_Answer404()
    {
        await using var host = await ApiHost.StartAsync();
        using var anonymous = host.CreateClient();

        using var response = await anonymous.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The request duration histogram of the organisation route, by its template, with the 404 answers among them.</summary>
    [GeneratedRegex("""^http_server_request_duration_seconds_count\{(?=[^}]*http_route="/api/v1/organisations/\{id:guid\}")(?=[^}]*http_response_status_code="404")""", RegexOptions.Multiline)]
    private static partial Regex RequestDuration();

    [GeneratedRegex(@"^orleans_[a-z_]+(\{[^}]*\})? [0-9]", RegexOptions.Multiline)]
    private static partial Regex OrleansMetric();
}
