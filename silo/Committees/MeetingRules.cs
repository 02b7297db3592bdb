using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Silo.Committees;

/// <summary>The shape of what a meeting takes: texts within their limits, https links, a real time zone, a bounded agenda.</summary>
internal static class MeetingRules
{
    public static string Text(string? value, int max, string field)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length is > 0 && trimmed.Length <= max
            ? trimmed
            : throw Invalid($"The {field} needs 1 to {max} characters.");
    }

    public static string? Optional(string? value, int max, string field)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null
            : trimmed.Length <= max ? trimmed
            : throw Invalid($"The {field} takes at most {max} characters.");
    }

    /// <summary>Only https: a meeting link or paper is opened by every member, and a plain http or script link must not reach them.</summary>
    public static string? HttpsUrl(string? value, string field)
    {
        var url = Optional(value, MeetingLimits.UrlMaxLength, field);
        return url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0)
            ? url
            : throw Invalid($"The {field} must be an https address.");
    }

    public static string TimeZone(string? value) =>
        !string.IsNullOrWhiteSpace(value) && TimeZoneInfo.TryFindSystemTimeZoneById(value, out _)
            ? value
            : throw Invalid("The time zone must be an IANA name such as Europe/Paris.");

    /// <summary>The new agenda: items keep the id given (one of <paramref name="existing"/>), new ones get one.</summary>
    public static List<MeetingAgendaItem> Agenda(IReadOnlyList<MeetingAgendaItemDraft>? drafts, IReadOnlyList<MeetingAgendaItem> existing)
    {
        drafts ??= [];
        if (drafts.Count > MeetingLimits.AgendaMaxItems)
        {
            throw Invalid($"An agenda has at most {MeetingLimits.AgendaMaxItems} items.");
        }

        var items = new List<MeetingAgendaItem>(drafts.Count);
        foreach (var draft in drafts)
        {
            if (draft.Id is { } id && !existing.Any(i => i.Id == id))
            {
                throw new NotFoundException(MeetingErrors.AgendaItemNotFound, $"Agenda item {id} is not on this agenda.");
            }

            var papers = draft.Papers ?? [];
            if (papers.Count > MeetingLimits.PapersPerItem)
            {
                throw Invalid($"An agenda item has at most {MeetingLimits.PapersPerItem} papers.");
            }

            var itemId = draft.Id ?? Guid.CreateVersion7();
            if (items.Any(i => i.Id == itemId))
            {
                throw Invalid("An agenda item appears twice.");
            }

            items.Add(new MeetingAgendaItem(
                itemId,
                Text(draft.Title, MeetingLimits.TitleMaxLength, "agenda item's title"),
                draft.Presenter,
                [.. papers.Select(Paper)]));
        }

        return items;
    }

    private static MeetingPaper Paper(MeetingPaper paper)
    {
        var title = Text(paper.Title, MeetingLimits.TitleMaxLength, "paper's title");
        return paper.DocumentId switch
        {
            { } document when string.IsNullOrEmpty(paper.Url) => new MeetingPaper(title, null, document),
            { } => throw Invalid("A paper is a document or a link, not both."),
            null => new MeetingPaper(title, HttpsUrl(paper.Url, "paper's link") ?? throw Invalid("A paper needs its link or its document.")),
        };
    }

    /// <summary>The documents papers point at that are not on <paramref name="existing"/> already: the one who adds them must see each.</summary>
    public static IEnumerable<Guid> NewDocuments(IReadOnlyList<MeetingAgendaItem> agenda, IReadOnlyList<MeetingAgendaItem> existing)
    {
        var known = existing.SelectMany(i => i.Papers).Select(p => p.DocumentId).OfType<Guid>().ToHashSet();
        return agenda.SelectMany(i => i.Papers).Select(p => p.DocumentId).OfType<Guid>().Where(d => !known.Contains(d)).Distinct();
    }

    public static InvalidInputException Invalid(string message) => new(MeetingErrors.InvalidInput, message);
}
