using FocusBot.TestSupport;

namespace FocusBot.EndToEnd.Playground;

/// <summary>What a failed end-to-end test leaves under artifacts/e2e/: FocusBot's output, the Playground's logs, the browser console.</summary>
internal static class Diagnostics
{
    /// <summary>Writes the logs under artifacts/e2e/<paramref name="name"/>.* and returns that path prefix.</summary>
    public static async Task<string> SaveAsync(string name, ChildProcess? bot, AgentsPlaygroundProcess? playground, IEnumerable<string> browserConsole,
        CancellationToken cancellationToken = default)
    {
        var prefix = Path.Combine(RepositoryPaths.Artifacts, "e2e", name);
        Directory.CreateDirectory(Path.GetDirectoryName(prefix)!);
        if (bot is not null)
            await bot.SaveLogAsync(prefix + ".focusbot.log", cancellationToken);
        if (playground is not null)
            await playground.SaveLogsAsync(prefix + ".playground", cancellationToken);
        await File.WriteAllLinesAsync(prefix + ".browser-console.log", browserConsole, cancellationToken);
        return prefix;
    }
}
