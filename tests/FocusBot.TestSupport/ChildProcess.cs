using System.Diagnostics;
using System.Text;

namespace FocusBot.TestSupport;

/// <summary>
/// A process a test starts (FocusBot, node tools): its output is kept line by line so a test can wait for a line and
/// save the whole log when it fails; disposing kills the process and everything it started, by process id.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<OutputLine> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process, string displayName)
    {
        _process = process;
        DisplayName = displayName;
    }

    /// <summary>What the log and error messages call this process.</summary>
    public string DisplayName { get; }

    public int Id => _process.Id;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Standard output lines so far.</summary>
    public IReadOnlyList<string> StandardOutput => Lines(isError: false);

    /// <summary>Standard error lines so far.</summary>
    public IReadOnlyList<string> StandardError => Lines(isError: true);

    /// <summary>Standard output and error interleaved as they arrived, error lines marked.</summary>
    public string Log
    {
        get
        {
            lock (_gate)
                return string.Join('\n', _lines.Select(l => l.IsError ? "[stderr] " + l.Text : l.Text));
        }
    }

    /// <summary>The dotnet executable running these tests, so a child <c>dotnet</c> command uses the same SDK.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
        ? host
        : "dotnet";

    public static ChildProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        // The test host runs inside MSBuild and VSTest: a child `dotnet run` or `dotnet build` that inherited their
        // variables would build as part of this test run rather than as a person at a shell does.
        foreach (var inherited in start.Environment.Keys.Where(IsTestRunVariable).ToList())
            start.Environment.Remove(inherited);
        // The dotnet CLI's banner and language would otherwise depend on the machine.
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        // A null value removes a variable the test process has, so the child cannot inherit it.
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process, $"{Path.GetFileName(fileName)} {string.Join(' ', start.ArgumentList.Take(2))}");
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, isError: true);
        process.Exited += (_, _) => child.OnExited();
        if (!process.Start())
            throw new InvalidOperationException($"Could not start {fileName}.");

        // If the test host ends without disposing (a crash, a cancelled run), do not leave servers behind.
        AppDomain.CurrentDomain.ProcessExit += child.OnTestHostExit;

        // Nothing is ever typed into these processes; closing stdin stops a tool that waits for input.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Runs a tool to its end and returns what it printed; kills it and throws <see cref="TimeoutException"/> (with its
    /// output) when it takes longer than <paramref name="timeout"/>.
    /// </summary>
    public static async Task<ProcessRun> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        await using var child = Start(fileName, arguments, workingDirectory, environment);
        await child.WaitForExitAsync(timeout, cancellationToken);
        return new ProcessRun(child.DisplayName, child._process.ExitCode, string.Join('\n', child.StandardOutput), string.Join('\n', child.StandardError), child.Log);
    }

    /// <summary>Waits for the first output line (already printed or still to come) that matches, and returns it.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var seen = _lines.FirstOrDefault(l => match(l.Text));
            if (seen is not null)
                return seen.Text;
            _waiters.Add((match, found));
        }

        try
        {
            var finished = await Task.WhenAny(found.Task, _exited.Task).WaitAsync(timeout, cancellationToken);
            if (finished == found.Task)
                return await found.Task;
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            if (found.Task.IsCompletedSuccessfully)
                return found.Task.Result;
            throw new InvalidOperationException($"{DisplayName} exited with code {_process.ExitCode} before printing the expected line. Output:\n{Log}");
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{DisplayName} did not print the expected line within {timeout.TotalSeconds:0} s. Output:\n{Log}");
        }
        finally
        {
            lock (_gate)
                _waiters.RemoveAll(w => w.Found == found);
        }
    }

    /// <summary>Waits for the process to exit and its output to be read to the end.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            await Task.WhenAll(_exited.Task, _stdoutClosed.Task, _stderrClosed.Task).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{DisplayName} did not exit within {timeout.TotalSeconds:0} s. Output:\n{Log}");
        }
    }

    /// <summary>
    /// Ends the process and everything it started at once (SIGKILL), as a crash or an out-of-memory kill would: no shutdown
    /// code runs. Returns when it has exited and its output is read.
    /// </summary>
    public async Task KillAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        await WaitForExitAsync(timeout, cancellationToken);
    }

    /// <summary>
    /// Asks the process to stop (SIGTERM), as a host's orderly shutdown or a deployment does, and waits for it to exit on its
    /// own; throws <see cref="TimeoutException"/> when it does not within <paramref name="timeout"/> (disposing then kills it).
    /// </summary>
    public async Task TerminateAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (HasExited)
            return;
        // .NET has no managed way to send a signal; kill(1) is on every Linux and macOS machine the tests run on.
        var signal = await RunAsync("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10),
            cancellationToken: cancellationToken);
        if (signal.ExitCode != 0 && !HasExited)
            throw new InvalidOperationException($"kill -TERM {Id} failed: {signal.Describe()}");

        await WaitForExitAsync(timeout, cancellationToken);
    }

    /// <summary>The exit code once the process has exited; null while it runs.</summary>
    public int? ExitCode => HasExited ? _process.ExitCode : null;

    public async Task SaveLogAsync(string path, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, Log + "\n", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnTestHostExit;
        try
        {
            if (!HasExited)
                _process.Kill(entireProcessTree: true);
            await _exited.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        catch (TimeoutException)
        {
            // Killed but not reaped in time; nothing more a test can do.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void OnLine(string? text, bool isError)
    {
        if (text is null)
        {
            (isError ? _stderrClosed : _stdoutClosed).TrySetResult();
            return;
        }

        List<TaskCompletionSource<string>> matched = [];
        lock (_gate)
        {
            _lines.Add(new OutputLine(isError, text));
            foreach (var waiter in _waiters.Where(w => w.Match(text)))
                matched.Add(waiter.Found);
        }

        foreach (var found in matched)
            found.TrySetResult(text);
    }

    private void OnExited() => _exited.TrySetResult();

    private List<string> Lines(bool isError)
    {
        lock (_gate)
            return [.. _lines.Where(l => l.IsError == isError).Select(l => l.Text)];
    }

    private static bool IsTestRunVariable(string name) =>
        name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
        || name.Equals("DOTNET_CLI_TELEMETRY_SESSIONID", StringComparison.OrdinalIgnoreCase);

    private void OnTestHostExit(object? sender, EventArgs e)
    {
        try
        {
            if (!HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private sealed record OutputLine(bool IsError, string Text);
}
