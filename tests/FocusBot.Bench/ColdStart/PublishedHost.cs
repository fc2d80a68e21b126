using System.Diagnostics;
using FocusBot.TestSupport;

namespace FocusBot.Bench.ColdStart;

/// <summary>
/// The host as it is deployed: <c>dotnet publish -c Release</c> of bot/FocusBot (infra/README.md step 5 and the Agents
/// Toolkit's deploy do exactly this), into a temp folder, with or without ReadyToRun, or from an earlier commit for a
/// before-and-after comparison in one run.
/// </summary>
internal static class PublishedHost
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The arguments a deployment publishes with (infra/README.md step 5): ReadyToRun code for linux-x64.</summary>
    public static readonly IReadOnlyList<string> AsDeployed = ["-r", "linux-x64", "--self-contained", "false"];

    /// <summary>The working tree's host, published with ReadyToRun forced on or off; returns the path of FocusBot.dll.</summary>
    public static Task<string> PublishAsync(string output, bool readyToRun) =>
        PublishProjectAsync(RepositoryPaths.Root, output,
            readyToRun ? [.. AsDeployed, "-p:PublishReadyToRun=true"] : ["-p:PublishReadyToRun=false"]);

    /// <summary>
    /// The host of an earlier commit, published as that commit's own settings say plus <paramref name="extra"/> (the
    /// "before" of a comparison). The commit is exported with git archive, so the working tree and its build output are
    /// left alone.
    /// </summary>
    public static async Task<string> PublishCommitAsync(string commit, string output, IReadOnlyList<string>? extra = null)
    {
        var source = Path.Combine(output, "source");
        Directory.CreateDirectory(source);
        await RunAsync("bash", ["-c", "git -C \"$0\" archive --format=tar \"$1\" | tar -x -C \"$2\"", RepositoryPaths.Root, commit, source], TimeSpan.FromMinutes(2));
        return await PublishProjectAsync(source, Path.Combine(output, "app"), extra ?? []);
    }

    private static async Task<string> PublishProjectAsync(string root, string output, IReadOnlyList<string> extra)
    {
        var watch = Stopwatch.StartNew();
        var project = Path.Combine(root, "bot", "FocusBot", "FocusBot.csproj");
        await RunAsync("dotnet", ["publish", project, "-c", "Release", "-o", output, "-nologo", "-clp:ErrorsOnly", .. extra], PublishTimeout);
        Console.WriteLine($"published {Path.GetRelativePath(Path.GetTempPath(), output)} ({string.Join(' ', extra)}) in {watch.Elapsed.TotalSeconds:F0} s");
        return Path.Combine(output, "FocusBot.dll");
    }

    private static async Task RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var run = await ChildProcess.RunAsync(fileName, arguments, timeout);
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"{run.Command} failed with exit code {run.ExitCode}:\n{run.Log}");
    }
}
