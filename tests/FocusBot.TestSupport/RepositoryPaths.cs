namespace FocusBot.TestSupport;

/// <summary>Where the repository and its test tools are, found from the test's output folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The folder holding FocusBot.sln.</summary>
    public static string Root => s_root.Value;

    /// <summary>The npm packages the tests use, installed from tests/package-lock.json.</summary>
    public static string NodeModules => Path.Combine(Root, "tests", "node_modules");

    /// <summary>The Agents Playground's own package folder, the one `dotnet run --project bot/FocusBot` installs and starts.</summary>
    public static string PlaygroundFolder => Path.Combine(Root, "dev-tools", "playground");

    /// <summary>The Playground's command line, failing with the fix when it is not installed.</summary>
    public static string PlaygroundCli
    {
        get
        {
            var path = Path.Combine(PlaygroundFolder, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
            if (!File.Exists(path))
                throw new FileNotFoundException($"{path} is missing: run `npm ci` in {PlaygroundFolder} (./test.sh and `dotnet run --project bot/FocusBot` do).", path);
            return path;
        }
    }

    /// <summary>Our node scripts (card validation, schema checks).</summary>
    public static string Tools => Path.Combine(Root, "tests", "tools");

    /// <summary>Screenshots and logs a test leaves for people to look at; git-ignored.</summary>
    public static string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>The Teams app package's source folder.</summary>
    public static string Manifest => Path.Combine(Root, "manifest");

    public static string ManifestTemplate => Path.Combine(Manifest, "manifest.json");

    /// <summary>The script an operator runs (`dotnet run manifest/build-package.cs`) to build the app package.</summary>
    public static string BuildPackageScript => Path.Combine(Manifest, "build-package.cs");

    /// <summary>The Azure infrastructure as Bicep.</summary>
    public static string Infra => Path.Combine(Root, "infra");

    /// <summary>The host's configuration reference.</summary>
    public static string BotReadme => Path.Combine(Root, "bot", "FocusBot", "README.md");

    /// <summary>The path of a file inside an npm package, failing with the fix when the packages are not installed.</summary>
    public static string NodePackageFile(string package, string relativePath)
    {
        var path = Path.Combine(NodeModules, package, relativePath);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} is missing: run `npm ci` in {Path.Combine(Root, "tests")} (./test.sh does).", path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FocusBot.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException($"No FocusBot.sln above {AppContext.BaseDirectory}: tests must run from a build inside the repository.");
    }
}
