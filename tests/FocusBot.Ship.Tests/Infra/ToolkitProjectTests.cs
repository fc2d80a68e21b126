using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FocusBot.TestSupport;

namespace FocusBot.Ship.Tests.Infra;

/// <summary>
/// The Toolkit project files (infra/m365agents*.yml) cannot be run here (they need a Microsoft 365 tenant, Azure for dev), so these tests check what
/// would make it fail on first use: a path that does not exist, a parameter main.bicep does not have, a placeholder
/// nothing fills.
/// </summary>
public sealed partial class ToolkitProjectTests(BicepFixture bicep)
{
    // Set by the Toolkit itself or asked for interactively when empty.
    private static readonly string[] BuiltIns = ["TEAMSFX_ENV", "AZURE_SUBSCRIPTION_ID", "AZURE_RESOURCE_GROUP_NAME"];

    /// <summary>Each Toolkit project file with the environment it serves: Azure, a local run in Teams, the Playground.</summary>
    public static TheoryData<string, string> Projects => new()
    {
        { "m365agents.yml", "dev" },
        { "m365agents.local.yml", "local" },
        { "m365agents.playground.yml", "playground" },
    };

    private static string Read(string yml) => File.ReadAllText(Path.Combine(RepositoryPaths.Infra, yml));

    [Fact]
    public void Yml_InputPaths_Exist()
    {
        var yml = Read("m365agents.yml");
        var inputs = InputPath().Matches(yml).Select(match => match.Groups["path"].Value)
            .Concat(PublishedProject().Matches(yml).Select(match => match.Groups["path"].Value))
            .ToList();

        Assert.Contains("./main.bicep", inputs);
        Assert.Contains("../manifest/manifest.json", inputs);
        Assert.All(inputs, path => Assert.True(File.Exists(Path.Combine(RepositoryPaths.Infra, path)), $"m365agents.yml refers to {path}, which does not exist"));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void EveryYml_InputFilesAndFolders_Exist(string ymlFile, string environment)
    {
        var yml = Read(ymlFile);
        var files = InputPath().Matches(yml).Select(match => match.Groups["path"].Value);
        var folders = WorkingDirectory().Matches(yml).Select(match => match.Groups["path"].Value)
            .Concat(WrittenFile().Matches(yml).Select(match => Path.GetDirectoryName(match.Groups["path"].Value)!));

        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Infra, "env", $".env.{environment}")), $"{ymlFile} serves environment {environment}: env/.env.{environment} is missing");
        Assert.All(files, path => Assert.True(File.Exists(Path.Combine(RepositoryPaths.Infra, path)), $"{ymlFile} refers to {path}, which does not exist"));
        Assert.All(folders, path => Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.Infra, path)), $"{ymlFile} works in or writes to {path}, which does not exist"));
    }

    [Fact]
    public void LocalYml_WritesOnlySettingsFocusBotReads_ToTheFileTheTeamsProfileNames()
    {
        var yml = Read("m365agents.local.yml");
        var target = Assert.Single(WrittenFile().Matches(yml)).Groups["path"].Value;
        var keys = ContentKeys(yml);
        var read = typeof(FocusBot.Configuration.ConfigurationKeys).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var profile = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "bot", "FocusBot", "Properties", "launchSettings.json")))!
            ["profiles"]!["Microsoft Teams (local)"]!["environmentVariables"]!;

        Assert.Equal("appsettings.TeamsLocal.json", Path.GetFileName(target));
        Assert.Equal(Path.GetFileName(target), (string?)profile["DevTools__SettingsFile"]);
        Assert.Contains("MicrosoftAppPassword", keys);
        Assert.All(keys, key => Assert.True(read.Contains(key), $"m365agents.local.yml writes {key}, which FocusBot does not read"));
        var ignored = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".gitignore"));
        Assert.Contains("bot/FocusBot/appsettings.TeamsLocal.json", ignored);
    }

    [Fact]
    public void VsCodeLaunchConfigurations_NameProfilesAndTasksThatExist()
    {
        var comments = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        JsonNode ReadJson(params string[] path) => JsonNode.Parse(File.ReadAllText(Path.Combine([RepositoryPaths.Root, .. path])), documentOptions: comments)!;
        var profiles = ReadJson("bot", "FocusBot", "Properties", "launchSettings.json")["profiles"]!.AsObject().Select(p => p.Key).ToHashSet();
        var tasks = ReadJson(".vscode", "tasks.json")["tasks"]!.AsArray().Select(t => (string)t!["label"]!).ToHashSet();
        var configurations = ReadJson(".vscode", "launch.json")["configurations"]!.AsArray();

        Assert.NotEmpty(configurations);
        Assert.All(configurations, c =>
        {
            Assert.Contains((string)c!["launchSettingsProfile"]!, profiles);
            Assert.Contains((string)c["preLaunchTask"]!, tasks);
        });
        Assert.Contains("Microsoft Teams (local)", configurations.Select(c => (string)c!["launchSettingsProfile"]!));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void EveryYml_Placeholders_AreAllFilledBySomething(string ymlFile, string environment)
    {
        var yml = Read(ymlFile);
        var outputs = environment == "dev" ? bicep.Template["outputs"]!.AsObject().Select(o => o.Key) : [];
        var declaredInEnv = File.ReadAllLines(Path.Combine(RepositoryPaths.Infra, "env", $".env.{environment}"))
            .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.TrimStart().StartsWith('#'))
            .Select(line => line[..line.IndexOf('=', StringComparison.Ordinal)].Trim());
        var writtenByActions = WrittenVariable().Matches(yml).Select(match => match.Groups["name"].Value);
        var known = BuiltIns.Concat(outputs).Concat(declaredInEnv).Concat(writtenByActions).ToHashSet(StringComparer.Ordinal);

        var inputs = new List<string> { yml };
        if (yml.Contains("manifestPath: ../manifest/manifest.json", StringComparison.Ordinal))
            inputs.Add(File.ReadAllText(RepositoryPaths.ManifestTemplate));
        if (yml.Contains("./toolkit.parameters.json", StringComparison.Ordinal))
            inputs.Add(Read("toolkit.parameters.json"));
        var used = inputs.SelectMany(text => Placeholder().Matches(text).Select(match => match.Groups["name"].Value)).Distinct();

        // SECRET_* live in the git-ignored env/.env.<env>.user, documented in infra/README.md.
        var unfilled = used.Where(name => !known.Contains(name) && !name.StartsWith("SECRET_", StringComparison.Ordinal)).ToList();
        Assert.True(unfilled.Count == 0, $"{ymlFile}: nothing fills " + string.Join(", ", unfilled));
    }

    /// <summary>The configuration keys a createOrUpdateJsonFile content block writes, nested YAML keys joined with ':'.</summary>
    private static List<string> ContentKeys(string yml)
    {
        var lines = yml[(yml.IndexOf("content:", StringComparison.Ordinal) + "content:".Length)..].Split('\n').Skip(1);
        var path = new List<(int Indent, string Key)>();
        var keys = new List<string>();
        foreach (var line in lines.TakeWhile(l => l.Trim().Length == 0 || l.StartsWith("        ", StringComparison.Ordinal)))
        {
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            var indent = line.Length - line.TrimStart().Length;
            var key = line.Trim()[..line.Trim().IndexOf(':', StringComparison.Ordinal)];
            path.RemoveAll(p => p.Indent >= indent);
            path.Add((indent, key));
            if (!line.TrimEnd().EndsWith(':'))
                keys.Add(string.Join(':', path.Select(p => p.Key)));
        }

        return keys;
    }

    [Fact]
    public void ToolkitParameters_EveryParameter_IsDeclaredByMainBicepAndRequiredOnesAreGiven()
    {
        var given = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "toolkit.parameters.json")))!["parameters"]!.AsObject();
        var declared = bicep.Template["parameters"]!.AsObject();

        Assert.All(given.Select(p => p.Key), name => Assert.True(declared.ContainsKey(name), $"main.bicep has no parameter {name}"));
        var required = declared.Where(p => !p.Value!.AsObject().ContainsKey("defaultValue")).Select(p => p.Key);
        Assert.All(required, name => Assert.True(given.ContainsKey(name), $"toolkit.parameters.json does not give required parameter {name}"));
    }

    [Fact]
    public void ManifestPlaceholders_AreExactlyTheOnesTheBuildScriptFills()
    {
        var used = Placeholder().Matches(File.ReadAllText(RepositoryPaths.ManifestTemplate)).Select(match => match.Groups["name"].Value).ToHashSet();

        Assert.Equal(new HashSet<string> { "TEAMS_APP_ID", "BOT_ID", "BOT_DOMAIN" }, used);
    }

    [GeneratedRegex(@"^\s*-?\s*(path|parameters|manifestPath):\s*(?<path>\S+)", RegexOptions.Multiline)]
    private static partial Regex InputPath();

    [GeneratedRegex(@"^\s*workingDirectory:\s*(?<path>\S+)", RegexOptions.Multiline)]
    private static partial Regex WorkingDirectory();

    [GeneratedRegex(@"^\s*target:\s*(?<path>\S+)", RegexOptions.Multiline)]
    private static partial Regex WrittenFile();

    [GeneratedRegex(@"args:\s*publish\s+(?<path>\S+\.csproj)")]
    private static partial Regex PublishedProject();

    [GeneratedRegex(@"\$\{\{(?<name>[A-Za-z0-9_]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\s+\w+:\s*(?<name>[A-Z][A-Z0-9_]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex WrittenVariable();
}
