using Azure.Monitor.OpenTelemetry.AspNetCore;
using FocusBot.Configuration;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FocusBot.Telemetry;

/// <summary>
/// OpenTelemetry, exported where configured: to Application Insights through the Azure Monitor distro when
/// APPLICATIONINSIGHTS_CONNECTION_STRING is set (infra sets it), to an OTLP collector when OTEL_EXPORTER_OTLP_ENDPOINT is
/// set, to both when both are. With neither (local development, tests) nothing is registered: no provider starts, no
/// span is created and FocusBot's instruments record nothing, so start-up and the answer path pay nothing for it.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The service name where the platform gives none (App Service gives the site's name).</summary>
    public const string ServiceName = "FocusBot";

    public static IServiceCollection AddFocusBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[ConfigurationKeys.ApplicationInsightsConnectionString];
        var azureMonitor = !string.IsNullOrWhiteSpace(connectionString);
        var otlp = !string.IsNullOrWhiteSpace(configuration[ConfigurationKeys.OtelExporterOtlpEndpoint]);
        if (!azureMonitor && !otlp)
            return services;

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing.AddFocusBotTracing())
            .WithMetrics(metrics => metrics.AddFocusBotMetrics());
        // The distro adds the ASP.NET Core and HttpClient instrumentation (and log export) itself; OTLP alone needs them added.
        if (azureMonitor)
        {
            telemetry.UseAzureMonitor(options => options.ConnectionString = connectionString);
        }
        else
        {
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        }

        // Reads OTEL_EXPORTER_OTLP_ENDPOINT (and the other standard OTEL_EXPORTER_OTLP_* settings) itself.
        if (otlp)
            telemetry.UseOtlpExporter();
        return services;
    }

    /// <summary>
    /// FocusBot's spans (host and protocol layer), with the URLs of every span redacted before any exporter sees them
    /// (<see cref="UrlRedactionProcessor"/>): added first, so it runs before the exporters' processors.
    /// </summary>
    public static TracerProviderBuilder AddFocusBotTracing(this TracerProviderBuilder builder) =>
        builder.AddSource([.. FocusBotTelemetry.Names]).AddProcessor(new UrlRedactionProcessor());

    /// <summary>FocusBot's instruments (host and protocol layer).</summary>
    public static MeterProviderBuilder AddFocusBotMetrics(this MeterProviderBuilder builder) => builder.AddMeter([.. FocusBotTelemetry.Names]);
}
