using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using FocusBot.Bench.ColdStart;
using FocusBot.Bench.Pulses;
using FocusBot.ConnectorSimulator;
using FocusBot.TestSupport;

namespace FocusBot.Bench.AnswersAzure;

/// <summary>
/// One variant's host as a process of its own on the shared Azurite, with tables of its own (Storage:AzureTables:TablePrefix)
/// and a Connector simulator of its own. It is prepared the way Teams and the host's own schedule would: every person
/// installs FocusBot through POST /api/messages, then the host is restarted with its scheduler on, opens the week's pulse
/// and sends it to everyone; the form each person would answer is read from the card they received.
/// </summary>
internal sealed class AzureAnswerHost(AnswersAzureVariant variant, ConnectorSimulator.ConnectorSimulator sim, HostProcess host, HostAllocations allocations,
    string[] bodies, string questions) : IAsyncDisposable
{
    // UTC+14: the pulse calendar names the cycle by the date there, so with that day as the send day and people in that
    // zone, this week's pulse is due at the scheduler's first pass whatever the hour (as in the crash scenario).
    private const string TimeZone = "Pacific/Kiritimati";
    private static readonly TimeSpan FanOutTimeout = TimeSpan.FromMinutes(15);

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 4096 }) { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(5) };
    private int _next;

    public AnswersAzureVariant Variant { get; } = variant;

    /// <summary>The ids of the items the pulse asks, as its card lists them.</summary>
    public string Questions { get; } = questions;

    public TimeSpan ProcessorTime => host.ProcessorTime;

    public Task<long> AllocatedBytesAsync() => allocations.ReadAsync();

    public static async Task<AzureAnswerHost> PrepareAsync(AnswersAzureVariant variant, string dll, AzuriteServer azurite, string folder, int people)
    {
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        var sim = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { EnforceRateLimits = false });
        try
        {
            var users = Enumerable.Range(0, people).Select(i => $"29:{variant.Name}-{i:D6}").ToArray();
            foreach (var user in users)
                sim.AddConversation(AnswerTraffic.ChatOf(user));

            // Installs with the schedule off, so the pulse opens once, for everyone.
            var installing = await HostProcess.StartAsync(dll, folder, Settings(variant, azurite, scheduled: false));
            try
            {
                await InstallAsync(installing, sim, users);
                await installing.StopAsync();
            }
            finally
            {
                await installing.DisposeAsync();
            }

            var installed = watch.Elapsed;
            var welcomes = sim.SentCount;
            var allocations = HostAllocations.For(folder);
            var environment = new Dictionary<string, string?>(Settings(variant, azurite, scheduled: true));
            foreach (var (name, value) in allocations.Environment)
                environment[name] = value;
            var host = await HostProcess.StartAsync(dll, folder, environment);
            try
            {
                await sim.WaitForSentAsync(welcomes + people, FanOutTimeout);
                var cards = sim.Sent.Skip(welcomes).ToList();
                var reached = cards.Select(c => c.ConversationId).Distinct().Count();
                var form = PulseCardForm.From(cards[^1].Activity)
                    ?? throw new InvalidOperationException($"The {variant.Name} host's last card after the restart holds no pulse form.");
                if (reached != people)
                    throw new InvalidOperationException($"The {variant.Name} host sent {cards.Count} cards to {reached} of {people} people.");
                var bodies = users.Select((user, n) => form.AnswerInvoke(sim.BaseUrl, sim.DefaultTenantId, user, n)).ToArray();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{variant.Name} ({variant.Commit}): {people:N0} installs in {installed.TotalSeconds:F0} s, pulse sent to all {watch.Elapsed.TotalSeconds - installed.TotalSeconds:F0} s later; items {form.Questions}"));
                return new AzureAnswerHost(variant, sim, host, allocations, bodies, form.Questions);
            }
            catch
            {
                await host.DisposeAsync();
                throw;
            }
        }
        catch
        {
            await sim.DisposeAsync();
            throw;
        }
    }

    /// <summary>The next <paramref name="count"/> people's answers: nobody answers twice, so every answer is a first one.</summary>
    public string[] Take(int count)
    {
        if (_next + count > bodies.Length)
            throw new InvalidOperationException($"The {Variant.Name} host has {bodies.Length - _next} people left, not {count}.");
        var taken = bodies[_next..(_next + count)];
        _next += count;
        return taken;
    }

    public Task<AnswerFigures> PacedAsync(int count, int perSecond) => AnswerTraffic.PacedAsync(_http, Take(count), perSecond);

    public Task<AnswerFigures> ConcurrentAsync(int count, int callers) => AnswerTraffic.ConcurrentAsync(_http, Take(count), callers);

    /// <summary>Cards the host sent while people answered: none expected, answering replies in the invoke itself.</summary>
    public int SentCount => sim.SentCount;

    public bool HasExited => host.HasExited;

    public string Log => host.Log;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await host.DisposeAsync();
        await sim.DisposeAsync();
    }

    private static Dictionary<string, string?> Settings(AnswersAzureVariant variant, AzuriteServer azurite, bool scheduled) => new()
    {
        ["Storage__Provider"] = "AzureTables",
        ["Storage__AzureTables__ConnectionString"] = azurite.ConnectionString,
        ["Storage__AzureTables__TablePrefix"] = variant.TablePrefix,
        ["Pulse__SendDay"] = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(14)).DayOfWeek.ToString(),
        ["Pulse__SendTime"] = "00:00",
        ["Pulse__DefaultTimeZone"] = TimeZone,
        // Hosts before the Voice question ask none; HEAD would add it as a fifth, free-text item. The same items on every host.
        ["Pulse__VoiceEvery"] = "0",
        ["Pulse__RunInBackground"] = scheduled ? "true" : "false",
        ["Delivery__RunInBackground"] = scheduled ? "true" : "false",
        // The simulator enforces no limit here: the fan-out only prepares the store.
        ["Teams__RateLimits__GlobalRequestsPerSecond"] = "5000",
    };

    private static async Task InstallAsync(HostProcess host, ConnectorSimulator.ConnectorSimulator sim, string[] users)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(5) };
        var refused = 0;
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (user, ct) =>
        {
            var install = TeamsActivities.PersonalInstall(sim.BaseUrl, sim.DefaultTenantId, AnswerTraffic.BotId, user, "Bench person", AnswerTraffic.ChatOf(user), TimeZone);
            using var content = new StringContent(install, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content, ct);
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Accepted))
                Interlocked.Increment(ref refused);
        });
        if (refused > 0)
            throw new InvalidOperationException($"{refused} of {users.Length} installs were refused:\n{host.Log}");
    }
}
