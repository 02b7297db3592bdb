using NetworkHub.Contracts.Access;

namespace NetworkHub.Contracts.LiveSessions;

/// <summary>The sessions of one forum, for listing. Keyed by forum id; kept up to date by the session grains.</summary>
[Alias("NetworkHub.IForumSessionsGrain")]
public interface IForumSessionsGrain : IGrainWithGuidKey
{
    /// <summary>Sessions the caller may see (all of them, when the caller may see inside the forum); newest start first.</summary>
    [ReadOnly] Task<IReadOnlyList<LiveSessionSummary>> ListAsync(Caller caller);

    Task TrackAsync(LiveSessionSummary session);

    /// <summary>Every session of the forum, for a person's export and erasure (no access check: never exposed).</summary>
    [ReadOnly] Task<IReadOnlyList<Guid>> GetSessionIdsAsync();

    /// <summary>
    /// The forum's access rules changed: one person's role (<paramref name="personId"/>) or everyone's (null, e.g. the
    /// forum became narrower). Every session of the forum re-checks the people connected to it, and those who lost
    /// access stop receiving its events at once, on every node. Returns once every open session has recorded it.
    /// Interleaves, because the forum waits on it while a listing here may be waiting on the forum.
    /// </summary>
    [AlwaysInterleave]
    Task AccessChangedAsync(Guid? personId);
}
