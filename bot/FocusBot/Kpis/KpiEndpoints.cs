using System.Text;
using FocusBot.Domain.Kpis;
using FocusBot.Questions;
using Microsoft.Net.Http.Headers;

namespace FocusBot.Kpis;

/// <summary>
/// POST /api/kpis: the KPI CSV from automation (a nightly export of the CRM, say), in the body as text/csv, with the
/// tenant's key as a bearer token. The key alone names the tenant: nothing in the request can point the import at
/// another. Answers 401 (no key, or not a current one), 413 (over the size limit), 415 (not CSV text), 400 with the
/// line problems as JSON (nothing stored), 200 with the counts.
/// </summary>
public static partial class KpiEndpoints
{
    public const string Path = "/api/kpis";

    public static IEndpointRouteBuilder MapKpis(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, ImportAsync);
        return endpoints;
    }

    private static async Task<IResult> ImportAsync(HttpContext http, IKpiStore store, KpiImporter importer, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(KpiEndpoints));
        http.Response.Headers.CacheControl = "no-store";
        var authorization = http.Request.Headers.Authorization.ToString();
        var presented = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
        if (await KpiApiKeys.VerifyAsync(store, presented, cancellationToken) is not { } key)
        {
            LogUnauthorized(logger);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Json(new KpiApiError("A current KPI import key is required: Authorization: Bearer <key> (HR makes one with kpis key in FocusBot)."),
                KpiApiJsonContext.Default.KpiApiError, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (http.Request.ContentLength > KpiCsvReader.MaxBytes)
            return TooLarge();
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType)
            || !(contentType.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase) || contentType.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)))
        {
            return Results.Json(new KpiApiError("Send the CSV as Content-Type: text/csv (UTF-8)."), KpiApiJsonContext.Default.KpiApiError,
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var bytes = await ReadBodyAsync(http.Request.Body, cancellationToken);
        if (bytes is null)
            return TooLarge();
        var decoded = QuestionFileClient.Decode(bytes);
        if (decoded.Text is null)
            return Results.Json(new KpiApiError(decoded.Refusal!), KpiApiJsonContext.Default.KpiApiError, statusCode: StatusCodes.Status400BadRequest);

        var outcome = await importer.ImportAsync(key.TenantId, decoded.Text, KpiImporter.ImportedByApi, cancellationToken);
        if (outcome.Counts is not { } counts)
        {
            return Results.Json(new KpiApiError("Nothing was imported: fix these lines and send the whole file again.",
                [.. outcome.File.Problems.Select(p => new KpiApiProblem(p.Location.Line, p.Message))]), KpiApiJsonContext.Default.KpiApiError,
                statusCode: StatusCodes.Status400BadRequest);
        }

        return Results.Json(new KpiApiResult(outcome.File.Values.Count, counts.Added, counts.Replaced, counts.Unchanged), KpiApiJsonContext.Default.KpiApiResult);
    }

    private static IResult TooLarge() =>
        Results.Json(new KpiApiError($"The body is larger than {KpiCsvReader.MaxBytes / 1024 / 1024} MB; send at most {KpiCsvReader.MaxRows} rows at a time."),
            KpiApiJsonContext.Default.KpiApiError, statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>The body, or null once it passes the limit: Content-Length can be absent (chunked) or wrong.</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > KpiCsvReader.MaxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "KPI import refused: no key, or not a current one")]
    private static partial void LogUnauthorized(ILogger logger);
}
