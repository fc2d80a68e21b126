using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Pulses;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Support;

/// <summary>The delivery ledger of the latest pulse, read through a host's stores: its rows by status, and when it has settled.</summary>
public static class PulseLedger
{
    /// <summary>Rows by status; empty before a pulse has opened.</summary>
    public static async Task<IReadOnlyDictionary<DeliveryStatus, int>> CountsAsync(IServiceProvider services)
    {
        var pulses = await services.GetRequiredService<IPulseStore>().ListRecentAsync(1, CancellationToken.None);
        return pulses.Count == 0
            ? new Dictionary<DeliveryStatus, int>()
            : await services.GetRequiredService<IDeliveryStore>().CountByStatusAsync(PulseContent.LedgerOf(pulses[0]), CancellationToken.None);
    }

    /// <summary>
    /// The possible duplicates FocusBot counted on the latest pulse's rows (<see cref="Delivery.UncertainSends"/>): each
    /// send it repeated without knowing whether the first had arrived, such as a row in flight when its sender died.
    /// </summary>
    public static async Task<int> PossibleDuplicatesAsync(IServiceProvider services)
    {
        var pulses = await services.GetRequiredService<IPulseStore>().ListRecentAsync(1, CancellationToken.None);
        if (pulses.Count == 0)
            return 0;
        var rows = services.GetRequiredService<IDeliveryStore>().ListAsync(PulseContent.LedgerOf(pulses[0]), null, CancellationToken.None);
        return await rows.Select(row => row.UncertainSends).SumAsync();
    }

    /// <summary>
    /// Waits until the ledger has <paramref name="rows"/> rows and none is waiting or being sent: the fan-out has done all
    /// it will do. Returns the counts; throws with them when <paramref name="timeout"/> passes first.
    /// </summary>
    public static async Task<IReadOnlyDictionary<DeliveryStatus, int>> WaitUntilSettledAsync(IServiceProvider services, int rows, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var counts = await CountsAsync(services);
            if (counts.Values.Sum() >= rows && counts.GetValueOrDefault(DeliveryStatus.Pending) == 0 && counts.GetValueOrDefault(DeliveryStatus.Sending) == 0)
                return counts;
            if (DateTimeOffset.UtcNow >= deadline)
                throw new TimeoutException($"The ledger did not settle within {timeout.TotalSeconds:0} s: {Describe(counts)}");
            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }
    }

    public static string Describe(IReadOnlyDictionary<DeliveryStatus, int> counts) =>
        counts.Count == 0 ? "no ledger" : string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"));
}
