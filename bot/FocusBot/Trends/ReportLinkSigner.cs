using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FocusBot.Domain.Trends;

namespace FocusBot.Trends;

/// <summary>
/// Signs and checks report links: base64url(payload) "." base64url(HMAC-SHA256(key, payload)). The payload binds the
/// tenant, the HR person's AAD object id (and Teams user id), the view and the expiry; changing any of it breaks the
/// signature. Checked in constant time. Its first line says what the link is for (a trends report, or a recognition
/// export), so a link made for one never opens the other.
/// </summary>
public sealed class ReportLinkSigner(ReportSigningKey key, TimeProvider timeProvider)
{
    private const string Version = "v1";
    private const string RecognitionExportVersion = "recognitions-v1";

    public string Sign(ReportLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return SignParts(
        [
            Version, link.TenantId, link.AadObjectId, link.UserId ?? string.Empty, link.Slice, link.Kind.ToString(),
            link.Count.ToString(CultureInfo.InvariantCulture), Expiry(link.ExpiresAt),
        ]);
    }

    public string Sign(RecognitionExportLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return SignParts(
        [
            RecognitionExportVersion, link.TenantId, link.AadObjectId, link.UserId ?? string.Empty, link.TeamId ?? string.Empty, link.Behaviour ?? string.Empty,
            link.Month ?? string.Empty, link.Kind ?? string.Empty, Expiry(link.ExpiresAt),
        ]);
    }

    public (ReportLinkStatus Status, RecognitionExportLink? Link) VerifyRecognitionExport(string? token)
    {
        var (status, parts) = VerifyParts(token);
        if (status != ReportLinkStatus.Valid)
            return (status, null);
        if (parts is not [RecognitionExportVersion, var tenant, var aad, var user, var team, var behaviour, var month, var kind, var expires]
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
            return (ReportLinkStatus.Malformed, null);
        static string? Optional(string part) => part.Length == 0 ? null : part;
        var link = new RecognitionExportLink(tenant, aad, Optional(user), Optional(team), Optional(behaviour), Optional(month), Optional(kind),
            DateTimeOffset.FromUnixTimeSeconds(unix));
        return timeProvider.GetUtcNow() >= link.ExpiresAt ? (ReportLinkStatus.Expired, link) : (ReportLinkStatus.Valid, link);
    }

    public (ReportLinkStatus Status, ReportLink? Link) Verify(string? token)
    {
        var (status, parts) = VerifyParts(token);
        if (status != ReportLinkStatus.Valid)
            return (status, null);
        if (parts is not [Version, var tenant, var aad, var user, var slice, var kind, var count, var expires]
            || !Enum.TryParse<PeriodKind>(kind, out var periodKind)
            || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var periods)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
            return (ReportLinkStatus.Malformed, null);
        var link = new ReportLink(tenant, aad, user.Length == 0 ? null : user, slice, periodKind, periods, DateTimeOffset.FromUnixTimeSeconds(unix));
        return timeProvider.GetUtcNow() >= link.ExpiresAt ? (ReportLinkStatus.Expired, link) : (ReportLinkStatus.Valid, link);
    }

    /// <summary>Signs lines whose first names what the link is for (another feature's links use their own first line).</summary>
    internal string SignParts(string[] parts)
    {
        if (parts.Any(p => p.Contains('\n', StringComparison.Ordinal)))
            throw new ArgumentException("A report link part cannot contain a line break.", nameof(parts));
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', parts));
        return Base64Url(payload) + "." + Base64Url(HMACSHA256.HashData(key.Bytes, payload));
    }

    /// <summary>The signed lines of a token; Valid only when its signature checks.</summary>
    internal (ReportLinkStatus Status, string[] Parts) VerifyParts(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096 || token.Split('.') is not [var encodedPayload, var encodedSignature])
            return (ReportLinkStatus.Malformed, []);
        byte[] payload;
        byte[] signature;
        try
        {
            payload = FromBase64Url(encodedPayload);
            signature = FromBase64Url(encodedSignature);
        }
        catch (FormatException)
        {
            return (ReportLinkStatus.Malformed, []);
        }

        return CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key.Bytes, payload))
            ? (ReportLinkStatus.Valid, Encoding.UTF8.GetString(payload).Split('\n'))
            : (ReportLinkStatus.Tampered, []);
    }

    private static string Expiry(DateTimeOffset expiresAt) => expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
