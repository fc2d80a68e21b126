using System.Text.Json.Nodes;
using FocusBot.Ship.Tests.Support;
using FocusBot.TestSupport;

namespace FocusBot.Ship.Tests.Infra;

public sealed class SecretScanTests(BicepFixture bicep)
{
    [Fact]
    public void InfraFolder_EveryFile_HoldsNoSecret()
    {
        var findings = SecretScanner.Scan(RepositoryPaths.Infra);

        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"infra/{f.File}:{f.Line}: {f.Rule}")));
    }

    [Fact]
    public void CompiledTemplate_SecureParameters_HaveNoDefault()
    {
        Assert.True(bicep.Build.ExitCode == 0, bicep.Build.Describe());

        Assert.Empty(SecretScanner.SecureParametersWithDefaults(bicep.Template));
    }

    [Fact]
    public void AppSettings_NamedLikeSecrets_AreKeyVaultReferences()
    {
        var site = InfraPolicy.WebApp(bicep.Snapshot) ?? throw new InvalidOperationException(bicep.SnapshotRun.Describe());

        Assert.Empty(SecretScanner.SecretSettingsOutsideKeyVault(InfraPolicy.AppSettings(site)));
    }

    [Fact]
    public void SecretSettingsOutsideKeyVault_LiteralSigningKey_IsReported()
    {
        var settings = new Dictionary<string, string>
        {
            ["Privacy__PseudonymSecret"] = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/PseudonymSecret/)",
            ["Reports__SigningKey"] = "c2VjcmV0LXNpZ25pbmcta2V5LWZvci1yZXBvcnQtbGlua3M=",
            ["Pulse__SendDay"] = "Wednesday",
        };

        Assert.Equal(["Reports__SigningKey"], SecretScanner.SecretSettingsOutsideKeyVault(settings));
    }

    [Fact]
    public void ToolkitParameters_SecureParameters_ComeFromSecretEnvironmentVariables()
    {
        // The Agents Toolkit keeps SECRET_* variables in env/.env.<env>.user, which is never committed.
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "toolkit.parameters.json")))!["parameters"]!.AsObject();
        var secure = bicep.Template["parameters"]!.AsObject()
            .Where(p => p.Value!["type"]!.GetValue<string>().StartsWith("secure", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Key);

        foreach (var name in secure.Where(parameters.ContainsKey))
        {
            Assert.Matches(@"^\$\{\{SECRET_[A-Z0-9_]+\}\}$", parameters[name]!["value"]!.GetValue<string>());
        }
    }

    // The scan must fail when a secret is committed: plant one of each kind in a scratch folder.
    [Fact]
    public void Scan_PlantedSecrets_FindsEachKind()
    {
        using var scratch = new TemporaryDirectory();
        var fakeKey = new string('A', 86) + "==";
        File.WriteAllLines(scratch.File("leaky.bicep"),
        [
            "var cs = 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=" + fakeKey + "'",
            "var sas = 'https://x.blob.core.windows.net/c?sv=2022-11-02&sig=abcdefghijklmnopqrstuvwxyz012345'",
            "var key = storage.listKeys().keys[0].value",
            "param adminPassword string = 'Tr0ub4dor&3'",
            "var ai = 'InstrumentationKey=00000000-1111-2222-3333-444444444444;IngestionEndpoint=x'",
        ]);
        File.WriteAllLines(scratch.File("leaky.json"),
        [
            "{ \"clientSecret\": \"abc8Q~abcdefghijklmnopqrstuvwxyz0123456\" }",
            "-----BEGIN RSA PRIVATE KEY-----",
        ]);
        File.WriteAllLines(scratch.File(".env.dev"), ["MicrosoftAppPassword=hunter2"]);

        var rules = SecretScanner.Scan(scratch.Path).Select(finding => finding.Rule).ToHashSet();

        Assert.Equal(
            new HashSet<string>
            {
                "storage account key", "connection string with a key", "SAS token", "private key", "Entra client secret",
                "base64 key", "instrumentation key literal", "reads keys with list*()", "password-like literal",
                "password-like environment value",
            },
            rules);
    }

    [Fact]
    public void Scan_PlaceholdersAndReferences_AreNotSecrets()
    {
        using var scratch = new TemporaryDirectory();
        File.WriteAllLines(scratch.File("fine.txt"),
        [
            "\"pseudonymSecret\": { \"value\": \"${{SECRET_FOCUSBOT_PSEUDONYM_SECRET}}\" }",
            "export FOCUSBOT_PSEUDONYM_SECRET=\"$(openssl rand -base64 48)\"",
            "SECRET_FOCUSBOT_PSEUDONYM_SECRET=<paste a random value>",
            "{ name: 'Privacy__PseudonymSecret', value: '@Microsoft.KeyVault(SecretUri=${uri})' }",
            "param pseudonymSecret string = ''",
            "var pseudonymSecretName = 'PseudonymSecret'",
        ]);

        Assert.Empty(SecretScanner.Scan(scratch.Path));
    }

    [Fact]
    public void SecureParametersWithDefaults_HardcodedDefault_IsReported()
    {
        var template = JsonNode.Parse("""
            { "parameters": {
                "fine": { "type": "securestring", "defaultValue": "" },
                "alsoFine": { "type": "securestring" },
                "leaky": { "type": "securestring", "defaultValue": "hunter2" },
                "plain": { "type": "string", "defaultValue": "x" } } }
            """)!;

        Assert.Equal(["leaky"], SecretScanner.SecureParametersWithDefaults(template));
    }
}
