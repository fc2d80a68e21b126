using System.Globalization;
using System.Text.RegularExpressions;

namespace FocusBot.TestSupport;

/// <summary>
/// Checks Adaptive Cards as Teams will meet them, with tests/tools/validate-card.mjs: the Adaptive Card 1.5 schema,
/// Microsoft's `adaptivecards` renderer (the one Teams' web client and the Agents Playground use) and Teams' 28 KB limit.
/// One node process for a whole batch of cards, not one per card.
/// </summary>
public static partial class CardValidator
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    public static async Task<CardValidationReport> ValidateAsync(IReadOnlyDictionary<string, byte[]> cards, CancellationToken cancellationToken)
    {
        // Fail with the fix rather than with a confusing node error when the npm packages are missing.
        RepositoryPaths.NodePackageFile("adaptivecards", Path.Combine("dist", "adaptivecards.js"));
        RepositoryPaths.NodePackageFile("ajv", "package.json");

        var folder = Directory.CreateTempSubdirectory("focusbot-cards-");
        try
        {
            List<string> arguments = [Path.Combine(RepositoryPaths.Tools, "validate-card.mjs")];
            foreach (var (name, json) in cards)
            {
                var path = Path.Combine(folder.FullName, name + ".json");
                await File.WriteAllBytesAsync(path, json, cancellationToken);
                arguments.Add(path);
            }

            var run = await ChildProcess.RunAsync("node", arguments, s_timeout, cancellationToken: cancellationToken);
            return Parse(run.ExitCode, run.StandardOutput.Split('\n'), run.Log);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static CardValidationReport Parse(int exitCode, IReadOnlyList<string> lines, string log)
    {
        var problems = new Dictionary<string, List<string>>();
        var checkedCount = -1;
        foreach (var line in lines)
        {
            if (SummaryLine().Match(line) is { Success: true } summary)
            {
                checkedCount = int.Parse(summary.Groups["checked"].Value, CultureInfo.InvariantCulture);
                continue;
            }

            var separator = line.IndexOf(".json: ", StringComparison.Ordinal);
            if (separator < 0)
                continue;
            var name = line[..separator];
            if (!problems.TryGetValue(name, out var list))
                problems[name] = list = [];
            list.Add(line[(separator + ".json: ".Length)..]);
        }

        return new CardValidationReport(exitCode, checkedCount, problems.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value), log);
    }

    [GeneratedRegex(@"^checked (?<checked>\d+) card\(s\), \d+ problem\(s\)$")]
    private static partial Regex SummaryLine();
}
