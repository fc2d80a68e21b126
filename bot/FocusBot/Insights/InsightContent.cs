using System.Collections.Concurrent;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;
using FocusBot.Proactive;
using FocusBot.Protocol.Activities;

namespace FocusBot.Insights;

/// <summary>
/// What the sender sends for an insight's ledgers (<see cref="InsightLedgers"/>): the card in each person's chat and
/// each channel, the card as edited in place of each sent one, and nothing in place of each one a recall deletes. The
/// card is always built from the insight as stored, so a message sent after an edit carries the edited text.
/// </summary>
public sealed class InsightContent(IInsightStore insights, FanOut fanOut, ContentTenants tenants, TimeProvider timeProvider)
    : AnnouncementContent(tenants, timeProvider)
{
    public const string LedgerKind = InsightLedgers.PeopleKind;

    /// <summary>How many of a tenant's latest insights are looked at; far more than are sent or changed in a week.</summary>
    public const int Window = 50;

    // Far more messages than are ever between being built and sent at once; only reached if sends keep failing.
    private const int MaxTracked = 100_000;

    // The revision each message was built from, from building it until Teams took it (one process, moments apart).
    private readonly ConcurrentDictionary<(string Ledger, string Recipient), int> _built = new();

    public override string Kind => LedgerKind;

    /// <summary>The ledger of the insight's personal chats.</summary>
    public static string LedgerOf(string insightId) => InsightLedgers.People(insightId);

    public override DeliveryOperation OperationOf(string ledgerId) => InsightLedgers.OperationOf(ledgerId);

    protected override async Task<IEnumerable<string>> OpenLedgersAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var open = new List<string>();
        foreach (var insight in await insights.ListLatestAsync(tenantId, Window, cancellationToken))
        {
            if (insight.Status == InsightStatus.Sent && insight.SendAt >= since)
            {
                if (insight.AllStaff || insight.TeamIds.Count > 0)
                    open.Add(InsightLedgers.People(insight.Id));
                if (insight.ChannelIds.Count > 0)
                    open.Add(InsightLedgers.Channels(insight.Id));
            }

            // An edit made before it went out changed no message; one made after has a ledger of its own.
            if (insight.ChangedAt >= since && insight.Status == InsightStatus.Sent && insight.Revision > 1 && insight.ChangedAt > insight.SendAt)
                open.Add(InsightLedgers.Edit(insight.Id, insight.Revision));
            else if (insight.ChangedAt >= since && insight.Status == InsightStatus.Recalled)
                open.Add(InsightLedgers.Recall(insight.Id));
        }

        return open;
    }

    public override async Task<Activity?> CreateAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var insight = await insights.GetAsync(InsightLedgers.Parse(delivery.LedgerId).InsightId, cancellationToken);
        if (insight is null || insight.TenantId != delivery.TenantId || insight.Status != InsightStatus.Sent)
            return null;
        if (_built.Count > MaxTracked)
            _built.Clear();
        _built[(delivery.LedgerId, delivery.RecipientKey)] = insight.Revision;
        return Message(InsightCard.Create(insight), InsightCard.Summary(insight));
    }

    // A message that was on its way while its insight was edited or recalled may carry the old text, and the edit or
    // recall, written from the messages sent before it, does not know of it: it gets a change of its own.
    public override async Task OnSentAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!_built.TryRemove((delivery.LedgerId, delivery.RecipientKey), out var built) || OperationOf(delivery.LedgerId) != DeliveryOperation.Send)
            return;
        var insight = await insights.GetAsync(InsightLedgers.Parse(delivery.LedgerId).InsightId, cancellationToken);
        if (insight?.Status == InsightStatus.Recalled)
            await fanOut.EnqueueChangesAsync(InsightLedgers.Recall(insight.Id), [delivery], cancellationToken);
        else if (insight is { Status: InsightStatus.Sent } && insight.Revision > built)
            await fanOut.EnqueueChangesAsync(InsightLedgers.Edit(insight.Id, insight.Revision), [delivery], cancellationToken);
    }
}
