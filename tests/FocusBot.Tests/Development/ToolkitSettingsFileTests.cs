using System.Net;
using System.Text;
using FocusBot.Configuration;
using FocusBot.Development;
using FocusBot.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace FocusBot.Tests.Development;

/// <summary>
/// The bot registration the Agents Toolkit writes for a local run in Teams (infra/m365agents.local.yml) is read from a
/// git-ignored file, only when the launch profile names it, and only in Development.
/// </summary>
public sealed class ToolkitSettingsFileTests : IDisposable
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("focusbot-toolkit-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void NamedFile_InDevelopment_IsReadButEnvironmentAndCommandLineStillWin()
    {
        WriteToolkitFile("""{ "MicrosoftAppId": "11111111-2222-3333-4444-555555555555", "MicrosoftAppTenantId": "from-the-file" }""");
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(new PhysicalFileProvider(_folder.FullName), "appsettings.json", optional: true, reloadOnChange: false);
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Standing in for the environment variables and command line, which come after the JSON files.
            [ConfigurationKeys.DevToolsSettingsFile] = "appsettings.TeamsLocal.json",
            [ConfigurationKeys.MicrosoftAppTenantId] = "from-the-environment",
        });

        var problem = ToolkitSettingsFile.AddNamedFile(configuration, Environment("Development"));

        Assert.Null(problem);
        Assert.Equal(AppId, configuration[ConfigurationKeys.MicrosoftAppId]);
        Assert.Equal("from-the-environment", configuration[ConfigurationKeys.MicrosoftAppTenantId]);
    }

    [Fact]
    public void NoFileNamed_NothingIsAdded()
    {
        WriteToolkitFile("""{ "MicrosoftAppId": "11111111-2222-3333-4444-555555555555" }""");
        var configuration = new ConfigurationManager();

        var problem = ToolkitSettingsFile.AddNamedFile(configuration, Environment("Development"));

        Assert.Null(problem);
        Assert.Null(configuration[ConfigurationKeys.MicrosoftAppId]);
    }

    [Fact]
    public void NamedFile_OutsideDevelopment_IsRefusedWithTheKeyToRemove()
    {
        WriteToolkitFile("""{ "MicrosoftAppId": "11111111-2222-3333-4444-555555555555" }""");
        var configuration = Naming("appsettings.TeamsLocal.json");

        var problem = ToolkitSettingsFile.AddNamedFile(configuration, Environment("Production"));

        Assert.NotNull(problem);
        Assert.Contains(ConfigurationKeys.DevToolsSettingsFile, problem, StringComparison.Ordinal);
        Assert.Null(configuration[ConfigurationKeys.MicrosoftAppId]);
    }

    [Fact]
    public void NamedFile_Missing_SaysWhichFileAndHowTheToolkitWritesIt()
    {
        var configuration = Naming("appsettings.TeamsLocal.json");

        var problem = ToolkitSettingsFile.AddNamedFile(configuration, Environment("Development"));

        Assert.NotNull(problem);
        Assert.Contains(Path.Combine(_folder.FullName, "appsettings.TeamsLocal.json"), problem, StringComparison.Ordinal);
        Assert.Contains("atk provision --env local --folder infra", problem, StringComparison.Ordinal);
    }

    /// <summary>
    /// The real host, started as the "Microsoft Teams (local)" profile starts it: with the Toolkit's bot registration it
    /// authenticates Teams, so a request without a Bot Framework token is refused (without the file Development would
    /// accept it from loopback).
    /// </summary>
    [Fact]
    public async Task Host_WithTheToolkitFile_RequiresBotFrameworkTokens()
    {
        var file = WriteToolkitFile($$"""
            { "MicrosoftAppType": "SingleTenant", "MicrosoftAppId": "{{AppId}}", "MicrosoftAppPassword": "not-a-real-secret",
              "MicrosoftAppTenantId": "66666666-7777-8888-9999-000000000000" }
            """);
        await using var bot = await FocusBotChildProcess.StartAsync("toolkit-local", new Dictionary<string, string?>
        {
            [ConfigurationKeys.DevToolsSettingsFile] = file,
            [ConfigurationKeys.StorageSqliteDataDirectory] = _folder.FullName,
        }, cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative),
            new StringContent("""{ "type": "message", "text": "help" }""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private string WriteToolkitFile(string json)
    {
        var path = Path.Combine(_folder.FullName, "appsettings.TeamsLocal.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static ConfigurationManager Naming(string file)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { [ConfigurationKeys.DevToolsSettingsFile] = file });
        return configuration;
    }

    private HostEnvironmentStub Environment(string name) => new(name, _folder.FullName);

    private sealed class HostEnvironmentStub(string name, string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "FocusBot";
        public string ContentRootPath { get; set; } = contentRoot;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
