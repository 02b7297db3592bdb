using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.People;

/// <summary>A person's profile and the spaces they belong to. Keyed by person id.</summary>
[Alias("NetworkHub.IPersonGrain")]
public interface IPersonGrain : IGrainWithGuidKey
{
    /// <summary>Called once by the account grain at registration; repeating it changes nothing.</summary>
    Task CreateAsync(string email, PersonProfile profile);

    [ReadOnly] Task<PersonDetails> GetAsync(Caller caller);

    /// <summary>Only the person themself.</summary>
    Task<PersonDetails> UpdateAsync(Caller caller, PersonProfile profile, int? expectedVersion);

    /// <summary>The name to show: the real one to fellow members of a shared space, else the pseudonym if set.</summary>
    [ReadOnly] Task<string> GetNameAsync(bool toFellowMember);

    [ReadOnly] Task<IReadOnlyList<PersonSpace>> GetSpacesAsync();

    /// <summary>Kept up to date by the spaces; a null role means the person no longer belongs.</summary>
    Task TrackSpaceAsync(SpaceRef space, SpaceRole? role);

    /// <summary>A space that holds the person's id without a role (a request to join), so export and erasure find it.</summary>
    Task NoteSpaceAsync(SpaceRef space);

    /// <summary>A bearer token issued to the person (by the key of its credential grain), so erasure can revoke it.</summary>
    Task TrackCredentialAsync(string credentialKey, DateTimeOffset expiresAt);

    /// <summary>Everything stored about the person, or null when there is no such person. For their export and erasure only.</summary>
    [ReadOnly] Task<PersonRecord?> GetRecordAsync();

    /// <summary>Deletes the person's stored state; from then on the id answers not-found.</summary>
    Task EraseAsync();
}
