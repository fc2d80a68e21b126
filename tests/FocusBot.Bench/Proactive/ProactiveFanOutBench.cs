using System.Diagnostics;
using FocusBot.ConnectorSimulator;
using FocusBot.Protocol;
using FocusBot.Protocol.Connector;
using FocusBot.Protocol.RateLimiting;
using Microsoft.Extensions.Options;
using Activity = FocusBot.Protocol.Activities.Activity;

namespace FocusBot.Bench.Proactive;

/// <summary>
/// 2,000 proactive messages to 2,000 distinct 1:1 chats through the simulator, which enforces Teams' limits (50 RPS per
/// tenant). Goal: achieved rate / limit ≥ 0.95, messages lost 0.
/// </summary>
internal static class ProactiveFanOutBench
{
    private const int Messages = 2000;
    private const int Limit = 50;

    public static async Task RunAsync()
    {
        await using var sim = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions());
        var chats = Enumerable.Range(0, Messages).Select(i => $"a:bench-chat-{i}").ToArray();
        foreach (var chat in chats)
            sim.AddConversation(chat);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 });
        var client = new ConnectorClient(http, new NoBotTokenProvider(),
            new TeamsRateLimiter(Options.Create(new TeamsRateLimitOptions { GlobalRequestsPerSecond = Limit }), TimeProvider.System),
            new ServiceUrlGuard(Options.Create(new BotFrameworkOptions { DevelopmentWithoutAppId = true })),
            Options.Create(new ConnectorOptions()), TimeProvider.System);

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

        var delivered = sim.Sent.Select(s => s.ConversationId).Distinct().Count();
        var rate = Messages / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"messages: {Messages} to {Messages} chats, elapsed {watch.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"achieved rate: {rate:F2} msg/s; rate / limit = {rate / Limit:F3} (goal >= 0.95)");
        Console.WriteLine($"429s received: {sim.ThrottledCount}");
        Console.WriteLine($"lost: {Messages - delivered} (goal 0); duplicates: {sim.Sent.Count - delivered}; send errors: {failures}");
    }
}
