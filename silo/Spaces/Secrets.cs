using System.Security.Cryptography;
using System.Text;

namespace NetworkHub.Silo.Spaces;

/// <summary>Random secrets for links and keys, and the hashes we keep of them instead.</summary>
public static class Secrets
{
    /// <summary>256 random bits, URL-safe.</summary>
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A secret of 256 random bits needs no salt or stretching: SHA-256 cannot be brute-forced back.</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string secret, byte[] hash) =>
        CryptographicOperations.FixedTimeEquals(Hash(secret), hash);

    /// <summary>
    /// The grain key for a credential: a hash of the secret with a non-hex prefix, because Orleans reads
    /// hex-looking string keys as integer or GUID keys.
    /// </summary>
    public static string CredentialKey(string secret) => "cred_" + Base64Url(Hash(secret));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
