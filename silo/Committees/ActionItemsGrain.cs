using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.Committees;

[GenerateSerializer, Alias("NetworkHub.ActionItemsState")]
public sealed class ActionItemsState
{
    /// <summary>Open and in-progress items, and the most recently closed ones (see <see cref="ActionItemsGrain.ClosedKept"/>).</summary>
    [Id(0)] public List<ActionItemRecord> Items { get; set; } = [];
}

[GenerateSerializer, Alias("NetworkHub.ActionItemRecord")]
public sealed class ActionItemRecord
{
    [Id(0)] public Guid ItemId { get; set; }
    [Id(1)] public string Title { get; set; } = "";
    [Id(2)] public string? Notes { get; set; }
    [Id(3)] public ActionItemAssignee Assignee { get; set; } = new(null, null);
    [Id(4)] public DateTimeOffset? DueAt { get; set; }
    [Id(5)] public ActionItemStatus Status { get; set; }
    [Id(6)] public Guid? MeetingId { get; set; }
    [Id(7)] public string? DecisionNumber { get; set; }
    [Id(8)] public Guid CreatedBy { get; set; }
    [Id(9)] public DateTimeOffset CreatedAt { get; set; }
    [Id(10)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(11)] public DateTimeOffset? OverdueNoticedAt { get; set; }
    [Id(12)] public int Version { get; set; }
    [Id(13)] public ProposalOrigin? Origin { get; set; }

    public bool Pending => Status is ActionItemStatus.Open or ActionItemStatus.InProgress;
}

/// <summary>
/// A committee's action items, apart from the committee's own state so that a busy list does not rewrite seats and
/// roster on every change. Open items are bounded (<see cref="MaxPending"/>), closed ones pruned to the most recent;
/// a reminder due at the earliest pending due time records when each item became overdue.
/// </summary>
public sealed class ActionItemsGrain(
    [PersistentState("action-items", StorageNames.Default)] IPersistentState<ActionItemsState> state,
    TimeProvider clock) : Grain, IActionItemsGrain, IRemindable
{
    public const string DueReminder = "action-items-due";
    public const int MaxPending = 1_000;
    public const int ClosedKept = 200;
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromHours(1);

    private Guid CommitteeId => this.GetPrimaryKey();

    private ICommitteeGrain Committee => GrainFactory.GetGrain<ICommitteeGrain>(CommitteeId);

    private List<ActionItemRecord> Items => state.State.Items;

    public async Task<ActionItem> AddAsync(Caller caller, Guid itemId, ActionItemCommand command)
    {
        var person = await RequireRunnerAsync(caller);
        if (Items.Find(i => i.ItemId == itemId) is { } existing)
        {
            return existing.CreatedBy == person
                ? View(existing)
                : throw new ConflictException(CommitteeErrors.ActionItemExists, "This action item id is taken.");
        }

        Validate(command);
        await RequireAssigneeAsync(command.Assignee);
        if (Items.Count(i => i.Pending) >= MaxPending)
        {
            throw new ConflictException(CommitteeErrors.TooManyActionItems, $"A committee holds at most {MaxPending} open action items; close some first.");
        }

        var now = clock.GetUtcNow();
        var item = new ActionItemRecord { ItemId = itemId, CreatedBy = person, CreatedAt = now, Version = 1, Origin = command.Origin };
        Apply(item, command, now);
        Items.Add(item);
        await WriteAsync();
        return View(item);
    }

    public async Task<ActionItem> UpdateAsync(Caller caller, Guid itemId, ActionItemCommand command, int? expectedVersion)
    {
        await RequireRunnerAsync(caller);
        var item = Find(itemId);
        if (expectedVersion is { } expected && expected != item.Version)
        {
            throw new PreconditionFailedException(ErrorCodes.VersionMismatch, $"The action item is at version {item.Version}, not {expected}.");
        }

        Validate(command);
        if (command.Assignee != item.Assignee)
        {
            await RequireAssigneeAsync(command.Assignee);
        }

        var now = clock.GetUtcNow();
        if (command.DueAt != item.DueAt)
        {
            item.OverdueNoticedAt = null;
        }

        Apply(item, command, now);
        item.Version++;
        await WriteAsync();
        return View(item);
    }

    public async Task<ActionItem> SetStatusAsync(Caller caller, Guid itemId, ActionItemStatus status)
    {
        var standing = await RequireInsideAsync(caller);
        RequireSignedIn(caller);
        var item = Find(itemId);
        if (!Runs(standing) && !Owes(standing, caller, item))
        {
            throw new ForbiddenException(CommitteeErrors.NotRunningMeetings, "Only the assignee, the chair, the secretary or a coordinator may change this action item.");
        }

        if (item.Status != status)
        {
            if (!item.Pending && status is ActionItemStatus.Open or ActionItemStatus.InProgress && Items.Count(i => i.Pending) >= MaxPending)
            {
                throw new ConflictException(CommitteeErrors.TooManyActionItems, $"A committee holds at most {MaxPending} open action items; close some first.");
            }

            item.Status = status;
            item.UpdatedAt = clock.GetUtcNow();
            item.Version++;
            await WriteAsync();
        }

        return View(item);
    }

    public async Task<IReadOnlyList<ActionItem>> ListAsync(Caller caller, ActionItemFilter filter)
    {
        await RequireInsideAsync(caller);
        var now = clock.GetUtcNow();
        return [.. Ordered(Items.Where(i => (filter.Status is not { } status || i.Status == status) && (!filter.OverdueOnly || IsOverdue(i, now))))];
    }

    public async Task<IReadOnlyList<ActionItem>> MineAsync(Caller caller)
    {
        if (caller.PersonId is null || Items.Count == 0)
        {
            return [];
        }

        CommitteeStanding standing;
        try
        {
            standing = await RequireInsideAsync(caller);
        }
        catch (DomainException)
        {
            // "My action items" asks every committee the person was listed in; one they can no longer see has none for them.
            return [];
        }

        return [.. Ordered(Items.Where(i => i.Pending && Owes(standing, caller, i)))];
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DueReminder)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var noticed = false;
        foreach (var item in Items.Where(i => IsOverdue(i, now) && i.OverdueNoticedAt is null))
        {
            item.OverdueNoticedAt = now;
            noticed = true;
        }

        if (noticed)
        {
            await state.WriteStateAsync();
        }

        await ScheduleAsync();
    }

    private IEnumerable<ActionItem> Ordered(IEnumerable<ActionItemRecord> items) =>
        items.OrderBy(i => i.DueAt is null).ThenBy(i => i.DueAt).ThenBy(i => i.CreatedAt).Select(View);

    private static bool IsOverdue(ActionItemRecord item, DateTimeOffset now) => item.Pending && item.DueAt is { } due && due <= now;

    private ActionItemRecord Find(Guid itemId) =>
        Items.Find(i => i.ItemId == itemId) ?? throw new NotFoundException(CommitteeErrors.ActionItemNotFound, $"No action item with id {itemId}.");

    private static bool Runs(CommitteeStanding standing) => standing.RunsMeetings || standing.Role == SpaceRole.Coordinator;

    private static bool Owes(CommitteeStanding standing, Caller caller, ActionItemRecord item) =>
        (item.Assignee.PersonId is { } person && person == caller.PersonId)
        || (item.Assignee.SeatId is { } seat && standing.Seats.Any(s => s.SeatId == seat));

    /// <summary>The caller's standing, once they may see inside the committee (not-found when they may not see it at all).</summary>
    private async Task<CommitteeStanding> RequireInsideAsync(Caller caller)
    {
        var access = await Committee.GetAccessAsync(caller);
        if (!access.CanSeeInside)
        {
            throw new ForbiddenException(ErrorCodes.ContentsHidden, "Only the committee's people see its action items.");
        }

        return await Committee.GetStandingAsync(caller);
    }

    private async Task<Guid> RequireRunnerAsync(Caller caller)
    {
        var standing = await RequireInsideAsync(caller);
        RequireSignedIn(caller);
        if (caller.PersonId is not { } person)
        {
            throw new ForbiddenException(ErrorCodes.PersonRequired, "Action items are added by people, not API keys.");
        }

        if (!Runs(standing))
        {
            throw new ForbiddenException(CommitteeErrors.NotRunningMeetings, "Only the chair, the secretary or a coordinator manage action items.");
        }

        return person;
    }

    private static void RequireSignedIn(Caller caller)
    {
        if (caller.IsAnonymous)
        {
            throw new UnauthenticatedException(ErrorCodes.SignInRequired, "Sign in to change action items.");
        }
    }

    /// <summary>A seat must be one of the committee's held seats; a person must be someone the committee counts (a role there).</summary>
    private async Task RequireAssigneeAsync(ActionItemAssignee assignee)
    {
        if (assignee is { SeatId: { } seat, PersonId: null })
        {
            var roll = await Committee.GetRollAsync();
            if (!roll.Seats.Any(s => s.SeatId == seat && s.Status == SeatStatus.Active))
            {
                throw new RejectedException(CommitteeErrors.AssigneeInvalid, "The assignee seat is not a held seat of this committee.");
            }
        }
        else if (assignee is { PersonId: { } person, SeatId: null })
        {
            CommitteeStanding? standing = null;
            try
            {
                standing = await Committee.GetStandingAsync(Caller.Person(person, secondFactor: true));
            }
            catch (NotFoundException)
            {
                // A private committee does not exist for someone without a role there: not an assignee either.
            }

            if (standing?.Role is null)
            {
                throw new RejectedException(CommitteeErrors.AssigneeInvalid, "The assignee is not one of the committee's people.");
            }
        }
        else
        {
            throw new RejectedException(CommitteeErrors.AssigneeInvalid, "An action item is assigned to one person or one seat.");
        }
    }

    private static void Validate(ActionItemCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.Title) || command.Title.Length > Limits.NameMaxLength
            || command.Notes?.Length > Limits.DescriptionMaxLength || command.DecisionNumber?.Length > Limits.ShortTextMaxLength)
        {
            throw new RejectedException(CommitteeErrors.TextInvalid, "The title, notes or decision number is empty or too long.");
        }
    }

    private static void Apply(ActionItemRecord item, ActionItemCommand command, DateTimeOffset now)
    {
        item.Title = command.Title.Trim();
        item.Notes = command.Notes;
        item.Assignee = command.Assignee;
        item.DueAt = command.DueAt;
        item.MeetingId = command.MeetingId;
        item.DecisionNumber = command.DecisionNumber;
        item.UpdatedAt = now;
    }

    /// <summary>Prunes closed items beyond the most recent, writes, and moves the due reminder to the earliest pending due time.</summary>
    private async Task WriteAsync()
    {
        var closed = Items.Where(i => !i.Pending).OrderByDescending(i => i.UpdatedAt).Skip(ClosedKept).ToHashSet();
        if (closed.Count > 0)
        {
            Items.RemoveAll(closed.Contains);
        }

        await state.WriteStateAsync();
        await ScheduleAsync();
    }

    private async Task ScheduleAsync()
    {
        var now = clock.GetUtcNow();
        var next = Items.Where(i => i.Pending && i.OverdueNoticedAt is null && i.DueAt is not null).Min(i => i.DueAt);
        var reminder = await this.GetReminder(DueReminder);
        if (next is { } due)
        {
            var wait = due - now;
            await this.RegisterOrUpdateReminder(DueReminder, wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1), ReminderPeriod);
        }
        else if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private ActionItem View(ActionItemRecord i) => new(
        i.ItemId, CommitteeId, i.Title, i.Notes, i.Assignee, i.DueAt, i.Status, i.MeetingId, i.DecisionNumber, i.CreatedBy,
        i.CreatedAt, i.UpdatedAt, IsOverdue(i, clock.GetUtcNow()), i.OverdueNoticedAt, i.Version, i.Origin);

    public async Task ErasePersonAsync(Guid personId, Guid formerId)
    {
        var changed = false;
        foreach (var item in Items)
        {
            changed |= PersonData.Replace(item.CreatedBy, personId, formerId, v => item.CreatedBy = v);
            if (item.Assignee.PersonId == personId)
            {
                item.Assignee = item.Assignee with { PersonId = formerId };
                changed = true;
            }
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }
    }
}
