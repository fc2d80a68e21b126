using FocusBot.Domain.Notices;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Trends;
using FocusBot.Notices;
using FocusBot.Roles;
using FocusBot.Telemetry;

namespace FocusBot.Trends;

/// <summary>
/// One tenant's weekly Manager digests: once the week of a closed pulse is published, each Manager gets, for each team
/// they manage, that team's card (the team alone, through the privacy gate) in their personal chat. Each grant
/// remembers the pulse it last got (<see cref="RoleAssignment.DigestPulseId"/>), so a digest goes once per pulse,
/// Manager and team, across restarts; the caller holds the tenant's trends lease, so only one instance sends. A digest
/// covers pulses closed after the grant, goes to nobody who typed `digest off`, and waits for a Manager with no chat
/// with FocusBot yet.
/// </summary>
public sealed partial class TeamDigest(
    PrivacyGate gate,
    GrantedRoleChats chats,
    DigestReaders readers,
    TrendDigestSender sender,
    IRoleStore roles,
    NoticeBoard notices,
    ILogger<TeamDigest> logger)
{
    /// <summary>Sends the team digests that are due; returns how many were sent.</summary>
    public async Task<int> SendAsync(string tenantId, IReadOnlyList<Pulse> tenantPulses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantPulses);
        var closed = tenantPulses.Where(p => p.Status == PulseStatus.Closed).OrderBy(p => p.OpensAt).ToList();
        if (closed.Count == 0)
            return 0;
        var sent = 0;
        var refusals = new List<string>();
        foreach (var team in (await chats.ListGrantsAsync(tenantId, Role.Manager, cancellationToken)).GroupBy(g => g.Grant.TeamId!, StringComparer.Ordinal))
        {
            var report = await gate.PublishTracedAsync(new TrendRequest
            {
                TenantId = tenantId,
                Slice = TrendSlices.Team(team.Key),
                Kind = PeriodKind.Week,
                Count = TrendSpans.DefaultWeeks,
                TeamOnly = true,
            }, FocusBotTelemetry.TrendsRoutes.Digest, cancellationToken);
            if (report.IsEmpty)
                continue;
            var published = report.Periods[^1];
            foreach (var (grant, chat) in team)
            {
                var due = closed.LastOrDefault(p => TrendPeriod.AllFor(p.OpensAt)[0] <= published && p.ClosesAt > grant.GrantedAt);
                if (due is null || due.Id == grant.DigestPulseId || !await readers.WantsAsync(tenantId, chat, cancellationToken))
                    continue;
                var (delivered, why) = await sender.SendAsync(tenantId, report, $"{TrendDigest.Title}: {report.Focus.Name}, {published.Label}", [chat], cancellationToken);
                sent += delivered;
                refusals.AddRange(why);
                // Marked even when Teams refused: the digest is not sent again (one digest, not a flood); the notice says so.
                await roles.MarkDigestSentAsync(tenantId, grant.AadObjectId, team.Key, due.Id, cancellationToken);
            }
        }

        if (refusals.Count > 0)
        {
            await notices.RecordAsync(tenantId, NoticeKind.DigestNotDelivered, "team-failed:" + closed[^1].Id,
                $"The weekly team digest could not be delivered to {refusals.Count} Manager(s) ({string.Join(", ", refusals.Distinct())}). A 403 or 404 means FocusBot " +
                "was blocked or removed in that chat. It is not sent again; a Manager can see the same figures at any time with the trends command.",
                cancellationToken);
        }

        if (sent > 0)
            LogDigests(logger, sent);
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Team digests sent: {Count}")]
    private static partial void LogDigests(ILogger logger, int count);
}
