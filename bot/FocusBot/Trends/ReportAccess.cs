using FocusBot.Domain.Roles;
using FocusBot.Domain.Trends;
using FocusBot.Roles;

namespace FocusBot.Trends;

/// <summary>
/// Who may open a report link: a link that is well formed, unchanged (its signature checks), not expired, and whose
/// person may still read its view in that tenant: HR and Executives any view; a Manager the team they still manage,
/// and that team alone (the page then leaves the organisation out). The page needs no other login: the link is the
/// credential.
/// </summary>
public sealed class ReportAccess(ReportLinkSigner signer, RoleResolver roles)
{
    public async Task<(ReportLink? Link, bool TeamOnly, string? Refusal)> CheckAsync(string? token, CancellationToken cancellationToken)
    {
        var (status, link) = signer.Verify(token);
        switch (status)
        {
            case ReportLinkStatus.Malformed:
            case ReportLinkStatus.Tampered:
                return (null, false, "This report link is not valid: it may have been changed or cut short.");
            case ReportLinkStatus.Expired:
                return (null, false, "This report link has expired.");
        }

        var held = await roles.GetRolesAsync(link!.TenantId, link.AadObjectId, link.UserId, cancellationToken);
        if (held.Contains(Role.HR) || held.Contains(Role.Executive))
            return (link, false, null);
        if (held.Contains(Role.Manager) && TrendSlices.IsTeam(link.Slice)
            && (await roles.ManagedTeamsAsync(link.TenantId, link.AadObjectId, cancellationToken)).Contains(TrendSlices.TeamIdOf(link.Slice)))
            return (link, true, null);
        return (null, false, "This report link was made for someone who no longer holds the HR role, the Executive role or the Manager role for this team in FocusBot.");
    }
}
