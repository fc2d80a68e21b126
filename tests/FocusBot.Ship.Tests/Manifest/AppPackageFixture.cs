using System.IO.Compression;
using System.Text.Json.Nodes;
using FocusBot.Ship.Tests.Support;
using FocusBot.TestSupport;

[assembly: AssemblyFixture(typeof(FocusBot.Ship.Tests.Manifest.AppPackageFixture))]

namespace FocusBot.Ship.Tests.Manifest;

/// <summary>
/// Builds the app package once, exactly as an operator would (dotnet run manifest/build-package.cs), with test ids,
/// into a temp folder. Also the one place that runs the script, so its first (slow) compile happens once.
/// </summary>
public sealed class AppPackageFixture : IAsyncLifetime
{
    public const string AppId = "5d8c3f7e-2b1a-4c6d-9e0f-1a2b3c4d5e6f";
    public const string BotId = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
    public const string Domain = "focusbot-test.azurewebsites.net";
    public const string Version = "1.2.3";
    public const string PrivacyUrl = "https://intranet.contoso.example/focusbot/privacy";

    private readonly TemporaryDirectory _scratch = new();

    internal ProcessRun Build { get; private set; } = ProcessRun.NotRun;

    public string ZipPath => _scratch.File("appPackage.test.zip");

    public IReadOnlyList<string> EntryNames { get; private set; } = [];

    public string ManifestText { get; private set; } = "";

    public JsonNode Manifest => JsonNode.Parse(ManifestText) ?? throw new InvalidOperationException("empty manifest");

    public async ValueTask InitializeAsync()
    {
        Build = await RunBuildPackageAsync(
            "--app-id", AppId, "--bot-id", BotId, "--domain", Domain, "--version", Version, "--privacy-url", PrivacyUrl, "--out", ZipPath);
        if (Build.ExitCode != 0 || !File.Exists(ZipPath))
        {
            return; // the tests report the failure with the script's output
        }

        using var zip = ZipFile.OpenRead(ZipPath);
        EntryNames = zip.Entries.Select(entry => entry.FullName).ToList();
        var manifestEntry = zip.GetEntry("manifest.json");
        if (manifestEntry is not null)
        {
            using var reader = new StreamReader(manifestEntry.Open());
            ManifestText = await reader.ReadToEndAsync();
        }
    }

    internal static Task<ProcessRun> RunBuildPackageAsync(params string[] arguments) => ChildProcess.RunAsync(
        ChildProcess.Dotnet,
        ["run", RepositoryPaths.BuildPackageScript, "--", .. arguments],
        TimeSpan.FromMinutes(4),
        RepositoryPaths.Root);

    public byte[] ReadEntry(string name)
    {
        using var zip = ZipFile.OpenRead(ZipPath);
        using var stream = zip.GetEntry(name)?.Open() ?? throw new FileNotFoundException(name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public ValueTask DisposeAsync()
    {
        _scratch.Dispose();
        return ValueTask.CompletedTask;
    }
}
