using System.Globalization;
using FocusBot.Bench.Pulses;
using FocusBot.ConnectorSimulator;

namespace FocusBot.Bench.ColdStart;

/// <summary>
/// Issue #11, "fast from the first answer": the published host started as a fresh process on a store holding an open
/// pulse, answered by 2,000 people arriving at 1,000/s the moment /healthz first says healthy (goal: p99 &lt; 100 ms, as
/// warm), then by 6,000 more at the same rate (only their p99 is reported: the host warming up the way traffic warms it),
/// then, after a pause of 10 s, by 2,000 more once warm, for the warm figures of the same start. The host's processor time
/// for the first and the warm 2,000 is reported too: unlike latency it hardly depends on the machine's load. Each variant (build, warm-up, runtime knobs) gets its own fresh
/// start on its own copy of the store, side by side in one run, a few rounds over so drift in the machine's load shows.
/// </summary>
internal static class ColdStartBench
{
    private const int ColdAnswers = 2_000;
    private const int BetweenAnswers = 6_000;
    private const int WarmAnswers = 2_000;
    private const int PerSecond = 1_000;
    private static readonly TimeSpan WarmPause = TimeSpan.FromSeconds(10);

    public static async Task RunAsync()
    {
        var settings = ColdStartSettings.FromEnvironment();
        var work = Directory.CreateTempSubdirectory("focusbot-coldstart-").FullName;
        try
        {
            Console.WriteLine($"load before: {LoadAverage()}; variants: {string.Join(", ", settings.Variants.Select(v => v.Name))}; rounds: {settings.Rounds}");
            var builds = await PublishAsync(settings, work);
            await using var sim = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { EnforceRateLimits = false });
            var store = await ColdStartStore.SeedAsync(Path.Combine(work, "seed"), sim, ColdAnswers + BetweenAnswers + WarmAnswers);
            var bodies = store.People.Select(p => AnswerTraffic.AnswerInvoke(sim.BaseUrl, sim.DefaultTenantId, store.Pulse, store.Questions, p)).ToArray();
            var sentBySeed = sim.Sent.Count;

            // One start whose figures are thrown away: the bench's own HTTP client is jitted by it, and the runtime's files
            // are read into the page cache, so the first variant measured pays neither.
            await using (await RunOnceAsync(settings.Variants[0], builds, store, bodies, work, "discarded"))
            {
            }

            var runs = new List<ColdStartRun>();
            Console.WriteLine(ColdStartRun.Header);
            for (var round = 1; round <= settings.Rounds; round++)
            {
                // Every other round in reverse, so no variant always follows the same one.
                var order = round % 2 == 1 ? settings.Variants : [.. settings.Variants.Reverse()];
                foreach (var variant in order)
                {
                    await using var run = await RunOnceAsync(variant, builds, store, bodies, work, $"round {round}");
                    runs.Add(run);
                    Console.WriteLine(run.Row());
                }
            }

            Console.WriteLine();
            Console.WriteLine(ColdStartRun.SummaryHeader);
            foreach (var variant in settings.Variants)
                Console.WriteLine(ColdStartRun.Summary(variant, [.. runs.Where(r => r.Variant == variant)]));
            Console.WriteLine($"load after: {LoadAverage()}; proactive messages sent while answering: {sim.Sent.Count - sentBySeed} (expected 0)");
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A killed host may hold a file a moment longer; the OS cleans temp folders.
            }
        }
    }

    private static async Task<Dictionary<HostBuild, string>> PublishAsync(ColdStartSettings settings, string work)
    {
        var builds = new Dictionary<HostBuild, string>();
        foreach (var build in settings.Variants.Select(v => v.Build).Distinct())
        {
            var output = Path.Combine(work, "publish", build.ToString().ToLowerInvariant());
            builds[build] = build switch
            {
                HostBuild.Before => await PublishedHost.PublishCommitAsync(settings.BeforeCommit!, output),
                HostBuild.Jit => await PublishedHost.PublishAsync(output, readyToRun: false),
                _ => await PublishedHost.PublishAsync(output, readyToRun: true),
            };
        }

        return builds;
    }

    private static async Task<ColdStartRun> RunOnceAsync(ColdStartVariant variant, Dictionary<HostBuild, string> builds, ColdStartStore store, string[] bodies,
        string work, string label)
    {
        var data = store.CopyTo(Path.Combine(work, "runs", Guid.NewGuid().ToString("N")));
        var environment = variant.Environment();
        foreach (var (key, value) in store.PulseSettings)
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var jit = JitLog.Requested ? new JitLog(Path.Combine(data, "jit.txt")) : null;
        jit?.AddTo(environment);
        var load = LoadAverage();
        var host = await HostProcess.StartAsync(builds[variant.Build], data, environment);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 4096 }) { BaseAddress = host.Address };
            jit?.Mark();
            var atReady = host.ProcessorTime;
            var cold = await AnswerTraffic.PacedAsync(http, bodies[..ColdAnswers], PerSecond);
            var afterCold = host.ProcessorTime;
            jit?.Mark();
            var between = await AnswerTraffic.PacedAsync(http, bodies[ColdAnswers..(ColdAnswers + BetweenAnswers)], PerSecond);
            // A pause, as traffic has between bursts: the JIT's background compiles queued by the traffic so far finish here
            // rather than inside the warm figures.
            await Task.Delay(WarmPause);
            var beforeWarm = host.ProcessorTime;
            var warm = await AnswerTraffic.PacedAsync(http, bodies[(ColdAnswers + BetweenAnswers)..], PerSecond);
            var cpu = new HostProcessorTime(atReady, afterCold - atReady, host.ProcessorTime - beforeWarm);
            if (host.HasExited)
                throw new InvalidOperationException($"The host of {variant.Name} exited while answering:\n{host.Log}");
            if (jit is not null)
            {
                Console.WriteLine($"methods jitted, {variant.Name}, {label}: {jit.Describe("until ready", "first 2,000 answers", "after")}");
                jit.Keep($"{variant.Name}-{label.Replace(' ', '-')}");
            }
            return new ColdStartRun(variant, label, load, host, data, cold, between, warm, cpu);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages, as uptime prints them.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    internal static string Ms(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
}
