using System.Globalization;
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
public sealed class ActionContent(IActionStore actions, ContentTenants tenants, TimeProvider timeProvider) : AnnouncementContent(tenants, timeProvider)
{
    public const string LedgerKind = "action";

    /// <summary>How many of a tenant's latest actions are looked at; far more than are recorded or changed in a week.</summary>
    private const int Window = 50;

    public override string Kind => LedgerKind;

    public static string LedgerOf(ProgrammeAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return LedgerIds.For(LedgerKind, string.Create(CultureInfo.InvariantCulture, $"{action.Id}.{action.Revision}"));
    }

    protected override async Task<IEnumerable<string>> OpenLedgersAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken) =>
        (await actions.ListLatestAsync(tenantId, 0, Window, cancellationToken)).Where(a => a.AllStaff && a.UpdatedAt >= since).Select(LedgerOf);

    public override async Task<Activity?> CreateAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var id = LedgerIds.IdOf(delivery.LedgerId);
        var dot = id.LastIndexOf('.');
        if (dot <= 0 || !int.TryParse(id.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
            return null;
        var action = await actions.GetAsync(delivery.TenantId, id[..dot], cancellationToken);
        if (action is null)
            return null;
        var update = revision > 1;
        return Message(ActionCard.Create(action, update), ActionCard.Summary(action, update));
    }
}
