using System.Globalization;
using System.Text;
using NetworkHub.Api.LiveSessions;
using NetworkHub.Contracts.Documents;

namespace NetworkHub.Api.Documents;

/// <summary>
/// A round's consolidated report as Markdown: a heading per section in the version's order, each thread with its author,
/// organisation, group, quote, replies and response. Every typed text is escaped, so a comment cannot add headings,
/// links or HTML to the report.
/// </summary>
public static class RoundReportMarkdown
{
    public static string Write(RoundReport report)
    {
        var groups = report.Groups.ToDictionary(g => g.Space, g => g.Name);
        var md = new StringBuilder();
        Line(md, $"# Feedback round: {Escape(report.Title)}");
        Line(md, "");
        Line(md, $"- Document: {Escape(report.DocumentTitle)}, version {report.Version}");
        Line(md, $"- Deadline: {Time(report.Deadline)} ({(report.Status == RoundStatus.Open ? "open" : "closed")})");
        if (report.Groups.Count > 0)
        {
            Line(md, $"- Groups: {string.Join(", ", report.Groups.Select(g => g.Name is { } name ? Escape(name) : "an unnamed group"))}");
        }

        foreach (var section in report.Sections)
        {
            Line(md, "");
            Line(md, $"## {(section.Heading.Length > 0 ? Escape(section.Heading) : "Before the first heading")}");
            if (section.Threads.Count == 0)
            {
                Line(md, "");
                Line(md, "No comments.");
            }

            foreach (var thread in section.Threads)
            {
                var c = thread.Comment;
                var group = c.Comment.Group is { } g && groups.TryGetValue(g, out var groupName) && groupName is not null ? $", {Escape(groupName)}" : "";
                Line(md, "");
                Line(md, $"### {Author(c)}{group}, {Time(c.Comment.At)}{(c.Comment.Status == CommentStatus.Resolved ? " (resolved)" : "")}");
                if (c.Comment.Quote is { } quote)
                {
                    Line(md, "");
                    Quote(md, quote);
                }

                Line(md, "");
                Paragraph(md, c.Comment.Text);
                foreach (var reply in thread.Replies)
                {
                    Line(md, $"- Reply by {Author(reply)}: {Escape(reply.Comment.Text.ReplaceLineEndings(" "))}");
                }

                Line(md, "");
                Line(md, c.Comment.Response is { } response
                    ? $"**Response: {Kind(response.Kind)}**{(response.Reply is { } text ? $" — {Escape(text.ReplaceLineEndings(" "))}" : "")}"
                    : "**Response:** none yet");
            }
        }

        return md.ToString();
    }

    private static string Author(CommentView c) =>
        c.OrganisationName is { } organisation ? $"{Escape(c.AuthorName)} ({Escape(organisation)})" : Escape(c.AuthorName);

    internal static string Kind(ResponseKind kind) => kind switch
    {
        ResponseKind.Accepted => "accepted",
        ResponseKind.PartlyAccepted => "partly accepted",
        _ => "not taken",
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Escape(string text) => LiveSessionMarkdown.Escape(text);

    private static void Paragraph(StringBuilder md, string text)
    {
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            Line(md, Escape(line) + "  ");
        }
    }

    private static void Quote(StringBuilder md, string text)
    {
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            Line(md, "> " + Escape(line));
        }
    }

    private static void Line(StringBuilder md, string line) => md.Append(line).Append('\n');
}
