using System.Text;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Silo.Coalitions;

/// <summary>
/// A coalition's member organisations as one caller may see them, filtered and paged. Those the caller may see come
/// first by (name, id); those they may not see follow by id alone, with no name, kind or place, and never match a
/// filter, so neither their names nor their whereabouts can be learnt from the order or the filters.
/// </summary>
public static class MemberOrganisationList
{
    public const string HiddenName = "(private organisation)";

    public readonly record struct Row(CoalitionOrganisationRecord Record, bool Visible);

    public static CoalitionOrganisationPage Page(IEnumerable<Row> rows, CoalitionOrganisationQuery query)
    {
        var sorted = rows
            .Where(r => Matches(r, query))
            .Select(r => (Key: KeyOf(r), r))
            .OrderBy(x => x.Key, KeyOrder.Instance)
            .ToList();

        var start = 0;
        if (query.Cursor is not null)
        {
            var after = DecodeCursor(query.Cursor);
            while (start < sorted.Count && KeyOrder.Instance.Compare(sorted[start].Key, after) <= 0)
            {
                start++;
            }
        }

        var page = sorted.Skip(start).Take(query.Limit).ToList();
        var more = sorted.Count > start + page.Count;
        return new CoalitionOrganisationPage(
            [.. page.Select(x => Show(x.r))],
            more ? EncodeCursor(page[^1].Key) : null);
    }

    private static bool Matches(Row row, CoalitionOrganisationQuery query)
    {
        if (query.Status is { } status && row.Record.Status != status)
        {
            return false;
        }

        if (query.Country is null && query.Region is null && query.Kind is null)
        {
            return true;
        }

        return row.Visible && row.Record.Listing is { } listing
            && Same(listing.Country, query.Country)
            && Same(listing.Region, query.Region)
            && (query.Kind is null || listing.Kind == query.Kind);
    }

    private static CoalitionOrganisation Show(Row row)
    {
        var record = row.Record;
        var listing = row.Visible ? record.Listing : null;
        return new CoalitionOrganisation(record.OrganisationId, listing?.Name ?? HiddenName, record.Status, record.Since,
            record.PeopleRole, listing?.Kind, listing?.Country, listing?.Region);
    }

    private static bool Same(string? value, string? filter) =>
        filter is null || string.Equals(value, filter, StringComparison.OrdinalIgnoreCase);

    private readonly record struct Key(bool Hidden, string Name, Guid Id);

    private static Key KeyOf(Row row) =>
        row.Visible && row.Record.Listing is { } listing
            ? new Key(false, listing.Name, row.Record.OrganisationId)
            : new Key(true, "", row.Record.OrganisationId);

    private sealed class KeyOrder : IComparer<Key>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(Key a, Key b)
        {
            if (a.Hidden != b.Hidden)
            {
                return a.Hidden ? 1 : -1;
            }

            var byName = StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name);
            return byName != 0 ? byName : a.Id.CompareTo(b.Id);
        }
    }

    private static string EncodeCursor(Key last) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{(last.Hidden ? 'h' : 'v')}{last.Id:N}{last.Name}"));

    private static Key DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.Length >= 33 && text[0] is 'h' or 'v' && Guid.TryParseExact(text[1..33], "N", out var id))
            {
                return new Key(text[0] == 'h', text[33..], id);
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidInputException(ErrorCodes.InvalidCursor, "The cursor is not one this API returned.");
    }
}
