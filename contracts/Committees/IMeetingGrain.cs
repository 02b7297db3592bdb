using NetworkHub.Contracts.Access;

namespace NetworkHub.Contracts.Committees;

/// <summary>
/// One meeting of a committee, or one written procedure: agenda, attendance by seat, motions with their amendments
/// and votes, and the minutes. Keyed by meeting id. Asks its committee who the caller is on every call.
/// </summary>
[Alias("NetworkHub.IMeetingGrain")]
public interface IMeetingGrain : IGrainWithGuidKey
{
    [ReadOnly] Task<MeetingSummary> GetSummaryAsync(Caller caller);
}
