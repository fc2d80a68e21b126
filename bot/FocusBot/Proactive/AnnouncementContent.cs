using System.Runtime.CompilerServices;
using FocusBot.Cards;
using FocusBot.Domain.Deliveries;
using FocusBot.Protocol.Activities;

namespace FocusBot.Proactive;

/// <summary>
/// The card of an announcement (an action, an insight) as the sender sends it from a ledger row: rebuilt from the store
/// for each row, so a send resumed after a restart sends what is stored now. The tenants with posted content are looked
/// at, each for the ledgers of its latest announcements that are still open.
/// </summary>
public abstract class AnnouncementContent(ContentTenants tenants, TimeProvider timeProvider) : IDeliveryContent
{
    /// <summary>
    /// How long an announcement's ledger is looked at. The sender works through a ledger within minutes; after a week an
    /// announcement left unsent (FocusBot down all that time) is no longer news.
    /// </summary>
    public static readonly TimeSpan OpenFor = TimeSpan.FromDays(7);

    public abstract string Kind { get; }

    public async IAsyncEnumerable<string> ListOpenLedgersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = timeProvider.GetUtcNow() - OpenFor;
        foreach (var tenantId in await tenants.ListAsync(cancellationToken))
        {
            foreach (var ledgerId in await OpenLedgersAsync(tenantId, since, cancellationToken))
                yield return ledgerId;
        }
    }

    public abstract Task<Activity?> CreateAsync(Delivery delivery, CancellationToken cancellationToken);

    public virtual DeliveryOperation OperationOf(string ledgerId) => DeliveryOperation.Send;

    public virtual Task OnSentAsync(Delivery delivery, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The tenant's ledgers that may still have rows to send: those of announcements made or changed since <paramref name="since"/>.</summary>
    protected abstract Task<IEnumerable<string>> OpenLedgersAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken);

    protected static Activity Message(AdaptiveCard card, string summary)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Activity.CreateCardMessage(card.ToJsonElement(), summary);
    }
}
