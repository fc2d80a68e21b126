using FocusBot.Bench.Proactive;

// Each scenario prints its figures beside its goal. `dotnet run -c Release --project tests/FocusBot.Bench -- <scenario>`.
var scenarios = new Dictionary<string, Func<Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["proactive"] = ProactiveFanOutBench.RunAsync,
    ["storage"] = FocusBot.Bench.Storage.StorageBench.RunAsync,
    ["trends"] = FocusBot.Bench.Trends.TrendsBench.RunAsync,
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
