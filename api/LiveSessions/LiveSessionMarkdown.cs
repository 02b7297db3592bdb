using System.Globalization;
using System.Text;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.LiveSessions;

/// <summary>
/// The record of a closed session as Markdown, for minutes and archives. Everything people wrote is escaped, so a
/// contribution cannot turn into a heading, a link or HTML in whatever renders the file.
/// </summary>
public static class LiveSessionMarkdown
{
    public static string Write(LiveSessionRecord record)
    {
        var details = record.Details;
        var md = new StringBuilder();
        Line(md, $"# {Escape(details.Title)}");
        Line(md, "");
        Line(md, $"- Scheduled: {Time(details.StartsAt)} to {Time(details.EndsAt)} ({Escape(details.TimeZone)})");
        if (details.Languages.Count > 0)
        {
            Line(md, $"- Languages: {Escape(string.Join(", ", details.Languages))}");
        }

        Line(md, $"- Attendance: {record.Attendance.Count}");
        if (details.Description is { Length: > 0 } description)
        {
            Line(md, "");
            Quote(md, description);
        }

        var names = record.Attendance.ToDictionary(a => a.PersonId, a => a.Name);
        foreach (var (item, index) in details.Agenda.Select((item, index) => (item, index)))
        {
            Line(md, "");
            Line(md, $"## {index + 1}. {Escape(item.Title)} ({Format(item.Format)}, {item.PlannedMinutes} min)");
            if (record.Items.FirstOrDefault(c => c.ItemId == item.Id) is { } content)
            {
                WriteContent(md, content, names);
            }
        }

        Line(md, "");
        Line(md, "## Attendance");
        Line(md, "");
        foreach (var person in record.Attendance.OrderBy(a => a.Name, StringComparer.CurrentCulture))
        {
            Line(md, $"- {Escape(person.Name)}");
        }

        if (record.Proposals.Count > 0)
        {
            Line(md, "");
            Line(md, "## Proposals to committees");
            Line(md, "");
            foreach (var proposal in record.Proposals)
            {
                Line(md, $"- {Escape(proposal.Title)} ({Proposed(proposal)})");
            }
        }

        return md.ToString();
    }

    private static string Proposed(Proposal proposal) => proposal switch
    {
        { DecisionNumber: { } number } => $"decision {Escape(number)}",
        { Kind: ProposalKind.ActionItem } => "action item",
        { Status: ProposalStatus.Moved } => "motion moved",
        _ => "draft motion",
    };

    private static void WriteContent(StringBuilder md, ItemContent content, Dictionary<Guid, string> names)
    {
        if (content.Outcome is { } outcome)
        {
            Line(md, "");
            Line(md, "**Outcome**");
            Line(md, "");
            Quote(md, outcome);
        }

        if (content.Poll is { } poll)
        {
            Line(md, "");
            Line(md, $"Poll, {poll.Voters} voters:");
            Line(md, "");
            for (var i = 0; i < poll.Options.Count; i++)
            {
                Line(md, $"- {Escape(poll.Options[i])}: {poll.Counts[i]}");
            }
        }

        if (content.Statements.Count > 0)
        {
            var broad = content.StatementResults?.BroadAgreement ?? [];
            Line(md, "");
            Line(md, "| Statement | Agree | Disagree | Pass | Broad agreement |");
            Line(md, "|---|---:|---:|---:|---|");
            foreach (var s in content.Statements)
            {
                Line(md, $"| {Escape(s.Text)} | {s.Agree} | {s.Disagree} | {s.Pass} | {(broad.Contains(s.StatementId) ? "yes" : "")} |");
            }

            if (content.StatementResults is { Groups.Count: > 0 } results)
            {
                Line(md, "");
                Line(md, $"Opinion groups: {string.Join(", ", results.Groups.Select(g => $"group {g.Index + 1} ({g.Size} people)"))}");
            }
        }

        foreach (var room in content.Rooms.Where(r => r.Summary is not null))
        {
            Line(md, "");
            Line(md, $"**{Escape(room.Name)}** reported:");
            Line(md, "");
            Quote(md, room.Summary!);
        }

        foreach (var c in content.Contributions)
        {
            var where = c.RoomId is { } roomId && content.Rooms.FirstOrDefault(r => r.Id == roomId) is { } room ? $" in {Escape(room.Name)}" : "";
            var reply = c.ReplyTo is null ? "" : " (reply)";
            Line(md, "");
            Line(md, $"- **{Escape(names.GetValueOrDefault(c.AuthorId, c.AuthorName))}**{where}{reply}, {Time(c.At)}:");
            Quote(md, c.Text, "  > ");
        }
    }

    private static string Format(AgendaFormat format) => format switch
    {
        AgendaFormat.SpeakingRound => "speaking round",
        _ => format.ToString().ToLowerInvariant(),
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Each line of a multi-line text quoted on its own, so its line breaks stay and none starts a block.</summary>
    private static void Quote(StringBuilder md, string text, string prefix = "> ")
    {
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            Line(md, prefix + Escape(line));
        }
    }

    /// <summary>
    /// Makes a person's text inert on one line: every ASCII punctuation character is backslash-escaped (CommonMark
    /// allows it for all of them), which stops emphasis, links, autolinks such as https:// and www., list markers
    /// (1. and 1)), headings and setext underlines, tables, footnotes, emoji codes and math; angle brackets and
    /// ampersands become entities, so no HTML or entity survives; line breaks become spaces and the ends are trimmed,
    /// so the text can neither start a block of its own nor turn into indented code.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length * 2);
        foreach (var c in text.Trim())
        {
            switch (c)
            {
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '\r' or '\n':
                    escaped.Append(' ');
                    break;
                case > ' ' and < '\x7f' when !char.IsAsciiLetterOrDigit(c):
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    private static void Line(StringBuilder md, string line) => md.Append(line).Append('\n');
}
