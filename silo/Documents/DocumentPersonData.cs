using NetworkHub.Contracts.Documents;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// An erased person in a document's state: as its creator, as the author of versions, and in the recent events of its
/// live stream (versions they added, comments they wrote or answered, their access ending), their id becomes the former
/// id. The document, its versions and their bytes stay: others wrote and read them too.
/// </summary>
public static class DocumentPersonData
{
    /// <summary>False when the document held nothing of theirs.</summary>
    public static bool Erase(DocumentState state, Guid personId, Guid formerId)
    {
        var changed = false;
        Guid Swap(Guid id)
        {
            if (id != personId)
            {
                return id;
            }

            changed = true;
            return formerId;
        }

        DocumentVersionSummary SwapAuthor(DocumentVersionSummary version) =>
            version.AuthorPersonId == personId ? version with { AuthorPersonId = Swap(version.AuthorPersonId) } : version;

        DocumentComment SwapComment(DocumentComment comment) => comment with
        {
            AuthorPersonId = Swap(comment.AuthorPersonId),
            Response = comment.Response is { } response && response.ResponderPersonId == personId
                ? response with { ResponderPersonId = Swap(response.ResponderPersonId) }
                : comment.Response,
        };

        state.CreatedBy = Swap(state.CreatedBy);
        state.Versions = [.. state.Versions.Select(v => v with { Summary = SwapAuthor(v.Summary) })];
        state.Log.Recent = [.. state.Log.Recent.Select(e => e with
        {
            Change = e.Change switch
            {
                DocumentVersionAdded added => new DocumentVersionAdded(SwapAuthor(added.Version)),
                CommentPosted posted => new CommentPosted(SwapComment(posted.Comment)),
                CommentChanged changedComment => new CommentChanged(SwapComment(changedComment.Comment)),
                DocumentAccessEnded ended => new DocumentAccessEnded(Swap(ended.PersonId)),
                var other => other,
            },
        })];
        return changed;
    }
}
