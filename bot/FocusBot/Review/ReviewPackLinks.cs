using System.Globalization;
using FocusBot.Domain.Trends;
using FocusBot.Roles;
using FocusBot.Trends;
using Microsoft.Extensions.Options;

namespace FocusBot.Review;

/// <summary>What a signed review-pack link grants: the pack of one range, to one person of one tenant, until it expires.</summary>
public sealed record ReviewPackLink(string TenantId, string AadObjectId, string? UserId, ReviewRange Range, DateTimeOffset ExpiresAt);

/// <summary>
/// Makes and checks review-pack links, signed like the report links (<see cref="ReportLinkSigner"/>) under a first line
/// of their own, so a report link never opens a pack or the other way round. The range is signed as periods, not as
/// the words typed: "last quarter" keeps meaning the quarter it meant when the link was made. A link opens only while
/// its person still holds the HR or Executive role.
/// </summary>
public sealed class ReviewPackLinks(ReportLinkSigner signer, ReportUrls urls, RoleResolver roles, IOptions<ReportOptions> options, TimeProvider timeProvider)
{
    public const string PagePath = "/reports/review";
    public const string CsvPath = "/reports/review.csv";
    private const string Version = "review-v1";

    public ReviewPackLink For(string tenantId, string aadObjectId, string? userId, ReviewRange range) =>
        new(tenantId, aadObjectId, userId, range, timeProvider.GetUtcNow() + options.Value.LinkLifetime);

    public string Sign(ReviewPackLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return signer.SignParts(
        [
            Version, link.TenantId, link.AadObjectId, link.UserId ?? string.Empty, link.Range.Kind.ToString(), link.Range.First.Key, link.Range.Last.Key, link.Range.Label,
            link.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ]);
    }

    public Uri Page(ReviewPackLink link) => urls.Build(PagePath, Sign(link));

    public Uri Csv(ReviewPackLink link) => urls.Build(CsvPath, Sign(link));

    /// <summary>The link a token carries when it is genuine, current and its person may still read the pack; otherwise why not.</summary>
    public async Task<(ReviewPackLink? Link, string? Refusal)> CheckAsync(string? token, CancellationToken cancellationToken)
    {
        var (status, parts) = signer.VerifyParts(token);
        if ((status == ReportLinkStatus.Valid ? Parse(parts) : null) is not { } link)
            return (null, "This review pack link is not valid: it may have been changed or cut short.");
        if (timeProvider.GetUtcNow() >= link.ExpiresAt)
            return (null, "This review pack link has expired.");
        var held = await roles.GetRolesAsync(link.TenantId, link.AadObjectId, link.UserId, cancellationToken);
        return RoleResolver.ReadsEveryTeam(held)
            ? (link, null)
            : (null, "This review pack link was made for someone who no longer holds the HR or Executive role in FocusBot.");
    }

    private static ReviewPackLink? Parse(string[] parts)
    {
        if (parts is not [Version, var tenant, var aad, var user, var kind, var first, var last, var label, var expires]
            || !Enum.TryParse<PeriodKind>(kind, out var periodKind)
            || !TrendPeriod.TryParse(first, out var firstPeriod) || !TrendPeriod.TryParse(last, out var lastPeriod)
            || firstPeriod.Kind != periodKind || lastPeriod.Kind != periodKind || lastPeriod < firstPeriod
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
            return null;
        return new ReviewPackLink(tenant, aad, user.Length == 0 ? null : user, new ReviewRange(periodKind, firstPeriod, lastPeriod, label), DateTimeOffset.FromUnixTimeSeconds(unix));
    }
}
