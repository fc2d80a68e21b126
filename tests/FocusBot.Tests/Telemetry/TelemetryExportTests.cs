using System.Diagnostics;
using System.Net;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FocusBot.Tests.Telemetry;

/// <summary>Which exporter runs follows the configuration, and an unreachable one holds nothing up.</summary>
[Collection(TelemetryRunsAlone.Name)]
public sealed class TelemetryExportTests
{
    // A well-formed connection string whose endpoints are a loopback port nothing listens on: every export is refused at once.
    private const string UnreachableConnectionString =
        "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:1/;LiveEndpoint=http://127.0.0.1:1/";

    [Fact]
    public async Task NoExporterConfigured_RegistersNoTelemetryProvider()
    {
        await using var host = new FocusBotTestHost();

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/healthz")).StatusCode);
        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
        Assert.Null(host.Services.GetService<LoggerProvider>());
    }

    [Fact]
    public async Task ApplicationInsightsConfigured_HostStartsAndServesHealthz_WhileEveryExportIsRefused()
    {
        // Every HTTP request the process makes meanwhile, by host: the host's own and the exporter's must stay on loopback.
        var hosts = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => hosts.Add(activity.GetTagItem("server.address") as string ?? "?"),
        };
        ActivitySource.AddActivityListener(listener);
        var host = new FocusBotTestHost("Development", new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = UnreachableConnectionString,
        }, KeepOnThisMachine);
        try
        {
            var started = Stopwatch.GetTimestamp();
            Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/healthz")).StatusCode);
            for (var i = 0; i < 5; i++)
                Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/healthz")).StatusCode);

            Assert.NotNull(host.Services.GetService<TracerProvider>());
            Assert.NotNull(host.Services.GetService<MeterProvider>());
            Assert.Equal(UnreachableConnectionString, host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<AzureMonitorOptions>>()
                .Get(Microsoft.Extensions.Options.Options.DefaultName).ConnectionString);
            Assert.NotEmpty(hosts);
            Assert.All(hosts, address => Assert.True(address == "localhost" || (IPAddress.TryParse(address, out var ip) && IPAddress.IsLoopback(ip)), address));
            // Start-up plus six requests, on a shared 2-core machine: far less than an export's retry schedule.
            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30));
        }
        finally
        {
            var stopping = Stopwatch.GetTimestamp();
            await host.DisposeAsync();
            // Shutting down flushes once more; a refused endpoint must not keep the process from stopping.
            Assert.True(Stopwatch.GetElapsedTime(stopping) < TimeSpan.FromSeconds(30));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OtlpEndpointConfigured_AloneOrBesideApplicationInsights_HostStartsAndServesHealthz(bool alsoApplicationInsights)
    {
        var settings = new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:1" };
        if (alsoApplicationInsights)
            settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] = UnreachableConnectionString;
        await using var host = new FocusBotTestHost("Development", settings, alsoApplicationInsights ? KeepOnThisMachine : null);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/healthz")).StatusCode);
        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<MeterProvider>());
    }

    /// <summary>
    /// The distro as the host configures it, less what would reach beyond this machine: Azure's instance metadata (the
    /// Azure VM resource detector and the exporter's own statistics) and Live Metrics; offline storage is off so no
    /// files outlive the test.
    /// </summary>
    private static void KeepOnThisMachine(IServiceCollection services)
    {
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_SDKSTATS_DISABLED", "true");
        services.Configure<AzureMonitorOptions>(options =>
        {
            options.EnableLiveMetrics = false;
            options.DisableOfflineStorage = true;
        });
        // Replaces the resource the distro adds its Azure detectors to, before they run (they run when it is built).
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.SetResourceBuilder(ResourceBuilder.CreateDefault()));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.SetResourceBuilder(ResourceBuilder.CreateDefault()));
        services.ConfigureOpenTelemetryLoggerProvider(logging => logging.SetResourceBuilder(ResourceBuilder.CreateDefault()));
    }
}
