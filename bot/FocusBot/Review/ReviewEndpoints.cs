using System.Text;
using FocusBot.Trends;

namespace FocusBot.Review;

/// <summary>GET /reports/review (the printable pack) and /reports/review.csv, behind a signed link made by `review`.</summary>
public static class ReviewEndpoints
{
    public static IEndpointRouteBuilder MapReviewPack(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ReviewPackLinks.PagePath, PageAsync);
        endpoints.MapGet(ReviewPackLinks.CsvPath, CsvAsync);
        return endpoints;
    }

    private static async Task<IResult> PageAsync(HttpContext http, ReviewPackLinks links, ReviewPackBuilder builder, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var nonce = ReportEndpoints.Secure(http.Response);
        var token = http.Request.Query[ReportUrls.TokenParameter].ToString();
        var (link, refusal) = await links.CheckAsync(token, cancellationToken);
        if (link is null)
            return ReportEndpoints.Refused(loggers, "review pack", refusal!, nonce, "review");
        var pack = await builder.BuildAsync(link.TenantId, link.Range, cancellationToken);
        return Results.Content(ReviewPackPage.Render(pack, nonce, ReportUrls.Relative(ReviewPackLinks.CsvPath, token)), "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> CsvAsync(HttpContext http, ReviewPackLinks links, ReviewPackBuilder builder, TimeProvider timeProvider, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var nonce = ReportEndpoints.Secure(http.Response);
        var (link, refusal) = await links.CheckAsync(http.Request.Query[ReportUrls.TokenParameter].ToString(), cancellationToken);
        if (link is null)
            return ReportEndpoints.Refused(loggers, "review pack csv", refusal!, nonce, "review");
        var pack = await builder.BuildAsync(link.TenantId, link.Range, cancellationToken);
        return ReportEndpoints.CsvFile(http, "focusbot-review-" + link.Range.First.Key + "-" + link.Range.Last.Key, timeProvider, ReviewPackCsv.Write(pack));
    }
}
