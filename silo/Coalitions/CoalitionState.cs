using NetworkHub.Contracts.Coalitions;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.Coalitions;

[GenerateSerializer, Alias("NetworkHub.CoalitionState")]
public sealed class CoalitionState : SpaceState
{
    [Id(0)] public string? Description { get; set; }
    [Id(1)] public string? Country { get; set; }
    [Id(2)] public string? Region { get; set; }
    [Id(3)] public List<string> Topics { get; set; } = [];
    [Id(4)] public List<CoalitionOrganisationRecord> Organisations { get; set; } = [];
    [Id(5)] public CoalitionKind Kind { get; set; }

    /// <summary>False for coalitions stored before it was kept, so none gains an observer it did not choose.</summary>
    [Id(6)] public bool CoordinatorsSeeChildSpaces { get; set; }
}

[GenerateSerializer, Alias("NetworkHub.CoalitionOrganisationRecord")]
public sealed class CoalitionOrganisationRecord
{
    [Id(0)] public Guid OrganisationId { get; set; }
    [Id(1)] public CoalitionOrganisationStatus Status { get; set; }
    [Id(2)] public DateTimeOffset Since { get; set; }

    /// <summary>None for records stored before it was kept: nobody gains access they were not given.</summary>
    [Id(3)] public MemberOrganisationRole PeopleRole { get; set; }

    /// <summary>For listing and filtering; null until the organisation has told it (records stored before it was kept).</summary>
    [Id(4)] public MemberOrganisationListing? Listing { get; set; }
}
