using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace FocusBot.Development;

/// <summary>
/// In Development, starts the Agents Playground (Microsoft's Teams emulator, from the repository's npm lockfile) pointed at
/// this host, so a newcomer can chat with FocusBot with no tenant, tunnel or app registration.
/// </summary>
public sealed partial class PlaygroundLauncher(
    IOptions<PlaygroundOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    IWebHostEnvironment environment,
    ILogger<PlaygroundLauncher> logger) : BackgroundService
{
    private Process? _playground;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;
        await WaitForStartAsync(stoppingToken);
        var botUrl = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var toolsFolder = FindToolsFolder(environment.ContentRootPath);
        if (botUrl is null || toolsFolder is null)
        {
            LogUnavailable(logger);
            return;
        }

        var cli = Path.Combine(toolsFolder, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
        {
            LogInstalling(logger, toolsFolder);
            // The lockfile was resolved with --legacy-peer-deps (as test.sh installs it): npm ci must resolve the same way or
            // it refuses the lockfile as out of sync.
            if (await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--legacy-peer-deps"], toolsFolder, stoppingToken) != 0 || !File.Exists(cli))
            {
                LogUnavailable(logger);
                return;
            }

            // The same marker test.sh leaves, so it does not install everything again.
            File.Copy(Path.Combine(toolsFolder, "package-lock.json"), Path.Combine(toolsFolder, "node_modules", ".focusbot-installed-lock.json"), overwrite: true);
        }

        var endpoint = new Uri(new Uri(botUrl.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)), "/api/messages");
        var start = new ProcessStartInfo("node", [cli, "start", "-e", endpoint.ToString(), "-c", "msteams", "--dt", "-p", options.Value.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = Path.Combine(toolsFolder, ".playground"),
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["TEAMSAPPTESTER_BROWSER"] = "none" },
        };
        Directory.CreateDirectory(start.WorkingDirectory);
        _playground = Process.Start(start);
        if (_playground is null)
            return;
        _playground.ErrorDataReceived += (_, _) => { };
        _playground.BeginErrorReadLine();
        while (await _playground.StandardOutput.ReadLineAsync(stoppingToken) is { } line)
        {
            if (line.Contains("Listening on", StringComparison.Ordinal))
            {
                var port = line[(line.LastIndexOf(' ') + 1)..].Trim();
                LogReady(logger, $"http://localhost:{port}");
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_playground is { HasExited: false })
            _playground.Kill(entireProcessTree: true);
        _playground?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    private Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    private static string? FindToolsFolder(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FocusBot.sln")))
                return Path.Combine(dir.FullName, "tests");
        }

        return null;
    }

    private static async Task<int> RunAsync(string file, string[] arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = workingDirectory, UseShellExecute = false });
        if (process is null)
            return -1;
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat with FocusBot in the Microsoft 365 Agents Playground: {Url}")]
    private static partial void LogReady(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Installing the Agents Playground into {Folder} (first run only; needs Node.js 20+ and npm)")]
    private static partial void LogInstalling(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Agents Playground could not be started (is Node.js 20+ installed?). FocusBot still listens on /api/messages.")]
    private static partial void LogUnavailable(ILogger logger);
}
