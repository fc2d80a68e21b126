using System.Text.RegularExpressions;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Architecture;

/// <summary>
/// The host's folders depend one way (the table in bot/FocusBot/README.md): a cycle means code several features share
/// sits inside one of them, which is how Insights -> Privacy -> Recognitions -> Insights came about.
/// </summary>
public sealed partial class FeatureFolderTests
{
    private static readonly string Host = Path.Combine(RepositoryPaths.Root, "bot", "FocusBot");

    [Fact]
    public void HostFolders_DependOneWay()
    {
        var uses = FolderReferences();

        var cycle = FindCycle(uses);

        Assert.True(cycle is null, "The host's folders form a cycle: " + string.Join(" -> ", cycle ?? []));
    }

    [Fact]
    public void CycleCheck_FindsACycle_WhenOneFolderUsesAnotherThatUsesItBack()
    {
        var uses = FolderReferences();
        var (user, used) = uses.SelectMany(u => u.Value.Select(v => (u.Key, v))).First();
        uses[used] = [.. uses[used], user];

        Assert.NotNull(FindCycle(uses));
    }

    /// <summary>
    /// For each folder, the other host folders its files name: in a using or a fully qualified name, or as Folder.Type
    /// with a type that folder declares (a property such as Roles.Contains is not a reference to the Roles folder).
    /// </summary>
    private static Dictionary<string, HashSet<string>> FolderReferences()
    {
        var folders = Directory.GetDirectories(Host).Select(Path.GetFileName).OfType<string>()
            .Where(name => name is not ("bin" or "obj" or "Properties")).ToHashSet(StringComparer.Ordinal);
        var sources = folders.ToDictionary(folder => folder, folder => Directory
            .EnumerateFiles(Path.Combine(Host, folder), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText).ToList());
        var declared = folders.ToDictionary(folder => folder, folder => sources[folder]
            .SelectMany(text => TypeDeclaration().Matches(text).Select(match => match.Groups["type"].Value)).ToHashSet(StringComparer.Ordinal));

        return folders.ToDictionary(folder => folder, folder => sources[folder]
            .SelectMany(text => Reference().Matches(text))
            .Where(match => match.Groups["qualified"].Success || declared.GetValueOrDefault(match.Groups["folder"].Value)?.Contains(match.Groups["type"].Value) == true)
            .Select(match => match.Groups["folder"].Value)
            .Where(other => other != folder && folders.Contains(other))
            .ToHashSet(StringComparer.Ordinal));
    }

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> uses)
    {
        var done = new HashSet<string>();
        var path = new List<string>();
        List<string>? Visit(string folder)
        {
            if (path.Contains(folder))
                return [.. path.SkipWhile(f => f != folder), folder];
            if (!done.Add(folder))
                return null;
            path.Add(folder);
            foreach (var next in uses.GetValueOrDefault(folder) ?? [])
            {
                if (Visit(next) is { } cycle)
                    return cycle;
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return uses.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(cycle => cycle is not null);
    }

    // "using FocusBot.Notices;" or "Notices.NoticeBoard", not "Domain.Notices.X" (the Domain's namespace, not the host's folder).
    [GeneratedRegex(@"(?<![\w.])(?:(?<qualified>FocusBot\.)(?<folder>[A-Z]\w*)|(?<folder>[A-Z]\w*)\.(?<type>[A-Z]\w*))")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?<type>[A-Z]\w*)")]
    private static partial Regex TypeDeclaration();
}
