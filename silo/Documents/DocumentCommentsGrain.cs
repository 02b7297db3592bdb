using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// The single writer of one document's comments. Its state is the count and last sequence of the document's rows,
/// read from the table on activation rather than kept as grain state: the row is the only write per comment, and it
/// happens before the call answers (a failed write fails the call). Live viewers hear of each change from the
/// document's stream after the row is written; a failed publish is retried once in the background and never fails
/// the comment, since viewers catch up by listing.
/// </summary>
public sealed partial class DocumentCommentsGrain(DocumentCommentTable table, TimeProvider clock, ILogger<DocumentCommentsGrain> logger)
    : Grain, IDocumentCommentsGrain
{
    private static readonly TimeSpan PublishRetryAfter = TimeSpan.FromSeconds(2);

    private int _count;
    private long _lastSequence;

    private Guid DocumentId => this.GetPrimaryKey();

    private IDocumentGrain Document => GrainFactory.GetGrain<IDocumentGrain>(DocumentId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        (_count, _lastSequence) = await table.CountAsync(DocumentId);

    public async Task<CommentView> PostAsync(Caller caller, Guid commentId, PostCommentCommand command)
    {
        var access = await AccessAsync(caller);
        var person = RequirePerson(caller, access);
        if (await table.FindAsync(DocumentId, commentId) is { } existing)
        {
            return existing.AuthorPersonId == person
                ? await ViewsFor(caller, access).ViewAsync(existing)
                : throw new NotFoundException(DocumentErrors.CommentNotFound, "No such comment.");
        }

        ValidateText(command.Text, DocumentLimits.CommentMaxLength);
        var parent = await ThreadOfAsync(command.ParentId);
        var version = parent?.Version ?? command.Version;
        var sectionId = parent?.SectionId ?? command.SectionId;
        var roundId = parent is null ? command.RoundId : parent.RoundId;
        SpaceRef? group = parent?.Group;
        if (roundId is { } round)
        {
            var participation = await ParticipationAsync(caller, round, access);
            if (participation.Status == RoundStatus.Closed)
            {
                throw new ConflictException(DocumentErrors.RoundClosed, "The round is closed; it takes no more comments.");
            }

            if (version != participation.Version)
            {
                throw new RejectedException(DocumentErrors.VersionNotFound, $"The round asks about version {participation.Version}.");
            }

            var mine = participation.Groups.Where(g => g.Covers(sectionId)).Select(g => g.Space).ToList();
            if (parent is null)
            {
                group = mine.FirstOrDefault();
            }

            var asked = group is not null && mine.Contains(group);
            if (!asked && access?.CanComment != true)
            {
                throw new ForbiddenException(DocumentErrors.NotInvited, "The round does not ask your groups about this section.");
            }
        }
        else if (access is null)
        {
            throw NotFound();
        }
        else if (!access.CanComment)
        {
            throw new ForbiddenException(DocumentErrors.NotInvited, "Only the document's members comment on it.");
        }

        var quote = string.IsNullOrWhiteSpace(command.Quote) ? null : command.Quote.Trim();
        await RequireSectionAsync(version, sectionId, quote);
        if (command.OrganisationId is { } organisation)
        {
            await RequireMemberOfAsync(caller, organisation);
        }

        if (_count >= CommentLimits.MaxPerDocument
            || (parent is not null && await table.CountRepliesAsync(DocumentId, parent.CommentId) >= CommentLimits.MaxReplies))
        {
            throw new ConflictException(CommentErrors.TooManyComments, "This document or thread holds as many comments as it may.");
        }

        var comment = new DocumentComment(
            commentId, DocumentId, version, sectionId, quote, parent?.CommentId, person, command.OrganisationId, roundId, command.Text,
            CommentStatus.Open, DocumentCommentTable.Cut(clock.GetUtcNow()), null, group, _lastSequence + 1);
        if (!await table.InsertAsync(comment))
        {
            throw new NotFoundException(DocumentErrors.CommentNotFound, "No such comment.");
        }

        _count++;
        _lastSequence = comment.Sequence;
        LogPosted(logger, DocumentId, commentId, comment.Sequence);
        await PublishAsync(new CommentPosted(comment));
        return await ViewsFor(caller, access).ViewAsync(comment);
    }

    public async Task<CommentView> SetStatusAsync(Caller caller, Guid commentId, CommentStatus status)
    {
        var access = await AccessAsync(caller);
        var person = RequirePerson(caller, access);
        var comment = await ThreadOfAsync(commentId) ?? throw new NotFoundException(DocumentErrors.CommentNotFound, "No such comment.");
        if (access is null && !await SeesAsync(caller, comment))
        {
            throw NotFound();
        }

        if (comment.AuthorPersonId != person && access?.CanManage != true)
        {
            throw new ForbiddenException(CommentErrors.NotCommentAuthor, "Only the comment's author or the drafting team resolve or reopen it.");
        }

        if (comment.Status != status)
        {
            await table.UpdateStatusAsync(DocumentId, comment.CommentId, status);
            comment = comment with { Status = status };
            LogChanged(logger, DocumentId, comment.CommentId);
            await PublishAsync(new CommentChanged(comment));
        }

        return await ViewsFor(caller, access).ViewAsync(comment);
    }

    public async Task<CommentView> RespondAsync(Caller caller, Guid commentId, ResponseKind kind, string? reply)
    {
        var access = await AccessAsync(caller) ?? throw NotFound();
        var person = caller.RequirePerson();
        var comment = await table.FindAsync(DocumentId, commentId) ?? throw new NotFoundException(DocumentErrors.CommentNotFound, "No such comment.");
        if (!access.CanManage)
        {
            throw new ForbiddenException(DocumentErrors.NotDraftingTeam, "Only the drafting team responds to comments.");
        }
        if (comment.ParentId is not null)
        {
            throw new RejectedException(CommentErrors.ResponseToReply, "Respond to the thread's first comment; replies carry no response.");
        }

        var text = string.IsNullOrWhiteSpace(reply) ? null : reply;
        if (text is not null)
        {
            ValidateText(text, DocumentLimits.ResponseMaxLength);
        }

        var response = new CommentResponse(kind, text, person, DocumentCommentTable.Cut(clock.GetUtcNow()));
        await table.UpdateResponseAsync(DocumentId, commentId, response);
        comment = comment with { Response = response };
        LogChanged(logger, DocumentId, commentId);
        await PublishAsync(new CommentChanged(comment));
        return await ViewsFor(caller, access).ViewAsync(comment);
    }

    public async Task<CommentPage> ListAsync(Caller caller, CommentFilter filter, long? after, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, Limits.PageSizeMax);
        var access = await AccessAsync(caller);
        IReadOnlyList<SpaceRef>? groups = null;
        if (access is null)
        {
            // Outside the document's space, only a round's participants read, and only their own groups' threads.
            var participation = filter.RoundId is { } round ? await ParticipationAsync(caller, round, null) : null;
            groups = participation?.Groups.Select(g => g.Space).ToList() ?? throw NotFound();
        }

        var firsts = await table.PageThreadsAsync(DocumentId, filter, groups, after, limit + 1);
        var page = firsts.Take(limit).ToList();
        var replies = await table.RepliesAsync(DocumentId, [.. page.Select(c => c.CommentId)]);
        var views = ViewsFor(caller, access);
        var threads = new List<CommentThread>();
        foreach (var first in page)
        {
            threads.Add(await views.ThreadAsync(first, replies.Where(r => r.ParentId == first.CommentId)));
        }

        return new CommentPage(threads, firsts.Count > limit ? page[^1].Sequence : null);
    }

    public async Task<IReadOnlyList<CommentThread>> GetRoundThreadsAsync(Guid roundId, Caller viewer)
    {
        var rows = await table.RoundAsync(DocumentId, roundId);
        var views = ViewsFor(viewer, await AccessAsync(viewer));
        var threads = new List<CommentThread>();
        foreach (var first in rows.Where(r => r.ParentId is null))
        {
            threads.Add(await views.ThreadAsync(first, rows.Where(r => r.ParentId == first.CommentId)));
        }

        return threads;
    }

    /// <summary>
    /// Comments are people's: 401 for nobody and 403 for a key, once the document is visible to them. Only a person can
    /// be a round's participant, so to anyone else an invisible document is not-found, as an unknown id.
    /// </summary>
    private static Guid RequirePerson(Caller caller, DocumentAccess? access) =>
        access is null && caller.PersonId is null ? throw NotFound() : caller.RequirePerson();

    private CommentViews ViewsFor(Caller caller, DocumentAccess? access) => new(GrainFactory, Document, caller, access);

    /// <summary>The caller's access to the document, or null when it does not exist for them.</summary>
    private async Task<DocumentAccess?> AccessAsync(Caller caller)
    {
        try
        {
            return await Document.GetAccessAsync(caller);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// What the round asks of the caller. To a caller outside the document's space a round of another document, or one
    /// that does not ask them, is the same as a document that does not exist.
    /// </summary>
    private async Task<RoundParticipation> ParticipationAsync(Caller caller, Guid roundId, DocumentAccess? access)
    {
        var participation = await GrainFactory.GetGrain<IFeedbackRoundGrain>(roundId).GetParticipationAsync(caller);
        if (participation.DocumentId != DocumentId)
        {
            throw access is null ? NotFound() : new NotFoundException(DocumentErrors.RoundNotFound, "No such feedback round on this document.");
        }

        if (access is null && participation.Groups.Count == 0)
        {
            throw NotFound();
        }

        return participation;
    }

    /// <summary>Whether a caller outside the document's space sees the thread: its round asks a group of theirs that it was made in.</summary>
    private async Task<bool> SeesAsync(Caller caller, DocumentComment first)
    {
        if (first.RoundId is not { } round || first.Group is not { } group)
        {
            return false;
        }

        var participation = await GrainFactory.GetGrain<IFeedbackRoundGrain>(round).GetParticipationAsync(caller);
        return participation.DocumentId == DocumentId && participation.Groups.Any(g => g.Space == group);
    }

    /// <summary>The first comment of the thread <paramref name="commentId"/> belongs to (itself when it is one), or null for none.</summary>
    private async Task<DocumentComment?> ThreadOfAsync(Guid? commentId)
    {
        if (commentId is not { } id)
        {
            return null;
        }

        var comment = await table.FindAsync(DocumentId, id) ?? throw new NotFoundException(DocumentErrors.CommentNotFound, "No such comment.");
        return comment.ParentId is { } parent
            ? await table.FindAsync(DocumentId, parent) ?? throw new NotFoundException(DocumentErrors.CommentNotFound, "No such comment.")
            : comment;
    }

    private async Task RequireSectionAsync(int version, string sectionId, string? quote)
    {
        var text = await Document.GetVersionTextAsync(version);
        var section = text.Sections.FirstOrDefault(s => s.SectionId == sectionId)
            ?? throw new NotFoundException(DocumentErrors.SectionNotFound, $"Version {version} has no section '{sectionId}'.");
        if (quote is not null && (quote.Length > DocumentLimits.QuoteMaxLength || !section.Text.Contains(quote, StringComparison.Ordinal)))
        {
            throw new RejectedException(CommentErrors.QuoteNotInSection, "The quoted passage does not occur in the section.");
        }
    }

    private async Task RequireMemberOfAsync(Caller caller, Guid organisationId)
    {
        try
        {
            var role = (await GrainFactory.GetGrain<IOrganisationGrain>(organisationId).GetAccessAsync(caller)).Role;
            if (role >= SpaceRole.Member)
            {
                return;
            }
        }
        catch (NotFoundException)
        {
            // A private organisation the person does not belong to: the same answer as one they see but are not in.
        }

        throw new RejectedException(CommentErrors.OrganisationInvalid, "You can only speak for an organisation you belong to.");
    }

    private static void ValidateText(string text, int max)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > max)
        {
            throw new RejectedException(CommentErrors.TextInvalid, "The text is empty or too long.");
        }
    }

    private async Task PublishAsync(DocumentChange change)
    {
        try
        {
            await Document.PublishAsync(change);
        }
        catch (Exception e) when (e is not DomainException)
        {
            LogPublishFailed(logger, e, DocumentId);
            IGrainTimer? retry = null;
            retry = this.RegisterGrainTimer(async () =>
            {
                retry?.Dispose();
                try
                {
                    await Document.PublishAsync(change);
                }
                catch (Exception again) when (again is not DomainException)
                {
                    // Viewers catch up by listing; the comment itself is written.
                    LogPublishFailed(logger, again, DocumentId);
                }
            }, new GrainTimerCreationOptions { DueTime = PublishRetryAfter, Period = Timeout.InfiniteTimeSpan, Interleave = true });
        }
    }

    private static NotFoundException NotFound() => new(DocumentErrors.NotFound, "No such document.");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Comment {CommentId} posted on document {DocumentId} as {Sequence}")]
    private static partial void LogPosted(ILogger logger, Guid documentId, Guid commentId, long sequence);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Comment {CommentId} on document {DocumentId} changed")]
    private static partial void LogChanged(ILogger logger, Guid documentId, Guid commentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A comment of document {DocumentId} could not be published to its live stream")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, Guid documentId);
}
