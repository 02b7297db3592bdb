using System.Globalization;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Silo.Documents;

/// <summary>Where a page of a space's documents ended: the last row's time (UTC ticks) and id, as <c>{ticks}-{id:N}</c>.</summary>
internal static class DocumentCursor
{
    public static string Format(DateTimeOffset updatedAt, Guid documentId) =>
        string.Create(CultureInfo.InvariantCulture, $"{updatedAt.UtcTicks}-{documentId:N}");

    public static (DateTimeOffset UpdatedAt, Guid DocumentId) Parse(string cursor)
    {
        var parts = cursor.Split('-');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(parts[1], "N", out var documentId))
        {
            return (new DateTimeOffset(ticks, TimeSpan.Zero), documentId);
        }

        throw new InvalidInputException(ErrorCodes.InvalidCursor, "The cursor is not one this API returned.");
    }
}
