using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Hosting;

/// <summary>
/// The error codes and input limits are part of the contract with clients, beside docs/openapi.json. They are
/// committed as docs/errors-and-limits.json; this test rebuilds the document from the code and fails when it differs.
/// Codes and limits come from the constants by reflection. A code's HTTP statuses come from where the code is thrown:
/// the exception type it is thrown with, classified by <see cref="DomainExceptionHandler"/> itself, so the document
/// says what the server answers. Run the tests with UPDATE_CONTRACT=1 to rewrite the committed copy.
/// </summary>
public sealed partial class ErrorsAndLimitsTests
{
    /// <summary>Codes the request pipeline gives, not a domain exception, with the status each comes with.</summary>
    private static readonly (string Code, int Status)[] PipelineCodes =
    [
        ("request.validation", 400),
        ("request.malformed", 400),
        ("request.too-large", 413),
        (IdempotencyKey.InvalidCode, 400),
        (NetworkHub.Api.People.PersonalDataEndpoints.HandOverFirst, 409),
        (NetworkHub.Api.Documents.VersionDownloads.RangeNotSatisfiable, 416),
        (Unavailability.Code, 503),
        ("server.error", 500),
    ];

    [Fact]
    public async Task Document_MatchesTheCommittedCopy()
    {
        var text = Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        await CommittedDocument.AssertMatchesAsync("errors-and-limits.json", text, "UPDATE_CONTRACT");
    }

    /// <summary>
    /// A code without a status is either declared but thrown nowhere (these, today: the committee's meeting and vote
    /// codes wait for the meetings that throw them) or thrown in a way the scan cannot see, which would leave clients
    /// guessing; a new one fails here.
    /// </summary>
    [Fact]
    public void CodesWithoutAStatus_AreOnlyTheOnesThrownNowhere()
    {
        var document = Build();
        var missing = document["errors"]!.AsArray().Where(e => e!["statuses"]!.AsArray().Count == 0).Select(e => e!["code"]!.GetValue<string>());

        Assert.Equal(
            ["auth.email-taken", "auth.weak-password", "committee.not-found",
                "space.invitation-only"],
            missing.Order(StringComparer.Ordinal));
    }

    private static JsonObject Build()
    {
        var thrown = ThrownStatuses();
        var errors = new JsonArray();
        foreach (var (code, statuses) in Codes(typeof(ErrorCodes), typeof(LiveSessionErrors), typeof(CommitteeErrors), typeof(MeetingErrors), typeof(DocumentErrors), typeof(CommentErrors))
            .Select(code => (code, thrown.GetValueOrDefault(code, [])))
            .Concat(PipelineCodes.Select(p => (p.Code, new SortedSet<int> { p.Status })))
            .OrderBy(c => c.Item1, StringComparer.Ordinal))
        {
            errors.Add(new JsonObject { ["code"] = code, ["statuses"] = new JsonArray([.. statuses.Select(s => JsonValue.Create(s))]) });
        }

        var limits = new JsonObject();
        foreach (var field in typeof(Limits).GetFields(BindingFlags.Public | BindingFlags.Static).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            limits[JsonNamingPolicy.CamelCase.ConvertName(field.Name)] = field.GetValue(null) switch
            {
                int n => JsonValue.Create(n),
                TimeSpan t => JsonValue.Create(t.ToString("c", System.Globalization.CultureInfo.InvariantCulture)),
                var other => throw new InvalidOperationException($"Limits.{field.Name} has a type the document cannot hold: {other?.GetType()}"),
            };
        }

        limits["idempotencyKeyMaxLength"] = IdempotencyKey.MaxLength;

        // The live session's own limits (statement length, rooms, options…) beside them, so its forms share the numbers too.
        var liveSession = new JsonObject();
        foreach (var field in typeof(LiveSessionLimits).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            liveSession[JsonNamingPolicy.CamelCase.ConvertName(field.Name)] = (int)field.GetValue(null)!;
        }

        limits["liveSession"] = liveSession;

        var committee = new JsonObject();
        foreach (var field in typeof(CommitteeLimits).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            committee[JsonNamingPolicy.CamelCase.ConvertName(field.Name)] = (int)field.GetValue(null)!;
        }

        limits["committee"] = committee;

        var meeting = new JsonObject();
        foreach (var field in typeof(MeetingLimits).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            meeting[JsonNamingPolicy.CamelCase.ConvertName(field.Name)] = (int)field.GetValue(null)!;
        }

        limits["meeting"] = meeting;

        // Documents, their search, comments and feedback rounds: the numbers the document screens' forms share.
        foreach (var (name, holder) in new[]
        {
            ("document", typeof(DocumentLimits)), ("documentSearch", typeof(DocumentSearchLimits)), ("comment", typeof(CommentLimits)),
            ("feedbackRound", typeof(FeedbackRoundLimits)),
        })
        {
            var group = new JsonObject();
            foreach (var field in holder.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && (f.FieldType == typeof(int) || f.FieldType == typeof(long)))
                .OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                group[JsonNamingPolicy.CamelCase.ConvertName(field.Name)] = Convert.ToInt64(field.GetValue(null)!, System.Globalization.CultureInfo.InvariantCulture);
            }

            limits[name] = group;
        }
        return new JsonObject { ["retryAfterSeconds"] = Unavailability.RetryAfterSeconds, ["errors"] = errors, ["limits"] = limits };
    }

    /// <summary>Codes the handler gives for an exception that is not a domain one, with the status the handler gives them.</summary>
    private static readonly (string Code, Exception Thrown)[] HandledCodes =
    [
        (DocumentErrors.TooLarge, new NetworkHub.Silo.Documents.ContentTooLargeException(1)),
    ];

    private static IEnumerable<string> Codes(params Type[] holders) => holders
        .SelectMany(h => h.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!);

    /// <summary>
    /// Finds "new XException(Holder.Code" and "XException Name(...) => new(Holder.Code" in the server's source, and
    /// "XException Name(string code) =>" helpers called with a code, and classifies each exception type the way the
    /// handler does.
    /// </summary>
    private static Dictionary<string, SortedSet<int>> ThrownStatuses()
    {
        var root = SmokeTests.RepositoryRoot();
        var holders = new Dictionary<string, Type> { ["ErrorCodes"] = typeof(ErrorCodes), ["LiveSessionErrors"] = typeof(LiveSessionErrors), ["CommitteeErrors"] = typeof(CommitteeErrors), ["MeetingErrors"] = typeof(MeetingErrors), ["DocumentErrors"] = typeof(DocumentErrors), ["CommentErrors"] = typeof(CommentErrors) };
        var statuses = new Dictionary<string, SortedSet<int>>();
        foreach (var file in new[] { "api", "silo" }.SelectMany(d => System.IO.Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(file);
            foreach (Match m in Thrown().Matches(source))
            {
                var type = m.Groups["type"].Value;
                var code = (string)holders[m.Groups["holder"].Value].GetField(m.Groups["name"].Value)!.GetRawConstantValue()!;
                Add(statuses, code, type);
            }

            // Helpers that take the code: "private static XException Name(string code) => ... new(code" called as Name(Holder.Code).
            foreach (Match helper in Helper().Matches(source))
            {
                var name = helper.Groups["method"].Value;
                foreach (Match call in new Regex($@"\b{name}\(\s*(?<holder>ErrorCodes|LiveSessionErrors|CommitteeErrors|MeetingErrors|DocumentErrors|CommentErrors)\.(?<name>\w+)").Matches(source))
                {
                    Add(statuses, (string)holders[call.Groups["holder"].Value].GetField(call.Groups["name"].Value)!.GetRawConstantValue()!, helper.Groups["type"].Value);
                }

                foreach (Match code in new Regex(@"(?<holder>ErrorCodes|LiveSessionErrors|CommitteeErrors|MeetingErrors|DocumentErrors|CommentErrors)\.(?<name>\w+)").Matches(helper.Value))
                {
                    Add(statuses, (string)holders[code.Groups["holder"].Value].GetField(code.Groups["name"].Value)!.GetRawConstantValue()!, helper.Groups["type"].Value);
                }
            }
        }

        foreach (var (code, exception) in HandledCodes)
        {
            statuses[code] = [DomainExceptionHandler.Classify(exception).Status];
        }

        return statuses;
    }

    private static void Add(Dictionary<string, SortedSet<int>> statuses, string code, string exceptionType)
    {
        var type = typeof(DomainException).Assembly.GetType($"{typeof(DomainException).Namespace}.{exceptionType}")
            ?? throw new InvalidOperationException($"{exceptionType} is not a domain exception");
        var exception = (Exception)(type == typeof(TooManyAttemptsException)
            ? new TooManyAttemptsException(code, "", TimeSpan.FromSeconds(1))
            : Activator.CreateInstance(type, code, "")!);
        if (!statuses.TryGetValue(code, out var set))
        {
            statuses[code] = set = [];
        }

        set.Add(DomainExceptionHandler.Classify(exception).Status);
    }

    [GeneratedRegex(@"(?:new\s+(?<type>\w+Exception)\(\s*|(?<type>\w+Exception)\s+\w+\([^)]*\)\s*=>\s*new\(\s*)(?<holder>ErrorCodes|LiveSessionErrors|CommitteeErrors|MeetingErrors|DocumentErrors|CommentErrors)\.(?<name>\w+)")]
    private static partial Regex Thrown();

    [GeneratedRegex(@"(?<type>\w+Exception)\s+(?<method>\w+)\(string code\)\s*=>[^;]*;")]
    private static partial Regex Helper();
}
