using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Documents;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.People;

/// <summary>The plan of one erasure: what is left to do. Deleted once every step is done.</summary>
[GenerateSerializer, Alias("NetworkHub.ErasureState")]
public sealed class ErasureState
{
    [Id(0)] public bool Planned { get; set; }
    [Id(1)] public string AccountKey { get; set; } = "";

    /// <summary>What the person's id becomes in what others keep: fresh for each erasure, and forgotten with this state.</summary>
    [Id(2)] public Guid FormerId { get; set; }

    [Id(3)] public bool AccountErased { get; set; }
    [Id(4)] public List<string> Credentials { get; set; } = [];

    /// <summary>Forums whose sessions are still to be listed (then moved to <see cref="Sessions"/>).</summary>
    [Id(5)] public List<Guid> Forums { get; set; } = [];
    [Id(6)] public List<SpaceRef> Spaces { get; set; } = [];
    [Id(7)] public List<Guid> Sessions { get; set; } = [];

    /// <summary>The audit lines older than the spaces' windows, in the archive table, name the former id instead.</summary>
    [Id(8)] public bool ArchiveDone { get; set; }

    /// <summary>Committees whose meetings are still to be listed (then moved to <see cref="Meetings"/>) and whose action items and proposals still name the person.</summary>
    [Id(9)] public List<Guid> Committees { get; set; } = [];

    /// <summary>Meetings whose record and minutes still name the person.</summary>
    [Id(10)] public List<Guid> Meetings { get; set; } = [];

    /// <summary>The person's comments on documents (and responses to comments) name the former id instead.</summary>
    [Id(11)] public bool CommentsDone { get; set; }

    public int StepsLeft => (AccountErased ? 0 : 1) + Credentials.Count + Forums.Count + Spaces.Count + Sessions.Count
        + Committees.Count + Meetings.Count + (ArchiveDone ? 0 : 1) + (CommentsDone ? 0 : 1) + 1;
}

/// <summary>
/// Erases one person (key: person id) in steps that each set their target to "holds nothing of this person", so a step
/// done twice is harmless. The plan is written before the first step; a reminder runs what failed again until nothing
/// is left; the person grain goes last, because the plan is made from it. Order: the account (no more sign-ins), the
/// credentials (no more requests), then spaces and sessions, then the person.
/// </summary>
internal sealed partial class ErasureGrain(
    [PersistentState("erasure", StorageNames.Default)] IPersistentState<ErasureState> state,
    StorageScrub scrub, AuditArchive archive, DocumentCommentTable comments, IDocumentIndex documents, ILogger<ErasureGrain> logger)
    : Grain, IErasureGrain, IRemindable
{
    private const string RetryReminder = "erasure";
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);

    private ErasureState State => state.State;

    private Guid PersonId => this.GetPrimaryKey();

    public async Task<ErasureProgress> EraseAsync(string accountKey)
    {
        if (!State.Planned)
        {
            await PlanAsync(accountKey);
        }

        return await RunAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == RetryReminder)
        {
            await RunAsync();
        }
    }

    private async Task PlanAsync(string accountKey)
    {
        var record = await GrainFactory.GetGrain<IPersonGrain>(PersonId).GetRecordAsync();
        State.AccountKey = accountKey;
        State.FormerId = Guid.NewGuid();
        State.Credentials = [.. record?.CredentialKeys ?? []];
        State.Spaces = [.. record?.AllSpaces ?? []];
        State.Forums = [.. State.Spaces.Where(s => s.Kind == SpaceKind.Forum).Select(s => s.Id)];
        State.Committees = [.. State.Spaces.Where(s => s.Kind == SpaceKind.Committee).Select(s => s.Id)];
        State.Planned = true;

        // Registered before the plan is stored: a crash right after the write still has the plan carried out.
        await this.RegisterOrUpdateReminder(RetryReminder, RetryPeriod, RetryPeriod);
        await state.WriteStateAsync();
        ErasureLog.Planned(logger, PersonId, State.Spaces.Count);
    }

    private async Task<ErasureProgress> RunAsync()
    {
        if (!State.Planned)
        {
            await ForgetAsync();
            return new ErasureProgress(true, 0);
        }

        if (!State.AccountErased && await StepAsync("account", () => GrainFactory.GetGrain<IAccountGrain>(State.AccountKey).EraseAsync(PersonId)))
        {
            State.AccountErased = true;
        }

        await EachAsync(State.Credentials, "credential", key => GrainFactory.GetGrain<ICredentialGrain>(key).EraseAsync());
        await EachAsync(State.Forums, "forum sessions", async forum =>
            State.Sessions.AddRange((await GrainFactory.GetGrain<IForumSessionsGrain>(forum).GetSessionIdsAsync()).Except(State.Sessions)));

        // Spaces before sessions: a forum's step drops the person's live connections, and the sessions' step then
        // clears the recent events, the one telling of that included.
        await EachAsync(State.Spaces, "space", space => Task.WhenAll(
            GrainFactory.GetSpace(space).ErasePersonAsync(PersonId, State.FormerId), EraseFromDocumentsAsync(space)));
        await EachAsync(State.Sessions, "session", session => GrainFactory.GetGrain<ILiveSessionGrain>(session).ErasePersonAsync(PersonId, State.FormerId));
        await EachAsync(State.Committees, "committee records", async committee =>
        {
            State.Meetings.AddRange((await GrainFactory.GetGrain<ICommitteeGrain>(committee).GetMeetingIdsAsync()).Except(State.Meetings));
            await GrainFactory.GetGrain<IActionItemsGrain>(committee).ErasePersonAsync(PersonId, State.FormerId);
            await GrainFactory.GetGrain<IProposalsGrain>(committee).ErasePersonAsync(PersonId, State.FormerId);
        });
        await EachAsync(State.Meetings, "meeting", meeting => Task.WhenAll(
            GrainFactory.GetGrain<IMeetingGrain>(meeting).ErasePersonAsync(PersonId, State.FormerId),
            GrainFactory.GetGrain<IMinutesGrain>(meeting).ErasePersonAsync(PersonId, State.FormerId)));

        if (!State.ArchiveDone && await StepAsync("audit archive", () => archive.ReplacePersonAsync(PersonId, State.FormerId)))
        {
            State.ArchiveDone = true;
        }

        if (!State.CommentsDone && await StepAsync("document comments", () => comments.ReplacePersonAsync(PersonId, State.FormerId)))
        {
            State.CommentsDone = true;
        }

        var othersDone = State.StepsLeft == 1;
        if (othersDone && await StepAsync("person", () => GrainFactory.GetGrain<IPersonGrain>(PersonId).EraseAsync()))
        {
            await ForgetAsync();
            return new ErasureProgress(true, 0);
        }

        await state.WriteStateAsync();
        return new ErasureProgress(State.AccountErased, State.StepsLeft);
    }

    /// <summary>
    /// Every document of the space, as the documents index lists them, names the former id where it named the person (as
    /// creator, as a version's author). Only members create documents and add versions, and the plan holds every space the
    /// person was a member of (the former ones too), so these are all the documents they wrote; the person keeps no list.
    /// </summary>
    private async Task EraseFromDocumentsAsync(SpaceRef space)
    {
        string? after = null;
        do
        {
            var page = await documents.ListAsync(space, null, null, after, Limits.PageSizeMax, CancellationToken.None);
            await Task.WhenAll(page.Documents.Select(d => GrainFactory.GetGrain<IDocumentGrain>(d.DocumentId).ErasePersonAsync(PersonId, State.FormerId)));
            after = page.NextAfter;
        }
        while (after is not null);
    }

    /// <summary>Runs the step for each target; those that succeeded leave the list.</summary>
    private async Task EachAsync<T>(List<T> targets, string what, Func<T, Task> step)
    {
        var pending = targets.ToList();
        var done = await Task.WhenAll(pending.Select(t => StepAsync(what, () => step(t))));
        for (var i = 0; i < pending.Count; i++)
        {
            if (done[i])
            {
                targets.Remove(pending[i]);
            }
        }
    }

    private async Task<bool> StepAsync(string what, Func<Task> step)
    {
        try
        {
            await step();
            return true;
        }
        catch (Exception e)
        {
            ErasureLog.StepFailed(logger, e, PersonId, what);
            return false;
        }
    }

    /// <summary>The plan goes too (it names the spaces and the former id), then SQLite's log is checkpointed.</summary>
    private async Task ForgetAsync()
    {
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        if (await this.GetReminder(RetryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        if (!await scrub.ForgetReplacedContentAsync())
        {
            ErasureLog.CheckpointBusy(logger, PersonId);
        }

        ErasureLog.Done(logger, PersonId);
        DeactivateOnIdle();
    }
}

/// <summary>Ids only, and only the erased person's: what an operator needs to see an erasure through.</summary>
internal static partial class ErasureLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure of person {PersonId} planned: {Spaces} spaces")]
    public static partial void Planned(ILogger logger, Guid personId, int spaces);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasure of person {PersonId}: a {Step} step failed; it will be retried")]
    public static partial void StepFailed(ILogger logger, Exception exception, Guid personId, string step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasure of person {PersonId}: the SQLite checkpoint could not finish; the next one will")]
    public static partial void CheckpointBusy(ILogger logger, Guid personId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure of person {PersonId} done")]
    public static partial void Done(ILogger logger, Guid personId);
}
