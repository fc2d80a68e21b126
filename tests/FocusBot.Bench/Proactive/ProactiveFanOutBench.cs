using System.Diagnostics;
using System.Globalization;
using FocusBot.ConnectorSimulator;
using FocusBot.Protocol;
using FocusBot.Protocol.Connector;
using FocusBot.Protocol.RateLimiting;
using Microsoft.Extensions.Options;
using Activity = FocusBot.Protocol.Activities.Activity;

namespace FocusBot.Bench.Proactive;

/// <summary>
/// 10,000 proactive messages to 10,000 distinct 1:1 chats through the simulator, which enforces Teams' limits (50 RPS
/// per tenant), measured twice in one run: on the machine as it is, then with a second process keeping one core busy.
/// Goals (issue #11): elapsed / (N ÷ 50) ≤ 1.05 and 429s under 1% of sends, both times; nothing lost or duplicated.
/// <c>FOCUSBOT_BENCH_PROACTIVE_MESSAGES</c> runs fewer messages for a quick look.
/// </summary>
internal static class ProactiveFanOutBench
{
    private const int Limit = 50;
    private const int WarmUp = 200;

    public static async Task RunAsync()
    {
        var messages = int.TryParse(Environment.GetEnvironmentVariable("FOCUSBOT_BENCH_PROACTIVE_MESSAGES"), CultureInfo.InvariantCulture, out var n)
            ? n : 10_000;

        Console.WriteLine($"{messages:N0} messages to {messages:N0} chats at {Limit} RPS, quiet then with one core kept busy");
        // Compiled and warmed up first, so that the quiet run does not pay for the JIT while the loaded one does not.
        await FanOutAsync(WarmUp);
        var quiet = await FanOutAsync(messages);
        FanOutFigures loaded;
        using (var busy = BusyCore.Start())
        {
            Console.WriteLine($"busy process started (pid {busy.ProcessId})");
            loaded = await FanOutAsync(messages);
        }

        Print(quiet, loaded);
    }

    private static async Task<FanOutFigures> FanOutAsync(int messages)
    {
        await using var sim = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions());
        var chats = Enumerable.Range(0, messages).Select(i => $"a:bench-chat-{i}").ToArray();
        foreach (var chat in chats)
            sim.AddConversation(chat);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 });
        var client = new ConnectorClient(http, new NoBotTokenProvider(),
            new TeamsRateLimiter(Options.Create(new TeamsRateLimitOptions { GlobalRequestsPerSecond = Limit }), TimeProvider.System),
            new ServiceUrlGuard(Options.Create(new BotFrameworkOptions { DevelopmentWithoutAppId = true })),
            Options.Create(new ConnectorOptions()), TimeProvider.System);

        var loadAverage = LoadAverage();
        var failures = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(chats, new ParallelOptions { MaxDegreeOfParallelism = 128 }, async (chat, ct) =>
        {
            try
            {
                await client.SendToConversationAsync(new ConversationTarget(sim.BaseUrl, sim.DefaultTenantId, chat),
                    Activity.CreateTextMessage("This week's customer pulse is ready."), ct);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref failures);
            }
        });
        watch.Stop();

        var figures = FanOutFigures.From(messages, Limit, watch.Elapsed, sim.Requests, sim.Sent, failures, loadAverage);
        Console.WriteLine($"  run done in {figures.ElapsedSeconds:F1} s (load average before it: {loadAverage})");
        return figures;
    }

    private static void Print(FanOutFigures quiet, FanOutFigures loaded)
    {
        Console.WriteLine();
        Console.WriteLine($"| figure | goal | quiet | one core busy |");
        Console.WriteLine($"| --- | --- | --- | --- |");
        Row("load average (1, 5, 15 min) before the run", "", quiet.LoadAverage, loaded.LoadAverage);
        Row("elapsed", "", $"{quiet.ElapsedSeconds:F1} s", $"{loaded.ElapsedSeconds:F1} s");
        Row("elapsed / (N ÷ 50 RPS)", "<= 1.05", $"{quiet.Ratio:F3}", $"{loaded.Ratio:F3}");
        Row("429s / sends", "< 1%", Share(quiet.Throttled, quiet.ThrottledShare), Share(loaded.Throttled, loaded.ThrottledShare));
        Row("429s: median ms before the window had room", "", $"{quiet.MedianMillisecondsEarly:F1}", $"{loaded.MedianMillisecondsEarly:F1}");
        Row("arrival gaps under 1 ms", "", $"{quiet.GapsUnderOneMillisecond:P1}", $"{loaded.GapsUnderOneMillisecond:P1}");
        Row("lost / duplicates / send errors", "0 / 0 / 0", Losses(quiet), Losses(loaded));
    }

    private static void Row(string figure, string goal, string quiet, string loaded) =>
        Console.WriteLine($"| {figure} | {goal} | {quiet} | {loaded} |");

    private static string Share(int count, double share) => $"{count} ({share:P2})";

    private static string Losses(FanOutFigures f) => $"{f.Lost} / {f.Duplicates} / {f.SendErrors}";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
