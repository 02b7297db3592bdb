using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace NetworkHub.Silo.Access;

public enum RegistrationMode
{
    /// <summary>Anyone may create an account.</summary>
    Open = 0,

    /// <summary>Only someone holding a valid invitation to a space may create an account.</summary>
    InvitationOnly = 1,
}

public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    public RegistrationMode Registration { get; set; } = RegistrationMode.Open;

    /// <summary>
    /// Addresses that may register without an invitation when registration is by invitation only: how an
    /// operator lets in the first coordinators, who then invite everyone else.
    /// </summary>
    public string[] AdmittedEmails { get; set; } = [];

    /// <summary>
    /// PBKDF2 iterations of new password hashes (HMAC-SHA512, ASP.NET Core Identity's format); OWASP asks at least
    /// 210,000. A stored hash with fewer is replaced at its owner's next sign-in.
    /// </summary>
    [Range(210_000, 10_000_000)]
    public int PasswordHashIterations { get; set; } = 210_000;

    /// <summary>Failed sign-ins of one account (known or not), from any address.</summary>
    [ValidateObjectMembers]
    public ThrottleOptions AccountThrottle { get; set; } = new();

    /// <summary>Failed sign-ins from one client address (IPv6: its /64), whichever accounts they were for.</summary>
    [ValidateObjectMembers]
    public ThrottleOptions AddressThrottle { get; set; } = new() { FreeFailures = 10, MaxDelay = TimeSpan.FromMinutes(30) };

    /// <summary>How long the challenge between the password and the authenticator code stays valid.</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The name authenticator apps show for this deployment's entry.</summary>
    public string TotpIssuer { get; set; } = "NetworkHub";

    /// <summary>How recent a sign-in the export and the erasure of one's data need (a stolen older token is not enough).</summary>
    public TimeSpan FreshSignInWithin { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a bearer token from sign-in stays valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How soon an expired token's deletion is tried again when its reminder tick was missed (a silo died, the
    /// database was down). Orleans refuses periods below <c>Orleans:ReminderService:MinimumReminderPeriod</c> (1 minute).
    /// </summary>
    public TimeSpan ExpiryCheckPeriod { get; set; } = TimeSpan.FromHours(1);
}
