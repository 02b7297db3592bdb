using System.ComponentModel.DataAnnotations;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Accounts;

/// <summary>A new account. <c>Invitation</c> is the token of an invitation link, required when registration
/// is by invitation only; the new person then joins that space.</summary>
public sealed record RegisterRequest(
    [property: Required, EmailAddress, StringLength(Limits.EmailMaxLength)] string Email,
    [property: Required, StringLength(Limits.PasswordMaxLength, MinimumLength = Limits.PasswordMinLength)] string Password,
    [property: Required, StringLength(Limits.NameMaxLength), PlainText] string DisplayName,
    [property: StringLength(Limits.NameMaxLength), PlainText] string? Pseudonym,
    [property: CountryCode] string? Country,
    [property: MaxLength(Limits.MaxLanguages), EachLength(35), PlainText] IReadOnlyList<string>? Languages,
    [property: StringLength(300)] string? Invitation);

public sealed record SignInRequest(
    [property: Required, StringLength(Limits.EmailMaxLength)] string Email,
    [property: Required, StringLength(Limits.PasswordMaxLength)] string Password);

public sealed record ProfileRequest(
    [property: Required, StringLength(Limits.NameMaxLength), PlainText] string DisplayName,
    [property: StringLength(Limits.NameMaxLength), PlainText] string? Pseudonym,
    [property: CountryCode] string? Country,
    [property: MaxLength(Limits.MaxLanguages), EachLength(35), PlainText] IReadOnlyList<string>? Languages)
{
    public PersonProfile ToProfile() => new(DisplayName, Pseudonym, Country, Languages ?? []);
}

public sealed record Registered(Guid PersonId);

/// <summary>A bearer token for the Authorization header.</summary>
public sealed record AccessToken(string Token, string TokenType, DateTimeOffset ExpiresAt, Guid PersonId);
