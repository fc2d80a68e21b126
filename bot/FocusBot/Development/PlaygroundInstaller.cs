using System.ComponentModel;
using System.Diagnostics;

namespace FocusBot.Development;

/// <summary>
/// Installs the Agents Playground, and nothing else, from its own lockfile in dev-tools/playground with `npm ci`, once
/// per lockfile. When npm fails, the developer is shown what npm said (its last lines), not a guess at the cause.
/// </summary>
public static partial class PlaygroundInstaller
{
    /// <summary>Where the Playground's package.json and lockfile live, from the repository root.</summary>
    public static readonly string RelativeFolder = Path.Combine("dev-tools", "playground");

    /// <summary>How many of npm's last output lines a failure shows.</summary>
    public const int LinesShownOnFailure = 15;

    private const string InstalledMarker = ".focusbot-installed-lock.json";

    // npm ci prints nothing until it ends; a line now and then tells a developer it is still working.
    private static readonly TimeSpan s_progressEvery = TimeSpan.FromSeconds(15);

    public static string CliPath(string folder) => Path.Combine(folder, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    /// <summary>Whether the folder holds the Playground installed from its current lockfile.</summary>
    public static bool IsInstalled(string folder) =>
        File.Exists(CliPath(folder)) && FilesEqual(Path.Combine(folder, "package-lock.json"), Path.Combine(folder, "node_modules", InstalledMarker));

    /// <summary>Installs unless <see cref="IsInstalled"/>; false (with npm's own words logged) when it could not.</summary>
    public static async Task<bool> EnsureInstalledAsync(string folder, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (IsInstalled(folder))
            return true;

        LogInstalling(logger, folder);
        var clock = Stopwatch.StartNew();
        var output = new LastLines(LinesShownOnFailure);
        int exitCode;
        try
        {
            exitCode = await RunNpmCiAsync(folder, output, () => LogStillInstalling(logger, (int)clock.Elapsed.TotalSeconds), cancellationToken);
        }
        catch (Win32Exception)
        {
            LogNpmMissing(logger);
            return false;
        }

        if (exitCode != 0 || !File.Exists(CliPath(folder)))
        {
            LogNpmFailed(logger, exitCode, folder, output.Text);
            return false;
        }

        // Remembers which lockfile was installed, so a changed lockfile installs again.
        File.Copy(Path.Combine(folder, "package-lock.json"), Path.Combine(folder, "node_modules", InstalledMarker), overwrite: true);
        LogInstalled(logger, (int)Math.Ceiling(clock.Elapsed.TotalSeconds));
        return true;
    }

    private static async Task<int> RunNpmCiAsync(string folder, LastLines output, Action progress, CancellationToken cancellationToken)
    {
        // On Windows npm is a script, npm.cmd, which Process.Start finds only by its full name.
        var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo(npm, ["ci", "--no-audit", "--no-fund"])
            {
                WorkingDirectory = folder,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            },
        };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var exited = process.WaitForExitAsync(cancellationToken);
            while (await Task.WhenAny(exited, Task.Delay(s_progressEvery, cancellationToken)) != exited)
                progress();
            await exited;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode;
    }

    private static bool FilesEqual(string a, string b) =>
        File.Exists(a) && File.Exists(b) && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));

    /// <summary>The last lines a process printed, on either stream, in the order they came.</summary>
    internal sealed class LastLines(int capacity)
    {
        private readonly Queue<string> _lines = new();
        private readonly Lock _gate = new();

        public string Text
        {
            get
            {
                lock (_gate)
                    return string.Join(Environment.NewLine, _lines);
            }
        }

        public void Add(string? line)
        {
            if (string.IsNullOrWhiteSpace(line))
                return;
            lock (_gate)
            {
                _lines.Enqueue(line);
                while (_lines.Count > capacity)
                    _lines.Dequeue();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Installing the Agents Playground with npm ci in {Folder} (first run only; about 10 s with npm's cache, longer on a slow network)")]
    private static partial void LogInstalling(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Still installing the Agents Playground ({Seconds} s so far)")]
    private static partial void LogStillInstalling(ILogger logger, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agents Playground installed in {Seconds} s")]
    private static partial void LogInstalled(ILogger logger, int seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "npm was not found on the PATH: install Node.js 20 or later, which brings npm (README, Prerequisites). FocusBot still listens on /api/messages.")]
    private static partial void LogNpmMissing(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "npm ci failed with exit code {ExitCode} in {Folder}, so the Agents Playground cannot start. npm said:\n{NpmOutput}")]
    private static partial void LogNpmFailed(ILogger logger, int exitCode, string folder, string npmOutput);
}
