using System.Globalization;
using System.Runtime.CompilerServices;
using FocusBot.Domain.Actions;
using FocusBot.Domain.Deliveries;
using FocusBot.Proactive;
using FocusBot.Protocol.Activities;

namespace FocusBot.Actions;

/// <summary>
/// The "You said, we did" card each member of staff receives in their personal chat through the delivery ledger. Every
/// announced revision (the action recorded, each status change told again) is a ledger of its own, "action:{id}.{revision}",
/// so a change reaches people who already had the first card.
/// </summary>
public sealed class ActionContent(IActionStore actions, ContentTenants tenants, TimeProvider timeProvider) : IDeliveryContent
{
    public const string LedgerKind = "action";

    /// <summary>How long an action's latest ledger is looked at; after a week it is no longer news.</summary>
    public static readonly TimeSpan OpenFor = TimeSpan.FromDays(7);

    /// <summary>How many of a tenant's latest actions are looked at; far more than are recorded or changed in a week.</summary>
    private const int Window = 50;

    public string Kind => LedgerKind;

    public static string LedgerOf(ProgrammeAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return LedgerIds.For(LedgerKind, string.Create(CultureInfo.InvariantCulture, $"{action.Id}.{action.Revision}"));
    }

    public async IAsyncEnumerable<string> ListOpenLedgersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = timeProvider.GetUtcNow() - OpenFor;
        foreach (var tenantId in await tenants.ListAsync(cancellationToken))
        {
            foreach (var action in await actions.ListLatestAsync(tenantId, 0, Window, cancellationToken))
            {
                if (action.AllStaff && action.UpdatedAt >= since)
                    yield return LedgerOf(action);
            }
        }
    }

    public async Task<Activity?> CreateAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var id = LedgerIds.IdOf(delivery.LedgerId);
        var dot = id.LastIndexOf('.');
        if (dot <= 0 || !int.TryParse(id.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
            return null;
        var action = await actions.GetAsync(delivery.TenantId, id[..dot], cancellationToken);
        if (action is null)
            return null;
        var update = revision > 1;
        return Activity.CreateCardMessage(ActionCard.Create(action, update).ToJsonElement(), ActionCard.Summary(action, update));
    }
}
