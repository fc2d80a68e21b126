using System.Reflection;

namespace FocusBot.Ship.Tests.Infra;

/// <summary>The Bicep compiler of the Azure.Bicep.CommandLine.linux-x64 package, whose path the build records in this assembly.</summary>
internal static class BicepCompiler
{
    public static string Executable
    {
        get
        {
            var recorded = typeof(BicepCompiler).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
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
}
