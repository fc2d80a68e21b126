using FocusBot.Conversations;
using FocusBot.Messaging;
using FocusBot.Proactive;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Actions;

/// <summary>Actions ("you said, we did"): the `action` form and `actions` list, status changes, posting and fan-out.</summary>
public static class ActionsServiceCollectionExtensions
{
    public static IServiceCollection AddActions(this IServiceCollection services)
    {
        services.TryAddSingleton<TeamChannels>();
        services.TryAddSingleton<ContentTenants>();
        services.TryAddSingleton<Announcer>();
        services.AddSingleton<ActionThemes>();
        services.AddSingleton<ActionPublisher>();
        services.AddSingleton<IDeliveryContent, ActionContent>();
        services.AddSingleton<ActionCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<ActionCommand>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<ActionCommand>());
        services.AddSingleton<ICommandHandler, ActionsCommand>();
        return services;
    }
}
