using FocusBot.Domain.Notices;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Trends;
using FocusBot.Notices;
using FocusBot.Roles;
using FocusBot.Telemetry;

namespace FocusBot.Trends;

/// <summary>
/// One tenant's weekly organisation digest: once the figures of a closed pulse's week are published, every HR person
/// and Executive gets the card in their personal chat, once per pulse, unless they typed `digest off`. A digest Teams
/// would not deliver, or that has no HR person to go to, becomes a notice for the Admins and HR.
/// </summary>
public sealed partial class TrendDigest(
    DigestMarks marks,
    PrivacyGate gate,
    GrantedRoleChats chats,
    DigestReaders readers,
    TrendDigestSender sender,
    NoticeBoard notices,
    ILogger<TrendDigest> logger)
{
    public const string Title = "Weekly customer focus digest";

    /// <summary>Sends the digest when a closed pulse awaits one; returns how many people got it.</summary>
    public async Task<int> SendAsync(string tenantId, IReadOnlyList<Pulse> tenantPulses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantPulses);
        var closed = tenantPulses.Where(p => p.Status == PulseStatus.Closed).OrderBy(p => p.OpensAt);
        var pending = await marks.WithoutDigestAsync(tenantId, closed, cancellationToken);
        if (pending.Count == 0)
            return 0;
        var report = await gate.PublishTracedAsync(new TrendRequest { TenantId = tenantId, Kind = PeriodKind.Week, Count = TrendSpans.DefaultWeeks, TeamPeriods = 2 },
            FocusBotTelemetry.TrendsRoutes.Digest, cancellationToken);
        if (report.IsEmpty)
            return 0;
        var published = report.Periods[^1];
        var ready = pending.Where(p => TrendPeriod.AllFor(p.OpensAt)[0] <= published).ToList();
        if (ready.Count == 0)
            return 0;

        var hrChats = await chats.ListAsync(tenantId, Role.HR, cancellationToken);
        // Nobody with the HR role has a chat with FocusBot yet: keep the digest for when someone does.
        if (hrChats.Count == 0)
        {
            await notices.RecordAsync(tenantId, NoticeKind.DigestNotDelivered, "waiting:" + published.Key,
                $"The weekly HR digest for {published.Label} is waiting: nobody with the HR role has a personal chat with FocusBot. It goes out once an HR person installs FocusBot.",
                cancellationToken);
            return 0;
        }

        var to = await readers.OrganisationAsync(tenantId, hrChats, cancellationToken);
        var (sent, refusals) = await sender.SendAsync(tenantId, report, $"{Title}: {published.Label}", to, cancellationToken);
        // The digest is not sent again (one digest, not a flood), so the people who missed it must hear of it another way.
        if (refusals.Count > 0)
        {
            await notices.RecordAsync(tenantId, NoticeKind.DigestNotDelivered, "failed:" + published.Key,
                $"The weekly HR digest for {published.Label} could not be delivered to {refusals.Count} of {to.Count} people (HR and Executives) ({string.Join(", ", refusals.Distinct())}). " +
                "A 403 or 404 means FocusBot was blocked or removed in that chat. The digest is not sent again; the same figures are there at any time with the trends command.",
                cancellationToken);
        }

        // Older closed pulses without a digest (a first deployment, an outage) are marked too: one digest, not a flood.
        await marks.MarkSentAsync(tenantId, ready, cancellationToken);
        LogDigest(logger, sent);
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Organisation digest sent to {Count} person(s)")]
    private static partial void LogDigest(ILogger logger, int count);
}
