namespace NetworkHub.Contracts.Spaces;

/// <summary>Input limits shared by request validation in the API and guards in the grains.</summary>
public static class Limits
{
    public const int NameMaxLength = 200;
    public const int ShortTextMaxLength = 100;
    public const int DescriptionMaxLength = 10_000;
    public const int UrlMaxLength = 2_000;
    public const int EmailMaxLength = 254;
    public const int PasswordMinLength = 10;
    public const int PasswordMaxLength = 256;

    /// <summary>A sign-in code: six digits from an authenticator app, or a recovery code as printed, with its dashes and spaces.</summary>
    public const int SecondFactorCodeMaxLength = 40;
    public const int MessageMaxLength = 2_000;
    public const int MaxTopics = 20;
    public const int MaxLanguages = 20;
    public const int MaxThemes = 20;
    public const int PageSizeMax = 100;
    public const int PageSizeDefault = 25;
    public static readonly TimeSpan InvitationMaxLifetime = TimeSpan.FromDays(90);
    public static readonly TimeSpan InvitationDefaultLifetime = TimeSpan.FromDays(14);
}
