using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FocusBot.TestSupport;

namespace FocusBot.Bench.ColdStart;

/// <summary>
/// The published host started as a fresh process (<c>dotnet FocusBot.dll</c>), so nothing it runs has been jitted, loaded
/// or opened before: Development with SQLite in the given data directory, listening on a loopback port it picks, where
/// Development takes requests without a token. Ready means GET /healthz answered 200.
/// </summary>
internal sealed partial class HostProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private HostProcess(ChildProcess process, Uri address, TimeSpan ready)
    {
        _process = process;
        Address = address;
        Ready = ready;
    }

    public Uri Address { get; }

    /// <summary>From starting the process to the first healthy answer of /healthz.</summary>
    public TimeSpan Ready { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Processor time the host has used so far, all its threads (the JIT's background compiles included). Unlike latency it
    /// barely moves with the machine's load, so it compares the first answers with the warm ones on a busy machine too.
    /// </summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            using var process = Process.GetProcessById(_process.Id);
            return process.TotalProcessorTime;
        }
    }

    /// <summary>What the host logged about its warm-up ("... in N ms"), if it did one.</summary>
    public double? WarmUpMilliseconds =>
        _process.StandardOutput.Select(line => WarmUpLine().Match(line)).FirstOrDefault(m => m.Success) is { } match
            ? double.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture)
            : null;

    public string Log => _process.Log;

    /// <summary>
    /// Starts the host. <paramref name="environment"/> adds variables (runtime knobs, settings) on top of the bench's own;
    /// a null value removes one the bench process has, so only what a variant names reaches the host.
    /// </summary>
    public static async Task<HostProcess> StartAsync(string dll, string dataDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var variables = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Storage__Sqlite__DataDirectory"] = dataDirectory,
            ["DevTools__Playground__Enabled"] = "false",
            // As the in-process bench host: one log line per answer would be console work the warm figures never paid.
            ["Logging__LogLevel__Default"] = "Warning",
            // Except what start-up says: the address it listens on and how long its warm-up took.
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["Logging__LogLevel__FocusBot.Startup"] = "Information",
        };
        foreach (var (name, value) in environment)
            variables[name] = value;

        var watch = Stopwatch.StartNew();
        var process = ChildProcess.Start("dotnet", [dll], Path.GetDirectoryName(dll), variables);
        try
        {
            var listening = await process.WaitForOutputAsync(line => line.Contains("Now listening on: ", StringComparison.Ordinal), TimeSpan.FromMinutes(2));
            var address = new Uri(listening[(listening.IndexOf("http", StringComparison.Ordinal))..].Trim());
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
            while (true)
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                    break;
                if (watch.Elapsed > TimeSpan.FromMinutes(2))
                    throw new TimeoutException($"/healthz still answers {(int)response.StatusCode} after 2 minutes:\n{process.Log}");
                await Task.Delay(10);
            }

            return new HostProcess(process, address, watch.Elapsed);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the host as a deployment does (SIGTERM), so it releases its leases and flushes what it holds.</summary>
    public Task StopAsync() => _process.TerminateAsync(TimeSpan.FromSeconds(30));

    /// <summary>Kills the host: the run is over and its copy of the store is thrown away.</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex(@"warmed up in (?<ms>[0-9]+(\.[0-9]+)?) ms")]
    private static partial Regex WarmUpLine();
}
