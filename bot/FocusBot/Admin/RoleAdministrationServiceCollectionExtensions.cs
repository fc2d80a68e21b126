using FocusBot.Conversations;
using FocusBot.Messaging;
using FocusBot.People;
using FocusBot.Recognitions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Admin;

/// <summary>The `roles` command for Admins.</summary>
public static class RoleAdministrationServiceCollectionExtensions
{
    public static IServiceCollection AddRoleAdministration(this IServiceCollection services)
    {
        services.AddPeople();
        services.TryAddSingleton<TeamChannels>();
        services.AddSingleton<RolesCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<RolesCommand>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<RolesCommand>());
        return services;
    }
}
