using System.Globalization;
using CsvHelper;
using NetworkHub.Contracts.Committees;

namespace NetworkHub.Api.Committees;

/// <summary>
/// The decision register as CSV (RFC 4180, a header line). A cell that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// a tab or a CR gets a leading <c>'</c> (CsvHelper's injection escape), so a spreadsheet shows a motion's words instead
/// of running them as a formula.
/// </summary>
public static class DecisionCsv
{
    private static readonly string[] Header =
    [
        "number", "year", "sequence", "decided_at", "title", "text", "outcome", "method", "yes", "no", "abstain",
        "present_allotments", "voting_allotments", "quorum_required", "quorum_met", "ballot", "meeting", "motion",
    ];

    /// <summary>RFC 4180 (CRLF, quoting as needed); a possible formula (OWASP's = @ + -, tab, CR) gets a leading '.</summary>
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static string Write(IEnumerable<Decision> decisions)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, true))
        {
            csv.WriteHeader(Header);
            foreach (var d in decisions)
            {
                var r = d.Result;
                csv.WriteRecord(
                [
                    d.Number, Number(d.Year), Number(d.Sequence), d.DecidedAt.ToString("O", CultureInfo.InvariantCulture), d.Title, d.Text,
                    Name(r.Outcome), Name(r.Method), Number(r.Totals.Yes), Number(r.Totals.No), Number(r.Totals.Abstain),
                    Number(r.PresentAllotments), Number(r.VotingAllotments), Number(r.QuorumRequired), r.QuorumMet ? "true" : "false",
                    Name(d.Ballot), d.MeetingId.ToString(), d.MotionId.ToString(),
                ]);
            }

            csv.Flush();
        }

        return text.ToString();
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Enum values as the JSON API spells them (kebab-case).</summary>
    private static string Name<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
