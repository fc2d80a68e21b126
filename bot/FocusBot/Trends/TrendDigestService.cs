using FocusBot.Domain.Conversations;
using FocusBot.Domain.Leases;
using FocusBot.Domain.Notices;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Settings;
using FocusBot.Domain.Trends;
using FocusBot.Leases;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace FocusBot.Trends;

/// <summary>
/// After each pulse closes: seals the periods that are now complete (the privacy gate decides what to hide), then
/// sends every HR person the weekly digest card in their personal chat, once per pulse (the marker lives in the
/// settings store). Holds the tenant's trends lease, so with several instances only one seals and sends. A digest that
/// Teams would not deliver, or that has nobody to go to, becomes a notice for the Admins and HR.
/// </summary>
public sealed partial class TrendDigestService(
    IPulseStore pulses,
    PrivacyGate gate,
    ILeaseStore leases,
    ISettingsStore settings,
    IRoleStore roles,
    IConversationStore conversations,
    ConnectorClient connector,
    ReportUrls urls,
    Notices.NoticeBoard notices,
    IOptions<ReportOptions> options,
    TimeProvider timeProvider,
    ILogger<TrendDigestService> logger) : BackgroundService
{
    public const string DigestTitle = "Weekly customer focus digest";
    private static readonly TimeSpan s_leaseDuration = TimeSpan.FromMinutes(10);

    private readonly string _holderId = LeaseHolder.NewId();

    public static string DigestMarker(string pulseId) => "trends:digest:" + pulseId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            await Task.Delay(options.Value.DigestCheckInterval, timeProvider, stoppingToken);
        }
    }

    /// <summary>One pass over every tenant with pulses. Returns how many digests were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var all = await pulses.ListRecentAsync(TrendRebuilder.MaxPulses, cancellationToken);
        var sent = 0;
        foreach (var tenant in all.GroupBy(p => p.TenantId, StringComparer.Ordinal))
        {
            // Someone else holding the tenant's lease is sealing, sending or rebuilding: the next pass looks again.
            await LeaseHolder.TryRunAsync(leases, TrendRebuildService.LeaseName(tenant.Key), _holderId, s_leaseDuration, async () =>
            {
                var sealing = await gate.SealAsync(tenant.Key, [.. tenant], cancellationToken);
                if (sealing.Sealed.Count > 0)
                    LogSealed(logger, sealing.Sealed.Count, sealing.HiddenFigures);
                sent += await SendDigestAsync(tenant.Key, [.. tenant], cancellationToken);
            }, cancellationToken);
        }

        return sent;
    }

    private async Task<int> SendDigestAsync(string tenantId, IReadOnlyList<Pulse> tenantPulses, CancellationToken cancellationToken)
    {
        var closed = tenantPulses.Where(p => p.Status == PulseStatus.Closed).OrderBy(p => p.OpensAt).ToList();
        var pending = new List<Pulse>();
        foreach (var pulse in closed)
        {
            if (await settings.GetAsync(tenantId, DigestMarker(pulse.Id), cancellationToken) is null)
                pending.Add(pulse);
        }

        if (pending.Count == 0)
            return 0;
        var report = await gate.PublishAsync(new TrendRequest { TenantId = tenantId, Kind = PeriodKind.Week, Count = TrendSpans.DefaultWeeks, TeamPeriods = 2 },
            cancellationToken);
        if (report.IsEmpty)
            return 0;
        var published = report.Periods[^1];
        var ready = pending.Where(p => TrendPeriod.AllFor(p.OpensAt)[0] <= published).ToList();
        if (ready.Count == 0)
            return 0;

        var chats = await HrChatsAsync(tenantId, cancellationToken);
        // Nobody with the HR role has a chat with FocusBot yet: keep the digest for when someone does.
        if (chats.Count == 0)
        {
            await notices.RecordAsync(tenantId, NoticeKind.DigestNotDelivered, "waiting:" + published.Key,
                $"The weekly HR digest for {published.Label} is waiting: nobody with the HR role has a personal chat with FocusBot. It goes out once an HR person installs FocusBot.",
                cancellationToken);
            return 0;
        }

        var sent = 0;
        var refusals = new List<string>();
        foreach (var hr in chats)
        {
            var link = urls.LinkFor(tenantId, hr.UserAadObjectId!, hr.UserId, TrendSlices.Org, PeriodKind.Week, TrendSpans.DefaultWeeks);
            var card = TrendCard.Create(report, null, urls.Page(link), urls.Csv(link), $"{DigestTitle}: {published.Label}");
            try
            {
                await connector.SendToConversationAsync(new ConversationTarget(hr.ServiceUrl, tenantId, hr.ConversationId),
                    Activity.CreateCardMessage(card.ToJsonElement(), DigestTitle) with { From = new ChannelAccount { Id = hr.BotId, Name = hr.BotName } },
                    cancellationToken);
                sent++;
            }
            catch (Exception ex) when (ConnectorFailure.IsFailedCall(ex))
            {
                // One HR chat Teams cannot take holds up no other; the digest is marked sent below either way, so nobody gets it twice.
                var why = ConnectorFailure.Describe(ex);
                LogSendFailed(logger, why);
                refusals.Add(why);
            }
        }

        // The digest is not sent again (one digest, not a flood), so the people who missed it must hear of it another way.
        if (refusals.Count > 0)
        {
            await notices.RecordAsync(tenantId, NoticeKind.DigestNotDelivered, "failed:" + published.Key,
                $"The weekly HR digest for {published.Label} could not be delivered to {refusals.Count} of {chats.Count} HR people ({string.Join(", ", refusals.Distinct())}). " +
                "A 403 or 404 means FocusBot was blocked or removed in that chat. The digest is not sent again; HR can see the same figures at any time with the trends command.",
                cancellationToken);
        }

        // Older closed pulses without a digest (a first deployment, an outage) are marked too: one digest, not a flood.
        foreach (var pulse in ready)
            await settings.SetAsync(tenantId, DigestMarker(pulse.Id), "sent", cancellationToken);
        LogDigest(logger, sent);
        return sent;
    }

    private async Task<List<ConversationRecord>> HrChatsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var hr = (await roles.ListAsync(tenantId, cancellationToken)).Where(a => a.Role == Role.HR).Select(a => a.AadObjectId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var chats = new List<ConversationRecord>();
        await foreach (var chat in conversations.ListPersonalAsync(tenantId, cancellationToken))
        {
            if (chat.UserAadObjectId is { } aad && hr.Contains(aad))
                chats.Add(chat);
        }

        return chats;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sealed {Periods} trend period(s); {Hidden} figure(s) hidden for privacy")]
    private static partial void LogSealed(ILogger logger, int periods, int hidden);

    [LoggerMessage(Level = LogLevel.Information, Message = "HR digest sent to {Count} person(s)")]
    private static partial void LogDigest(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "HR digest could not be delivered ({Error})")]
    private static partial void LogSendFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Trend sealing or digest pass failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
