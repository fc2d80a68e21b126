using FocusBot.Conversations;
using FocusBot.Messaging;
using FocusBot.People;
using FocusBot.Proactive;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Recognitions;

/// <summary>Executive recognition: `recognize`, `recognitions`, posting, the personal message and applause.</summary>
public static class RecognitionServiceCollectionExtensions
{
    public static IServiceCollection AddRecognition(this IServiceCollection services)
    {
        services.AddOptions<RecognitionOptions>().BindConfiguration(RecognitionOptions.Section)
            .Validate(o => o.IsValid, $"Recognition:Behaviours must list 1-{RecognitionOptions.MaxBehaviours} behaviours of at most {RecognitionOptions.MaxBehaviourLength} characters.")
            .ValidateOnStart();
        services.TryAddSingleton<TeamChannels>();
        services.TryAddSingleton<ContentTenants>();
        services.AddPeople();
        services.AddSingleton<RecognitionPublisher>();
        services.AddSingleton<IDeliveryContent, RecognitionContent>();
        services.AddSingleton<RecognizeCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<RecognizeCommand>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<RecognizeCommand>());
        services.AddSingleton<RecognitionsCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<RecognitionsCommand>());
        services.AddSingleton<ICardActionHandler, ApplauseHandler>();
        return services;
    }
}
