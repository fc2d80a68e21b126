using FocusBot.Proactive;
using FocusBot.Trends;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.PulseResults;

/// <summary>Results back to staff: the results card queued once a pulse's week is sealed, and its content for the sender.</summary>
public static class ResultsServiceCollectionExtensions
{
    public static IServiceCollection AddResults(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ResultsCardOptions>().Bind(configuration.GetSection(ResultsCardOptions.Section)).ValidateOnStart();
        services.TryAddSingleton<ContentTenants>();
        services.AddSingleton<LatestResults>();
        services.AddSingleton<ResultsReader>();
        services.AddSingleton<ISealingListener, ResultsPublisher>();
        // The delivery worker builds every content as the host starts, and the report links' signing key is read when
        // they are first built: taken lazily, a key missing from the settings is named by start-up validation with the
        // rest, after the settings that must come first (MicrosoftAppId), rather than by the worker's construction.
        services.AddSingleton(sp => new Lazy<ReportUrls>(sp.GetRequiredService<ReportUrls>));
        services.AddSingleton<IDeliveryContent, ResultsContent>();
        return services;
    }
}
