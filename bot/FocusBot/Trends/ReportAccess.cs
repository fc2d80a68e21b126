using FocusBot.Domain.Roles;
using FocusBot.Roles;

namespace FocusBot.Trends;

/// <summary>
/// Who may open a report link: a link that is well formed, unchanged (its signature checks), not expired, and whose
/// HR person still holds the HR role in that tenant. The page needs no other login: the link is the credential.
/// </summary>
public sealed class ReportAccess(ReportLinkSigner signer, RoleResolver roles)
{
    public async Task<(ReportLink? Link, string? Refusal)> CheckAsync(string? token, CancellationToken cancellationToken)
    {
        var (status, link) = signer.Verify(token);
        switch (status)
        {
            case ReportLinkStatus.Malformed:
            case ReportLinkStatus.Tampered:
                return (null, "This report link is not valid: it may have been changed or cut short.");
            case ReportLinkStatus.Expired:
                return (null, "This report link has expired.");
        }

        return await HoldsHrAsync(link!.TenantId, link.AadObjectId, link.UserId, cancellationToken) ? (link, null) : (null, NotHr);
    }

    /// <summary>The same checks for a recognition export link, which only HR is given.</summary>
    public async Task<(RecognitionExportLink? Link, string? Refusal)> CheckRecognitionExportAsync(string? token, CancellationToken cancellationToken)
    {
        var (status, link) = signer.VerifyRecognitionExport(token);
        switch (status)
        {
            case ReportLinkStatus.Malformed:
            case ReportLinkStatus.Tampered:
                return (null, "This export link is not valid: it may have been changed or cut short.");
            case ReportLinkStatus.Expired:
                return (null, "This export link has expired. Ask FocusBot for a new one with recognitions export.");
        }

        return await HoldsHrAsync(link!.TenantId, link.AadObjectId, link.UserId, cancellationToken) ? (link, null) : (null, NotHr);
    }

    private const string NotHr = "This link was made for someone who does not hold the HR role in FocusBot.";

    private async Task<bool> HoldsHrAsync(string tenantId, string aadObjectId, string? userId, CancellationToken cancellationToken) =>
        (await roles.GetRolesAsync(tenantId, aadObjectId, userId, cancellationToken)).Contains(Role.HR);
}
