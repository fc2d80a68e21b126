using FocusBot.Domain.Deliveries;
using FocusBot.Tests.Support;

namespace FocusBot.Tests.Insights;

/// <summary>Proof that a ledger is done: every row has an outcome, so nothing more will be sent from it.</summary>
public static class InsightLedgerProof
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>Waits until the ledger has no row still to go, and returns its counts.</summary>
    public static async Task<IReadOnlyDictionary<DeliveryStatus, int>> FinishedAsync(BotScenario scenario, string ledgerId)
    {
        var store = scenario.Get<IDeliveryStore>();
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var counts = await store.CountByStatusAsync(ledgerId, CancellationToken.None);
            if (counts.GetValueOrDefault(DeliveryStatus.Pending) + counts.GetValueOrDefault(DeliveryStatus.Sending) == 0)
                return counts;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{ledgerId} still has rows to send after {Wait.TotalSeconds} s: " + string.Join(", ", counts));
            await Task.Delay(50);
        }
    }
}
