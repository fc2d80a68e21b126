using System.Text.Json.Nodes;
using FocusBot.Ship.Tests.Support;
using FocusBot.TestSupport;

namespace FocusBot.Ship.Tests.Manifest;

public sealed class ManifestSchemaTests(AppPackageFixture package)
{
    /// <summary>The offline copy of the Teams manifest schema that @microsoft/app-manifest ships for the manifest's version.</summary>
    private static string SchemaFor(JsonNode manifest) => Path.Combine(RepositoryPaths.NodeModules, "@microsoft", "app-manifest", "build", "json-schemas", "teams",
        $"v{manifest["manifestVersion"]!.GetValue<string>()}", "MicrosoftTeams.schema.json");

    [Fact]
    public void Template_ManifestVersion_HasMatchingSchemaUrlAndOfflineSchema()
    {
        var template = JsonNode.Parse(File.ReadAllText(RepositoryPaths.ManifestTemplate))!;
        var version = template["manifestVersion"]!.GetValue<string>();

        Assert.Equal($"https://developer.microsoft.com/en-us/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", template["$schema"]!.GetValue<string>());
        Assert.True(File.Exists(SchemaFor(template)), $"No offline schema for manifest {version}: run npm ci in tests/.");
    }

    [Fact]
    public async Task FilledManifest_OfficialTeamsSchema_Validates()
    {
        Assert.True(package.Build.ExitCode == 0, package.Build.Describe());
        using var scratch = new TemporaryDirectory();
        var path = scratch.File("manifest.json");
        await File.WriteAllTextAsync(path, package.ManifestText);

        var result = await JsonSchemaValidator.ValidateAsync(SchemaFor(package.Manifest), path);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Equal("valid", result.StandardOutput.Trim());
    }

    // Shows the validation above can fail: a copy of the filled manifest with three broken fields is refused, and
    // each broken field is named.
    [Fact]
    public async Task FilledManifest_BrokenCopy_IsRefusedWithEachFieldNamed()
    {
        Assert.True(package.Build.ExitCode == 0, package.Build.Describe());
        var broken = package.Manifest;
        broken["accentColor"] = "teal";
        broken["bots"]![0]!["botId"] = "not-a-guid";
        broken["description"]!.AsObject().Remove("short");
        using var scratch = new TemporaryDirectory();
        var path = scratch.File("broken.json");
        await File.WriteAllTextAsync(path, broken.ToJsonString());

        var result = await JsonSchemaValidator.ValidateAsync(SchemaFor(broken), path);

        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.Contains("/accentColor", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("/bots/0/botId", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"missingProperty\":\"short\"", result.StandardOutput, StringComparison.Ordinal);
    }
}
