using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Silo.LiveSessions;

/// <summary>Guards on what callers send: the grain's last word, whatever the API or hub checked before.</summary>
internal static class SessionRules
{
    /// <summary>Trimmed, non-empty, at most <paramref name="maxLength"/> characters, no control characters but line breaks and tabs.</summary>
    public static string Text(string? text, int maxLength, string what)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new RejectedException(LiveSessionErrors.InvalidInput, $"The {what} is empty.");
        }

        if (trimmed.Length > maxLength)
        {
            throw new RejectedException(LiveSessionErrors.TextTooLong, $"The {what} is longer than {maxLength} characters.");
        }

        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            throw new RejectedException(LiveSessionErrors.InvalidInput, $"The {what} contains control characters.");
        }

        return trimmed;
    }

    /// <summary>Checks every item against its format and gives new items an id.</summary>
    public static List<AgendaItem> Agenda(IReadOnlyList<AgendaItem>? agenda)
    {
        if (agenda is null || agenda.Count > LiveSessionLimits.MaxAgendaItems)
        {
            throw Invalid($"An agenda has at most {LiveSessionLimits.MaxAgendaItems} items.");
        }

        var items = agenda.Select(Item).ToList();
        if (items.Select(i => i.Id).Distinct().Count() != items.Count)
        {
            throw Invalid("Agenda items need distinct ids.");
        }

        return items;
    }

    private static AgendaItem Item(AgendaItem item)
    {
        var title = Text(item.Title, LiveSessionLimits.TitleMaxLength, "item title");
        if (!Enum.IsDefined(item.Format) || item.PlannedMinutes is < 1 or > LiveSessionLimits.MaxPlannedMinutes)
        {
            throw Invalid($"Each item has a format and lasts 1 to {LiveSessionLimits.MaxPlannedMinutes} minutes.");
        }

        var poll = item.Format == AgendaFormat.Poll ? item.Poll : null;
        if (item.Format == AgendaFormat.Poll && (poll is null || poll.Options.Count is < 2 or > LiveSessionLimits.MaxPollOptions))
        {
            throw Invalid($"A poll has 2 to {LiveSessionLimits.MaxPollOptions} options.");
        }

        var breakout = item.Format == AgendaFormat.Breakout ? item.Breakout : null;
        if (item.Format == AgendaFormat.Breakout && (breakout is null || breakout.Rooms is < 1 or > LiveSessionLimits.MaxRooms || !Enum.IsDefined(breakout.Mode)))
        {
            throw Invalid($"A breakout has 1 to {LiveSessionLimits.MaxRooms} rooms and a way of splitting people.");
        }

        if (item.SpeakerSeconds is < LiveSessionLimits.MinSpeakerSeconds or > LiveSessionLimits.MaxSpeakerSeconds)
        {
            throw Invalid($"Speakers get {LiveSessionLimits.MinSpeakerSeconds} to {LiveSessionLimits.MaxSpeakerSeconds} seconds.");
        }

        var options = poll?.Options.Select(o => Text(o, LiveSessionLimits.TitleMaxLength, "poll option")).ToList();
        return item with
        {
            Id = item.Id == Guid.Empty ? Guid.CreateVersion7() : item.Id,
            Title = title,
            Poll = poll is null ? null : poll with { Options = options! },
            Breakout = breakout,
            SpeakerSeconds = item.Format == AgendaFormat.SpeakingRound ? item.SpeakerSeconds ?? LiveSessionLimits.DefaultSpeakerSeconds : null,
        };
    }

    private static RejectedException Invalid(string message) => new(LiveSessionErrors.InvalidAgenda, message);
}
