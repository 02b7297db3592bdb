using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace NetworkHub.Api.Tests.Fuzz;

/// <summary>One operation of the OpenAPI document, with the statuses it documents.</summary>
public sealed record FuzzOperation(string Method, string Path, JsonObject Definition)
{
    public string Name => $"{Method} {Path}";

    public IReadOnlySet<int> Documented { get; } = Definition["responses"]!.AsObject()
        .Select(r => int.Parse(r.Key, CultureInfo.InvariantCulture)).ToHashSet();

    public static IReadOnlyList<FuzzOperation> All(JsonNode document) =>
    [
        .. from path in document["paths"]!.AsObject()
           from operation in path.Value!.AsObject()
           select new FuzzOperation(operation.Key.ToUpperInvariant(), path.Key, operation.Value!.AsObject()),
    ];
}

/// <summary>A generated request. <see cref="RoutedTo"/> is null when its path was made not to match any route.</summary>
public sealed record FuzzRequest(FuzzOperation Operation, FuzzOperation? RoutedTo, FuzzActor Actor, string Url,
    IReadOnlyList<(string Name, string Value)> Headers, byte[]? Body, string? ContentType)
{
    public override string ToString() => $"{Actor} {Operation.Method} {Shorten(Url)}" +
        (Headers.Count > 0 ? $" [{string.Join("; ", Headers.Select(h => $"{h.Name}: {Shorten(h.Value)}"))}]" : "") +
        (Body is null ? "" : $" {ContentType} {Shorten(Encoding.UTF8.GetString(Body))}");

    private static string Shorten(string text) => text.Length <= 300 ? text : $"{text[..300]}…({text.Length} chars)";
}

/// <summary>
/// Requests generated from the OpenAPI document: real and random ids, malformed paths, query values at and past
/// their bounds, bodies from the schemas with boundary values, wrong types, missing and extra fields, huge
/// strings, broken JSON, wrong content types and bad headers. Everything comes from one PCG, so a seed
/// reproduces the same requests.
/// </summary>
public sealed class RequestGenerator(JsonNode document, FuzzWorld world, PCG random)
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char["abcXYZ 019-_.,;:!?'\"<>&/\\%{}[]éñ中ع\u202e\u0000\u0007\t\n😀"], 0, 40];
    private static readonly string[] BrokenJson = ["{", "}", "[", "nul", "{\"name\":", "{'name':'x'}", "{\"a\":1,}", "\u00ff\u00fe", "{\"name\":\"\\ud800\"}", "1e999999"];
    private static readonly string[] BadGuids = ["not-a-guid", "0", "00000000-0000-0000-0000-00000000000g", "..%2F..%2Fetc", "%00", new string('f', 500)];
    // Signing out or erasing oneself would end the fuzz's own sessions (and people), and every later request would only
    // test 401; both have tests of their own.
    private readonly IReadOnlyList<FuzzOperation> _operations = [.. FuzzOperation.All(document)
        .Where(o => o.Path != "/api/v1/auth/sign-out" && !(o.Path == "/api/v1/me" && o.Method.Equals("delete", StringComparison.OrdinalIgnoreCase)))];

    public FuzzRequest Next()
    {
        var operation = _operations[Pick(_operations.Count)];
        var actor = (FuzzActor)Weighted(4, 4, 1, 1);
        var mayTouchWorld = actor != FuzzActor.Coordinator || operation.Method == "GET";
        var malformed = false;
        var url = new StringBuilder();
        foreach (var segment in operation.Path.Split('/').Skip(1))
        {
            url.Append('/');
            if (segment is ['{', .., '}'])
            {
                var (value, bad) = PathValue(segment[1..^1], operation.Path, mayTouchWorld);
                url.Append(value);
                malformed |= bad;
            }
            else
            {
                url.Append(segment);
            }
        }

        url.Append(Query(operation));
        var headers = Headers();
        var (body, contentType) = Body(operation);
        return new FuzzRequest(operation, malformed ? null : operation, actor, url.ToString(), headers, body, contentType);
    }

    private (string Value, bool Malformed) PathValue(string name, string path, bool mayTouchWorld)
    {
        if (name == "token")
        {
            return (Uri.EscapeDataString(Chance(50) ? $"coalition.{RandomGuid():N}.{RandomGuid():N}.{RandomGuid():N}" : Sample(Text)), false);
        }

        // A space's kind names it in the path (/api/v1/spaces/{kind}/{id}/...); a bad one does not route.
        if (name == "kind")
        {
            string[] kinds = ["organisation", "coalition", "working-group", "forum", "committee"];
            return Chance(80) ? (kinds[Pick(kinds.Length)], false) : (Uri.EscapeDataString(BadGuids[Pick(BadGuids.Length)]), true);
        }

        // A decision number is text, not an id: whatever it is, the path routes, and the operation answers as documented.
        if (name == "number")
        {
            return (Uri.EscapeDataString(Weighted(5, 4, 1) switch
            {
                0 => $"SC-{2000 + Pick(100)}-{Pick(1000):000}",
                1 => Sample(Text),
                _ => new string('f', 500),
            }), false);
        }

        return Weighted(6, 3, 1) switch
        {
            0 => (RealId(KindOf(name, path), mayTouchWorld).ToString(), false),
            1 => (RandomGuid().ToString(), false),
            _ => (Uri.EscapeDataString(BadGuids[Pick(BadGuids.Length)]), true),
        };
    }

    private static string KindOf(string name, string path) => name switch
    {
        "personId" => "people",
        "forumId" => "forums",
        "organisationId" => "organisations",
        "keyId" or "invitationId" => "",
        _ => path.Split('/')[3],
    };

    private Guid RealId(string kind, bool mayTouchWorld)
    {
        var pools = mayTouchWorld && Chance(60) ? world.World : world.Own;
        if (Chance(20))
        {
            kind = pools.Keys.ElementAt(Pick(pools.Count));
        }

        return pools.TryGetValue(kind, out var ids) ? ids[Pick(ids.Count)] : RandomGuid();
    }

    private string Query(FuzzOperation operation)
    {
        var parts = new List<string>();
        foreach (var parameter in operation.Definition["parameters"]?.AsArray() ?? [])
        {
            if ((string?)parameter!["in"] == "query" && Chance(50))
            {
                var value = Value(parameter["schema"]!, 0);
                parts.Add($"{parameter["name"]}={Uri.EscapeDataString(value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "")}");
            }
        }

        if (Chance(5))
        {
            parts.Add($"unexpected={Uri.EscapeDataString(Sample(Text))}");
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private List<(string, string)> Headers()
    {
        var headers = new List<(string, string)>();
        if (Chance(10))
        {
            headers.Add(("If-Match", OneOf("\"v1\"", "\"v2\"", "\"v999999999999\"", "*", "W/\"v1\"", "garbage", "\"\"")));
        }

        if (Chance(10))
        {
            headers.Add(("Idempotency-Key", OneOf(RandomGuid().ToString(), "fuzz-key", "", "has space", new string('k', 129), "comma,separated")));
        }

        if (Chance(5))
        {
            headers.Add(("Authorization", OneOf("Bearer nht_" + new string('x', 40), "Bearer nhk_unknown", "Basic dXNlcjpwYXNz", "Bearer ", "Bearer " + new string('a', 5000))));
        }

        if (Chance(3))
        {
            // HttpClient sends only printable ASCII in headers; Kestrel's own limits are the point here, not the client's.
            headers.Add(("X-Api-Key", "nhk_" + new string([.. Sample(Text).Where(c => c is >= ' ' and <= '~')])));
        }

        return headers;
    }

    private (byte[]? Body, string? ContentType) Body(FuzzOperation operation)
    {
        var schema = operation.Definition["requestBody"]?["content"]?["application/json"]?["schema"];
        if (schema is null)
        {
            return Chance(5) ? (Encoding.UTF8.GetBytes("{\"unexpected\":true}"), "application/json") : (null, null);
        }

        return Weighted(70, 8, 5, 4, 3, 10) switch
        {
            0 => (Encoding.UTF8.GetBytes(Value(schema, 0)?.ToJsonString() ?? "null"), "application/json"),
            1 => (Encoding.Latin1.GetBytes(OneOf(BrokenJson)), "application/json"),
            2 => (Encoding.UTF8.GetBytes("{\"name\":\"x\"}"), OneOf("text/plain", "application/xml", "multipart/form-data", "application/x-www-form-urlencoded")),
            3 => ([], "application/json"),
            4 => (Encoding.UTF8.GetBytes($"{{\"name\":\"{new string('n', 1_100_000)}\"}}"), "application/json"),
            _ => (Encoding.UTF8.GetBytes(OneOf("[]", "null", "42", "\"text\"", "true", "[{}]")), "application/json"),
        };
    }

    /// <summary>A value for a schema: mostly of its type and near its bounds, sometimes of another type.</summary>
    private JsonNode? Value(JsonNode schema, int depth)
    {
        if (schema["$ref"] is { } reference)
        {
            var name = ((string)reference!).Split('/')[^1];
            return Value(document["components"]!["schemas"]![name]!, depth);
        }

        if (schema["oneOf"] is JsonArray choices)
        {
            return Value(choices[Pick(choices.Count)]!, depth);
        }

        if (Chance(4) || depth > 4)
        {
            return WrongType();
        }

        if (schema["enum"] is JsonArray values)
        {
            return Chance(85) ? values[Pick(values.Count)]?.DeepClone() : OneOf<JsonNode?>("unknown-value", 1, "", "CoOrDiNaToR");
        }

        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => (string)t!).ToArray(),
            JsonValue one => [(string)one!],
            _ => ["object"],
        };
        var type = types.Length > 1 && types.Contains("null") && Chance(80) ? types.First(t => t != "null") : types[Pick(types.Length)];
        return type switch
        {
            "null" => null,
            "string" => String(schema),
            "integer" or "number" => Number(schema),
            "boolean" => OneOf<JsonNode?>(true, false, "true", 1),
            "array" => Array(schema, depth),
            _ => Object(schema, depth),
        };
    }

    private JsonObject Object(JsonNode schema, int depth)
    {
        var required = schema["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
        var result = new JsonObject();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            if (Chance(required.Contains(name) ? 92 : 60))
            {
                result[name] = Value(property!, depth + 1);
            }
        }

        if (Chance(8))
        {
            result[OneOf("unexpected", "id", "__proto__", "Name", "constructor")] = Value(new JsonObject { ["type"] = "string" }, depth + 1);
        }

        return result;
    }

    private JsonArray Array(JsonNode schema, int depth)
    {
        var max = (int?)schema["maxItems"] ?? 5;
        var count = OneOf(0, 1, 2, Math.Min(max, 60), Math.Min(max + 1, 61));
        var items = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            items.Add(Value(schema["items"] ?? new JsonObject { ["type"] = "string" }, depth + 1));
        }

        return items;
    }

    private JsonNode String(JsonNode schema)
    {
        var max = (int?)schema["maxLength"] ?? 200;
        switch ((string?)schema["format"])
        {
            case "uuid":
                return Chance(70) ? RealId(OneOf("organisations", "coalitions", "forums", "people"), mayTouchWorld: false).ToString() : OneOf(RandomGuid().ToString(), "not-a-guid", "");
            case "date-time":
                return OneOf(DateTimeOffset.UtcNow.AddHours(Pick(96) - 24).ToString("O"), "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "yesterday", "2026-02-30T10:00:00Z");
        }

        return Weighted(50, 10, 10, 10, 10, 3) switch
        {
            0 => Sample(Text),
            1 => "",
            2 => new string('a', max),
            3 => new string('b', max + 1),
            4 => OneOf("CO", "co", "XX", "ana@example.org", "https://example.org", "javascript:alert(1)", "read-write", "  "),
            _ => new string('h', 100_000),
        };
    }

    private JsonNode Number(JsonNode schema)
    {
        var min = (long?)schema["minimum"] ?? 0;
        var max = (long?)schema["maximum"] ?? int.MaxValue;
        return Weighted(60, 30, 10) switch
        {
            0 => OneOf(min, min - 1, max, max + 1, 0, -1, min + Pick(20)),
            1 => OneOf<JsonNode>(int.MaxValue, int.MinValue, (long)int.MaxValue + 1, long.MaxValue, 1.5),
            _ => OneOf<JsonNode>("12", "abc", "", "1e3"),
        };
    }

    private JsonNode? WrongType() => Weighted(1, 1, 1, 1, 1, 1) switch
    {
        0 => null,
        1 => 12345,
        2 => "wrong",
        3 => new JsonArray(1, "two"),
        4 => new JsonObject { ["nested"] = new JsonObject() },
        _ => true,
    };

    private int Pick(int count) => (int)random.Next((uint)count);

    private Guid RandomGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, random.Next64());
        BitConverter.TryWriteBytes(bytes[8..], random.Next64());
        return new Guid(bytes);
    }

    private bool Chance(int percent) => Pick(100) < percent;

    private T OneOf<T>(params T[] values) => values[Pick(values.Length)];

    private int Weighted(params int[] weights)
    {
        var roll = Pick(weights.Sum());
        for (var i = 0; ; i++)
        {
            if ((roll -= weights[i]) < 0)
            {
                return i;
            }
        }
    }

    private T Sample<T>(Gen<T> gen) => gen.Generate(random, null, out _);
}
