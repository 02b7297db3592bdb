using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.Organisations;

[GenerateSerializer, Alias("NetworkHub.OrganisationState")]
public sealed class OrganisationState : SpaceState
{
    [Id(0)] public OrganisationKind Kind { get; set; }
    [Id(1)] public string Country { get; set; } = "";
    [Id(2)] public string? Region { get; set; }
    [Id(3)] public List<string> Topics { get; set; } = [];
    [Id(4)] public string? Description { get; set; }
    [Id(5)] public string? Website { get; set; }
    [Id(6)] public List<ApiKeyRecord> ApiKeys { get; set; } = [];
    [Id(7)] public List<OrganisationCoalition> Coalitions { get; set; } = [];

    /// <summary>Committees where the organisation is offered or holds a seat, kept current by the committees.</summary>
    [Id(8)] public List<Guid> Committees { get; set; } = [];
}

[GenerateSerializer, Alias("NetworkHub.ApiKeyRecord")]
public sealed class ApiKeyRecord
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public ApiKeyScope Scope { get; set; }
    [Id(3)] public string Prefix { get; set; } = "";
    [Id(4)] public string CredentialKey { get; set; } = "";
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }
    [Id(6)] public Guid CreatedBy { get; set; }
    [Id(7)] public DateTimeOffset? RevokedAt { get; set; }
}
