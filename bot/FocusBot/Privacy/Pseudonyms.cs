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
    private static readonly byte[] s_answeredLabel = Encoding.UTF8.GetBytes("FocusBot answered markers v1");
    private static readonly byte[] s_commentOrderLabel = Encoding.UTF8.GetBytes("FocusBot comment order v1");
    private readonly Lazy<Keys> _keys;

    public Pseudonyms(IOptions<PrivacyOptions> options, IHostEnvironment environment)
    {
        // Derived at first use, not when a hosted service that needs pseudonyms is built: reading the options then would
        // report a missing secret before start-up validation names every missing setting in its order (PrivacyOptions
        // refuses to run outside Development without a secret).
        _keys = new Lazy<Keys>(() =>
        {
            var secret = options.Value.PseudonymSecret;
            var key = Encoding.UTF8.GetBytes(string.IsNullOrEmpty(secret) && environment.IsDevelopment() ? Storage.StorageServiceCollectionExtensions.DevelopmentSecret : secret!);
            // A key of its own (HKDF, as report links do), so a marker can never equal or reveal a pseudonym.
            return new Keys(key, HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt: [], info: s_answeredLabel),
                HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt: [], info: s_commentOrderLabel));
        });
    }

    private sealed record Keys(byte[] Pseudonym, byte[] Answered, byte[] CommentOrder);

    /// <summary>The respondent's pseudonym: stable per person and tenant, not reversible without the secret.</summary>
    public string For(string tenantId, string userId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_keys.Value.Pseudonym, Encoding.UTF8.GetBytes($"{tenantId}|{userId}")));

    /// <summary>
    /// The pseudonym a respondent's answers, Voice comments and review items are filed under: from their Entra object id
    /// when known (it stays when their Teams id changes), else from their Teams user id. Every place that files or finds
    /// them asks here, so a card built for the weekly send finds what a press on it filed.
    /// </summary>
    public string OfRespondent(string tenantId, string? aadObjectId, string userId) => For(tenantId, aadObjectId ?? userId);

    /// <summary>
    /// "This recipient answered this pulse", as only the bot can compute it: no user id, and unrelated to the pseudonym
    /// the answers are filed under, so neither the delivery ledger nor the answers can be matched to it without the secret.
    /// </summary>
    public string AnsweredMarker(string pulseId, string recipientKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_keys.Value.Answered, Encoding.UTF8.GetBytes($"answered|{pulseId}|{recipientKey}")));

    /// <summary>
    /// Where a comment goes in the comments view: a keyed hash of its text, so the order follows neither when it was sent
    /// nor who sent it, stays the same from one view to the next, and cannot be worked out without the secret.
    /// </summary>
    public string CommentOrder(string text) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_keys.Value.CommentOrder, Encoding.UTF8.GetBytes(text)));
}
