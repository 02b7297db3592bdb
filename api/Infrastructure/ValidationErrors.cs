using System.Text.Json;

namespace NetworkHub.Api.Infrastructure;

internal static class ValidationErrors
{
    /// <summary>
    /// Validation reports C# member names ("Topics[0]"); clients know the JSON names ("topics[0]"), so the keys
    /// are rewritten with the same naming policy the JSON uses. Every problem carries a code, this one too.
    /// </summary>
    public static void UseJsonNames(HttpValidationProblemDetails problem)
    {
        var errors = problem.Errors.ToDictionary(e => JsonPath(e.Key), e => e.Value);
        problem.Errors.Clear();
        foreach (var (key, messages) in errors)
        {
            problem.Errors[key] = messages;
        }

        problem.Extensions["code"] = "request.validation";
    }

    private static string JsonPath(string key) =>
        string.Join('.', key.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));
}
