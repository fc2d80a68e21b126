using System.Runtime.CompilerServices;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;
using FocusBot.Proactive;
using FocusBot.Protocol.Activities;

namespace FocusBot.Insights;

/// <summary>The insight card each member of staff receives in their personal chat through the delivery ledger.</summary>
public sealed class InsightContent(IInsightStore insights, ContentTenants tenants, TimeProvider timeProvider) : IDeliveryContent
{
    public const string LedgerKind = "insight";

    /// <summary>
    /// How long an insight's ledger is looked at. The sender works through a ledger within minutes; after a week an
    /// insight left unsent (FocusBot down all that time) is no longer news.
    /// </summary>
    public static readonly TimeSpan OpenFor = TimeSpan.FromDays(7);

    /// <summary>How many of a tenant's latest insights are looked at; far more than are posted in <see cref="OpenFor"/>.</summary>
    private const int Window = 20;

    public string Kind => LedgerKind;

    public static string LedgerOf(string insightId) => LedgerIds.For(LedgerKind, insightId);

    public async IAsyncEnumerable<string> ListOpenLedgersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = timeProvider.GetUtcNow() - OpenFor;
        foreach (var tenantId in await tenants.ListAsync(cancellationToken))
        {
            foreach (var insight in await insights.ListLatestAsync(tenantId, Window, cancellationToken))
            {
                if (insight.AllStaff && insight.CreatedAt >= since)
                    yield return LedgerOf(insight.Id);
            }
        }
    }

    public async Task<Activity?> CreateAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var insight = await insights.GetAsync(LedgerIds.IdOf(delivery.LedgerId), cancellationToken);
        if (insight is null || insight.TenantId != delivery.TenantId)
            return null;
        return Activity.CreateCardMessage(InsightCard.Create(insight).ToJsonElement(), InsightCard.Summary(insight));
    }
}
