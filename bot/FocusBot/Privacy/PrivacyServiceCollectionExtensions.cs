using FocusBot.Messaging;
using FocusBot.People;
using FocusBot.Recognitions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Privacy;

/// <summary>Erasure on request: the Admin's `erase` command.</summary>
public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddPeople();
        services.TryAddSingleton(new ErasureReply());
        services.AddSingleton<ErasureTargets>();
        services.AddSingleton<EraseCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<EraseCommand>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<EraseCommand>());
        return services;
    }
}
