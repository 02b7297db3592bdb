using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace NetworkHub.Api.Infrastructure;

/// <summary>The JSON conventions of the whole API, the same for REST bodies and hub messages.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions ApplyConventions(JsonSerializerOptions options)
    {
        // Enums travel as kebab-case words; numbers are refused so an undefined value can never slip in.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));

        // A number is a JSON number: the web default also accepts "42", which makes every number in the OpenAPI
        // document "integer or string" and every generated client type a union.
        options.NumberHandling = JsonNumberHandling.Strict;

        // Every script stays readable (no \u escapes for Arabic or Devanagari on slow links), while the
        // HTML-sensitive characters < > & ' are still escaped, so text can never turn into markup downstream.
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        return options;
    }
}
