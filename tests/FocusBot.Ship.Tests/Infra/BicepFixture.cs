using System.Text.Json.Nodes;
using FocusBot.Ship.Tests.Support;
using FocusBot.TestSupport;

[assembly: AssemblyFixture(typeof(FocusBot.Ship.Tests.Infra.BicepFixture))]

namespace FocusBot.Ship.Tests.Infra;

/// <summary>
/// Compiles infra/main.bicep with the real Bicep compiler (linter rules from infra/bicepconfig.json included) and
/// asks it for a deployment snapshot of infra/main.bicepparam: the resources Azure would be sent, with names,
/// parameters and app settings resolved, computed offline for a made-up subscription.
/// </summary>
public sealed class BicepFixture : IAsyncLifetime
{
    public const string AdminObjectId = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    public const string ResourceGroup = "rg-focusbot-test";

    private readonly TemporaryDirectory _copy = new();

    internal ProcessRun Build { get; private set; } = ProcessRun.NotRun;

    internal ProcessRun SnapshotRun { get; private set; } = ProcessRun.NotRun;

    /// <summary>The ARM JSON template main.bicep compiles to.</summary>
    public JsonNode Template { get; private set; } = new JsonObject();

    /// <summary>The snapshot: predictedResources and outputs.</summary>
    public JsonNode Snapshot { get; private set; } = new JsonObject();

    public async ValueTask InitializeAsync()
    {
        // The snapshot is written next to the parameters file, so work on a copy rather than in the repository.
        CopyDirectory(RepositoryPaths.Infra, _copy.Path);
        var bicep = BicepCompiler.Executable;
        var build = ChildProcess.RunAsync(bicep, ["build", "main.bicep", "--stdout"], TimeSpan.FromMinutes(2), _copy.Path);
        var snapshot = ChildProcess.RunAsync(
            bicep,
            [
                "snapshot", "main.bicepparam",
                "--subscription-id", "00000000-0000-0000-0000-0000000000a1",
                "--tenant-id", "00000000-0000-0000-0000-0000000000b2",
                "--resource-group", ResourceGroup,
                "--location", "westeurope",
            ],
            TimeSpan.FromMinutes(2),
            _copy.Path,
            new Dictionary<string, string?> { ["FOCUSBOT_ADMIN_AAD_OBJECT_IDS"] = AdminObjectId, ["FOCUSBOT_PSEUDONYM_SECRET"] = null });

        Build = await build;
        SnapshotRun = await snapshot;
        if (Build.ExitCode == 0)
        {
            Template = JsonNode.Parse(Build.StandardOutput) ?? new JsonObject();
        }

        var snapshotFile = Path.Combine(_copy.Path, "main.snapshot.json");
        if (SnapshotRun.ExitCode == 0 && File.Exists(snapshotFile))
        {
            Snapshot = JsonNode.Parse(await File.ReadAllTextAsync(snapshotFile)) ?? new JsonObject();
        }
    }

    public ValueTask DisposeAsync()
    {
        _copy.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith(".deploy", StringComparison.Ordinal))
            {
                continue; // the Agents Toolkit's local publish output, not infrastructure
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
