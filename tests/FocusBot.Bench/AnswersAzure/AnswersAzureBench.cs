using System.Diagnostics;
using System.Globalization;
using FocusBot.Bench.ColdStart;
using FocusBot.Bench.Pulses;
using FocusBot.TestSupport;

namespace FocusBot.Bench.AnswersAzure;

/// <summary>
/// Issue #15, the answer path on Azure tables: the whole host answering pulse cards through POST /api/messages (invoke,
/// stored answers with the previous ones returned, answered mark, trend counters through the coalescing aggregate store,
/// the answered card), built from the commit before the swap to Azure.Data.Tables and from the SDK-based commits, each
/// published as deployed and run as a process of its own on one Azurite. Their turns alternate within each round, the
/// order rotating from round to round; each turn answers at fixed offered rates (open loop), then from a fixed number of
/// callers (closed loop). Reported per turn and as ratios to the previous client in the same round (goal: at least 0.8).
/// </summary>
internal static class AnswersAzureBench
{
    // Between two hosts' turns: the one before finishes its trailing counter flush, Azurite its garbage collection.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public static async Task RunAsync()
    {
        var settings = AnswersAzureSettings.FromEnvironment();
        var work = Directory.CreateTempSubdirectory("focusbot-answers-azure-").FullName;
        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"load before: {ColdStartBench.LoadAverage()}; {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; variants: {string.Join(", ", settings.Variants.Select(v => $"{v.Name} ({v.Commit}: {v.Description})"))}; " +
                $"{settings.Rounds} rounds of {string.Join(", ", Phases(settings))}, {settings.AnswersPerPhase:N0} answers each; {settings.People:N0} people per host"));
            var dlls = await PublishAsync(settings, work);
            var requests = Environment.GetEnvironmentVariable(AzuriteRequestLog.Variable) is { Length: > 0 } debugLog ? new AzuriteRequestLog(debugLog) : null;
            await using var azurite = await AzuriteServer.StartAsync(requests?.Path);
            var hosts = new List<AzureAnswerHost>();
            try
            {
                foreach (var variant in settings.Variants)
                    hosts.Add(await AzureAnswerHost.PrepareAsync(variant, dlls[variant], azurite, Path.Combine(work, "hosts", variant.Name), settings.People));
                if (hosts.Select(h => h.Questions).Distinct().Count() > 1)
                    Console.WriteLine("WARNING: the hosts ask different items, so they do not answer like for like.");
                await MeasureAsync(settings, hosts, azurite, requests);
            }
            finally
            {
                foreach (var host in hosts)
                    await host.DisposeAsync();
            }
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

    private static async Task MeasureAsync(AnswersAzureSettings settings, List<AzureAnswerHost> hosts, AzuriteServer azurite, AzuriteRequestLog? requests)
    {
        foreach (var host in hosts)
            await host.ConcurrentAsync(settings.WarmUpAnswers, settings.Callers);
        var sentBefore = hosts.Sum(h => h.SentCount);

        var phases = Phases(settings);
        var turns = new List<AnswersAzureTurn>();
        Console.WriteLine(AnswersAzureTurn.Header(phases));
        for (var round = 1; round <= settings.Rounds; round++)
        {
            // Each round starts with the next host, so none always follows the same one.
            for (var k = 0; k < hosts.Count; k++)
            {
                await Task.Delay(Settle);
                var turn = await TurnAsync(hosts[(k + round - 1) % hosts.Count], round, settings, azurite);
                turns.Add(turn);
                Console.WriteLine(turn.Row());
            }
        }

        Console.WriteLine();
        Console.WriteLine(AnswersAzureRatios.Header(phases));
        foreach (var sdk in settings.Variants.Where(v => v != AnswersAzureVariant.Previous))
        {
            var rounds = turns.Where(t => t.Variant == sdk)
                .Select(t => new AnswersAzureRatios(t, turns.Single(p => p.Round == t.Round && p.Variant == AnswersAzureVariant.Previous))).ToList();
            foreach (var ratios in rounds)
                Console.WriteLine(ratios.Row(phases));
            Console.WriteLine(AnswersAzureRatios.Median(rounds, phases));
        }

        if (requests is not null)
        {
            var counted = turns.Zip(await requests.CountAsync(turns)).ToList();
            Console.WriteLine($"Requests and batched operations Azurite served for each host while it answered (from {requests.Path}; the debug log slows Azurite, so this run's timings are not comparable):");
            foreach (var variant in settings.Variants)
                Console.WriteLine(AnswersAzureTurn.RequestsPerAnswer([.. counted.Where(t => t.First.Variant == variant)]));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load after: {ColdStartBench.LoadAverage()}; {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; cards sent while answering: {hosts.Sum(h => h.SentCount) - sentBefore} (expected 0)"));
    }

    private static async Task<AnswersAzureTurn> TurnAsync(AzureAnswerHost host, int round, AnswersAzureSettings settings, AzuriteServer azurite)
    {
        var from = DateTimeOffset.UtcNow;
        var load = ColdStartBench.LoadAverage().Split(',')[0];
        var cpu = host.ProcessorTime;
        var azuriteCpu = ProcessorTimeOf(azurite.ProcessId);
        var allocated = await host.AllocatedBytesAsync();
        var phases = new List<(string, AnswerFigures)>();
        foreach (var rate in settings.Rates)
            phases.Add((Paced(rate), await host.PacedAsync(settings.AnswersPerPhase, rate)));
        phases.Add((Closed(settings), await host.ConcurrentAsync(settings.AnswersPerPhase, settings.Callers)));
        var turn = new AnswersAzureTurn(host.Variant, round, load, phases, host.ProcessorTime - cpu, ProcessorTimeOf(azurite.ProcessId) - azuriteCpu,
            await host.AllocatedBytesAsync() - allocated, from, DateTimeOffset.UtcNow);
        if (host.HasExited)
            throw new InvalidOperationException($"The {host.Variant.Name} host exited while answering:\n{host.Log}");
        return turn;
    }

    private static async Task<Dictionary<AnswersAzureVariant, string>> PublishAsync(AnswersAzureSettings settings, string work)
    {
        var dlls = new Dictionary<AnswersAzureVariant, string>();
        foreach (var variant in settings.Variants)
        {
            var commit = await CommitOfAsync(variant.Commit);
            Console.WriteLine($"{variant.Name}: the host as built at {commit[..7]}");
            var folder = settings.PublishedFolder is { } kept ? Path.Combine(kept, commit) : Path.Combine(work, "publish", variant.Name);
            var dll = Path.Combine(folder, "app", "FocusBot.dll");
            dlls[variant] = File.Exists(dll) ? dll : await PublishedHost.PublishCommitAsync(commit, folder, PublishedHost.AsDeployed);
        }

        return dlls;
    }

    /// <summary>
    /// The last commit up to <paramref name="name"/> that changed what the host is built from: a commit that changed only
    /// the bench or the docs publishes the same host, so a kept publish is used again.
    /// </summary>
    private static async Task<string> CommitOfAsync(string name)
    {
        var run = await ChildProcess.RunAsync("git",
            ["-C", RepositoryPaths.Root, "log", "-1", "--format=%H", name, "--", "bot", "Directory.Build.props", "Directory.Packages.props", "global.json"],
            TimeSpan.FromMinutes(1));
        return run.ExitCode == 0 && run.StandardOutput.Trim() is { Length: 40 } commit
            ? commit
            : throw new InvalidOperationException($"No commit {name}: {run.Describe()}");
    }

    private static List<string> Phases(AnswersAzureSettings settings) => [.. settings.Rates.Select(Paced), Closed(settings)];

    private static string Paced(int rate) => string.Create(CultureInfo.InvariantCulture, $"{rate}/s");

    private static string Closed(AnswersAzureSettings settings) => string.Create(CultureInfo.InvariantCulture, $"{settings.Callers} callers");

    private static TimeSpan ProcessorTimeOf(int processId)
    {
        using var process = Process.GetProcessById(processId);
        return process.TotalProcessorTime;
    }
}
