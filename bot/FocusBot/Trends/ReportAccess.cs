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

        var held = await roles.GetRolesAsync(link!.TenantId, link.AadObjectId, link.UserId, cancellationToken);
        return held.Contains(Role.HR) ? (link, null) : (null, "This report link was made for someone who does not hold the HR role in FocusBot.");
    }
}
