using System.Globalization;
using System.Text.RegularExpressions;
using FocusBot.TestSupport;

namespace FocusBot.EndToEnd.Playground;

/// <summary>
/// The Microsoft 365 Agents Playground (npm) pointed at FocusBot: it serves the Teams-like chat page and plays the
/// Bot Connector service for FocusBot at its /_connector.
/// </summary>
internal sealed partial class AgentsPlaygroundProcess : IAsyncDisposable
{
    private readonly DirectoryInfo _workingDirectory;

    private AgentsPlaygroundProcess(ChildProcess process, Uri pageAddress, DirectoryInfo workingDirectory)
    {
        Process = process;
        PageAddress = pageAddress;
        _workingDirectory = workingDirectory;
    }

    public ChildProcess Process { get; }

    public Uri PageAddress { get; }

    /// <summary>The Playground's own log (every request between it and FocusBot), written under its working directory.</summary>
    public string LogFile => Path.Combine(_workingDirectory.FullName, "devTools", "m365agentsplayground.log");

    public static Task<AgentsPlaygroundProcess> StartAsync(Uri botMessagesEndpoint, CancellationToken cancellationToken) =>
        StartAsync(botMessagesEndpoint, timeZone: null, cancellationToken);

    /// <summary>
    /// As above; <paramref name="timeZone"/> (IANA) is the time zone its user is in: the Playground reports its own
    /// process's zone as the user's localTimezone, so it is set through TZ.
    /// </summary>
    public static Task<AgentsPlaygroundProcess> StartAsync(Uri botMessagesEndpoint, string? timeZone, CancellationToken cancellationToken) =>
        StartAsync(botMessagesEndpoint, timeZone, LoopbackPorts.Free(), cancellationToken);

    /// <summary>As above, on <paramref name="port"/>: for a FocusBot told beforehand where the Playground's Connector is.</summary>
    public static async Task<AgentsPlaygroundProcess> StartAsync(Uri botMessagesEndpoint, string? timeZone, int port, CancellationToken cancellationToken)
    {
        var cli = RepositoryPaths.PlaygroundCli;
        var workingDirectory = Directory.CreateTempSubdirectory("focusbot-e2e-playground-");
        var process = ChildProcess.Start(
            "node",
            [cli, "start", "-e", botMessagesEndpoint.ToString(), "-c", "msteams", "--dt", "-p", port.ToString(CultureInfo.InvariantCulture)],
            workingDirectory: workingDirectory.FullName,
            // Without this it tries to open a browser with xdg-open and exits.
            environment: new Dictionary<string, string?>
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["TZ"] = timeZone ?? Environment.GetEnvironmentVariable("TZ"),
            });
        try
        {
            var listening = await process.WaitForOutputAsync(line => ListeningLine().IsMatch(line), Waits.Max, cancellationToken);
            // It takes another free port when the one asked for was taken meanwhile: believe what it prints.
            var listeningPort = ListeningLine().Match(listening).Groups["port"].Value;
            return new AgentsPlaygroundProcess(process, new Uri($"http://127.0.0.1:{listeningPort}/"), workingDirectory);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public async Task SaveLogsAsync(string pathWithoutExtension, CancellationToken cancellationToken)
    {
        await Process.SaveLogAsync(pathWithoutExtension + ".out.log", cancellationToken);
        if (File.Exists(LogFile))
            File.Copy(LogFile, pathWithoutExtension + ".log", overwrite: true);
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        try
        {
            _workingDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    [GeneratedRegex(@"Listening on (?<port>\d+)")]
    private static partial Regex ListeningLine();
}
