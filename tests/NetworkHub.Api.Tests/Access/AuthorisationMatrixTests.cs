using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Api.LiveSessions;
using NetworkHub.Api.Tests.LiveSessions;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Access;

/// <summary>
/// Every REST operation in the app's endpoint table and every public method of every hub, as each principal, against
/// the matrix in <see cref="RestMatrix"/> and <see cref="HubMatrix"/>. An operation or hub method without rows fails
/// the build's tests by name, and so does a row for one that no longer exists.
/// </summary>
public sealed class AuthorisationMatrixTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    /// <summary>Endpoints that decide nothing about callers, by "METHOD pattern", with the reason.</summary>
    private static readonly Dictionary<string, string> NoAuthorisation = new(StringComparer.Ordinal)
    {
        ["* /health"] = "liveness probe: no data",
        ["* /health/live"] = "liveness probe: no data",
        ["* /metrics"] = "metrics (when enabled): route templates and counts, no ids; see the README on protecting it",
        ["* /health/ready"] = "readiness probe: no data",
        ["GET /openapi/{documentName}.json"] = "the public API description",
        ["GET /scalar/{documentName?}"] = "the API reference page, static",
        ["GET /scalar/scalar.js"] = "the API reference page's script",
        ["GET /scalar/scalar.aspnetcore.js"] = "the API reference page's script",
        ["GET /scalar/favicon.svg"] = "the API reference page's icon",
        ["* /api/{**path}"] = "unknown API paths: 404 or 415 problem details for everyone",
        ["GET,HEAD {*path:nonfile}"] = "the browser app's index.html",
        ["GET,HEAD /invitations/{token}"] = "the browser app's index.html for invitation links",
        ["* /hubs/sessions/negotiate"] = "the hub: its methods are in the hub matrix",
        ["* /hubs/sessions"] = "the hub: its methods are in the hub matrix",
    };

    public static TheoryData<string> RestRows() => [.. RestMatrix.Rows.Select(r => r.Key)];

    public static TheoryData<string> HubRows() => [.. HubMatrix.Rows.Select(r => r.Method)];

    [Fact]
    public void EndpointTable_EveryOperationHasRows_AndEveryRowAnOperation()
    {
        var endpoints = world.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var named = endpoints.Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var unnamed = endpoints.Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is null).Select(Describe).ToHashSet(StringComparer.Ordinal);
        var rows = RestMatrix.Rows.Select(r => r.Operation).ToHashSet(StringComparer.Ordinal);

        Assert.True(named.Except(rows).Order().ToList() is [], $"operations without a row in the matrix: {string.Join(", ", named.Except(rows).Order())}");
        Assert.True(rows.Except(named).Order().ToList() is [], $"matrix rows for operations that no longer exist: {string.Join(", ", rows.Except(named).Order())}");
        Assert.True(unnamed.SetEquals(NoAuthorisation.Keys),
            $"endpoints without a name, a row or a reason: {string.Join(", ", unnamed.Except(NoAuthorisation.Keys))}; " +
            $"reasons for endpoints that no longer exist: {string.Join(", ", NoAuthorisation.Keys.Except(unnamed))}");
        Assert.True(rows.Except(RestRequests.All.Keys).ToList() is [], $"rows without a request: {string.Join(", ", rows.Except(RestRequests.All.Keys))}");
        Assert.True(RestMatrix.Rows.GroupBy(r => r.Key).Where(g => g.Count() > 1).ToList() is [], "a row appears twice");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{named.Count} operations, {RestMatrix.Rows.Count} rows, {unnamed.Count} endpoints without authorisation; world built in {world.BuildTime.TotalSeconds:F1} s");
    }

    [Fact]
    public void Matrix_PrivateRows_Answer404ToEveryoneWithoutARole()
    {
        // Whoever holds no role in a private space must not learn it exists, whichever route they try.
        Principal[] roleless = [Principal.Anonymous, Principal.Outsider, Principal.Removed, Principal.OtherWriteKey];
        var wrong = RestMatrix.Rows.Where(r => r.Visibility == Visibility.Private)
            .SelectMany(r => roleless.Where(p => r.Expected[(int)p] != 404).Select(p => $"{r.Key} as {p}"))
            .ToList();

        Assert.True(wrong is [], $"private rows that expect something other than 404 for a caller without a role: {string.Join(", ", wrong)}");
        Assert.All(RestMatrix.Rows, r => Assert.Equal(Enum.GetValues<Principal>().Length, r.Expected.Length));
    }

    [Theory]
    [MemberData(nameof(RestRows))]
    public async Task RestOperation_ForEachPrincipal_AnswersAsTheMatrixSays(string key)
    {
        var row = RestMatrix.Rows.Single(r => r.Key == key);
        var send = RestRequests.All[row.Operation];
        var failures = new List<string>();
        foreach (var principal in Enum.GetValues<Principal>())
        {
            var response = await send(new Call(world, principal, row.Visibility ?? Visibility.Public));
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (status != row.Expected[(int)principal])
            {
                failures.Add($"{principal}: expected {row.Expected[(int)principal]}, got {status} {Shorten(body)}");
            }
            else if (status >= 400 && ProblemFault(response, body) is { } fault)
            {
                failures.Add($"{principal}: {status} is not problem details with a code: {fault}");
            }
        }

        Assert.True(failures.Count == 0, $"{key}:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public void HubMethods_EveryPublicMethodHasARow_AndEveryRowAMethod()
    {
        var hubs = typeof(LiveSessionHub).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Hub)) && !t.IsAbstract).ToList();
        var methods = hubs.SelectMany(HubMethods).ToHashSet(StringComparer.Ordinal);
        var rows = HubMatrix.Rows.Select(r => r.Method).ToHashSet(StringComparer.Ordinal);

        Assert.Equal([typeof(LiveSessionHub)], hubs);
        Assert.True(methods.Except(rows).ToList() is [], $"hub methods without a row in the matrix: {string.Join(", ", methods.Except(rows))}");
        Assert.True(rows.Except(methods).ToList() is [], $"hub rows for methods that no longer exist: {string.Join(", ", rows.Except(methods))}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{methods.Count} hub methods");
    }

    [Theory]
    [MemberData(nameof(HubRows))]
    public async Task HubMethod_OnAPrivateForumsSession_AnswersEachPrincipalAsTheMatrixSays(string method)
    {
        var row = HubMatrix.Rows.Single(r => r.Method == method);
        var failures = new List<string>();
        var admitted = new List<string>();
        foreach (var principal in Enum.GetValues<Principal>())
        {
            var connection = await world.HubConnectionAsync(principal);
            var (outcome, detail) = await InvokeAsync(connection, method, row.Arguments(world));
            if (outcome != row.Expected[(int)principal])
            {
                failures.Add($"{principal}: expected {row.Expected[(int)principal]}, got {detail}");
            }
            else if (outcome == HubMatrix.Ok)
            {
                admitted.Add($"{principal} {detail}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{method}: {string.Join(", ", admitted)}");

        Assert.True(failures.Count == 0, $"{method}:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public async Task Hub_SignedOutToken_WasClosedAtSignOut_AndCannotConnectAgain()
    {
        var ended = await world.SignedOutConnection.WaitUntilClosedAsync();
        var reconnect = await Record.ExceptionAsync(() => world.ConnectAsync(world.Secret(Principal.SignedOut)));

        Assert.Equal(LiveSessionErrors.SignedOut, ended?.Code);
        // The client skips negotiation, so the refusal comes as the WebSocket upgrade's status.
        Assert.Contains("'401'", Assert.IsType<System.Net.WebSockets.WebSocketException>(reconnect).Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The outcome of a hub call as the matrix writes it (ok, a denial code, closed, or whatever else came back), and
    /// what exactly came back: "done", or the code with which the session refused a call it let in.
    /// </summary>
    private static async Task<(string Outcome, string Detail)> InvokeAsync(SessionClient client, string method, object?[] arguments)
    {
        if (client.IsClosed)
        {
            return (HubMatrix.Closed, HubMatrix.Closed);
        }

        try
        {
            if (await client.Connection.ErrorOfAsync(method, arguments) is not { Code: var code })
            {
                return (HubMatrix.Ok, "done");
            }

            var admitted = !HubMatrix.Denials.Contains(code) && code.StartsWith("live-session.", StringComparison.Ordinal);
            return (admitted ? HubMatrix.Ok : code, code);
        }
        catch (HubException e)
        {
            // Not a typed error: SignalR's generic one, which says nothing the matrix could name.
            return (e.Message, e.Message);
        }
        catch (InvalidOperationException) when (client.Connection.State != HubConnectionState.Connected)
        {
            return (HubMatrix.Closed, HubMatrix.Closed);
        }
    }

    private static IEnumerable<string> HubMethods(Type hub) =>
        hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == hub)
            .Select(m => m.Name);

    private static string Describe(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        return $"{(methods is { Count: > 0 } ? string.Join(",", methods) : "*")} {endpoint.RoutePattern.RawText}";
    }

    private static string? ProblemFault(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"content type {response.Content.Headers.ContentType?.MediaType ?? "none"}";
        }

        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        if (!problem.TryGetProperty("status", out var status) || status.GetInt32() != (int)response.StatusCode)
        {
            return "status missing or different";
        }

        return problem.TryGetProperty("code", out var code) && code.GetString() is { Length: > 0 } ? null : "no code";
    }

    private static string Shorten(string body) => body.Length <= 200 ? body : body[..200];
}
