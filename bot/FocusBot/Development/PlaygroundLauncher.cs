using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace FocusBot.Development;

/// <summary>
/// In Development, installs (<see cref="PlaygroundInstaller"/>) and starts the Agents Playground, Microsoft's Teams
/// emulator, pointed at this host, so a newcomer can chat with FocusBot with no tenant, tunnel or app registration.
/// </summary>
public sealed partial class PlaygroundLauncher(
    IOptions<PlaygroundOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    IWebHostEnvironment environment,
    ILogger<PlaygroundLauncher> logger) : BackgroundService
{
    /// <summary>Its first start compiles a large bundle; on a busy 2-core machine that has taken most of a minute.</summary>
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(2);

    private readonly TaskCompletionSource<Uri?> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _playground;

    /// <summary>The Playground's page once it listens; null when it is turned off or could not start.</summary>
    public Task<Uri?> Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            _listening.TrySetResult(options.Value.Enabled ? await StartPlaygroundAsync(stoppingToken) : null);
        }
        catch (OperationCanceledException)
        {
            _listening.TrySetResult(null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            LogFailed(logger, ex.Message);
            _listening.TrySetResult(null);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_playground is { HasExited: false })
            _playground.Kill(entireProcessTree: true);
        _playground?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    private async Task<Uri?> StartPlaygroundAsync(CancellationToken stoppingToken)
    {
        await WaitForStartAsync(stoppingToken);
        var botUrl = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var folder = FindPlaygroundFolder(environment.ContentRootPath);
        if (botUrl is null || folder is null)
        {
            LogNoRepository(logger, environment.ContentRootPath);
            return null;
        }

        if (!await PlaygroundInstaller.EnsureInstalledAsync(folder, logger, stoppingToken))
            return null;

        var port = options.Value.Port;
        var endpoint = new Uri(new Uri(botUrl.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)), "/api/messages");
        var start = new ProcessStartInfo("node",
        [
            PlaygroundInstaller.CliPath(folder), "start", "-e", endpoint.ToString(), "-c", "msteams", "--dt",
            "-p", port.ToString(CultureInfo.InvariantCulture), "--conversation-id", PlaygroundDefaults.PersonalConversationId,
        ])
        {
            // Its log goes to devTools/ under its working directory (git-ignored).
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            // Without this it opens a browser with xdg-open, which fails on a machine without one, and exits.
            Environment = { ["TEAMSAPPTESTER_BROWSER"] = "none" },
        };

        var output = new PlaygroundInstaller.LastLines(PlaygroundInstaller.LinesShownOnFailure);
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _playground = new Process { StartInfo = start, EnableRaisingEvents = true };
        // Both streams are read for as long as it runs: a full pipe would stop it.
        _playground.OutputDataReceived += (_, e) =>
        {
            output.Add(e.Data);
            if (e.Data is { } line && ListeningLine().Match(line) is { Success: true } match)
                listening.TrySetResult(int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture));
        };
        _playground.ErrorDataReceived += (_, e) => output.Add(e.Data);
        try
        {
            _playground.Start();
        }
        catch (Win32Exception)
        {
            LogNodeMissing(logger);
            return null;
        }

        _playground.StandardInput.Close();
        _playground.BeginOutputReadLine();
        _playground.BeginErrorReadLine();

        var exited = _playground.WaitForExitAsync(stoppingToken);
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(s_startTimeout, stoppingToken));
        if (first != listening.Task)
        {
            stoppingToken.ThrowIfCancellationRequested();
            var exitCode = _playground.HasExited ? _playground.ExitCode.ToString(CultureInfo.InvariantCulture) : "none: it is still starting";
            LogNotListening(logger, (int)s_startTimeout.TotalSeconds, exitCode, output.Text);
            return null;
        }

        var actualPort = await listening.Task;
        if (actualPort != port)
            LogOtherPort(logger, port, actualPort);
        var page = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://localhost:{actualPort}"));
        LogReady(logger, page.ToString().TrimEnd('/'));
        return page;
    }

    private Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    /// <summary>dev-tools/playground of the repository the host runs from (found by FocusBot.sln above its content root).</summary>
    public static string? FindPlaygroundFolder(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FocusBot.sln")))
            {
                var folder = Path.Combine(dir.FullName, PlaygroundInstaller.RelativeFolder);
                return File.Exists(Path.Combine(folder, "package.json")) ? folder : null;
            }
        }

        return null;
    }

    [GeneratedRegex(@"Listening on (?<port>\d+)")]
    private static partial Regex ListeningLine();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat with FocusBot in the Microsoft 365 Agents Playground: {Url}")]
    private static partial void LogReady(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Port {Port} was taken, so the Agents Playground listens on {ActualPort}. A chat or channel FocusBot stored on an earlier run is reached again once you open it in the page.")]
    private static partial void LogOtherPort(ILogger logger, int port, int actualPort);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Agents Playground is not started: no dev-tools/playground above {ContentRoot} (run FocusBot from a clone of the repository). FocusBot still listens on /api/messages.")]
    private static partial void LogNoRepository(ILogger logger, string contentRoot);

    [LoggerMessage(Level = LogLevel.Error, Message = "node was not found on the PATH: install Node.js 20 or later (README, Prerequisites). FocusBot still listens on /api/messages.")]
    private static partial void LogNodeMissing(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Agents Playground did not start listening within {Seconds} s (exit code {ExitCode}). It said:\n{Output}")]
    private static partial void LogNotListening(ILogger logger, int seconds, string exitCode, string output);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Agents Playground could not be started: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
