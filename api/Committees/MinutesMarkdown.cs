using System.Globalization;
using System.Text;
using NetworkHub.Api.LiveSessions;
using NetworkHub.Contracts.Committees;

namespace NetworkHub.Api.Committees;

/// <summary>
/// The first draft of a meeting's minutes, assembled from its record: attendance by seat and organisation, the quorum,
/// and each agenda item with its motions, amendments, votes, results, decision numbers and action items. Everything
/// people typed is escaped, so a motion cannot turn into a heading, a link or HTML; the secretary edits from there.
/// </summary>
public static class MinutesMarkdown
{
    public static string Draft(CommitteeDetails committee, MeetingView meeting, IReadOnlyList<Seat> seats, IReadOnlyList<ActionItem> actionItems)
    {
        var seatNames = seats.ToDictionary(s => s.SeatId, s => s.OrganisationName);
        string Seat(Guid? seat) => seat is { } id && seatNames.TryGetValue(id, out var name) ? Escape(name) : "—";

        var md = new StringBuilder();
        Line(md, $"# Minutes: {Escape(meeting.Title)}");
        Line(md, "");
        Line(md, $"- Committee: {Escape(committee.Name)}");
        Line(md, $"- {Type(meeting.Type)}, {Time(meeting.StartsAt)} ({Escape(meeting.TimeZone)})");
        if (meeting.Place is { Length: > 0 } place)
        {
            Line(md, $"- Place: {Escape(place)}");
        }

        if (meeting.Deadline is { } deadline)
        {
            Line(md, $"- Responses by: {Time(deadline)}");
        }

        Line(md, $"- Quorum: {meeting.Quorum.PresentAllotments} of {meeting.Quorum.VotingAllotments} voting allotments present, {meeting.Quorum.Required} required ({(meeting.Quorum.Met ? "met" : "not met")})");
        Line(md, "");
        Line(md, "## Attendance");
        Line(md, "");
        Line(md, "| Seat | Kind | Votes | Attendance |");
        Line(md, "|---|---|---|---|");
        var attendance = meeting.Attendance.ToDictionary(a => a.SeatId, a => a.Status);
        foreach (var seat in seats.Where(s => s.Status == SeatStatus.Active).OrderBy(s => s.OrganisationName, StringComparer.CurrentCulture))
        {
            var status = attendance.GetValueOrDefault(seat.SeatId, AttendanceStatus.Absent);
            var proxy = meeting.Proxies.FirstOrDefault(p => p.SeatId == seat.SeatId);
            var how = proxy is not null && status == AttendanceStatus.ByProxy ? $"by proxy to {Seat(proxy.HolderSeatId)}" : Attendance(status);
            Line(md, $"| {Escape(seat.OrganisationName)} | {Kind(seat.Kind)} | {seat.Allotment} | {how} |");
        }

        var items = meeting.Agenda.Select((item, index) => (Id: (Guid?)item.Id, Title: $"{index + 1}. {Escape(item.Title)}")).ToList();
        if (meeting.Motions.Any(m => m.AgendaItemId is null || meeting.Agenda.All(i => i.Id != m.AgendaItemId)))
        {
            items.Add((null, "Other motions"));
        }

        foreach (var (itemId, title) in items)
        {
            Line(md, "");
            Line(md, $"## {title}");
            var motions = meeting.Motions.Where(m => itemId is { } id ? m.AgendaItemId == id : m.AgendaItemId is null || meeting.Agenda.All(i => i.Id != m.AgendaItemId));
            foreach (var motion in motions)
            {
                Line(md, "");
                Line(md, $"### Motion: {Escape(motion.Title)}");
                Line(md, "");
                Line(md, $"Moved by {Seat(motion.MoverSeatId)}, seconded by {Seat(motion.SeconderSeatId)}.");
                Line(md, "");
                Quote(md, motion.Text);
                foreach (var amendment in motion.Amendments)
                {
                    Line(md, "");
                    Line(md, $"- Amendment moved by {Seat(amendment.MoverSeatId)}: {Status(amendment.Status)}{(amendment.Note is { Length: > 0 } note ? $" ({Escape(note)})" : "")}");
                    foreach (var vote in meeting.Votes.Where(v => v.AmendmentId == amendment.AmendmentId))
                    {
                        Line(md, $"  - {Vote(vote)}");
                    }
                }

                foreach (var vote in meeting.Votes.Where(v => v.MotionId == motion.MotionId && v.AmendmentId is null))
                {
                    Line(md, "");
                    Line(md, $"- {Vote(vote)}");
                }

                Line(md, "");
                Line(md, motion.DecisionNumber is { } number ? $"**{Status(motion.Status)}: decision {number}**" : $"**{Status(motion.Status)}**");
            }
        }

        var actions = actionItems.Where(a => a.MeetingId == meeting.MeetingId).ToList();
        if (actions.Count > 0)
        {
            Line(md, "");
            Line(md, "## Action items");
            Line(md, "");
            foreach (var action in actions)
            {
                var owner = action.Assignee.SeatId is { } seat ? Seat(seat) : "a person";
                var due = action.DueAt is { } at ? $", due {at.UtcDateTime:yyyy-MM-dd}" : "";
                Line(md, $"- {Escape(action.Title)} ({owner}{due}){(action.DecisionNumber is { } n ? $", from {Escape(n)}" : "")}");
            }
        }

        return md.ToString();
    }

    private static string Vote(VoteView vote)
    {
        var ballot = vote.Ballot == BallotKind.Secret ? "secret ballot" : "open ballot";
        if (vote.Result is not { } result)
        {
            return $"Vote by {ballot}, {Method(vote.Method)}: still open";
        }

        var quorum = $"quorum {(result.QuorumMet ? "met" : "not met")} ({result.PresentAllotments} of {result.VotingAllotments} present, {result.QuorumRequired} required)";
        return $"Vote by {ballot}, {Method(result.Method)}: {result.Totals.Yes} yes, {result.Totals.No} no, {result.Totals.Abstain} abstaining; {quorum}; {Outcome(result.Outcome)}";
    }

    private static string Outcome(VoteOutcome outcome) => outcome switch
    {
        VoteOutcome.Adopted => "adopted",
        VoteOutcome.Rejected => "rejected",
        _ => "not decided",
    };

    private static string Status(MotionStatus status) => status switch
    {
        MotionStatus.Proposed => "Proposed",
        MotionStatus.Seconded => "Seconded, not yet voted",
        MotionStatus.Voting => "Being voted",
        MotionStatus.Adopted => "Adopted",
        _ => "Rejected",
    };

    private static string Method(VotingMethod method) => method switch
    {
        VotingMethod.SimpleMajority => "simple majority",
        VotingMethod.AbsoluteMajority => "absolute majority",
        VotingMethod.TwoThirds => "two thirds",
        VotingMethod.Unanimity => "unanimity",
        _ => "consensus",
    };

    private static string Attendance(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "present",
        AttendanceStatus.RepresentedByAlternate => "represented by the alternate",
        AttendanceStatus.ByProxy => "by proxy",
        AttendanceStatus.Apologies => "apologies",
        _ => "absent",
    };

    private static string Kind(SeatKind kind) => kind switch
    {
        SeatKind.FoundingPartner => "founding partner",
        SeatKind.Invited => "invited",
        _ => "observer",
    };

    private static string Type(MeetingType type) => type switch
    {
        MeetingType.Regular => "Regular meeting",
        MeetingType.Extraordinary => "Extraordinary meeting",
        MeetingType.Retreat => "Retreat",
        MeetingType.WrittenProcedure => "Written procedure",
        _ => "Meeting",
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Escape(string text) => LiveSessionMarkdown.Escape(text);

    private static void Quote(StringBuilder md, string text)
    {
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            Line(md, "> " + Escape(line));
        }
    }

    private static void Line(StringBuilder md, string line) => md.Append(line).Append('\n');
}
