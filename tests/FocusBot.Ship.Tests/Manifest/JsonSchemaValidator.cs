using FocusBot.TestSupport;

namespace FocusBot.Ship.Tests.Manifest;

/// <summary>Runs tests/tools/validate-json-schema.js (ajv-draft-04 from tests/node_modules) with Node.</summary>
internal static class JsonSchemaValidator
{
    public static Task<ProcessRun> ValidateAsync(string schemaPath, string documentPath) => ChildProcess.RunAsync(
        "node", [Path.Combine(RepositoryPaths.Tools, "validate-json-schema.js"), schemaPath, documentPath], TimeSpan.FromMinutes(1), RepositoryPaths.Root);
}
