using NetworkHub.Contracts.Documents;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Api.Documents;

/// <summary>The sections of a stored version, for the file types that have them (Markdown, .docx); null for any other file.</summary>
internal static class VersionSections
{
    public static async Task<IReadOnlyList<DocumentSection>?> ReadAsync(IContentStore store, Guid contentId, string fileName, string contentType, CancellationToken cancellationToken)
    {
        if (!DocumentSections.CanRead(contentType, fileName))
        {
            return null;
        }

        var content = await store.OpenReadAsync(contentId, 0, null, cancellationToken)
            ?? throw new InvalidOperationException($"Content {contentId} was stored a moment ago and is missing.");
        await using (content)
        {
            return await DocumentSections.ReadAsync(content, contentType, fileName, long.MaxValue, cancellationToken);
        }
    }
}
