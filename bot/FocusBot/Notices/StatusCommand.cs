using FocusBot.Commands;
using FocusBot.Configuration;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Notices;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Trends;
using FocusBot.Health;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;

namespace FocusBot.Notices;

/// <summary>`status` (Admin, HR): what went wrong lately, where the current pulse stands, and whether the store answers.</summary>
public sealed class StatusCommand(
    INoticeStore notices,
    IPulseStore pulses,
    IDeliveryStore deliveries,
    IAnsweredMarkStore answeredMarks,
    StorageProbe storage,
    IConfiguration configuration,
    PrivacyThresholds privacy,
    TimeProvider timeProvider) : ICommandHandler
{
    public const int RecentDays = 14;
    private const int MaxNotices = 10;

    public BotCommand Command => CommandCatalog.Status;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var probe = await storage.CheckAsync(cancellationToken);
        var since = now.AddDays(-RecentDays);
        var recent = (await notices.ListSinceAsync(turn.TenantId, since, MaxNotices, cancellationToken))
            .Concat(await notices.ListSinceAsync(Notice.AllTenants, since, MaxNotices, cancellationToken))
            .OrderByDescending(n => n.At).Take(MaxNotices).ToList();
        var current = (await pulses.ListRecentAsync(10, cancellationToken)).FirstOrDefault(p => p.TenantId == turn.TenantId);
        var state = current is null ? null : await PulseDeliveryState.ReadAsync(current, deliveries, answeredMarks, cancellationToken);
        var provider = configuration[ConfigurationKeys.StorageProvider] is { Length: > 0 } name ? name : "Sqlite";
        var card = StatusCard.Create(now, state, provider, probe, recent, RecentDays, privacy.MinimumGroupSize);
        await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), StatusCard.Title), cancellationToken);
    }
}
