using System.Text.RegularExpressions;

namespace FocusBot.Ship.Tests.Infra;

/// <summary>
/// Reads the configuration reference table in bot/FocusBot/README.md: markdown rows whose first cell is a key in
/// backticks and whose second cell is its default, e.g. <c>| `Storage:Provider` | `Sqlite` | ... |</c>.
/// </summary>
internal static partial class ConfigurationReferenceTable
{
    public static Dictionary<string, string> Parse(string markdown)
    {
        var rows = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in markdown.Split('\n'))
        {
            var match = Row().Match(line.Trim());
            if (match.Success)
            {
                rows[match.Groups["key"].Value.Trim()] = match.Groups["default"].Value.Trim();
            }
        }

        return rows;
    }

    public static Dictionary<string, string> Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path)) : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\|\s*`(?<key>[^`]+)`\s*\|(?<default>[^|]*)\|")]
    private static partial Regex Row();
}
