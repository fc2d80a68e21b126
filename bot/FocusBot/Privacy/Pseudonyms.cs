using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FocusBot.Privacy;

/// <summary>
/// Files answers under HMAC-SHA256(secret, tenant id + user id), so nobody reading the store or a report can tell whose
/// answer is whose without the secret.
/// </summary>
public sealed class Pseudonyms
{
    private readonly byte[] _key;

    public Pseudonyms(IOptions<PrivacyOptions> options, IHostEnvironment environment)
    {
        // Start-up validation (PrivacyOptions) refuses to run outside Development without a secret.
        var secret = options.Value.PseudonymSecret;
        _key = Encoding.UTF8.GetBytes(string.IsNullOrEmpty(secret) && environment.IsDevelopment() ? "focusbot-development-only-secret" : secret!);
    }

    /// <summary>The respondent's pseudonym: stable per person and tenant, not reversible without the secret.</summary>
    public string For(string tenantId, string userId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{tenantId}|{userId}")));
}
