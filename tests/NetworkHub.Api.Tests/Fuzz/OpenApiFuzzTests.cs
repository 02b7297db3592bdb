using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace NetworkHub.Api.Tests.Fuzz;

/// <summary>
/// Thousands of requests generated from the app's own OpenAPI document, sent as a coordinator, an outsider, an
/// API key and nobody against a small world of real spaces. Every answer must be documented for its operation,
/// no answer may be a 5xx, every 4xx is a problem with a code, and the world reads back as before.
/// Reproduce a run with FUZZ_SEED=<seed> (printed); FUZZ_REQUESTS changes the count, FUZZ_PARALLEL=1 sends in order.
/// </summary>
public sealed class OpenApiFuzzTests(SharedHost shared)
{
    [Fact]
    public async Task GeneratedRequests_AreAnsweredAsDocumented_AndLeaveTheWorldIntact()
    {
        var seed = Environment.GetEnvironmentVariable("FUZZ_SEED") is { Length: > 0 } given
            ? ulong.Parse(given, CultureInfo.InvariantCulture)
            : (ulong)Random.Shared.NextInt64(long.MaxValue);
        var count = int.Parse(Environment.GetEnvironmentVariable("FUZZ_REQUESTS") ?? "5000", CultureInfo.InvariantCulture);
        var parallel = int.Parse(Environment.GetEnvironmentVariable("FUZZ_PARALLEL") ?? "4", CultureInfo.InvariantCulture);
        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine($"FUZZ_SEED={seed} FUZZ_REQUESTS={count}");

        await using var host = await ApiHost.StartAsync();
        var world = await FuzzWorld.BuildAsync(host);
        using var http = new HttpClient { BaseAddress = host.Address };
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;
        var generator = new RequestGenerator(document, world, new PCG(1, seed));
        var requests = Enumerable.Range(0, count).Select(_ => generator.Next()).ToList();
        var before = await world.SnapshotAsync();

        var statuses = new ConcurrentDictionary<int, int>();
        var violations = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = TestContext.Current.CancellationToken },
            async (request, cancellation) =>
            {
                using var response = await http.SendAsync(Message(world, request), cancellation);
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                foreach (var violation in await CheckAsync(request, response, cancellation))
                {
                    violations.Add($"{violation}: {request}");
                }
            });
        var after = await world.SnapshotAsync();

        output.WriteLine($"statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        var grouped = violations.Select(v => v.Split(": ", 2)).GroupBy(v => v[0]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ({g.Count()}×), e.g. {g.First()[1]}").ToList();
        output.WriteLine($"violations: {violations.Count} in {grouped.Count} kinds");
        grouped.ForEach(output.WriteLine);
        Assert.True(grouped.Count == 0, $"FUZZ_SEED={seed}: {violations.Count} violations\n{string.Join('\n', grouped)}");
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Body_OfAnotherMediaType_Is415_NotAnUnknownEndpoint()
    {
        using var coordinator = await TestClient.SignedUpAsync(shared.Host);

        var response = await coordinator.SendRawAsync(HttpMethod.Post, "/api/v1/forums", "{\"name\":\"Foro\"}"u8.ToArray(), "text/plain");

        await TestClient.ProblemAsync(response, System.Net.HttpStatusCode.UnsupportedMediaType, "request.unsupported-media-type");
    }

    private static HttpRequestMessage Message(FuzzWorld world, FuzzRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Operation.Method), request.Url);
        if (world.Secret(request.Actor) is { } secret)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.Remove(name);
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);

            // Kestrel refuses a body over the limit before reading it; without 100-continue the client would still be
            // writing into a closed connection instead of reading the 413.
            message.Headers.ExpectContinue = body.Length > 64 * 1024;
        }

        return message;
    }

    /// <summary>What is wrong with an answer, each named by its kind, operation and status so that alike ones group.</summary>
    private static async Task<IReadOnlyList<string>> CheckAsync(FuzzRequest request, HttpResponseMessage response, CancellationToken cancellation)
    {
        var status = (int)response.StatusCode;
        var operation = request.RoutedTo?.Name ?? "unrouted path";
        var found = new List<string>();
        if (status >= 500)
        {
            found.Add($"5xx {status} on {operation}");
        }
        else if (status is 414 or 431 || (status == 400 && request.Url.Split('?')[0].Contains("%00", StringComparison.Ordinal)))
        {
            // Kestrel refuses an over-long request line or header block, and a NUL in the path, itself and before
            // routing, with no body: no operation ever sees these requests.
            return found;
        }
        else if (request.RoutedTo is { } routed ? !routed.Documented.Contains(status) : status is not (404 or 401 or 415))
        {
            found.Add($"undocumented {status} on {operation}");
        }

        if (status is >= 400 and < 500)
        {
            var text = await response.Content.ReadAsStringAsync(cancellation);
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                found.Add($"{status} not problem+json ({response.Content.Headers.ContentType?.MediaType ?? "no type"}, {text.Length} chars) on {operation}");
            }
            else if (!HasCode(text))
            {
                found.Add($"{status} problem without code on {operation}");
            }
        }

        return found;
    }

    private static bool HasCode(string text)
    {
        try
        {
            return JsonNode.Parse(text)?["code"] is JsonValue code && code.TryGetValue<string>(out var value) && value.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
