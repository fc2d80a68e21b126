using FocusBot.Domain.Roles;
using FocusBot.Domain.Trends;
using FocusBot.Roles;

namespace FocusBot.Trends;

/// <summary>
/// Who may open a report link, or a recognition export link: one that is well formed, unchanged (its signature checks),
/// not expired, and whose person may still read what it shows in that tenant. A report: HR and Executives any view; a
/// Manager the team they still manage, and that team alone (the page then leaves the organisation out). The recognition
/// export: HR only. The page needs no other login: the link is the credential.
/// </summary>
public sealed class ReportAccess(ReportLinkSigner signer, RoleResolver roles)
{
    public async Task<(ReportLink? Link, bool TeamOnly, string? Refusal)> CheckAsync(string? token, CancellationToken cancellationToken)
    {
        var (status, link) = signer.Verify(token);
        if (Problem(status, "report link", string.Empty) is { } problem)
            return (null, false, problem);

        var held = await roles.GetRolesAsync(link!.TenantId, link.AadObjectId, link.UserId, cancellationToken);
        if (RoleResolver.ReadsEveryTeam(held))
            return (link, false, null);
        if (held.Contains(Role.Manager) && TrendSlices.IsTeam(link.Slice)
            && (await roles.ManagedTeamsAsync(link.TenantId, link.AadObjectId, cancellationToken)).Contains(TrendSlices.TeamIdOf(link.Slice)))
            return (link, true, null);
        return (null, false, "This report link was made for someone who no longer holds the HR role, the Executive role or the Manager role for this team in FocusBot.");
    }

    public async Task<(RecognitionExportLink? Link, string? Refusal)> CheckRecognitionExportAsync(string? token, CancellationToken cancellationToken)
    {
        var (status, link) = signer.VerifyRecognitionExport(token);
        if (Problem(status, "export link", " Ask FocusBot for a new one with recognitions export.") is { } problem)
            return (null, problem);
        return await HoldsHrAsync(link!.TenantId, link.AadObjectId, link.UserId, cancellationToken) ? (link, null) : (null, NotHr("export link"));
    }

    private static string? Problem(ReportLinkStatus status, string link, string afterExpiry) => status switch
    {
        ReportLinkStatus.Malformed or ReportLinkStatus.Tampered => $"This {link} is not valid: it may have been changed or cut short.",
        ReportLinkStatus.Expired => $"This {link} has expired.{afterExpiry}",
        _ => null,
    };

    private static string NotHr(string link) => $"This {link} was made for someone who does not hold the HR role in FocusBot.";

    private async Task<bool> HoldsHrAsync(string tenantId, string aadObjectId, string? userId, CancellationToken cancellationToken) =>
        (await roles.GetRolesAsync(tenantId, aadObjectId, userId, cancellationToken)).Contains(Role.HR);
}
