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
}

[GenerateSerializer, Alias("NetworkHub.CoalitionOrganisationRecord")]
public sealed class CoalitionOrganisationRecord
{
    [Id(0)] public Guid OrganisationId { get; set; }
    [Id(1)] public CoalitionOrganisationStatus Status { get; set; }
    [Id(2)] public DateTimeOffset Since { get; set; }
}
