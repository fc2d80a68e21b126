using System.Text.Json.Nodes;

namespace FocusBot.Ship.Tests.Infra;

public sealed class BicepTemplateTests(BicepFixture bicep)
{
    [Fact]
    public void Build_MainTemplate_CompilesWithoutAnyDiagnostic()
    {
        // infra/bicepconfig.json raises the security linter rules to errors; a warning fails this test too.
        Assert.True(bicep.Build.ExitCode == 0, bicep.Build.Describe());
        Assert.True(bicep.Build.StandardError.Trim().Length == 0, bicep.Build.StandardError);
    }

    [Fact]
    public void Snapshot_ParametersFile_ProducesADeployment()
    {
        Assert.True(bicep.SnapshotRun.ExitCode == 0, bicep.SnapshotRun.Describe());
        Assert.Empty(bicep.Snapshot["diagnostics"]?.AsArray() ?? []);
        Assert.NotEmpty(bicep.Snapshot["predictedResources"]?.AsArray() ?? []);
    }

    [Fact]
    public void Snapshot_Deployment_MeetsEveryInfraRequirement()
    {
        var problems = InfraPolicy.Check(bicep.Snapshot);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Snapshot_AdminParameter_ReachesTheAppSetting()
    {
        var settings = InfraPolicy.AppSettings(InfraPolicy.WebApp(bicep.Snapshot)!);

        Assert.Equal(BicepFixture.AdminObjectId, settings["Bot__AdminAadObjectIds"]);
    }

    // The policy must fail when the deployment is broken: the same snapshot, each requirement broken once.
    [Fact]
    public void Check_BrokenDeployment_NamesEachBrokenRequirement()
    {
        var broken = bicep.Snapshot.DeepClone();
        var resources = broken["predictedResources"]!.AsArray();
        JsonNode Resource(string type) => resources.First(r => r!["type"]!.GetValue<string>() == type)!;

        Resource("Microsoft.Web/sites")["properties"]!["httpsOnly"] = false;
        Resource("Microsoft.Web/sites")["properties"]!["siteConfig"]!["healthCheckPath"] = "/";
        Resource("Microsoft.Storage/storageAccounts")["properties"]!["allowSharedKeyAccess"] = true;
        Resource("Microsoft.KeyVault/vaults")["properties"]!["enablePurgeProtection"] = false;
        Resource("Microsoft.BotService/botServices")["properties"]!["msaAppType"] = "MultiTenant";
        resources.Remove(resources.FirstOrDefault(r => r!["type"]!.GetValue<string>() == "Microsoft.BotService/botServices/channels"));
        resources.Remove(resources.FirstOrDefault(r => r!["properties"]?["roleDefinitionId"]?.GetValue<string>().EndsWith(InfraPolicy.StorageTableDataContributor, StringComparison.Ordinal) == true));
        var settings = Resource("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray();
        settings.Remove(settings.FirstOrDefault(s => s!["name"]!.GetValue<string>() == "Storage__Provider"));
        settings.Add(new JsonObject { ["name"] = "Storage__Provider", ["value"] = "Sqlite" });

        var problems = string.Join("\n", InfraPolicy.Check(broken));

        Assert.Contains("httpsOnly", problems, StringComparison.Ordinal);
        Assert.Contains("healthCheckPath", problems, StringComparison.Ordinal);
        Assert.Contains("allowSharedKeyAccess", problems, StringComparison.Ordinal);
        Assert.Contains("enablePurgeProtection", problems, StringComparison.Ordinal);
        Assert.Contains("msaAppType", problems, StringComparison.Ordinal);
        Assert.Contains("expected one Microsoft.BotService/botServices/channels, found 0", problems, StringComparison.Ordinal);
        Assert.Contains("Storage Table Data Contributor", problems, StringComparison.Ordinal);
        Assert.Contains("app setting Storage__Provider is Sqlite", problems, StringComparison.Ordinal);
    }
}
