using System.Text.Json.Serialization;

namespace FocusBot.Kpis;

/// <summary>A refused import: what to do, and each line's problem when the file was read.</summary>
public sealed record KpiApiError(string Error, IReadOnlyList<KpiApiProblem>? Problems = null);

public sealed record KpiApiProblem(int Line, string Message);

/// <summary>An import stored: rows in the file, and how many were new, corrected and already there.</summary>
public sealed record KpiApiResult(int Rows, int Added, int Replaced, int Unchanged);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KpiApiError))]
[JsonSerializable(typeof(KpiApiResult))]
internal sealed partial class KpiApiJsonContext : JsonSerializerContext;
