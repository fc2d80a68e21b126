using FocusBot.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace FocusBot.Development;

/// <summary>
/// The settings the Microsoft 365 Agents Toolkit writes when it provisions a local run in Teams (infra/m365agents.local.yml):
/// the bot registration it made, client secret included. Microsoft's templates write them into appsettings.Development.json;
/// here that file is committed, so they go to a git-ignored file instead, never one `git add` away from the repository.
/// It is read only when <c>DevTools:SettingsFile</c> names it (the "Microsoft Teams (local)" launch profile does), so
/// plain <c>dotnet run</c> keeps chatting in the Agents Playground, which has no credentials.
/// </summary>
public static class ToolkitSettingsFile
{
    /// <summary>
    /// Adds the named file after appsettings.{Environment}.json, so environment variables and command-line arguments still
    /// override it. Returns why the host must not start (outside Development, or the file is missing), or null.
    /// </summary>
    public static string? AddNamedFile(ConfigurationManager configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var name = configuration[ConfigurationKeys.DevToolsSettingsFile];
        if (string.IsNullOrWhiteSpace(name))
            return null;
        if (!environment.IsDevelopment())
            return $"FocusBot: {ConfigurationKeys.DevToolsSettingsFile} is for local runs in Development; this is {environment.EnvironmentName}. " +
                "Set the bot's settings as App Service settings instead (infra/README.md).";

        var path = Path.GetFullPath(name, environment.ContentRootPath);
        if (!File.Exists(path))
            return $"FocusBot: {ConfigurationKeys.DevToolsSettingsFile} names {path}, which does not exist. The Agents Toolkit writes it when it " +
                "provisions the local environment: atk provision --env local --folder infra (infra/README.md, \"Debug in Teams\").";

        var source = new JsonConfigurationSource { Path = path, Optional = false, ReloadOnChange = false };
        source.ResolveFileProvider();
        var afterLastJsonFile = configuration.Sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is JsonConfigurationSource).i + 1;
        configuration.Sources.Insert(afterLastJsonFile, source);
        return null;
    }
}
