using FocusBot.Ship.Tests.Support;

namespace FocusBot.Ship.Tests.Manifest;

/// <summary>Runs tests/tools/validate-json-schema.js (ajv-draft-04 from tests/node_modules) with Node.</summary>
internal static class JsonSchemaValidator
{
    public static Task<ProcessResult> ValidateAsync(string schemaPath, string documentPath) => ProcessRunner.RunAsync(
        "node", [RepositoryPaths.SchemaValidatorScript, schemaPath, documentPath], TimeSpan.FromMinutes(1));
}
