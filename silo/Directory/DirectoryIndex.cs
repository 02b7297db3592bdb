using System.Text;
using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Directory;

/// <summary>
/// An in-memory list of directory entries kept sorted by (name, id), so a page is a binary search to the
/// cursor followed by a filtered scan. The cursor is the (name, id) of the last item returned: stable when
/// entries are added or renamed between pages.
/// </summary>
public sealed class DirectoryIndex
{
    private static readonly Comparer<DirectoryEntry> Order = Comparer<DirectoryEntry>.Create(Compare);
    private readonly List<DirectoryEntry> _entries;

    public DirectoryIndex(IEnumerable<DirectoryEntry> entries)
    {
        _entries = [.. entries];
        _entries.Sort(Order);
    }

    public int Count => _entries.Count;

    public IReadOnlyList<DirectoryEntry> Entries => _entries;

    public void Upsert(DirectoryEntry entry)
    {
        var existing = _entries.FindIndex(e => e.Id == entry.Id);
        if (existing >= 0)
        {
            _entries.RemoveAt(existing);
        }

        var at = _entries.BinarySearch(entry, Order);
        _entries.Insert(at < 0 ? ~at : at, entry);
    }

    public DirectoryPage Query(DirectoryQuery query)
    {
        var start = 0;
        if (query.Cursor is not null)
        {
            var after = DecodeCursor(query.Cursor);
            var at = _entries.BinarySearch(after, Order);
            start = at < 0 ? ~at : at + 1;
        }

        var items = new List<DirectoryEntry>(query.Limit);
        var more = false;
        for (var i = start; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            if (!Matches(entry, query))
            {
                continue;
            }

            if (items.Count == query.Limit)
            {
                more = true;
                break;
            }

            items.Add(entry);
        }

        return new DirectoryPage(items, more ? EncodeCursor(items[^1]) : null);
    }

    private static bool Matches(DirectoryEntry entry, DirectoryQuery query) =>
        Visible(entry, query)
        && (query.Only is null || query.Only.Contains(entry.Id))
        && Same(entry.Country, query.Country)
        && Same(entry.Region, query.Region)
        && Same(entry.Kind, query.Kind)
        && (query.Topic is null || entry.Topics.Any(t => string.Equals(t, query.Topic, StringComparison.OrdinalIgnoreCase)))
        && (query.Text is null || entry.Name.Contains(query.Text, StringComparison.OrdinalIgnoreCase));

    private static bool Visible(DirectoryEntry entry, DirectoryQuery query) => entry.Visibility switch
    {
        Visibility.Public => true,
        Visibility.MembersOnly => query.SignedIn || query.MemberOf.Contains(entry.Id),
        _ => query.MemberOf.Contains(entry.Id),
    };

    private static bool Same(string? value, string? filter) =>
        filter is null || string.Equals(value, filter, StringComparison.OrdinalIgnoreCase);

    private static int Compare(DirectoryEntry? a, DirectoryEntry? b)
    {
        var byName = StringComparer.OrdinalIgnoreCase.Compare(a!.Name, b!.Name);
        return byName != 0 ? byName : a.Id.CompareTo(b.Id);
    }

    private static string EncodeCursor(DirectoryEntry last) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{last.Id:N}{last.Name}"));

    private static DirectoryEntry DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.Length >= 32 && Guid.TryParseExact(text[..32], "N", out var id))
            {
                return new DirectoryEntry(id, text[32..], null, null, null, [], Visibility.Public, null);
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidInputException(ErrorCodes.InvalidCursor, "The cursor is not one this API returned.");
    }
}
