using FocusBot.Conversations;
using FocusBot.Messaging;
using FocusBot.Proactive;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Insights;

/// <summary>
/// Customer insights: the `insight` form and `insights` list, sending at once or at a chosen time to everyone, teams and
/// channels, "Got it", reach, edit, recall and cancel.
/// </summary>
public static class InsightsServiceCollectionExtensions
{
    public static IServiceCollection AddInsights(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InsightOptions>().Bind(configuration.GetSection(InsightOptions.Section))
            .Validate(o => o.CheckInterval >= TimeSpan.FromSeconds(1) && o.CheckInterval <= TimeSpan.FromHours(1),
                "Insights:CheckInterval must be between a second and an hour: a scheduled insight goes out at most this late.")
            .ValidateOnStart();
        services.TryAddSingleton<TeamChannels>();
        services.TryAddSingleton<ContentTenants>();
        services.TryAddSingleton<Announcer>();
        services.AddSingleton<InsightTimes>();
        services.AddSingleton<InsightContent>();
        services.AddSingleton<IDeliveryContent>(sp => sp.GetRequiredService<InsightContent>());
        services.AddSingleton<InsightRelease>();
        services.AddSingleton<InsightPublisher>();
        services.AddSingleton<InsightChanges>();
        services.AddSingleton<InsightReachReader>();
        services.AddSingleton<InsightScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<InsightScheduler>());
        services.AddSingleton<InsightCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<InsightCommand>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<InsightCommand>());
        services.AddSingleton<ICardActionHandler, InsightManagement>();
        services.AddSingleton<ICommandHandler, InsightsCommand>();
        return services;
    }
}
