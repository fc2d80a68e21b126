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
        services.AddSingleton<IDeliveryContent, ResultsContent>();
        return services;
    }
}
