using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NetworkHub.Contracts.Documents;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// A version's sections as JSON in the content store (its "text"): written once by the API beside the version's bytes,
/// read for the version's view, older outlines, feedback rounds and the search index. Grain state keeps only the latest
/// outline, so a document with hundreds of versions does not carry every outline in each write.
/// </summary>
public static class VersionText
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores the sections as one piece of content; returns its id.</summary>
    public static async Task<StoredContent> WriteAsync(IContentStore store, IReadOnlyList<DocumentSection> sections, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await JsonSerializer.SerializeAsync(buffer, sections, Json, cancellationToken);
        buffer.Position = 0;
        return await store.WriteAsync(buffer, long.MaxValue, cancellationToken);
    }

    /// <summary>The sections stored under <paramref name="textId"/>; none when there is no text.</summary>
    public static async Task<IReadOnlyList<DocumentSection>> ReadAsync(IContentStore store, Guid? textId, CancellationToken cancellationToken)
    {
        if (textId is not { } id || await store.OpenReadAsync(id, 0, null, cancellationToken) is not { } stream)
        {
            return [];
        }

        await using (stream)
        {
            return await JsonSerializer.DeserializeAsync<List<DocumentSection>>(stream, Json, cancellationToken) ?? [];
        }
    }

    public static List<SectionOutline> Outline(IEnumerable<DocumentSection> sections) =>
        [.. sections.Select(s => new SectionOutline(s.SectionId, s.Level, s.Heading, TextHash(s.Text)))];

    public static string TextHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>What the search index reads of a version: every heading and text, one after the other.</summary>
    public static string IndexText(IEnumerable<DocumentSection> sections) =>
        string.Join("\n\n", sections.Select(s => s.Heading.Length == 0 ? s.Text : $"{s.Heading}\n{s.Text}"));
}
