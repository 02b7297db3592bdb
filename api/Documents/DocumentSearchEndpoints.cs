using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Api.Documents;

/// <summary>
/// Reads on the documents index: a space's documents, its publications, and search across what the caller may see. The
/// index may lag the spaces, so every row is confirmed with its space before it is shown; a row never decides access.
/// </summary>
public static class DocumentSearchEndpoints
{
    /// <summary>Index pages one search reads at most to fill its page when hits are dropped; the cursor carries on from there.</summary>
    private const int MaxBatchesPerPage = 5;

    /// <summary>Spaces below the caller's coalitions stop being added past this; their own spaces are always searched.</summary>
    private const int MaxCandidates = 1_000;

    public static IEndpointRouteBuilder MapDocumentSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/documents/search", SearchDocuments).WithName(nameof(SearchDocuments)).WithTags("Documents").WithProblemResponses()
            .WithDescription("Full-text search over titles, tags, descriptions and text of the documents the caller may see: those of the " +
                "signed-in person's spaces (an API key: its organisation's) and of public spaces. `q` is taken as words, all required, " +
                "the last also as a prefix; accents and case are ignored. `after` is the previous page's `nextAfter`.");
        // Only the five kinds route; anything else is an unknown path (404), as an unknown id is.
        var space = app.MapGroup("/api/v1/spaces/{kind:regex(^(organisation|coalition|working-group|forum|committee)$)}/{id:guid}").WithTags("Documents").WithProblemResponses();
        space.MapGet("/documents", GetSpaceDocuments).WithName(nameof(GetSpaceDocuments))
            .WithDescription("The space's documents, most recently changed first, for whoever sees inside the space. `kind` is " +
                "`organisation`, `coalition`, `working-group`, `forum` or `committee`; `tag` matches one tag exactly.");
        space.MapGet("/publications", GetSpacePublications).WithName(nameof(GetSpacePublications))
            .WithDescription("The space's published documents, optionally with one tag, for whoever sees inside the space (everyone when it is public).");
        return app;
    }

    private static async Task<Ok<DocumentPage>> GetSpaceDocuments(
        string kind, Guid id, DocumentStatus? status, [MaxLength(DocumentLimits.TagMaxLength)] string? tag, string? after,
        ClaimsPrincipal user, IGrainFactory grains, IDocumentIndex index, CancellationToken cancellationToken,
        [Range(1, Limits.PageSizeMax)] int limit = Limits.PageSizeDefault)
    {
        var space = await RequireInsideAsync(kind, id, user.Caller(), grains, index, cancellationToken);
        return TypedResults.Ok(await index.ListAsync(space, status, tag, after, limit, cancellationToken));
    }

    private static async Task<Ok<DocumentPage>> GetSpacePublications(
        string kind, Guid id, [MaxLength(DocumentLimits.TagMaxLength)] string? tag, string? after,
        ClaimsPrincipal user, IGrainFactory grains, IDocumentIndex index, CancellationToken cancellationToken,
        [Range(1, Limits.PageSizeMax)] int limit = Limits.PageSizeDefault)
    {
        var space = await RequireInsideAsync(kind, id, user.Caller(), grains, index, cancellationToken);
        return TypedResults.Ok(await index.ListAsync(space, DocumentStatus.Published, tag, after, limit, cancellationToken));
    }

    private static async Task<Ok<DocumentSearchPage>> SearchDocuments(
        [Required, StringLength(DocumentSearchLimits.QueryMaxLength)] string q, string? after,
        ClaimsPrincipal user, IGrainFactory grains, IDocumentIndex index, CancellationToken cancellationToken,
        [Range(1, Limits.PageSizeMax)] int limit = Limits.PageSizeDefault)
    {
        var caller = user.Caller();
        var offset = ParseOffset(after);
        var candidates = await CandidateSpacesAsync(caller, grains);
        var access = new Dictionary<SpaceRef, SpaceAccess?>();
        var hits = new List<DocumentSearchHit>();
        var more = false;
        for (var batch = 0; batch < MaxBatchesPerPage && hits.Count < limit; batch++)
        {
            // Twice the page, since some hits may be dropped.
            var requested = 2 * limit;
            var found = await index.SearchAsync(new DocumentSearch(q, candidates, IncludePublic: true, offset, requested), cancellationToken);
            var used = 0;
            foreach (var hit in found)
            {
                if (hits.Count == limit)
                {
                    break;
                }

                used++;
                if (await SeesInsideAsync(hit.Space, caller, grains, index, candidates, access, cancellationToken))
                {
                    hits.Add(hit);
                }
            }

            offset += used;
            // A full batch may have more behind it; the next page may then turn out empty, which is the price of not counting.
            more = used < found.Count || found.Count == requested;
            if (!more)
            {
                break;
            }
        }

        return TypedResults.Ok(new DocumentSearchPage(hits, more ? offset.ToString(CultureInfo.InvariantCulture) : null));
    }

    /// <summary>
    /// The spaces whose documents the caller may find: those they hold a role in (an API key: its organisation), the
    /// coalitions their organisations belong to (whose people hold the role the coalition gives the organisation), and
    /// the working groups, forums and committees below those coalitions and forums, which may pass a role down. Each hit
    /// is confirmed with its space, so a candidate that gives nothing finds nothing; public spaces come on top through
    /// the rows' hints.
    /// </summary>
    private static async Task<IReadOnlyCollection<SpaceRef>> CandidateSpacesAsync(Caller caller, IGrainFactory grains)
    {
        var own = caller switch
        {
            { PersonId: { } person } => [.. (await grains.GetGrain<IPersonGrain>(person).GetSpacesAsync()).Select(s => s.Space)],
            { KeyOrganisationId: { } organisation } => new List<SpaceRef> { new(SpaceKind.Organisation, organisation) },
            _ => [],
        };
        var candidates = new HashSet<SpaceRef>(own);
        var throughOrganisations = await Task.WhenAll(own.Where(s => s.Kind == SpaceKind.Organisation)
            .Select(s => Quietly(() => grains.GetGrain<IOrganisationGrain>(s.Id).GetActiveCoalitionIdsAsync(caller), [])));
        candidates.UnionWith(throughOrganisations.SelectMany(ids => ids).Select(id => new SpaceRef(SpaceKind.Coalition, id)));

        // Two levels: a coalition's forums, then their committees.
        var parents = candidates.Where(s => s.Kind == SpaceKind.Coalition).ToList();
        for (var level = 0; level < 2 && parents.Count > 0 && candidates.Count < MaxCandidates; level++)
        {
            var children = await Task.WhenAll(parents.Select(p => Quietly(() => grains.GetSpace(p).GetChildrenAsync(caller), [])));
            parents = [.. children.SelectMany(c => c).Where(candidates.Add).Where(c => c.Kind == SpaceKind.Forum)];
        }

        return candidates;
    }

    /// <summary>A space that will not say (gone, hidden from the caller) adds no candidates.</summary>
    private static async Task<IReadOnlyList<T>> Quietly<T>(Func<Task<IReadOnlyList<T>>> ask, IReadOnlyList<T> otherwise)
    {
        try
        {
            return await ask();
        }
        catch (DomainException)
        {
            return otherwise;
        }
    }

    /// <summary>
    /// Asks the space once per request. One of the caller's own spaces that answers public has its rows' hint set, so
    /// anyone's next search finds them. A hint that wrongly says public is left to the space's own list to put right: the
    /// caller's cursor counts rows of their candidate set, which must not change under them while they page.
    /// </summary>
    private static async Task<bool> SeesInsideAsync(SpaceRef space, Caller caller, IGrainFactory grains, IDocumentIndex index,
        IReadOnlyCollection<SpaceRef> candidates, Dictionary<SpaceRef, SpaceAccess?> known, CancellationToken cancellationToken)
    {
        if (!known.TryGetValue(space, out var access))
        {
            try
            {
                access = await grains.GetSpace(space).GetAccessAsync(caller);
            }
            catch (NotFoundException)
            {
                access = null;
            }

            known[space] = access;
            if (access?.Visibility == Visibility.Public && candidates.Contains(space))
            {
                await index.SetSpaceVisibilityAsync(space, Visibility.Public, cancellationToken);
            }
        }

        return access?.CanSeeInside == true;
    }

    /// <summary>The space, once the caller may see inside it: not-found when they may not see it at all, 403 when only its profile.</summary>
    private static async Task<SpaceRef> RequireInsideAsync(string kind, Guid id, Caller caller, IGrainFactory grains, IDocumentIndex index,
        CancellationToken cancellationToken)
    {
        var space = new SpaceRef(ParseKind(kind, id), id);
        var access = await grains.GetSpace(space).GetAccessAsync(caller);
        if (!access.CanSeeInside)
        {
            // A role without sight inside is a role whose sign-in lacks the second factor the space requires.
            throw access.Role is not null
                ? new ForbiddenException(ErrorCodes.TwoFactorRequired, $"This {space.Kind} requires two-factor sign-in. Turn it on under Security and sign in again.")
                : new ForbiddenException(ErrorCodes.ContentsHidden, $"Only the {space.Kind}'s people see its documents.");
        }

        // The answer is fresh, so the rows' hint for public search follows it (a no-op when it already agrees).
        await index.SetSpaceVisibilityAsync(space, access.Visibility, cancellationToken);
        return space;
    }

    /// <summary>Kinds as the JSON names them (<c>working-group</c>); anything else is a space that does not exist.</summary>
    private static SpaceKind ParseKind(string kind, Guid id) =>
        Kinds.TryGetValue(kind, out var parsed) ? parsed : throw new NotFoundException(ErrorCodes.SpaceNotFound, $"No space with id {id}.");

    private static readonly Dictionary<string, SpaceKind> Kinds =
        Enum.GetValues<SpaceKind>().ToDictionary(k => JsonNamingPolicy.KebabCaseLower.ConvertName(k.ToString()), StringComparer.Ordinal);

    private static int ParseOffset(string? after) =>
        after is null ? 0
        : int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset
        : throw new InvalidInputException(ErrorCodes.InvalidCursor, "The cursor is not one this API returned.");
}
