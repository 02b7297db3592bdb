using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Storage;

namespace NetworkHub.Silo.Documents;

[GenerateSerializer, Alias("NetworkHub.FeedbackRoundState")]
public sealed class FeedbackRoundState
{
    [Id(0)] public bool Opened { get; set; }
    [Id(1)] public Guid DocumentId { get; set; }
    [Id(2)] public int Version { get; set; }
    [Id(3)] public string Title { get; set; } = "";
    [Id(4)] public string? Instructions { get; set; }
    [Id(5)] public DateTimeOffset Deadline { get; set; }
    [Id(6)] public DateTimeOffset OpenedAt { get; set; }
    [Id(7)] public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>At most <see cref="FeedbackRoundLimits.MaxGroups"/>, fixed when the round opens.</summary>
    [Id(8)] public List<RoundGroup> Groups { get; set; } = [];
}

/// <summary>
/// One feedback round. The state holds what the round decides on (version, deadline, the groups and their sections),
/// bounded and fixed at opening; the table's rows (one per group) mirror it for the lists, and are written after the
/// state, again by every close and deadline tick, so a failed row write heals with the next. The deadline reminder
/// stays registered until the closed rows are written. Who is in a group is asked of the space on every call (the
/// person's own list of spaces gives the candidates), so someone who left a group is no longer asked from then on.
/// </summary>
public sealed partial class FeedbackRoundGrain(
    [PersistentState("feedback-round", StorageNames.Default)] IPersistentState<FeedbackRoundState> state,
    FeedbackRoundTable table, TimeProvider clock, ILogger<FeedbackRoundGrain> logger) : Grain, IFeedbackRoundGrain, IRemindable
{
    public const string DeadlineReminder = "feedback-round-deadline";

    /// <summary>Reminders fire at most this far ahead; a tick before the deadline sets the next one.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(7);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(5);

    private FeedbackRoundState State => state.State;

    private Guid RoundId => this.GetPrimaryKey();

    private IDocumentGrain Document => GrainFactory.GetGrain<IDocumentGrain>(State.DocumentId);

    private RoundStatus Status => State.ClosedAt is not null || clock.GetUtcNow() >= State.Deadline ? RoundStatus.Closed : RoundStatus.Open;

    public async Task<FeedbackRoundDetails> OpenAsync(Caller caller, Guid documentId, OpenRoundCommand command)
    {
        var document = GrainFactory.GetGrain<IDocumentGrain>(documentId);
        var access = await document.GetAccessAsync(caller);
        caller.RequirePerson();
        RequireManage(access);
        if (State.Opened)
        {
            if (State.DocumentId != documentId)
            {
                throw new NotFoundException(DocumentErrors.RoundNotFound, "No such feedback round.");
            }

            await WriteRowsAsync();
            return await DetailsAsync(caller, access);
        }

        var now = DocumentCommentTable.Cut(clock.GetUtcNow());
        var deadline = DocumentCommentTable.Cut(command.Deadline);
        if (deadline <= now || deadline > now.AddDays(FeedbackRoundLimits.MaxDeadlineDays))
        {
            throw new RejectedException(CommentErrors.DeadlineInvalid, $"The deadline must be in the future and at most {FeedbackRoundLimits.MaxDeadlineDays} days ahead.");
        }

        if (string.IsNullOrWhiteSpace(command.Title) || command.Title.Length > FeedbackRoundLimits.TitleMaxLength
            || command.Instructions?.Length > FeedbackRoundLimits.InstructionsMaxLength)
        {
            throw new RejectedException(CommentErrors.TextInvalid, "The title is empty or the title or instructions too long.");
        }

        var text = await document.GetVersionTextAsync(command.Version);
        await RequireGroupsAsync(caller, command.Groups, text.Sections.Select(s => s.SectionId).ToHashSet(StringComparer.Ordinal));

        State.Opened = true;
        State.DocumentId = documentId;
        State.Version = command.Version;
        State.Title = command.Title.Trim();
        State.Instructions = string.IsNullOrWhiteSpace(command.Instructions) ? null : command.Instructions;
        State.Deadline = deadline;
        State.OpenedAt = now;
        State.Groups = [.. command.Groups.Select(g => new RoundGroup(g.Space, [.. g.SectionIds.Distinct(StringComparer.Ordinal)]))];

        // Registered before the state is written: a round stored without its reminder would never close by itself.
        await ScheduleAsync();
        await state.WriteStateAsync();
        LogOpened(logger, RoundId, documentId, State.Groups.Count);
        await WriteRowsAsync();
        return await DetailsAsync(caller, access);
    }

    public async Task<FeedbackRoundDetails> GetAsync(Caller caller)
    {
        var (access, _) = await RequireVisibleAsync(caller);
        return await DetailsAsync(caller, access);
    }

    public async Task<FeedbackRoundDetails> CloseAsync(Caller caller)
    {
        var (access, _) = await RequireVisibleAsync(caller);
        caller.RequirePerson();
        RequireManage(access);
        if (State.ClosedAt is null)
        {
            await CloseNowAsync();
        }

        return await DetailsAsync(caller, access);
    }

    public async Task<RoundReport> GetReportAsync(Caller caller)
    {
        var (access, mine) = await RequireVisibleAsync(caller);
        var manages = access?.CanManage == true;
        var text = await Document.GetVersionTextAsync(State.Version);
        var threads = await GrainFactory.GetGrain<IDocumentCommentsGrain>(State.DocumentId).GetRoundThreadsAsync(RoundId, caller);
        if (!manages)
        {
            // A commenter sees their own comments and what the drafting team answered to them.
            threads = [.. threads.Where(t => t.Comment.Comment.AuthorPersonId == caller.PersonId)];
        }

        var sections = text.Sections
            .Select(s => new ReportSection(s.SectionId, s.Level, s.Heading, [.. threads.Where(t => t.Comment.Comment.SectionId == s.SectionId)]))
            .Where(s => manages || s.Threads.Count > 0)
            .ToList();
        return new RoundReport(
            RoundId, State.DocumentId, text.Title, State.Version, State.Title, Status, State.Deadline,
            await GroupsAsync(caller, access is not null ? State.Groups : mine), sections);
    }

    public async Task<RoundParticipation> GetParticipationAsync(Caller caller) =>
        State.Opened
            ? new RoundParticipation(State.DocumentId, State.Version, Status, await GroupsOfAsync(caller))
            : new RoundParticipation(Guid.Empty, 0, RoundStatus.Closed, []);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DeadlineReminder)
        {
            return;
        }

        if (!State.Opened)
        {
            await UnregisterAsync();
        }
        else if (State.ClosedAt is null && clock.GetUtcNow() >= State.Deadline)
        {
            await CloseNowAsync();
        }
        else if (State.ClosedAt is not null)
        {
            await WriteRowsAsync();
            await UnregisterAsync();
        }
        else
        {
            await ScheduleAsync();
        }
    }

    private async Task CloseNowAsync()
    {
        State.ClosedAt = DocumentCommentTable.Cut(clock.GetUtcNow());
        await state.WriteStateAsync();
        LogClosed(logger, RoundId);
        await WriteRowsAsync();
        await UnregisterAsync();
    }

    private Task WriteRowsAsync() => table.UpsertAsync([.. State.Groups.Select(g => new RoundGroupRow(
        RoundId, g.Space, State.DocumentId, State.Version, State.Title, State.Deadline, g.SectionIds, State.ClosedAt is not null))]);

    private async Task ScheduleAsync()
    {
        var wait = State.Deadline - clock.GetUtcNow();
        var due = wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > LongestWait ? LongestWait : wait;
        await this.RegisterOrUpdateReminder(DeadlineReminder, due, RetryPeriod);
    }

    private async Task UnregisterAsync()
    {
        if (await this.GetReminder(DeadlineReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>
    /// The caller's access to the document (null when they may not read it) and the round's groups that count them as
    /// members; not-found, as for an unknown id, when neither lets them in.
    /// </summary>
    private async Task<(DocumentAccess? Access, IReadOnlyList<RoundGroup> Mine)> RequireVisibleAsync(Caller caller)
    {
        if (!State.Opened)
        {
            throw new NotFoundException(DocumentErrors.RoundNotFound, "No such feedback round.");
        }

        DocumentAccess? access = null;
        try
        {
            access = await Document.GetAccessAsync(caller);
        }
        catch (NotFoundException)
        {
        }

        var mine = await GroupsOfAsync(caller);
        return access is null && mine.Count == 0
            ? throw new NotFoundException(DocumentErrors.RoundNotFound, "No such feedback round.")
            : (access, mine);
    }

    /// <summary>The invited groups where the caller holds a member role or more: candidates from their list of spaces, each confirmed by the space.</summary>
    private async Task<IReadOnlyList<RoundGroup>> GroupsOfAsync(Caller caller)
    {
        if (caller.PersonId is not { } person)
        {
            return [];
        }

        var spaces = (await GrainFactory.GetGrain<IPersonGrain>(person).GetSpacesAsync()).Select(s => s.Space).ToHashSet();
        var candidates = State.Groups.Where(g => spaces.Contains(g.Space)).ToList();
        var confirmed = await Task.WhenAll(candidates.Select(g => MemberOfAsync(caller, g.Space)));
        return [.. candidates.Where((_, i) => confirmed[i])];
    }

    private async Task<bool> MemberOfAsync(Caller caller, SpaceRef space)
    {
        try
        {
            return (await GrainFactory.GetSpace(space).GetAccessAsync(caller)).Role >= SpaceRole.Member;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private async Task RequireGroupsAsync(Caller caller, IReadOnlyList<RoundGroup> groups, HashSet<string> sections)
    {
        if (groups.Count is 0 or > FeedbackRoundLimits.MaxGroups || groups.Select(g => g.Space).Distinct().Count() != groups.Count
            || groups.Sum(g => g.SectionIds.Count) > FeedbackRoundLimits.MaxAssignedSections
            || groups.Any(g => g.SectionIds.Any(s => !sections.Contains(s))))
        {
            throw new RejectedException(CommentErrors.GroupInvalid,
                $"Invite 1 to {FeedbackRoundLimits.MaxGroups} different groups, each with sections of this version (none for all).");
        }

        var visible = await Task.WhenAll(groups.Select(async g =>
        {
            try
            {
                await GrainFactory.GetSpace(g.Space).GetSummaryAsync(caller);
                return true;
            }
            catch (NotFoundException)
            {
                return false;
            }
        }));
        if (visible.Contains(false))
        {
            throw new RejectedException(CommentErrors.GroupInvalid, "Each group invited must be a space you can see.");
        }
    }

    private async Task<FeedbackRoundDetails> DetailsAsync(Caller caller, DocumentAccess? access)
    {
        var mine = await GroupsOfAsync(caller);
        var text = await Document.GetVersionTextAsync(State.Version);
        var asked = access is not null || mine.Any(g => g.SectionIds.Count == 0)
            ? text.Sections
            : [.. text.Sections.Where(s => mine.Any(g => g.Covers(s.SectionId)))];
        return new FeedbackRoundDetails(
            RoundId, State.DocumentId, text.Title, State.Version, State.Title, State.Instructions, State.Deadline, Status, State.OpenedAt,
            State.ClosedAt, await GroupsAsync(caller, access is not null ? State.Groups : mine), [.. mine.Select(g => g.Space)], asked,
            access?.CanManage == true);
    }

    /// <summary>Groups named as the caller may see each space (unnamed when they may not).</summary>
    private async Task<IReadOnlyList<InvitedGroup>> GroupsAsync(Caller caller, IReadOnlyList<RoundGroup> groups) =>
        await Task.WhenAll(groups.Select(async g =>
        {
            try
            {
                return new InvitedGroup(g.Space, (await GrainFactory.GetSpace(g.Space).GetSummaryAsync(caller)).Name, g.SectionIds);
            }
            catch (NotFoundException)
            {
                return new InvitedGroup(g.Space, null, g.SectionIds);
            }
        }));

    private static void RequireManage(DocumentAccess? access)
    {
        if (access?.CanManage != true)
        {
            throw access is null
                ? new NotFoundException(DocumentErrors.RoundNotFound, "No such feedback round.")
                : new ForbiddenException(DocumentErrors.NotDraftingTeam, "Only the drafting team runs feedback rounds.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback round {RoundId} opened on document {DocumentId} with {Groups} groups")]
    private static partial void LogOpened(ILogger logger, Guid roundId, Guid documentId, int groups);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback round {RoundId} closed")]
    private static partial void LogClosed(ILogger logger, Guid roundId);
}
