using System.Security.Cryptography;
using System.Text;
using FocusBot.Domain.Kpis;

namespace FocusBot.Kpis;

/// <summary>
/// The import endpoint's keys: 32 random bytes, shown once as "fbk_" and base64url; stored only as the SHA-256 (hex) of
/// the whole key, which is how the endpoint finds the tenant. A stolen store therefore holds no usable key.
/// </summary>
public static class KpiApiKeys
{
    public const string Prefix = "fbk_";

    public static string Create() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// The tenant a presented key belongs to, or null. The store looks the hash up; the hashes are compared again in
    /// constant time so no timing tells how much of a guess matched.
    /// </summary>
    public static async Task<KpiApiKey?> VerifyAsync(IKpiStore store, string? presented, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (presented is not { Length: > 0 and <= 200 } || !presented.StartsWith(Prefix, StringComparison.Ordinal))
            return null;
        var hash = Hash(presented);
        var found = await store.FindKeyAsync(hash, cancellationToken);
        return found is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(found.KeyHash), Encoding.ASCII.GetBytes(hash)) ? found : null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
