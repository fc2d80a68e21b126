using System.Reflection;
using FocusBot.Configuration;
using FocusBot.TestSupport;

namespace FocusBot.Ship.Tests.Infra;

public sealed class ConfigurationKeyTests(BicepFixture bicep)
{
    private IReadOnlyList<string> AppSettingNames() =>
        [.. InfraPolicy.AppSettings(InfraPolicy.WebApp(bicep.Snapshot) ?? throw new InvalidOperationException(bicep.SnapshotRun.Describe())).Keys];

    [Fact]
    public void HostKeys_EachOne_IsSetByInfraOrDocumentedWithADefault()
    {
        var problems = ConfigurationKeyCoverage.FindProblems(
            ConfigurationKeyCoverage.HostKeys(typeof(ConfigurationKeys)),
            AppSettingNames(),
            ConfigurationReferenceTable.Load(RepositoryPaths.BotReadme));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void OptionsSections_EachBindableProperty_IsListedInConfigurationKeys()
    {
        // The host and every FocusBot library it ships with (copied next to the tests by the project reference).
        var assemblies = Directory.GetFiles(AppContext.BaseDirectory, "FocusBot*.dll")
            .Select(AssemblyName.GetAssemblyName)
            .Where(name => name.Name != typeof(ConfigurationKeyTests).Assembly.GetName().Name)
            .Select(Assembly.Load);
        var listed = new HashSet<string>(ConfigurationKeyCoverage.HostKeys(typeof(ConfigurationKeys)), StringComparer.OrdinalIgnoreCase);

        var missing = ConfigurationKeyCoverage.OptionsKeys(assemblies).Where(key => !listed.Contains(key)).ToList();

        Assert.True(missing.Count == 0, "Add to bot/FocusBot/Configuration/ConfigurationKeys.cs:\n" + string.Join("\n", missing));
    }

    // The coverage check must fail when a key is broken; these feed it broken inputs.

    [Fact]
    public void FindProblems_KeyNeitherInInfraNorTable_IsReported()
    {
        var problem = Assert.Single(ConfigurationKeyCoverage.FindProblems(["Pulse:Cadence"], [], new Dictionary<string, string>()));

        Assert.StartsWith("Pulse:Cadence: not set in infra/main.bicep", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FindProblems_KeySetByInfraWithDoubleUnderscore_IsCovered()
    {
        Assert.Empty(ConfigurationKeyCoverage.FindProblems(["Storage:Provider"], ["Storage__Provider"], new Dictionary<string, string>()));
    }

    [Fact]
    public void FindProblems_ListElementSetByInfra_CoversTheListKeyAndIsNoTypo()
    {
        Assert.Empty(ConfigurationKeyCoverage.FindProblems(["Pulse:Reminders"], ["Pulse__Reminders__0", "pulse__reminders__1"], new Dictionary<string, string>()));
    }

    [Fact]
    public void FindProblems_KeyDocumentedWithDefault_IsCovered()
    {
        Assert.Empty(ConfigurationKeyCoverage.FindProblems(["Storage:Provider"], [], new Dictionary<string, string> { ["Storage:Provider"] = "`Sqlite`" }));
    }

    [Fact]
    public void FindProblems_TableRowWithEmptyDefault_IsReported()
    {
        var problem = Assert.Single(ConfigurationKeyCoverage.FindProblems(["Storage:Provider"], [], new Dictionary<string, string> { ["Storage:Provider"] = " " }));

        Assert.Contains("empty default", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FindProblems_MisspeltInfraSetting_IsReported()
    {
        var problems = ConfigurationKeyCoverage.FindProblems(["Storage:Provider"], ["Storage__Provider", "Storage__Provder"], new Dictionary<string, string>());

        Assert.Contains("Storage__Provder: infra sets it but the host reads no such key", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReadmeTable_ReadsKeysAndDefaults()
    {
        const string Markdown = """
            | Key | Default | What it does |
            |---|---|---|
            | `Storage:Provider` | `Sqlite` | Where data lives |
            | `Privacy:PseudonymSecret` | none (required) | HMAC key |
            Some prose with | `NotAKey` in it.
            """;

        var table = ConfigurationReferenceTable.Parse(Markdown);

        Assert.Equal(2, table.Count);
        Assert.Equal("`Sqlite`", table["Storage:Provider"]);
        Assert.Equal("none (required)", table["privacy:pseudonymsecret"]);
    }

    [Fact]
    public void OptionsKeys_OptionsTypeWithSection_YieldsSectionAndPropertyNames()
    {
        var keys = ConfigurationKeyCoverage.OptionsKeys([typeof(ConfigurationKeyTests).Assembly]);

        Assert.Contains("Sample:Retries", keys);
        Assert.Contains("Sample:Hosts", keys);
        Assert.Contains("Sample:Nested:Path", keys);
        Assert.DoesNotContain("Sample:Nested", keys);
        Assert.DoesNotContain("Sample:Computed", keys);
    }
}

/// <summary>An options type for <see cref="ConfigurationKeyTests.OptionsKeys_OptionsTypeWithSection_YieldsSectionAndPropertyNames"/>.</summary>
public sealed class SampleOptions
{
    public const string Section = "Sample";

    public int Retries { get; set; }

    public IReadOnlyList<string> Hosts { get; set; } = [];

    public SampleNestedOptions Nested { get; set; } = new();

    public int Computed => Retries * 2;
}

/// <summary>A nested options object: its keys are Sample:Nested:*.</summary>
public sealed class SampleNestedOptions
{
    public string? Path { get; set; }
}
