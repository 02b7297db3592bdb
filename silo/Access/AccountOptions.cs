using System.ComponentModel.DataAnnotations;

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

    /// <summary>Wrong passwords in a row before the account locks.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a bearer token from sign-in stays valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(14);
}
