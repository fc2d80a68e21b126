using System.Reflection;

namespace FocusBot.Ship.Tests.Support;

/// <summary>Where things are, found from the test binary: the repository root is the folder holding FocusBot.sln.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Manifest => Path.Combine(Root, "manifest");

    public static string ManifestTemplate => Path.Combine(Manifest, "manifest.json");

    public static string BuildPackageScript => Path.Combine(Manifest, "build-package.cs");

    public static string Infra => Path.Combine(Root, "infra");

    public static string BotReadme => Path.Combine(Root, "bot", "FocusBot", "README.md");

    public static string NodeModules => Path.Combine(Root, "tests", "node_modules");

    public static string SchemaValidatorScript => Path.Combine(Root, "tests", "tools", "validate-json-schema.js");

    /// <summary>The offline copy of the Teams manifest schema that @microsoft/app-manifest ships for a version.</summary>
    public static string TeamsManifestSchema(string manifestVersion) => Path.Combine(
        NodeModules, "@microsoft", "app-manifest", "build", "json-schemas", "teams", $"v{manifestVersion}", "MicrosoftTeams.schema.json");

    /// <summary>The bicep executable from the Azure.Bicep.CommandLine.linux-x64 package, recorded at build time.</summary>
    public static string Bicep
    {
        get
        {
            var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(attribute => attribute.Key == "BicepPath")?.Value;
            if (string.IsNullOrEmpty(recorded))
            {
                throw new InvalidOperationException("BicepPath was not recorded: restore the Azure.Bicep.CommandLine.linux-x64 package.");
            }

            // The package's props join the path with backslashes, which Linux reads as part of a file name.
            var path = Path.GetFullPath(recorded.Replace('\\', '/'));
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"No bicep executable at {path} (the package ships a Linux x64 binary).", path);
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FocusBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No FocusBot.sln above {AppContext.BaseDirectory}.");
    }
}
