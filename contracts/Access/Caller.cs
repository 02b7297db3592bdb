using NetworkHub.Contracts.Errors;

namespace NetworkHub.Contracts.Access;

/// <summary>How much an integrator's API key may do.</summary>
public enum ApiKeyScope
{
    Read = 0,
    ReadWrite = 1,
}

/// <summary>
/// Who is asking. Grains decide every permission from this, so the API cannot forget a check:
/// a signed-in person, an organisation's API key, or nobody. <see cref="SecondFactor"/> says whether the person's
/// sign-in for this credential used a second factor (from the credential's <see cref="SignInFacts"/>); it is always
/// false for API keys and nobody, whom a space's two-factor requirement does not concern.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.Caller")]
public sealed record Caller(
    [property: Id(0)] Guid? PersonId,
    [property: Id(1)] Guid? KeyOrganisationId,
    [property: Id(2)] ApiKeyScope KeyScope,
    [property: Id(3)] bool SecondFactor = false)
{
    public static readonly Caller Anonymous = new(null, null, ApiKeyScope.Read);

    public static Caller Person(Guid personId, bool secondFactor = false) => new(personId, null, ApiKeyScope.Read, secondFactor);

    public static Caller ApiKey(Guid organisationId, ApiKeyScope scope) => new(null, organisationId, scope);

    public bool IsAnonymous => PersonId is null && KeyOrganisationId is null;

    public bool IsApiKey => KeyOrganisationId is not null;

    /// <summary>The person's id, for things only a signed-in person may do: 401 for nobody, 403 for an API key.</summary>
    public Guid RequirePerson() => this switch
    {
        { PersonId: { } person } => person,
        { IsApiKey: true } => throw new ForbiddenException(ErrorCodes.PersonRequired, "Only a signed-in person can do this, not an API key."),
        _ => throw new UnauthenticatedException(ErrorCodes.SignInRequired, "Sign in to do this."),
    };
}
