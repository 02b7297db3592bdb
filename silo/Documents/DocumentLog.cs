using Microsoft.Extensions.Logging;

namespace NetworkHub.Silo.Documents;

/// <summary>Log lines of documents. Ids only: never a title, a file name or a text.</summary>
internal static partial class DocumentLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} created in {SpaceKind} {SpaceId}")]
    public static partial void Created(ILogger logger, Guid documentId, Contracts.Spaces.SpaceKind spaceKind, Guid spaceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId}: version {Number} added")]
    public static partial void VersionAdded(ILogger logger, Guid documentId, int number);

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} deleted")]
    public static partial void Deleted(ILogger logger, Guid documentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId}: the index did not take the change yet; retrying")]
    public static partial void IndexFailed(ILogger logger, Guid documentId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId}: content {ContentId} could not be deleted")]
    public static partial void ContentNotDeleted(ILogger logger, Guid documentId, Guid contentId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId}: person {PersonId} lost access through the space and stopped watching")]
    public static partial void AccessLost(ILogger logger, Guid documentId, Guid personId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId}: the space's registry of watched documents could not be told")]
    public static partial void RegistryFailed(ILogger logger, Guid documentId, Exception exception);
}
