using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FocusBot.Domain.Actions;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Trends;
using FocusBot.Kpis;
using FocusBot.Telemetry;

namespace FocusBot.Trends;

/// <summary>
/// GET /reports/trends (the report page of HR, Executives and Managers) and /reports/trends.csv, both behind a signed
/// link; a Manager's link shows their team alone; and the recognition export (<c>ReportEndpoints.Recognitions.cs</c>).
/// </summary>
public static partial class ReportEndpoints
{
    /// <summary>The latest actions the page lists; older ones are in `actions`.</summary>
    private const int ReportActionCount = 50;

    public static IEndpointRouteBuilder MapTrends(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ReportUrls.PagePath, PageAsync);
        endpoints.MapGet(ReportUrls.CsvPath, CsvAsync);
        endpoints.MapGet(ReportUrls.RecognitionsCsvPath, RecognitionsCsvAsync);
        return endpoints;
    }

    private static async Task<IResult> PageAsync(HttpContext http, ReportAccess access, PrivacyGate gate, ReportLinkSigner signer, CommentsReader comments,
        IActionStore actions, IProgrammeEventStore events, TeamLevelsReader levels, KpiOverviewReader kpis, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var nonce = Secure(http.Response);
        var token = http.Request.Query[ReportUrls.TokenParameter].ToString();
        var (link, teamOnly, refusal) = await access.CheckAsync(token, cancellationToken);
        if (link is null)
            return Refused(loggers, "page", refusal!, nonce);

        var request = RequestFor(link, teamOnly);
        var report = await gate.PublishTracedAsync(request, FocusBotTelemetry.TrendsRoutes.Page, cancellationToken);
        string? TeamHref(string slice) => link.Slice == TrendSlices.Org && TrendSlices.IsTeam(slice)
            ? ReportUrls.Relative(ReportUrls.PagePath, signer.Sign(link with { Slice = slice }))
            : null;
        var recorded = await actions.ListLatestAsync(link.TenantId, 0, ReportActionCount, cancellationToken);
        var marked = report.IsEmpty ? [] : await events.ListBetweenAsync(link.TenantId, report.Periods[0].FirstDay, report.Periods[^1].LastDay, cancellationToken);
        var teamLevels = await levels.ReadAsync(link.TenantId, link.Slice == TrendSlices.Org ? null : link.Slice, cancellationToken);
        var html = ReportPage.Render(report, nonce, ReportUrls.Relative(ReportUrls.CsvPath, token), TeamHref, link.ExpiresAt,
            await comments.PublishAsync(request with { TeamPeriods = 0, IncludeBreakdowns = false }, cancellationToken), recorded, marked, teamLevels,
            await kpis.SeriesAsync(link.TenantId, cancellationToken));
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> CsvAsync(HttpContext http, ReportAccess access, PrivacyGate gate, KpiOverviewReader kpis, TimeProvider timeProvider,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var nonce = Secure(http.Response);
        var (link, teamOnly, refusal) = await access.CheckAsync(http.Request.Query[ReportUrls.TokenParameter].ToString(), cancellationToken);
        if (link is null)
            return Refused(loggers, "csv", refusal!, nonce);

        var report = await gate.PublishTracedAsync(RequestFor(link, teamOnly), FocusBotTelemetry.TrendsRoutes.Csv, cancellationToken);
        return CsvFile(http, "focusbot-trends", timeProvider, TrendCsv.Write(report, await kpis.SeriesAsync(link.TenantId, cancellationToken)));
    }

    /// <summary>The 403 page for a link that does not open, logged without the link.</summary>
    internal static IResult Refused(ILoggerFactory loggers, string route, string refusal, string nonce, string command = "trends")
    {
        LogRefused(loggers.CreateLogger(typeof(ReportEndpoints)), route);
        return Results.Content(ReportPage.Refusal(refusal, nonce, command), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status403Forbidden);
    }

    /// <summary>A CSV download named with today's date, with a byte-order mark so spreadsheet programs read it as UTF-8.</summary>
    internal static IResult CsvFile(HttpContext http, string name, TimeProvider timeProvider, string csv)
    {
        http.Response.Headers.ContentDisposition = string.Create(CultureInfo.InvariantCulture, $"attachment; filename=\"{name}-{timeProvider.GetUtcNow():yyyy-MM-dd}.csv\"");
        return Results.Bytes([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8");
    }

    private static TrendRequest RequestFor(ReportLink link, bool teamOnly) => new()
    {
        TeamOnly = teamOnly,
        TenantId = link.TenantId,
        Slice = link.Slice,
        Kind = link.Kind,
        Count = link.Count,
        TeamPeriods = link.Slice == TrendSlices.Org ? link.Count : 0,
        IncludeBreakdowns = true,
    };

    /// <summary>Nothing cached, no referrer leaking the link, no script, no framing, no other origin; returns the page's style nonce.</summary>
    internal static string Secure(HttpResponse response)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'nonce-{nonce}'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        return nonce;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report {Route} refused: link invalid, expired or for someone who may no longer see its figures")]
    private static partial void LogRefused(ILogger logger, string route);
}
