using NetworkHub.Contracts.Access;

namespace NetworkHub.Contracts.LiveSessions;

/// <summary>The sessions of one forum, for listing. Keyed by forum id; kept up to date by the session grains.</summary>
[Alias("NetworkHub.IForumSessionsGrain")]
public interface IForumSessionsGrain : IGrainWithGuidKey
{
    /// <summary>Sessions the caller may see (all of them, when the caller may see inside the forum); newest start first.</summary>
    [ReadOnly] Task<IReadOnlyList<LiveSessionSummary>> ListAsync(Caller caller);

    Task TrackAsync(LiveSessionSummary session);
}
