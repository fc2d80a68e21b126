using FocusBot.Conversations;
using FocusBot.Messaging;
using FocusBot.Proactive;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Insights;

/// <summary>Customer insights: the `insight` form and `insights` list, posting and fan-out, and "Got it".</summary>
public static class InsightsServiceCollectionExtensions
{
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.TryAddSingleton<TeamChannels>();
        services.TryAddSingleton<ContentTenants>();
        services.AddSingleton<InsightPublisher>();
        services.AddSingleton<IDeliveryContent, InsightContent>();
        services.AddSingleton<InsightCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<InsightCommand>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<InsightCommand>());
        services.AddSingleton<ICommandHandler, InsightsCommand>();
        return services;
    }
}
