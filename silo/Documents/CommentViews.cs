using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.People;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// Turns stored comments into what one viewer sees, asking each person, organisation and outline once per call.
/// Real names go to fellow members of the document's space (viewer and author both hold a role there), pseudonyms
/// to everyone else. An organisation is named as its author sees it: speaking for it was their choice, and the name
/// goes with the comment wherever the comment is shown. Marks compare the section's text hash in the comment's
/// version with the latest version's; a viewer without access to the document (a round participant) gets none.
/// </summary>
internal sealed class CommentViews(IGrainFactory grains, IDocumentGrain document, Caller viewer, DocumentAccess? access)
{
    private readonly Dictionary<Guid, Task<string>> _names = [];
    private readonly Dictionary<Guid, Task<string?>> _organisations = [];
    private readonly Dictionary<int, Task<DocumentOutline?>> _outlines = [];
    private Task<DocumentOutline?>? _latest;

    public async Task<CommentThread> ThreadAsync(DocumentComment first, IEnumerable<DocumentComment> replies) =>
        new(await ViewAsync(first), await Task.WhenAll(replies.Select(ViewAsync)));

    public async Task<CommentView> ViewAsync(DocumentComment c)
    {
        var author = NameAsync(c.AuthorPersonId);
        var organisation = c.OrganisationId is { } org ? OrganisationAsync(org, c.AuthorPersonId) : Task.FromResult<string?>(null);
        var responder = c.Response is { } r ? NameAsync(r.ResponderPersonId) : null;
        return new CommentView(c, await author, await organisation, await MarkAsync(c), responder is null ? null : await responder);
    }

    private Task<string> NameAsync(Guid personId)
    {
        if (!_names.TryGetValue(personId, out var name))
        {
            _names[personId] = name = ResolveNameAsync(personId);
        }

        return name;
    }

    private async Task<string> ResolveNameAsync(Guid personId)
    {
        // An erased author's former id is nobody's: the person grain names it as an unknown person.
        var fellow = personId == viewer.PersonId || (access?.Role is not null && await HoldsRoleAsync(personId));
        return await grains.GetGrain<IPersonGrain>(personId).GetNameAsync(fellow);
    }

    private async Task<bool> HoldsRoleAsync(Guid personId)
    {
        try
        {
            return (await document.GetAccessAsync(Caller.Person(personId, secondFactor: true))).Role is not null;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private Task<string?> OrganisationAsync(Guid organisationId, Guid authorId)
    {
        if (!_organisations.TryGetValue(organisationId, out var name))
        {
            _organisations[organisationId] = name = ResolveOrganisationAsync(organisationId, authorId);
        }

        return name;
    }

    private async Task<string?> ResolveOrganisationAsync(Guid organisationId, Guid authorId)
    {
        try
        {
            return (await grains.GetGrain<IOrganisationGrain>(organisationId).GetSummaryAsync(Caller.Person(authorId, secondFactor: true))).Name;
        }
        catch (NotFoundException)
        {
            // An erased author (their former id) or a private organisation they left: it stays unnamed.
            return null;
        }
    }

    private async Task<SectionMark?> MarkAsync(DocumentComment c)
    {
        if (access is null)
        {
            return null;
        }

        _latest ??= OutlineAsync(null);
        if (!_outlines.TryGetValue(c.Version, out var own))
        {
            _outlines[c.Version] = own = OutlineAsync(c.Version);
        }

        var (latest, then) = (await _latest, await own);
        var now = latest?.Sections.FirstOrDefault(s => s.SectionId == c.SectionId);
        if (now is null)
        {
            return SectionMark.Vanished;
        }

        var before = then?.Sections.FirstOrDefault(s => s.SectionId == c.SectionId);
        return before is not null && before.TextHash == now.TextHash ? SectionMark.Unchanged : SectionMark.Changed;
    }

    private async Task<DocumentOutline?> OutlineAsync(int? version)
    {
        try
        {
            return await document.GetOutlineAsync(viewer, version);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
