namespace FocusBot.Bench;

/// <summary>
/// Each scenario prints its figures beside its goal. `dotnet run -c Release --project tests/FocusBot.Bench -- &lt;scenario&gt;`.
/// A named class rather than top-level statements: the host's own <c>Program</c> is the pulse scenario's entry point.
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        // The proactive scenario starts this program again as a busy second process (see BusyCore).
        if (args is [Proactive.BusyCore.Argument])
            return Proactive.BusyCore.Spin();

        var scenarios = new Dictionary<string, Func<Task>>(StringComparer.OrdinalIgnoreCase)
        {
            ["answers-azure"] = AnswersAzure.AnswersAzureBench.RunAsync,
            ["crash"] = Crashes.CrashBench.RunAsync,
            ["proactive"] = Proactive.ProactiveFanOutBench.RunAsync,
            ["coldstart"] = ColdStart.ColdStartBench.RunAsync,
            ["pulse"] = Pulses.PulseBench.RunAsync,
            ["storage"] = Storage.StorageBench.RunAsync,
            ["tables"] = Tables.TablesBench.RunAsync,
            ["trends"] = Trends.TrendsBench.RunAsync,
        };

        var chosen = args.Length == 0 ? scenarios.Keys.ToArray() : args;
        foreach (var name in chosen)
        {
            if (!scenarios.TryGetValue(name, out var run))
            {
                Console.Error.WriteLine($"Unknown scenario '{name}'. Known: {string.Join(", ", scenarios.Keys)}");
                return 2;
            }

            Console.WriteLine($"== {name} ==");
            await run();
        }

        return 0;
    }
}
