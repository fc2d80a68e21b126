using System.Runtime.CompilerServices;
using FocusBot.Conversations;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Recognitions;
using FocusBot.Proactive;
using FocusBot.Protocol.Activities;

namespace FocusBot.Recognitions;

/// <summary>The personal message a recognised person receives, sent through the delivery ledger like every proactive message.</summary>
public sealed class RecognitionContent(IRecognitionStore recognitions, IConversationStore conversations, ContentTenants tenants, TimeProvider timeProvider)
    : IDeliveryContent
{
    public const string LedgerKind = "recognition";

    /// <summary>A recognition's one message goes out within seconds; two days covers any restart or outage worth waiting for.</summary>
    public static readonly TimeSpan OpenFor = TimeSpan.FromDays(2);

    public string Kind => LedgerKind;

    public static string LedgerOf(string recognitionId) => LedgerIds.For(LedgerKind, recognitionId);

    public async IAsyncEnumerable<string> ListOpenLedgersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = timeProvider.GetUtcNow() - OpenFor;
        foreach (var tenantId in await tenants.ListAsync(cancellationToken))
        {
            await foreach (var recognition in recognitions.ListSinceAsync(tenantId, since, cancellationToken))
                yield return LedgerOf(recognition.Id);
        }
    }

    public async Task<Activity?> CreateAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var recognition = await recognitions.GetAsync(LedgerIds.IdOf(delivery.LedgerId), cancellationToken);
        if (recognition is null || recognition.TenantId != delivery.TenantId)
            return null;
        var channel = await conversations.GetAsync(recognition.TenantId, recognition.ChannelId, cancellationToken);
        var card = RecognitionCard.Personal(recognition, channel is null ? null : TeamChannels.TitleOf(channel));
        return Activity.CreateCardMessage(card.ToJsonElement(), RecognitionCard.PersonalSummary(recognition));
    }
}
