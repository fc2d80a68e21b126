using FocusBot.Conversations;
using FocusBot.Messaging;
using FocusBot.Proactive;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Kpis;

/// <summary>Customer KPIs: the `kpis` command, the import shared with POST /api/kpis, and the overview the card and report page read.</summary>
public static class KpisServiceCollectionExtensions
{
    public static IServiceCollection AddKpis(this IServiceCollection services)
    {
        services.TryAddSingleton<TeamChannels>();
        services.AddSingleton<KpiImporter>();
        services.AddSingleton<KpiOverviewReader>();
        services.AddSingleton<KpiKeyMessages>();
        services.AddSingleton<IDeliveryContent>(sp => sp.GetRequiredService<KpiKeyMessages>());
        services.AddSingleton<KpisCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<KpisCommand>());
        return services;
    }
}
