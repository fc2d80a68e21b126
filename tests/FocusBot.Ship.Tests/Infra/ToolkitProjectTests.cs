using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FocusBot.TestSupport;

namespace FocusBot.Ship.Tests.Infra;

/// <summary>
/// infra/m365agents.yml cannot be run here (it needs Azure and a Microsoft 365 tenant), so these tests check what
/// would make it fail on first use: a path that does not exist, a parameter main.bicep does not have, a placeholder
/// nothing fills.
/// </summary>
public sealed partial class ToolkitProjectTests(BicepFixture bicep)
{
    // Set by the Toolkit itself or asked for interactively when empty.
    private static readonly string[] BuiltIns = ["TEAMSFX_ENV", "AZURE_SUBSCRIPTION_ID", "AZURE_RESOURCE_GROUP_NAME"];

    private static string Yml => File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "m365agents.yml"));

    [Fact]
    public void Yml_InputPaths_Exist()
    {
        var inputs = InputPath().Matches(Yml).Select(match => match.Groups["path"].Value)
            .Concat(PublishedProject().Matches(Yml).Select(match => match.Groups["path"].Value))
            .ToList();

        Assert.Contains("./main.bicep", inputs);
        Assert.Contains("../manifest/manifest.json", inputs);
        Assert.All(inputs, path => Assert.True(File.Exists(Path.Combine(RepositoryPaths.Infra, path)), $"m365agents.yml refers to {path}, which does not exist"));
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
    public void Placeholders_InManifestParametersAndYml_AreAllFilledBySomething()
    {
        var outputs = bicep.Template["outputs"]!.AsObject().Select(o => o.Key);
        var declaredInEnv = File.ReadAllLines(Path.Combine(RepositoryPaths.Infra, "env", ".env.dev"))
            .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.TrimStart().StartsWith('#'))
            .Select(line => line[..line.IndexOf('=', StringComparison.Ordinal)].Trim());
        var writtenByActions = WrittenVariable().Matches(Yml).Select(match => match.Groups["name"].Value);
        var known = BuiltIns.Concat(outputs).Concat(declaredInEnv).Concat(writtenByActions).ToHashSet(StringComparer.Ordinal);

        var used = new[] { RepositoryPaths.ManifestTemplate, Path.Combine(RepositoryPaths.Infra, "toolkit.parameters.json"), Path.Combine(RepositoryPaths.Infra, "m365agents.yml") }
            .SelectMany(file => Placeholder().Matches(File.ReadAllText(file)).Select(match => match.Groups["name"].Value))
            .Distinct();

        // SECRET_* live in the git-ignored env/.env.<env>.user, documented in infra/README.md.
        var unfilled = used.Where(name => !known.Contains(name) && !name.StartsWith("SECRET_", StringComparison.Ordinal)).ToList();
        Assert.True(unfilled.Count == 0, "Nothing fills: " + string.Join(", ", unfilled));
    }

    [Fact]
    public void ManifestPlaceholders_AreExactlyTheOnesTheBuildScriptFills()
    {
        var used = Placeholder().Matches(File.ReadAllText(RepositoryPaths.ManifestTemplate)).Select(match => match.Groups["name"].Value).ToHashSet();

        Assert.Equal(new HashSet<string> { "TEAMS_APP_ID", "BOT_ID", "BOT_DOMAIN" }, used);
    }

    [GeneratedRegex(@"^\s*-?\s*(path|parameters|manifestPath):\s*(?<path>\S+)", RegexOptions.Multiline)]
    private static partial Regex InputPath();

    [GeneratedRegex(@"args:\s*publish\s+(?<path>\S+\.csproj)")]
    private static partial Regex PublishedProject();

    [GeneratedRegex(@"\$\{\{(?<name>[A-Za-z0-9_]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\s+\w+:\s*(?<name>[A-Z][A-Z0-9_]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex WrittenVariable();
}
