using System.Security.Cryptography;
using System.Text;
using FocusBot.Configuration;

namespace FocusBot.Trends;

/// <summary>
/// The report link key, decided once at start-up: Reports:SigningKey when set; otherwise derived from
/// Privacy:PseudonymSecret with HKDF-SHA256 under its own label (so the pseudonym secret itself never signs anything);
/// otherwise, in Development only, a random key kept in the data folder (<see cref="DevelopmentKeyFile"/>), so links
/// still open after a restart.
/// </summary>
public sealed class ReportSigningKey
{
    private const int MinimumBytes = 32;
    private static readonly byte[] s_label = Encoding.UTF8.GetBytes("FocusBot report links v1");

    private ReportSigningKey(byte[] bytes, string source)
    {
        Bytes = bytes;
        Source = source;
    }

    internal byte[] Bytes { get; }

    /// <summary>Where the key came from, for the start-up log (never the key).</summary>
    public string Source { get; }

    /// <param name="developmentKeyFolder">
    /// Where Development keeps its key (the data folder); null makes a key for this process only. Never read outside
    /// Development.
    /// </param>
    /// <exception cref="InvalidOperationException">No usable key outside Development, or a configured key too short.</exception>
    public static ReportSigningKey From(string? signingKey, string? pseudonymSecret, bool isDevelopment, string? developmentKeyFolder = null)
    {
        if (!string.IsNullOrWhiteSpace(signingKey))
            return new ReportSigningKey(Parse(signingKey.Trim()), ReportOptions.Section + ":" + nameof(ReportOptions.SigningKey));
        if (!string.IsNullOrWhiteSpace(pseudonymSecret))
        {
            var derived = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(pseudonymSecret), MinimumBytes, salt: [], info: s_label);
            return new ReportSigningKey(derived, "derived from " + ConfigurationKeys.PrivacyPseudonymSecret);
        }

        if (isDevelopment && developmentKeyFolder is not null)
        {
            return new ReportSigningKey(DevelopmentKeyFile.LoadOrCreate(developmentKeyFolder, MinimumBytes),
                $"kept in {DevelopmentKeyFile.PathIn(developmentKeyFolder)} (Development)");
        }

        if (isDevelopment)
            return new ReportSigningKey(RandomNumberGenerator.GetBytes(MinimumBytes), "random for this process (Development)");
        throw new InvalidOperationException(
            "Report links need a signing key: set Reports:SigningKey (base64 of at least 32 bytes) or Privacy:PseudonymSecret. FocusBot will not start without one outside Development.");
    }

    private static byte[] Parse(string value)
    {
        try
        {
            var bytes = Convert.FromBase64String(value);
            if (bytes.Length >= MinimumBytes)
                return bytes;
        }
        catch (FormatException)
        {
            // Not base64: used as text below.
        }

        return value.Length >= MinimumBytes
            ? Encoding.UTF8.GetBytes(value)
            : throw new InvalidOperationException("Reports:SigningKey is too short: use base64 of at least 32 random bytes.");
    }
}
