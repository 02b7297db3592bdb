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

public sealed record SecondFactorRequest(
    [property: Required, StringLength(Limits.EmailMaxLength)] string Email,
    [property: Required, StringLength(100)] string Challenge,
    [property: Required, StringLength(Limits.SecondFactorCodeMaxLength)] string Code);

public sealed record TwoFactorCodeRequest([property: Required, StringLength(Limits.SecondFactorCodeMaxLength)] string Code);

public sealed record DisableTwoFactorRequest(
    [property: Required, StringLength(Limits.PasswordMaxLength)] string Password,
    [property: Required, StringLength(Limits.SecondFactorCodeMaxLength)] string Code);

/// <summary>
/// The same answer for a new address and one with an account already. <c>Next</c> is "sign-in": if the address
/// was new, the account is ready; if it was not, its owner signs in with the password they have.
/// </summary>
public sealed record RegistrationAccepted(string Next)
{
    public const string SignIn = "sign-in";
}

/// <summary>The password was right; send the challenge with a code to /auth/second-factor before it expires.</summary>
public sealed record SecondFactorRequired(string Challenge, DateTimeOffset ExpiresAt);

public sealed record RecoveryCodes(IReadOnlyList<string> Codes);

/// <summary>A bearer token for the Authorization header.</summary>
public sealed record AccessToken(string Token, string TokenType, DateTimeOffset ExpiresAt, Guid PersonId);
