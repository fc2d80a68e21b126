using System.Diagnostics;
using System.Globalization;
using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Pulses;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Bench.Pulses;

/// <summary>
/// Issue #4, on the real host over SQLite with the Connector simulator enforcing Teams' limits:
/// one pulse fanned out to 10,000 personal chats (goal: elapsed / (recipients ÷ 50 RPS) ≤ 1.05, no duplicates, none lost),
/// then three groups of 2,000 people answering it through POST /api/messages: all at once, arriving at 1,000/s, and from 64
/// concurrent callers (goal: ≥ 1,000 answers/s, p99 invoke latency &lt; 100 ms).
/// </summary>
internal static class PulseBench
{
    private const int Recipients = 10_000;
    private const int Answerers = 2_000;
    private const double TenantLimit = 50; // Teams: 50 requests per second per bot per tenant (the simulator's table).
    private const string BotId = AnswerTraffic.BotId;

    public static async Task RunAsync()
    {
        await using var sim = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions());
        await sim.WarmUpAsync();
        // A pulse due now: today's send day at midnight UTC, so every recipient's send time has passed.
        await using var host = new BenchHost(new Dictionary<string, string?>
        {
            ["Pulse:RunInBackground"] = "false",
            ["Pulse:SendDay"] = DateTimeOffset.UtcNow.DayOfWeek.ToString(),
            ["Pulse:SendTime"] = "00:00",
            ["Pulse:DefaultTimeZone"] = "Etc/UTC",
        });
        var address = host.Start();
        var people = Enumerable.Range(0, Recipients).Select(i => $"29:bench-{i:D5}").ToArray();
        await InstallAsync(host.Services, sim, people);

        var pulse = await FanOutAsync(host.Services, sim, people);
        var questions = await host.Services.GetRequiredService<PulseBank>().QuestionsOfAsync(pulse, default);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 4096 }) { BaseAddress = address };
        await AnswerBurstAsync(http, sim, pulse, questions, people.Take(Answerers).ToArray());
        await AnswerPacedAsync(http, sim, pulse, questions, people.Skip(Answerers).Take(Answerers).ToArray(), perSecond: 1000);
        await AnswerConcurrentAsync(http, sim, pulse, questions, people.Skip(2 * Answerers).Take(Answerers).ToArray(), callers: 64);

        // Who answered is kept as the pulse's answered markers (no ledger row names an answer), which reminders skip.
        var answered = (await host.Services.GetRequiredService<IAnsweredMarkStore>().ListAsync(pulse.Id, default)).Count;
        Console.WriteLine($"answered markers: {answered} (expected {3 * Answerers})");
    }

    private static async Task InstallAsync(IServiceProvider services, ConnectorSimulator.ConnectorSimulator sim, string[] people)
    {
        var conversations = services.GetRequiredService<IConversationStore>();
        var now = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (user, ct) =>
        {
            sim.AddConversation(ChatOf(user));
            await conversations.UpsertAsync(new ConversationRecord
            {
                TenantId = sim.DefaultTenantId,
                ConversationId = ChatOf(user),
                Kind = ConversationKind.Personal,
                ServiceUrl = sim.BaseUrl,
                BotId = BotId,
                UserId = user,
                UserAadObjectId = AadOf(user),
                InstalledAt = now,
                UpdatedAt = now,
            }, ct);
        });
        Console.WriteLine($"{people.Length:N0} personal installations stored in {watch.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task<Pulse> FanOutAsync(IServiceProvider services, ConnectorSimulator.ConnectorSimulator sim, string[] people)
    {
        var watch = Stopwatch.StartNew();
        // The scheduler's pass: choose the questions, write 10,000 ledger rows, wake the sender (the host's DeliveryWorker).
        await services.GetRequiredService<PulseScheduler>().RunOnceAsync(default);
        var ledgerWritten = watch.Elapsed;
        await sim.WaitForSentAsync(people.Length, TimeSpan.FromMinutes(15));
        watch.Stop();

        var sent = sim.Sent;
        var perChat = sent.GroupBy(s => s.ConversationId).ToDictionary(g => g.Key, g => g.Count());
        var lost = people.Count(p => !perChat.ContainsKey(ChatOf(p)));
        var duplicates = perChat.Values.Sum(n => n - 1);
        var ideal = people.Length / TenantLimit;
        Console.WriteLine($"fan-out: {people.Length:N0} recipients, ledger written in {ledgerWritten.TotalSeconds:F1} s, last pulse sent after {watch.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"elapsed / (recipients / {TenantLimit} RPS) = {watch.Elapsed.TotalSeconds / ideal:F3} (goal <= 1.05)"));
        Console.WriteLine($"429s received: {sim.ThrottledCount}; duplicates: {duplicates} (goal 0); lost: {lost} (goal 0)");

        var active = await services.GetRequiredService<IPulseStore>().ListActiveAsync(default);
        return active.Single();
    }

    /// <summary>Everyone presses "Submit answers" at the same moment.</summary>
    private static async Task AnswerBurstAsync(HttpClient http, ConnectorSimulator.ConnectorSimulator sim, Pulse pulse, IReadOnlyList<Question> questions, string[] people)
    {
        var figures = await AnswerTraffic.BurstAsync(http, Bodies(sim, pulse, questions, people));
        Console.WriteLine($"burst: {people.Length:N0} answers released at once: {figures.Describe()}");
    }

    /// <summary>Answers arriving at a steady rate (an open loop: each starts on time whether or not earlier ones finished).</summary>
    private static async Task AnswerPacedAsync(HttpClient http, ConnectorSimulator.ConnectorSimulator sim, Pulse pulse, IReadOnlyList<Question> questions, string[] people,
        int perSecond)
    {
        var figures = await AnswerTraffic.PacedAsync(http, Bodies(sim, pulse, questions, people), perSecond);
        Console.WriteLine($"paced: {people.Length:N0} answers arriving at {perSecond:N0}/s: {figures.Describe()}");
    }

    /// <summary>
    /// Answers from a fixed number of concurrent callers (a closed loop, as load tools count concurrency): each caller
    /// sends its next answer as soon as the previous one is answered.
    /// </summary>
    private static async Task AnswerConcurrentAsync(HttpClient http, ConnectorSimulator.ConnectorSimulator sim, Pulse pulse, IReadOnlyList<Question> questions,
        string[] people, int callers)
    {
        var figures = await AnswerTraffic.ConcurrentAsync(http, Bodies(sim, pulse, questions, people), callers);
        Console.WriteLine($"concurrent: {people.Length:N0} answers from {callers} callers at once: {figures.Describe()}");
    }

    private static string[] Bodies(ConnectorSimulator.ConnectorSimulator sim, Pulse pulse, IReadOnlyList<Question> questions, string[] people) =>
        [.. people.Select(p => AnswerTraffic.AnswerInvoke(sim.BaseUrl, sim.DefaultTenantId, pulse, questions, p))];

    private static string ChatOf(string user) => AnswerTraffic.ChatOf(user);

    private static string AadOf(string user) => AnswerTraffic.AadOf(user);
}
