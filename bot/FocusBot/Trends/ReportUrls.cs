using FocusBot.Domain.Trends;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace FocusBot.Trends;

/// <summary>Builds the signed links to the report page and its CSV for one HR person.</summary>
public sealed class ReportUrls(IOptions<ReportOptions> options, ReportLinkSigner signer, IServer server, TimeProvider timeProvider)
{
    public const string PagePath = "/reports/trends";
    public const string CsvPath = "/reports/trends.csv";
    public const string RecognitionsCsvPath = "/reports/recognitions.csv";
    public const string TokenParameter = "link";

    public ReportLink LinkFor(string tenantId, string aadObjectId, string? userId, string slice, PeriodKind kind, int count) =>
        new(tenantId, aadObjectId, userId, slice, kind, count, timeProvider.GetUtcNow() + options.Value.LinkLifetime);

    public Uri Page(ReportLink link) => Build(PagePath, signer.Sign(link));

    public Uri Csv(ReportLink link) => Build(CsvPath, signer.Sign(link));

    public RecognitionExportLink RecognitionExportFor(string tenantId, string aadObjectId, string? userId, string? teamId, string? behaviour, string? month,
        string? kind) =>
        new(tenantId, aadObjectId, userId, teamId, behaviour, month, kind, timeProvider.GetUtcNow() + options.Value.LinkLifetime);

    public Uri RecognitionsCsv(RecognitionExportLink link) => Build(RecognitionsCsvPath, signer.Sign(link));

    /// <summary>A link relative to the site root, for links inside the report page.</summary>
    public static string Relative(string path, string token) => $"{path}?{TokenParameter}={Uri.EscapeDataString(token)}";

    /// <summary>The absolute link to <paramref name="path"/> carrying <paramref name="token"/>, on the address staff can open.</summary>
    public Uri Build(string path, string token) => new(BaseUrl().TrimEnd('/') + Relative(path, token));

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
            return options.Value.PublicBaseUrl;
        if (Environment.GetEnvironmentVariable("WEBSITE_HOSTNAME") is { Length: > 0 } host)
            return "https://" + host;
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:3978";
        // A wildcard listen address is not something a browser can open.
        return address.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal);
    }
}
