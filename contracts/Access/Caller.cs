namespace NetworkHub.Contracts.Access;

/// <summary>How much an integrator's API key may do.</summary>
public enum ApiKeyScope
{
    Read = 0,
    ReadWrite = 1,
}

/// <summary>
/// Who is asking. Grains decide every permission from this, so the API cannot forget a check:
/// a signed-in person, an organisation's API key, or nobody.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.Caller")]
public sealed record Caller(
    [property: Id(0)] Guid? PersonId,
    [property: Id(1)] Guid? KeyOrganisationId,
    [property: Id(2)] ApiKeyScope KeyScope)
{
    public static readonly Caller Anonymous = new(null, null, ApiKeyScope.Read);

    public static Caller Person(Guid personId) => new(personId, null, ApiKeyScope.Read);

    public static Caller ApiKey(Guid organisationId, ApiKeyScope scope) => new(null, organisationId, scope);

    public bool IsAnonymous => PersonId is null && KeyOrganisationId is null;

    public bool IsApiKey => KeyOrganisationId is not null;
}
