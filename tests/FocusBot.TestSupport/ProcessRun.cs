namespace FocusBot.TestSupport;

/// <summary>A tool run to its end by <see cref="ChildProcess.RunAsync"/>: its exit code and what it printed.</summary>
/// <param name="Log">Standard output and error interleaved as they arrived, error lines marked.</param>
public sealed record ProcessRun(string Command, int ExitCode, string StandardOutput, string StandardError, string Log)
{
    /// <summary>What a fixture holds before its tool has run.</summary>
    public static ProcessRun NotRun { get; } = new(string.Empty, -1, string.Empty, string.Empty, string.Empty);

    /// <summary>For assertion messages: the command, its exit code and both outputs.</summary>
    public string Describe() => $"{Command}: exit code {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}
