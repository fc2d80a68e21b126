using System.Diagnostics;
using FocusBot.Bench.Pulses;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Proactive;
using FocusBot.Pulses;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Bench.ColdStart;

/// <summary>
/// A SQLite store holding an open pulse already sent to every recipient, prepared once by the real host running
/// in-process on the same data directory, then copied for each start so every start finds the same store, nobody's
/// answer in it yet.
/// </summary>
internal sealed class ColdStartStore
{
    private ColdStartStore(string directory, Pulse pulse, IReadOnlyList<Question> questions, string[] people, IReadOnlyDictionary<string, string?> pulseSettings)
    {
        Directory = directory;
        Pulse = pulse;
        Questions = questions;
        People = people;
        PulseSettings = pulseSettings;
    }

    public string Directory { get; }

    public Pulse Pulse { get; }

    public IReadOnlyList<Question> Questions { get; }

    /// <summary>Teams user ids of the recipients, each with a personal chat and a sent pulse card.</summary>
    public string[] People { get; }

    /// <summary>The schedule the pulse was opened under: a host started on the copy must use the same, or it opens another.</summary>
    public IReadOnlyDictionary<string, string?> PulseSettings { get; }

    public static async Task<ColdStartStore> SeedAsync(string directory, ConnectorSimulator.ConnectorSimulator sim, int recipients)
    {
        var watch = Stopwatch.StartNew();
        // A pulse due now: today's send day at midnight UTC, so every recipient's send time has passed.
        var pulseSettings = new Dictionary<string, string?>
        {
            ["Pulse:SendDay"] = DateTimeOffset.UtcNow.DayOfWeek.ToString(),
            ["Pulse:SendTime"] = "00:00",
            ["Pulse:DefaultTimeZone"] = "Etc/UTC",
        };
        var settings = new Dictionary<string, string?>(pulseSettings)
        {
            // This host only prepares the store: it opens and sends the pulse when told, as fast as the simulator takes it.
            ["Pulse:RunInBackground"] = "false",
            ["Delivery:RunInBackground"] = "false",
            ["Teams:RateLimits:GlobalRequestsPerSecond"] = "5000",
        };
        var people = Enumerable.Range(0, recipients).Select(i => $"29:cold-{i:D5}").ToArray();
        await using var host = new BenchHost(settings, directory);
        host.Start();
        var services = host.Services;
        await InstallAsync(services, sim, people);
        await services.GetRequiredService<PulseScheduler>().RunOnceAsync(default);
        // Pass after pass: without the background loop nobody renews the delivery lease, so one pass stops claiming rows
        // once the lease has run out, and the next pass takes it again.
        var worker = services.GetRequiredService<DeliveryWorker>();
        var sent = 0;
        for (var pass = await worker.RunOnceAsync(default); pass > 0; pass = await worker.RunOnceAsync(default))
            sent += pass;
        var pulse = (await services.GetRequiredService<IPulseStore>().ListActiveAsync(default)).Single();
        var questions = await services.GetRequiredService<PulseBank>().QuestionsOfAsync(pulse, default);
        var ledger = await services.GetRequiredService<IDeliveryStore>().CountByStatusAsync(PulseContent.LedgerOf(pulse), default);
        if (sent != recipients || ledger.GetValueOrDefault(DeliveryStatus.Sent) != recipients)
            throw new InvalidOperationException($"Seeding sent {sent} of {recipients} pulse cards; ledger: {string.Join(", ", ledger)}.");
        Console.WriteLine($"store seeded: {recipients:N0} personal installations, pulse {pulse.Id} with {questions.Count} questions sent to all, in {watch.Elapsed.TotalSeconds:F1} s");
        return new ColdStartStore(directory, pulse, questions, people, pulseSettings);
    }

    /// <summary>A fresh copy of the seeded store for one start.</summary>
    public string CopyTo(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        foreach (var file in System.IO.Directory.GetFiles(Directory))
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        return directory;
    }

    private static async Task InstallAsync(IServiceProvider services, ConnectorSimulator.ConnectorSimulator sim, string[] people)
    {
        var conversations = services.GetRequiredService<IConversationStore>();
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (user, ct) =>
        {
            sim.AddConversation(AnswerTraffic.ChatOf(user));
            await conversations.UpsertAsync(new ConversationRecord
            {
                TenantId = sim.DefaultTenantId,
                ConversationId = AnswerTraffic.ChatOf(user),
                Kind = ConversationKind.Personal,
                ServiceUrl = sim.BaseUrl,
                BotId = AnswerTraffic.BotId,
                UserId = user,
                UserAadObjectId = AnswerTraffic.AadOf(user),
                InstalledAt = now,
                UpdatedAt = now,
            }, ct);
        });
    }
}
