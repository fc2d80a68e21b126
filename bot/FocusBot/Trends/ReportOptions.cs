namespace FocusBot.Trends;

/// <summary>The HR report page, its signed links and the weekly digest (configuration section Reports).</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>
    /// Key of the HMAC-SHA256 signature on report links: base64 of at least 32 bytes, or a text of at least 32
    /// characters. When unset it is derived from Privacy:PseudonymSecret (HKDF, its own label); in Development without
    /// either, a random key kept in the data folder (report-links.key, owner-only), made on first use. Outside
    /// Development FocusBot refuses to start with neither.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a report link works. Default 24 hours.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The address people open report links at, e.g. https://focusbot.contoso.com. Default: https://$WEBSITE_HOSTNAME
    /// on Azure App Service, otherwise the address the host listens on.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How often the digest service looks for closed pulses to seal and report. Default 10 minutes.</summary>
    public TimeSpan DigestCheckInterval { get; set; } = TimeSpan.FromMinutes(10);
}
