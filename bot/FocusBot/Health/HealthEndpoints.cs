using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FocusBot.Health;

/// <summary>GET /healthz: 200 when FocusBot and its store are reachable, 503 otherwise, with one line per check.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var body = new Dictionary<string, string> { ["status"] = report.Status.ToString() };
        foreach (var (name, entry) in report.Entries)
            body[name] = entry.Status.ToString();
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, HealthJsonContext.Default.DictionaryStringString));
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class HealthJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
