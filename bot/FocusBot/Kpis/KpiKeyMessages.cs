using System.Runtime.CompilerServices;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Storage;
using FocusBot.Proactive;
using FocusBot.Protocol.Activities;

namespace FocusBot.Kpis;

/// <summary>
/// Takes a KPI import key back out of the chat it was shown in: <see cref="ShownFor"/> after `kpis key`, the sender
/// replaces that message with <see cref="RemovedText"/>. Teams keeps a chat's messages for as long as the chat lives, on
/// every device the person signs in to, so a key left there is readable by anyone at any of those screens. The tenant's
/// ledger holds one row per person, naming their latest key message; a key they made before it no longer works.
/// </summary>
public sealed class KpiKeyMessages(IDeliveryStore deliveries, ContentTenants tenants, TimeProvider timeProvider) : IDeliveryContent
{
    public const string LedgerKind = "kpi-key";

    /// <summary>Long enough to copy the key into the automation that needs it; short enough not to be left on a screen.</summary>
    public static readonly TimeSpan ShownFor = TimeSpan.FromMinutes(10);

    public const string RemovedText = "A KPI import key was shown here. FocusBot took it out of this chat 10 minutes later, so that it does " +
        "not stay in the chat's history. Lost it? Type kpis key for a new one (the one shown here then stops working).";

    private const int MaxAttempts = 3;

    public string Kind => LedgerKind;

    public static string LedgerOf(string tenantId) => LedgerIds.For(LedgerKind, tenantId);

    public async IAsyncEnumerable<string> ListOpenLedgersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var tenantId in await tenants.ListAsync(cancellationToken))
            yield return LedgerOf(tenantId);
    }

    public Task<Activity?> CreateAsync(Delivery delivery, CancellationToken cancellationToken) =>
        Task.FromResult<Activity?>(Activity.CreateTextMessage(RemovedText));

    public DeliveryOperation OperationOf(string ledgerId) => DeliveryOperation.Update;

    /// <summary>Has the message <paramref name="activityId"/>, which shows a new key to <paramref name="userId"/>, replaced <see cref="ShownFor"/> from now.</summary>
    public async Task ScheduleRemovalAsync(string tenantId, string userId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await tenants.AddAsync(tenantId, cancellationToken);
        var ledgerId = LedgerOf(tenantId);
        var recipientKey = RecipientKeys.For(tenantId, userId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = timeProvider.GetUtcNow();
            var row = new Delivery
            {
                LedgerId = ledgerId,
                RecipientKey = recipientKey,
                TenantId = tenantId,
                UserId = userId,
                ConversationId = conversationId,
                ActivityId = activityId,
                Status = DeliveryStatus.Pending,
                SendAfter = now + ShownFor,
                UpdatedAt = now,
            };
            if (await deliveries.CreateIfMissingAsync([row], cancellationToken) == 1)
                return;
            // The person's row from an earlier key: it now names this message instead.
            if (await deliveries.GetAsync(ledgerId, recipientKey, cancellationToken) is not { } earlier)
                continue;
            try
            {
                await deliveries.UpdateAsync(row with { ETag = earlier.ETag }, cancellationToken);
                return;
            }
            catch (ConcurrencyException)
            {
                // the sender was replacing the earlier message just then: look again
            }
        }

        throw new ConcurrencyException($"The removal of a KPI key message kept changing under {ledgerId}.");
    }
}
