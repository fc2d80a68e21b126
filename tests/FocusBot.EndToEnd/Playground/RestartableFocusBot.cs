using FocusBot.TestSupport;

namespace FocusBot.EndToEnd.Playground;

/// <summary>
/// FocusBot as a process (the FocusBot.dll beside the tests) in Development, on one loopback address over one SQLite folder
/// of its own, started again with other settings as a web app is after its settings change: the Agents Playground keeps
/// talking to the same address and the store keeps what it holds. Every run's output is kept for a failed test's log.
/// </summary>
internal sealed class RestartableFocusBot(string name) : IAsyncDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory($"focusbot-e2e-{name}-");
    private readonly List<string> _earlierLogs = [];
    private ChildProcess? _process;

    public Uri Address { get; } = new($"http://127.0.0.1:{LoopbackPorts.Free()}");

    public Uri MessagesEndpoint => new(Address, "/api/messages");

    /// <summary>The running FocusBot.</summary>
    public ChildProcess Process => _process ?? throw new InvalidOperationException("FocusBot is not running.");

    /// <summary>Every run's output so far, oldest first.</summary>
    public string Log => string.Join("\n--- FocusBot restarted ---\n", [.. _earlierLogs, _process?.Log ?? string.Empty]);

    /// <summary>
    /// Stops the running FocusBot, if any, as a host does (SIGTERM: in-flight work ends and leases are given back, so the next
    /// run need not wait them out), then starts it with <paramref name="settings"/> (environment variables, `__` for `:`)
    /// and command-line <paramref name="switches"/>; returns once it has started.
    /// </summary>
    public async Task StartAsync(IReadOnlyDictionary<string, string?> settings, IEnumerable<string> switches, CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            await _process.TerminateAsync(TimeSpan.FromSeconds(45), cancellationToken);
            await _process.DisposeAsync();
            _earlierLogs.Add(_process.Log);
            _process = null;
        }

        var environment = new Dictionary<string, string?>(settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DevTools__Playground__Enabled"] = "false",
            ["Storage__Sqlite__DataDirectory"] = _data.FullName,
            // Development mode (no auth, loopback only) needs no app id; never inherit one from the machine.
            ["MicrosoftAppId"] = null,
            ["MicrosoftAppPassword"] = null,
            ["ASPNETCORE_URLS"] = null,
        };
        _process = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "FocusBot.dll"), .. switches, "--urls", Address.ToString().TrimEnd('/')],
            AppContext.BaseDirectory, environment);
        await _process.WaitForOutputAsync(line => line.Contains("Application started", StringComparison.Ordinal), Waits.Max, cancellationToken);
    }

    public Task StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken) => StartAsync(settings, [], cancellationToken);

    /// <summary>Kills FocusBot (by process id, with anything it started) and deletes its store.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
            await _process.DisposeAsync();
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }
}
