using System.Globalization;
using CsvHelper;
using NetworkHub.Contracts.Documents;

namespace NetworkHub.Api.Documents;

/// <summary>
/// A round's consolidated report as CSV (RFC 4180, a header line): one line per comment and reply, in section order.
/// A cell that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a CR gets a leading <c>'</c>, so a
/// spreadsheet shows a comment's words instead of running them as a formula.
/// </summary>
public static class RoundReportCsv
{
    private static readonly string[] Header =
    [
        "section_id", "section", "comment_id", "reply_to", "author", "organisation", "group", "quote", "text", "status", "at",
        "response", "response_reply", "responder",
    ];

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static string Write(RoundReport report)
    {
        var groups = report.Groups.ToDictionary(g => g.Space, g => g.Name);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, true))
        {
            csv.WriteHeader(Header);
            foreach (var section in report.Sections)
            {
                foreach (var thread in section.Threads)
                {
                    foreach (var view in thread.Replies.Prepend(thread.Comment))
                    {
                        var c = view.Comment;
                        var response = c.Response;
                        csv.WriteRecord(
                        [
                            section.SectionId, section.Heading, c.CommentId.ToString(), c.ParentId?.ToString() ?? "", view.AuthorName,
                            view.OrganisationName ?? "", c.Group is { } g && groups.TryGetValue(g, out var name) ? name ?? "" : "", c.Quote ?? "", c.Text,
                            Name(c.Status), c.At.ToString("O", CultureInfo.InvariantCulture), response is null ? "" : Name(response.Kind),
                            response?.Reply ?? "", view.ResponderName ?? "",
                        ]);
                    }
                }
            }

            csv.Flush();
        }

        return text.ToString();
    }

    /// <summary>Enum values as the JSON API spells them (kebab-case).</summary>
    private static string Name<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
