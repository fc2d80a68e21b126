using FocusBot.TestSupport;

namespace FocusBot.Tests.Support;

/// <summary>
/// The FocusBot processes one test starts, crashed ones included, all over the same settings (store, schedule, limits):
/// each can be killed or stopped and another started in its place. Disposing ends those still running and, when the
/// test did not pass, saves every process's output under artifacts/logs/{class}/{test}/.
/// </summary>
public sealed class FocusBotInstances(IReadOnlyDictionary<string, string?> settings) : IAsyncDisposable
{
    private readonly List<FocusBotChildProcess> _started = [];

    /// <summary>Every process started, in order, running or not.</summary>
    public IReadOnlyList<FocusBotChildProcess> Started => _started;

    public IReadOnlyList<FocusBotChildProcess> Running => [.. _started.Where(p => !p.HasExited)];

    /// <summary>Starts one more and returns once it is healthy; <paramref name="overrides"/> change settings for it alone.</summary>
    public async Task<FocusBotChildProcess> StartAsync(string name, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var merged = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            merged[key] = value;
        var process = await FocusBotChildProcess.StartAsync(name, merged, cancellationToken: TestContext.Current.CancellationToken);
        lock (_started)
            _started.Add(process);
        return process;
    }

    /// <summary>Starts several at the same moment, as a scaled-out deployment does.</summary>
    public async Task<FocusBotChildProcess[]> StartTogetherAsync(params string[] names) => await Task.WhenAll(names.Select(n => StartAsync(n)));

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result is not TestResult.Passed)
        {
            var folder = Path.Combine(RepositoryPaths.Artifacts, "logs",
                TestContext.Current.TestClass?.TestClassName ?? "unknown", TestContext.Current.TestMethod?.MethodName ?? "unknown");
            foreach (var process in _started)
                await process.SaveLogAsync(folder);
        }

        foreach (var process in _started)
            await process.DisposeAsync();
    }
}
