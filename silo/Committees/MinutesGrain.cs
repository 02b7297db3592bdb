using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Silo.Committees;

[GenerateSerializer, Alias("NetworkHub.MinutesState")]
public sealed class MinutesState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public Guid CommitteeId { get; set; }
    [Id(2)] public MinutesStatus Status { get; set; }
    [Id(3)] public string Markdown { get; set; } = "";
    [Id(4)] public int Version { get; set; }
    [Id(5)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(6)] public List<MinutesComment> Comments { get; set; } = [];
    [Id(7)] public MinutesApproval? Approval { get; set; }
}

/// <summary>
/// One meeting's minutes, apart from the meeting so that editing a long text does not rewrite the meeting's record. The
/// text is bounded (<see cref="MinutesLimits"/>), and so are the comments of one circulation .
/// </summary>
public sealed class MinutesGrain(
    [PersistentState("minutes", StorageNames.Default)] IPersistentState<MinutesState> state,
    TimeProvider clock) : Grain, IMinutesGrain
{
    private const int MaxLength = MinutesLimits.TextMaxLength;
    private const int MaxComments = MinutesLimits.MaxComments;
    private const int CommentMaxLength = MinutesLimits.CommentMaxLength;

    private MinutesState State => state.State;

    private Guid MeetingId => this.GetPrimaryKey();

    public async Task<MinutesView> DraftAsync(Caller caller, string markdown, bool replace)
    {
        var committee = await CommitteeOfMeetingAsync(caller);
        await RequireRunnerAsync(committee, caller);
        RequireText(markdown);
        if (State.Exists && !replace)
        {
            throw new ConflictException(CommitteeErrors.MinutesExist, "These minutes have a draft already; replace it explicitly.");
        }

        RequireNotApproved();
        State.Exists = true;
        State.CommitteeId = committee;
        State.Status = MinutesStatus.Draft;
        State.Markdown = markdown;
        State.Comments.Clear();
        await WriteAsync();
        return View();
    }

    public async Task<MinutesView> GetAsync(Caller caller)
    {
        await RequireInsideAsync(await CommitteeOfMeetingAsync(caller), caller);
        RequireExists();
        return View();
    }

    public async Task<MinutesView> EditAsync(Caller caller, string markdown, int? expectedVersion)
    {
        await RequireRunnerAsync(await CommitteeOfMeetingAsync(caller), caller);
        RequireExists();
        RequireNotApproved();
        RequireText(markdown);
        if (expectedVersion is { } expected && expected != State.Version)
        {
            throw new PreconditionFailedException(ErrorCodes.VersionMismatch, $"The minutes are at version {State.Version}, not {expected}.");
        }

        State.Markdown = markdown;
        await WriteAsync();
        return View();
    }

    public async Task<MinutesView> CirculateAsync(Caller caller)
    {
        await RequireRunnerAsync(await CommitteeOfMeetingAsync(caller), caller);
        RequireExists();
        RequireNotApproved();
        if (State.Status != MinutesStatus.Circulated)
        {
            State.Status = MinutesStatus.Circulated;
            await WriteAsync();
        }

        return View();
    }

    public async Task<MinutesView> CommentAsync(Caller caller, Guid commentId, string text, string? quote)
    {
        await RequireInsideAsync(await CommitteeOfMeetingAsync(caller), caller);
        RequireExists();
        if (caller.PersonId is not { } person)
        {
            throw new ForbiddenException(ErrorCodes.PersonRequired, "Comments are made by people.");
        }

        if (State.Comments.Find(c => c.CommentId == commentId) is not null)
        {
            return View();
        }

        if (State.Status != MinutesStatus.Circulated)
        {
            throw new ConflictException(CommitteeErrors.MinutesNotCirculated, "Comments are taken while the minutes are circulated.");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > CommentMaxLength || quote?.Length > CommentMaxLength)
        {
            throw new RejectedException(CommitteeErrors.TextInvalid, $"A comment is 1 to {CommentMaxLength} characters, and so is its quote.");
        }

        if (State.Comments.Count >= MaxComments)
        {
            throw new ConflictException(CommitteeErrors.TooManyComments, $"Minutes take at most {MaxComments} comments.");
        }

        State.Comments.Add(new MinutesComment(commentId, person, text, quote, clock.GetUtcNow()));
        await state.WriteStateAsync();
        return View();
    }

    public async Task ApproveAsync(MinutesApproval approval)
    {
        if (!State.Exists || State.Approval is not null)
        {
            return;
        }

        State.Status = MinutesStatus.Approved;
        State.Approval = approval;
        await WriteAsync();
    }

    /// <summary>The committee the meeting belongs to; not-found (as for the meeting) when the caller may not see it.</summary>
    private async Task<Guid> CommitteeOfMeetingAsync(Caller caller) =>
        (await GrainFactory.GetGrain<IMeetingGrain>(MeetingId).GetSummaryAsync(caller)).CommitteeId;

    private async Task RequireInsideAsync(Guid committeeId, Caller caller)
    {
        var access = await GrainFactory.GetGrain<ICommitteeGrain>(committeeId).GetAccessAsync(caller);
        if (!access.CanSeeInside)
        {
            throw new ForbiddenException(ErrorCodes.ContentsHidden, "Only the committee's people see its minutes.");
        }
    }

    private async Task RequireRunnerAsync(Guid committeeId, Caller caller)
    {
        await RequireInsideAsync(committeeId, caller);
        if (!(await GrainFactory.GetGrain<ICommitteeGrain>(committeeId).GetStandingAsync(caller)).RunsMeetings)
        {
            throw new ForbiddenException(CommitteeErrors.NotSecretary, "Only the chair or the secretary keep the minutes.");
        }
    }

    private void RequireExists()
    {
        if (!State.Exists)
        {
            throw new NotFoundException(CommitteeErrors.MinutesNotFound, "This meeting has no minutes yet.");
        }
    }

    private void RequireNotApproved()
    {
        if (State.Status == MinutesStatus.Approved)
        {
            throw new ConflictException(CommitteeErrors.MinutesApproved, "Approved minutes cannot change.");
        }
    }

    private static void RequireText(string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown) || markdown.Length > MaxLength)
        {
            throw new RejectedException(CommitteeErrors.TextInvalid, $"Minutes are 1 to {MaxLength} characters.");
        }
    }

    private Task WriteAsync()
    {
        State.Version++;
        State.UpdatedAt = clock.GetUtcNow();
        return state.WriteStateAsync();
    }

    private MinutesView View() => new(MeetingId, State.CommitteeId, State.Status, State.Markdown, State.Version, State.UpdatedAt, State.Comments, State.Approval);

    public async Task ErasePersonAsync(Guid personId, Guid formerId)
    {
        if (!State.Comments.Exists(c => c.AuthorPersonId == personId))
        {
            return;
        }

        State.Comments = [.. State.Comments.Select(c => c.AuthorPersonId == personId ? c with { AuthorPersonId = formerId } : c)];
        await state.WriteStateAsync();
    }
}
