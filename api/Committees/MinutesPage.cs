using System.Net;
using Markdig;
using NetworkHub.Contracts.Committees;

namespace NetworkHub.Api.Committees;

/// <summary>
/// The minutes as a page to print: the Markdown rendered with raw HTML switched off (every tag a member typed comes out
/// as text), in a document of its own with print styles. The endpoint also sends a content security policy that lets
/// nothing run or load, so a link is the most a hostile text can become.
/// </summary>
public static class MinutesPage
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    public static string Write(MinutesView minutes, string title)
    {
        var status = minutes.Approval is { } approval
            ? $"Approved by decision {approval.DecisionNumber} on {approval.At:yyyy-MM-dd}"
            : minutes.Status == MinutesStatus.Circulated ? "Circulated for comments (not approved)" : "Draft (not approved)";
        return $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{WebUtility.HtmlEncode(title)}</title>
            <style>
            body {"{"} font: 11pt/1.5 Georgia, serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; {"}"}
            h1, h2, h3 {"{"} font-family: system-ui, sans-serif; line-height: 1.2; {"}"}
            table {"{"} border-collapse: collapse; {"}"} th, td {"{"} border: 1px solid #999; padding: .2em .5em; text-align: start; {"}"}
            .status {"{"} font-family: system-ui, sans-serif; font-size: 9pt; color: #444; border-bottom: 1px solid #999; padding-bottom: .5em; {"}"}
            @media print {"{"} body {"{"} margin: 0; max-width: none; {"}"} a {"{"} color: inherit; {"}"} {"}"}
            </style>
            </head>
            <body>
            <p class="status">{WebUtility.HtmlEncode(status)} · version {minutes.Version}</p>
            {Markdown.ToHtml(minutes.Markdown, Pipeline)}
            </body>
            </html>
            """;
    }
}
