using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Forums;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Silo.LiveSessions;

[GenerateSerializer, Alias("NetworkHub.ForumSessionsState")]
public sealed class ForumSessionsState
{
    [Id(0)] public List<LiveSessionSummary> Sessions { get; set; } = [];
}

/// <summary>The list of a forum's sessions, apart from the forum so the forum's state does not grow with every session.</summary>
internal sealed class ForumSessionsGrain(
    [PersistentState("forum-sessions", StorageNames.Default)] IPersistentState<ForumSessionsState> state) : Grain, IForumSessionsGrain
{
    public async Task<IReadOnlyList<LiveSessionSummary>> ListAsync(Caller caller)
    {
        // Throws not-found for a forum the caller may not see; sessions are inside the forum.
        var access = await GrainFactory.GetGrain<IForumGrain>(this.GetPrimaryKey()).GetAccessAsync(caller);
        if (!access.CanSeeInside)
        {
            // Said plainly rather than with an empty list, which would read as "no meetings".
            throw new ForbiddenException(ErrorCodes.ContentsHidden, "Only the forum's participants see its sessions.");
        }

        return [.. state.State.Sessions.OrderByDescending(s => s.StartsAt)];
    }

    public Task<IReadOnlyList<Guid>> GetSessionIdsAsync() =>
        Task.FromResult<IReadOnlyList<Guid>>([.. state.State.Sessions.Select(s => s.Id)]);

    public async Task TrackAsync(LiveSessionSummary session)
    {
        var index = state.State.Sessions.FindIndex(s => s.Id == session.Id);
        if (index >= 0 && state.State.Sessions[index] == session)
        {
            return;
        }

        if (index >= 0)
        {
            state.State.Sessions[index] = session;
        }
        else
        {
            state.State.Sessions.Add(session);
        }

        await state.WriteStateAsync();
    }

    public async Task AccessChangedAsync(Guid? personId)
    {
        // Taken before the first await; a session scheduled meanwhile asks the forum itself. A closed session sends
        // nothing more, so only the others need to check.
        var open = state.State.Sessions.Where(s => s.Status != LiveSessionStatus.Closed).Select(s => s.Id).ToList();
        await Task.WhenAll(open.Select(id => GrainFactory.GetGrain<ILiveSessionGrain>(id).AccessChangedAsync(personId)));
    }
}
