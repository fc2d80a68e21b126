using FocusBot.Conversations;
using FocusBot.Messaging;
using FocusBot.People;
using FocusBot.Proactive;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Recognitions;

/// <summary>
/// Recognition: executives' (`recognize`) and colleagues' (`kudos`), the history (`recognitions`) and its monthly counts,
/// posting, the personal message and applause. The weekly limit counts in the tenant's pulse calendar, so this needs the
/// <see cref="Domain.Pulses.PulseSchedule"/> the pulse feature registers.
/// </summary>
public static class RecognitionServiceCollectionExtensions
{
    public static IServiceCollection AddRecognition(this IServiceCollection services)
    {
        services.AddOptions<RecognitionOptions>().BindConfiguration(RecognitionOptions.Section)
            .Validate(o => o.IsValid, $"Recognition:Behaviours must list 1-{RecognitionOptions.MaxBehaviours} behaviours of at most {RecognitionOptions.MaxBehaviourLength} characters.")
            .Validate(o => o.IsPeerLimitValid, $"Recognition:PeerLimitPerWeek must be 1-{RecognitionOptions.MaxPeerLimitPerWeek}.")
            .ValidateOnStart();
        services.TryAddSingleton<TeamChannels>();
        services.TryAddSingleton<ContentTenants>();
        services.AddPeople();
        services.AddSingleton<RecognitionPublisher>();
        services.AddSingleton<PeerRecognitionLimit>();
        services.AddSingleton<RecognitionFormFlow>();
        services.AddSingleton<IDeliveryContent, RecognitionContent>();
        AddHandler<RecognizeCommand>(services);
        AddHandler<KudosCommand>(services);
        AddHandler<RecognitionsCommand>(services);
        AddHandler<RecognitionCountsCommand>(services);
        services.AddSingleton<ICardActionHandler, ApplauseHandler>();
        return services;
    }

    private static void AddHandler<T>(IServiceCollection services)
        where T : class, ICommandHandler, ICardActionHandler
    {
        services.AddSingleton<T>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<T>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<T>());
    }
}
