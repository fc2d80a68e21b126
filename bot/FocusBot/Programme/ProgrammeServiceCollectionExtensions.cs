using FocusBot.Conversations;
using FocusBot.Domain.Programme;
using FocusBot.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Programme;

/// <summary>Programme events: the `event` form, the `events` list and each event's before-and-after view.</summary>
public static class ProgrammeServiceCollectionExtensions
{
    public static IServiceCollection AddProgramme(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProgrammeOptions>().Bind(configuration.GetSection(ProgrammeOptions.Section))
            .Validate(o => o.EventWindowWeeks is >= BeforeAfter.MinWindowWeeks and <= BeforeAfter.MaxWindowWeeks, ProgrammeOptions.EventWindowWeeksRange)
            .ValidateOnStart();
        services.TryAddSingleton<TeamChannels>();
        services.AddSingleton<EventCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<EventCommand>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<EventCommand>());
        services.AddSingleton<EventsCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<EventsCommand>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<EventsCommand>());
        return services;
    }
}
