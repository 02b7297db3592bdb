using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;
using Orleans.Serialization;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// One document (see <see cref="IDocumentGrain"/>). Every call asks the space first who the caller is: whoever may not
/// see inside it gets <see cref="DocumentErrors.NotFound"/>, as for an id nobody created. Every write goes through one
/// <see cref="CommitAsync"/> (the live stream's group commit, since access changes interleave), then the index row
/// follows (<c>DocumentGrain.Index.cs</c>) and the live events (<c>DocumentGrain.Live.cs</c>).
/// </summary>
internal sealed partial class DocumentGrain(
    [PersistentState("document", StorageNames.Default)] IPersistentState<DocumentState> state,
    IContentStore content, IDocumentIndex index, TimeProvider clock, DeepCopier<DocumentState> copier, ILogger<DocumentGrain> logger)
    : Grain, IDocumentGrain, IRemindable
{
    private DocumentState? _live;

    /// <summary>The state calls change; each write persists a copy taken in the grain's turn (see <see cref="WriteAsync"/>).</summary>
    private DocumentState State => _live ??= state.State;

    private Guid Id => this.GetPrimaryKey();

    private DateTimeOffset Now => clock.GetUtcNow();

    public async Task<DocumentView> CreateAsync(Caller caller, SpaceRef space, DocumentProfile profile)
    {
        if (State.Exists || State.Deleted)
        {
            // Only the creator's retry reaches an existing id (the API derives ids from who asks); nobody learns anything else.
            return State.Exists && State.Space == space && State.CreatedBy == Actor(caller) ? await GetAsync(caller) : throw NotFound();
        }

        // The space's own not-found for a space the caller may not see; the document does not exist yet.
        var access = await GrainFactory.GetSpace(space).GetAccessAsync(caller);
        RequireWriter(caller, Decide(caller, access.Role), manage: false);
        var normalised = DocumentRules.Normalise(profile);
        State.Exists = true;
        State.Space = space;
        State.CreatedBy = Actor(caller)!.Value;
        State.CreatedAt = Now;
        Apply(normalised);
        await CommitAsync();
        DocumentLog.Created(logger, Id, space.Kind, space.Id);
        await DeliverIndexAsync();
        return View(Decide(caller, access.Role));
    }

    public async Task<DocumentView> GetAsync(Caller caller) => View(await AccessAsync(caller));

    public async Task<DocumentView> UpdateAsync(Caller caller, DocumentProfile profile, int? expectedVersion)
    {
        var access = await AccessAsync(caller);
        RequireWriter(caller, access, manage: true);
        RequireVersion(expectedVersion);
        var normalised = DocumentRules.Normalise(profile);
        Apply(normalised);
        await CommitAsync(new DocumentDetailsChanged(State.Title, State.Description, [.. State.Tags], State.Language, State.Status));
        await DeliverIndexAsync();
        return View(access);
    }

    public async Task<DocumentAccess> RequireContributorAsync(Caller caller)
    {
        var access = await AccessAsync(caller);
        RequireWriter(caller, access, manage: false);
        RequireRoomForVersion();
        return access;
    }

    public async Task<DocumentVersionSummary> AddVersionAsync(Caller caller, AddVersionCommand command)
    {
        var access = await AccessAsync(caller);
        RequireWriter(caller, access, manage: false);
        if (State.Versions.Find(v => v.ContentId == command.ContentId) is { } repeated)
        {
            return repeated.Summary;
        }

        RequireRoomForVersion();
        var summary = DocumentRules.Version(command, State.Versions.Count + 1, Actor(caller)!.Value, Now);
        State.Versions.Add(new VersionRecord(summary, command.ContentId, command.TextId));
        State.LatestOutline = [.. command.Sections];
        Changed();
        await CommitAsync(new DocumentVersionAdded(summary));
        DocumentLog.VersionAdded(logger, Id, summary.Number);
        await DeliverIndexAsync();
        return summary;
    }

    public async Task<IReadOnlyList<DocumentVersionSummary>> GetVersionsAsync(Caller caller)
    {
        await AccessAsync(caller);
        return [.. State.Versions.Select(v => v.Summary)];
    }

    public async Task<DocumentVersionFiles> GetVersionFilesAsync(Caller caller, int version)
    {
        await AccessAsync(caller);
        var record = RequireVersionRecord(version);
        return new DocumentVersionFiles(record.Summary, record.ContentId, record.TextId);
    }

    public async Task<DocumentAccess> GetAccessAsync(Caller caller) => await AccessAsync(caller);

    public async Task<DocumentOutline> GetOutlineAsync(Caller caller, int? version)
    {
        await AccessAsync(caller);
        if (version is null || version == State.Versions.Count)
        {
            return new DocumentOutline(Id, State.Versions.Count, [.. State.LatestOutline]);
        }

        var record = RequireVersionRecord(version.Value);
        return new DocumentOutline(Id, version.Value, VersionText.Outline(await VersionText.ReadAsync(content, record.TextId, CancellationToken.None)));
    }

    public async Task<DocumentVersionText> GetVersionTextAsync(int version)
    {
        RequireExists();
        var record = RequireVersionRecord(version);
        return new DocumentVersionText(Id, State.Title, record.Summary, await VersionText.ReadAsync(content, record.TextId, CancellationToken.None));
    }

    public async Task PublishAsync(DocumentChange change)
    {
        RequireExists();
        if (change is not (CommentPosted or CommentChanged))
        {
            throw new ArgumentException("Only comment changes are published from outside the document.", nameof(change));
        }

        await CommitAsync(change);
    }

    public async Task DeleteAsync(Caller caller, int? expectedVersion)
    {
        var access = await AccessAsync(caller);
        RequireWriter(caller, access, manage: true);
        RequireVersion(expectedVersion);
        var stored = State.Versions.SelectMany(v => v.TextId is { } text ? [v.ContentId, text] : new[] { v.ContentId }).ToList();
        State.Exists = false;
        State.Deleted = true;
        State.Versions.Clear();
        State.LatestOutline.Clear();
        State.Tags.Clear();
        State.Title = "";
        State.Description = null;
        State.IndexPending = true;
        await CommitAsync();
        DocumentLog.Deleted(logger, Id);

        // The state no longer points at them, so a failure here leaves unreachable bytes, never a version without them.
        foreach (var contentId in stored)
        {
            try
            {
                await content.DeleteAsync(contentId, CancellationToken.None);
            }
            catch (Exception e)
            {
                DocumentLog.ContentNotDeleted(logger, Id, contentId, e);
            }
        }

        await DeliverIndexAsync();
        await EndAllWatchersAsync();
    }

    public async Task ErasePersonAsync(Guid personId, Guid formerId)
    {
        if (!State.Exists || !DocumentPersonData.Erase(State, personId, formerId))
        {
            return;
        }

        // A new ETag, so no cache answers with the erased id any more; the time of the last change stays what it was.
        State.Version++;
        State.IndexPending = true;
        await CommitAsync();
        await DeliverIndexAsync();
    }

    /// <summary>
    /// The caller's access, once they may see inside the document's space. A space that does not exist for them, or
    /// whose contents they may not see, makes the document not-found, the same answer as for an unknown id.
    /// </summary>
    private async Task<DocumentAccess> AccessAsync(Caller caller)
    {
        RequireExists();
        SpaceAccess space;
        try
        {
            space = await GrainFactory.GetSpace(State.Space).GetAccessAsync(caller);
        }
        catch (NotFoundException)
        {
            throw NotFound();
        }

        return space.CanSeeInside && State.Exists ? Decide(caller, space.Role) : throw NotFound();
    }

    /// <summary>Members add versions (and comment); the space's coordinators and the creator, while a member, manage. A read key only reads.</summary>
    private DocumentAccess Decide(Caller caller, SpaceRole? role)
    {
        var writes = !caller.IsAnonymous && (!caller.IsApiKey || caller.KeyScope == ApiKeyScope.ReadWrite);
        var member = writes && role >= SpaceRole.Member;
        var manages = member && (role == SpaceRole.Coordinator || (State.Exists && Actor(caller) == State.CreatedBy));
        return new DocumentAccess(Id, State.Space, role, member, manages, State.Versions.Count);
    }

    private static void RequireWriter(Caller caller, DocumentAccess access, bool manage)
    {
        if (caller.IsAnonymous)
        {
            throw new UnauthenticatedException(ErrorCodes.SignInRequired, "Sign in to do this.");
        }

        if (caller is { IsApiKey: true, KeyScope: not ApiKeyScope.ReadWrite })
        {
            throw new ForbiddenException(ErrorCodes.ReadOnlyKey, "This API key may only read.");
        }

        if (manage && !access.CanManage)
        {
            throw new ForbiddenException(ErrorCodes.NotCoordinator, "Only the space's coordinators or the document's creator can do this.");
        }

        if (!access.CanComment)
        {
            throw new ForbiddenException(ErrorCodes.NotMember, "Only members of the space can do this.");
        }
    }

    private void RequireRoomForVersion()
    {
        if (State.Versions.Count >= DocumentLimits.MaxVersions)
        {
            throw new ConflictException(DocumentErrors.TooManyVersions, $"A document keeps at most {DocumentLimits.MaxVersions} versions.");
        }
    }

    private void RequireVersion(int? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != State.Version)
        {
            throw new PreconditionFailedException(ErrorCodes.VersionMismatch, $"The document changed since version {expected}; it is now at version {State.Version}.");
        }
    }

    private VersionRecord RequireVersionRecord(int number) =>
        number >= 1 && number <= State.Versions.Count
            ? State.Versions[number - 1]
            : throw new NotFoundException(DocumentErrors.VersionNotFound, $"This document has no version {number}.");

    private void RequireExists()
    {
        if (!State.Exists)
        {
            throw NotFound();
        }
    }

    private NotFoundException NotFound() => new(DocumentErrors.NotFound, $"No document with id {Id}.");

    /// <summary>Who acts: the person, or the organisation a read-write API key stands for.</summary>
    private static Guid? Actor(Caller caller) => caller.PersonId ?? caller.KeyOrganisationId;

    private void Apply(DocumentProfile profile)
    {
        State.Title = profile.Title;
        State.Description = profile.Description;
        State.Tags = [.. profile.Tags];
        State.Language = profile.Language;
        State.Status = profile.Status;
        Changed();
    }

    /// <summary>Every change of details or versions: a new ETag, and an index row to write.</summary>
    private void Changed()
    {
        State.Version++;
        State.UpdatedAt = Now;
        State.IndexPending = true;
    }

    private DocumentView View(DocumentAccess access) => new(
        Id, State.Space, State.Title, State.Description, [.. State.Tags], State.Language, State.Status, State.Version,
        State.CreatedBy, State.CreatedAt, State.UpdatedAt, State.Versions.Count > 0 ? State.Versions[^1].Summary : null,
        access.CanComment, access.CanManage);

    /// <summary>
    /// Writes the state with <paramref name="changes"/> appended to the live stream, through the stream's group commit,
    /// and only then sends them on.
    /// </summary>
    private Task CommitAsync(params DocumentChange[] changes)
    {
        foreach (var change in changes)
        {
            Emit(change);
        }

        return FanOut.CommitAsync();
    }

    /// <summary>
    /// The group commit's write. The provider gets a copy taken now, in this turn: it serialises only after opening its
    /// connection, possibly while an interleaved access change appends to the log.
    /// </summary>
    private async Task WriteAsync()
    {
        try
        {
            state.State = copier.Copy(State);
            await state.WriteStateAsync();
        }
        catch
        {
            // The activation holds changes the database does not: start again from what was stored.
            DeactivateOnIdle();
            throw;
        }
    }
}
