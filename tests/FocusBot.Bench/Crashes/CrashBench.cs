using System.Globalization;
using FocusBot.Bench.Pulses;
using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.Recording;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Pulses;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using SimOperation = FocusBot.ConnectorSimulator.ConnectorOperation;

namespace FocusBot.Bench.Crashes;

/// <summary>
/// Issue #11: FocusBot as a real process fans one pulse out to 3,000 personal chats at Teams' 50 requests a second, is
/// killed (SIGKILL) half-way and started again at once over the same SQLite store with the default Delivery settings, as
/// a supervisor would. Per run: people lost (goal 0), duplicates (goal at most 1), time from the kill to the restarted
/// process's first card, and the whole fan-out's elapsed time (first card to last) against the ideal recipients ÷ 50.
/// CRASH_BENCH_PEOPLE and CRASH_BENCH_RUNS make a shorter smoke run.
/// </summary>
internal static class CrashBench
{
    private const double TenantLimit = 50; // requests per second per bot per tenant, Teams' and the simulator's
    private const string BotId = "28:focusbot-bench";

    // UTC+14: the pulse calendar names the cycle by the date there, so with that day as the send day and people in that
    // zone, this week's pulse is due at the first scheduler pass whatever the hour.
    private const string TimeZone = "Pacific/Kiritimati";

    // A process just killed may still have a request the simulator is recording; cards after this are the restarted one's.
    private static readonly TimeSpan Settling = TimeSpan.FromMilliseconds(200);

    public static async Task RunAsync()
    {
        var people = FromEnvironment("CRASH_BENCH_PEOPLE", 3_000);
        var runs = FromEnvironment("CRASH_BENCH_RUNS", 5);
        Console.WriteLine($"{runs} runs of a {people:N0}-person fan-out at {TenantLimit} RPS, each killed once half-way and restarted (default Delivery settings)");
        var results = new List<RunResult>();
        for (var run = 1; run <= runs; run++)
        {
            var result = await RunOnceAsync(run, people);
            results.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: lost {result.Lost} (goal 0), duplicates {result.Duplicates} (goal <= 1), kill -> first card of the restarted process " +
                $"{Seconds(result.KillToFirstCard)}, fan-out {result.Elapsed.TotalSeconds:F1} s = {result.Elapsed.TotalSeconds / (people / TenantLimit):F2} x ideal " +
                $"({people / TenantLimit:F0} s); ledger {result.Ledger}; 429s {result.Throttled}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all runs: lost {results.Sum(r => r.Lost)}, duplicates {results.Sum(r => r.Duplicates)}, kill -> first card median " +
            $"{Seconds(Median(results.Select(r => r.KillToFirstCard)))}, fan-out median {Median(results.Select(r => (TimeSpan?)r.Elapsed))?.TotalSeconds / (people / TenantLimit):F2} x ideal"));
    }

    private static async Task<RunResult> RunOnceAsync(int run, int people)
    {
        await using var sim = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions());
        await sim.WarmUpAsync();
        // The in-process host only seeds and reads the store: its scheduler and sender are off, so it never competes.
        await using var store = new BenchHost(new Dictionary<string, string?>
        {
            ["Delivery:RunInBackground"] = "false",
            ["Pulse:RunInBackground"] = "false",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        });
        store.Start();
        var chats = await SeedAsync(store.Services, sim, people);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Sqlite:DataDirectory"] = store.DataDirectory,
            ["Pulse:SendDay"] = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(14)).DayOfWeek.ToString(),
            ["Pulse:SendTime"] = "00:00",
            ["Pulse:DefaultTimeZone"] = TimeZone,
            ["Pulse:CloseAfterDays"] = "7",
            ["Logging:LogLevel:Default"] = "Information",
        };

        var logs = Path.Combine(RepositoryPaths.Artifacts, "bench", "crash", $"run-{run}");
        var first = await FocusBotChildProcess.StartAsync("first", settings);
        FocusBotChildProcess? restarted = null;
        try
        {
            await WaitForAsync(() => CountCards(sim) >= people / 2, TimeSpan.FromMinutes(5), "half the cards");
            var killedAt = DateTimeOffset.UtcNow;
            await first.KillAsync();
            var goneAt = DateTimeOffset.UtcNow;
            restarted = await FocusBotChildProcess.StartAsync("restarted", settings);

            var ledger = await WaitUntilSettledAsync(store.Services, people, TimeSpan.FromMinutes(10));
            var cards = sim.Sent.Where(IsPulseCard).ToList();
            // First card to last: what the people see, whatever the process start took.
            var elapsed = cards.Count == 0 ? TimeSpan.Zero : cards.Max(c => c.Time) - cards.Min(c => c.Time);
            var firstAfter = cards.Where(c => c.Time > goneAt + Settling).Select(c => (DateTimeOffset?)c.Time).Min();
            var perChat = cards.GroupBy(c => c.ConversationId).ToDictionary(g => g.Key, g => g.Count());
            return new RunResult(
                Lost: chats.Count(c => !perChat.ContainsKey(c)),
                Duplicates: perChat.Values.Sum(n => n - 1),
                KillToFirstCard: firstAfter - killedAt,
                Elapsed: elapsed,
                Ledger: string.Join(", ", ledger.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")),
                Throttled: sim.ThrottledCount);
        }
        finally
        {
            await first.SaveLogAsync(logs);
            await first.DisposeAsync();
            if (restarted is not null)
            {
                await restarted.SaveLogAsync(logs);
                await restarted.DisposeAsync();
            }
        }
    }

    private static async Task<List<string>> SeedAsync(IServiceProvider services, ConnectorSimulator.ConnectorSimulator sim, int people)
    {
        var conversations = services.GetRequiredService<IConversationStore>();
        var now = DateTimeOffset.UtcNow;
        var chats = Enumerable.Range(0, people).Select(i => $"a:crash-chat-{i:D5}").ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, people), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            sim.AddConversation(chats[i]);
            await conversations.UpsertAsync(new ConversationRecord
            {
                TenantId = sim.DefaultTenantId,
                ConversationId = chats[i],
                Kind = ConversationKind.Personal,
                ServiceUrl = sim.BaseUrl,
                BotId = BotId,
                UserId = $"29:crash-{i:D5}",
                TimeZone = TimeZone,
                InstalledAt = now,
                UpdatedAt = now,
            }, ct);
        });
        return chats;
    }

    /// <summary>Waits until the ledger has every row and none is waiting or being sent: the fan-out has done all it will.</summary>
    private static async Task<IReadOnlyDictionary<DeliveryStatus, int>> WaitUntilSettledAsync(IServiceProvider services, int people, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var pulses = await services.GetRequiredService<IPulseStore>().ListRecentAsync(1, default);
            var counts = pulses.Count == 0
                ? new Dictionary<DeliveryStatus, int>()
                : await services.GetRequiredService<IDeliveryStore>().CountByStatusAsync(PulseContent.LedgerOf(pulses[0]), default);
            if (counts.Values.Sum() >= people && counts.GetValueOrDefault(DeliveryStatus.Pending) == 0 && counts.GetValueOrDefault(DeliveryStatus.Sending) == 0)
                return counts;
            if (DateTimeOffset.UtcNow >= deadline)
                return counts;
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!condition())
        {
            if (DateTimeOffset.UtcNow >= deadline)
                throw new TimeoutException($"No {what} within {timeout.TotalSeconds:0} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    private static int CountCards(ConnectorSimulator.ConnectorSimulator sim) => sim.SentCount; // nothing else is sent in this scenario

    private static bool IsPulseCard(SentActivity sent) =>
        sent.Operation == SimOperation.Send && sent.Activity.GetRawText().Contains(PulseCard.Title, StringComparison.Ordinal);

    private static int FromEnvironment(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private static TimeSpan? Median(IEnumerable<TimeSpan?> values)
    {
        var sorted = values.OfType<TimeSpan>().Order().ToList();
        return sorted.Count == 0 ? null : sorted[sorted.Count / 2];
    }

    private static string Seconds(TimeSpan? span) => span is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s.TotalSeconds:F1} s") : "none";

    private sealed record RunResult(int Lost, int Duplicates, TimeSpan? KillToFirstCard, TimeSpan Elapsed, string Ledger, int Throttled);
}
