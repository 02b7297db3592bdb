using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Api.LiveSessions;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.Tests.Hosting;

/// <summary>
/// The live session hub is part of the contract with clients, beside docs/openapi.json: its path, every method the
/// client may call (parameters and the value of its reply), every message the server sends (ILiveSessionClient) and
/// the types they use, as JSON Schema in the hub's own JSON options, committed as docs/hub-contract.json. The web app
/// generates its hub types from it. This test rebuilds the document from the running server and fails when it
/// differs; run the tests with UPDATE_CONTRACT=1 to rewrite the committed copy.
/// </summary>
public sealed class HubContractTests(SharedHost shared)
{
    private readonly ApiHost _host = shared.Host;

    [Fact]
    public async Task Document_MatchesTheCommittedCopy()
    {
        var text = Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        await CommittedDocument.AssertMatchesAsync("hub-contract.json", text, "UPDATE_CONTRACT");
    }

    /// <summary>Only a reply can carry a typed error (see <see cref="HubErrorFilter"/>): a method answering anything else fails here.</summary>
    [Fact]
    public void EveryHubMethod_AnswersAReply()
    {
        var others = HubMethods().Where(m => ReplyValue(m) is null).Select(m => m.Name);

        Assert.Empty(others);
    }

    [Fact]
    public void Events_AreATaggedUnionOnType()
    {
        var change = Build()["definitions"]!["LiveSessionChange"]!;
        var cases = change["anyOf"]!.AsArray();

        Assert.Contains(cases, c => c!["properties"]!["type"]!["const"]!.GetValue<string>() == "contribution-posted" && c["title"]!.GetValue<string>() == "ContributionPosted");
        Assert.All(cases, c => Assert.Contains("type", c!["required"]!.AsArray().Select(r => r!.GetValue<string>())));
    }

    private JsonObject Build()
    {
        var options = _host.Services.GetRequiredService<IOptions<JsonHubProtocolOptions>>().Value.PayloadSerializerOptions;
        var schemas = new Schemas(new JsonSerializerOptions(options) { TypeInfoResolver = options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver() });

        var methods = new JsonArray();
        foreach (var method in HubMethods().OrderBy(m => m.MetadataToken))
        {
            var parameters = new JsonArray();
            foreach (var parameter in method.GetParameters())
            {
                parameters.Add(new JsonObject { ["name"] = parameter.Name, ["schema"] = schemas.Of(parameter.ParameterType, parameter) });
            }

            var value = ReplyValue(method);
            methods.Add(new JsonObject
            {
                ["name"] = method.Name,
                ["parameters"] = parameters,
                ["result"] = value is null || value == typeof(void) ? new JsonObject { ["type"] = "null" } : schemas.Of(value, null),
            });
        }

        var events = new JsonArray();
        foreach (var message in typeof(ILiveSessionClient).GetMethods().OrderBy(m => m.MetadataToken))
        {
            var payload = message.GetParameters().Single();
            events.Add(new JsonObject { ["name"] = message.Name, ["payload"] = schemas.Of(payload.ParameterType, payload) });
        }

        return new JsonObject
        {
            ["hub"] = HubPath(),
            ["reply"] = schemas.Of(typeof(HubReply<JsonElement>), null, "HubReply"),
            ["methods"] = methods,
            ["events"] = events,
            ["reactions"] = new JsonArray([.. LiveSessionLimits.Reactions.Select(r => JsonValue.Create(r))]),
            ["definitions"] = schemas.Definitions(),
        };
    }

    /// <summary>Where the server maps the hub, read from its endpoints rather than restated here.</summary>
    private string HubPath() => _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<HubMetadata>()?.HubType == typeof(LiveSessionHub))
        .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
        .OrderBy(p => p.Length)
        .First();

    private static IEnumerable<MethodInfo> HubMethods() =>
        typeof(LiveSessionHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(LiveSessionHub));

    /// <summary>The type of the value a method's reply carries (void for <see cref="HubReply"/>), or null when it answers no reply.</summary>
    private static Type? ReplyValue(MethodInfo method) => HubErrorFilter.ReplyType(method) switch
    {
        var t when t == typeof(HubReply) => typeof(void),
        { IsGenericType: true } t when t.GetGenericTypeDefinition() == typeof(HubReply<>) => t.GetGenericArguments()[0],
        _ => null,
    };

    /// <summary>
    /// JSON Schema of the hub's types, each of the server's own types once under "definitions" and referred to by name
    /// everywhere else, so that a generator gives each one name. The cases of a polymorphic type stay inline in its
    /// union, titled with their type name, since only there do they carry their "type" discriminator.
    /// </summary>
    private sealed class Schemas(JsonSerializerOptions options)
    {
        private readonly SortedDictionary<string, JsonNode> _definitions = new(StringComparer.Ordinal);
        private readonly Queue<Type> _pending = new();
        private readonly HashSet<Type> _seen = [];

        public JsonNode Of(Type type, ParameterInfo? parameter, string? name = null)
        {
            var node = Export(type);
            if (parameter is not null && IsNullable(parameter))
            {
                node = Nullable(node);
            }

            if (name is not null)
            {
                _definitions[name] = node;
                return new JsonObject { ["$ref"] = $"#/definitions/{name}" };
            }

            return node;
        }

        public JsonObject Definitions()
        {
            while (_pending.TryDequeue(out var type))
            {
                _definitions[Name(type)] = Export(type, root: type);
            }

            var definitions = new JsonObject();
            foreach (var (name, schema) in _definitions)
            {
                definitions[name] = schema.DeepClone();
            }

            return definitions;
        }

        private JsonNode Export(Type type, Type? root = null) => options.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                var own = context.TypeInfo.Type;
                if (context.BaseTypeInfo is not null)
                {
                    // A case of a polymorphic type: it stays here, with the discriminator only the union gives it,
                    // which the serializer always writes.
                    if (node is JsonObject cases)
                    {
                        cases.Insert(0, "title", own.Name);
                        var discriminator = context.BaseTypeInfo.PolymorphismOptions!.TypeDiscriminatorPropertyName;
                        if (cases["required"] is JsonArray required)
                        {
                            required.Insert(0, discriminator);
                        }
                        else
                        {
                            cases["required"] = new JsonArray(discriminator);
                        }
                    }

                    return node;
                }

                if (own == root && context.Path.IsEmpty || !IsOurs(own))
                {
                    return node;
                }

                if (_seen.Add(own))
                {
                    _pending.Enqueue(own);
                }

                var reference = new JsonObject { ["$ref"] = $"#/definitions/{Name(own)}" };
                return AllowsNull(node) ? new JsonObject { ["anyOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) } : reference;
            },
        });

        private static bool IsOurs(Type type) => type.Namespace?.StartsWith("NetworkHub.", StringComparison.Ordinal) == true && !type.IsGenericType;

        private static string Name(Type type) => type.Name;

        private static bool AllowsNull(JsonNode node) =>
            node is JsonObject o && (o["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null")
                || o["enum"] is JsonArray values && values.Any(v => v is null));

        private static bool IsNullable(ParameterInfo parameter) =>
            !parameter.ParameterType.IsValueType && new NullabilityInfoContext().Create(parameter).ReadState == NullabilityState.Nullable;

        private static JsonNode Nullable(JsonNode node) =>
            AllowsNull(node) ? node : new JsonObject { ["anyOf"] = new JsonArray(node, new JsonObject { ["type"] = "null" }) };
    }
}
