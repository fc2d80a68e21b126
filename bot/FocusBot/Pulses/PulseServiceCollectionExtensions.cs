using FocusBot.Conversations;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Settings;
using FocusBot.Messaging;
using FocusBot.People;
using FocusBot.Privacy;
using FocusBot.Proactive;
using FocusBot.Protocol.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FocusBot.Pulses;

/// <summary>The weekly pulse: schedule, fan-out content, answering in the card, reminders and staff commands.</summary>
public static class PulseServiceCollectionExtensions
{
    public static IServiceCollection AddPulse(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<PulseOptions>().BindReplacingLists(configuration.GetSection(PulseOptions.Section))
            .Validate(o => o.Size is >= 3 and <= 5, "Pulse:Size must be 3-5.")
            .Validate(o => o.VoiceEvery >= 0, "Pulse:VoiceEvery must be 0 (never), 1 (every pulse) or more (every Nth pulse).")
            .Validate(o => o.Reminders.Count <= 2, "Pulse:Reminders allows at most two reminders.")
            .Validate(o => PulseCalendar.FindZone(o.DefaultTimeZone) is not null, "Pulse:DefaultTimeZone is not a known IANA time zone.")
            .ValidateOnStart();
        // The tenant's calendar, for features that count per week or month as the pulses do (the colleague recognition limit).
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<PulseOptions>>().Value.ToSchedule());

        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section))
            .Validate(o => o.Concurrency >= 1 && o.MaxAttempts >= 1, "Delivery:Concurrency and Delivery:MaxAttempts must be at least 1.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Delivery:PollInterval must be positive.")
            .Validate(o => o.LeaseDuration >= TimeSpan.FromSeconds(1), "Delivery:LeaseDuration must be at least a second.")
            .ValidateOnStart();
        services.AddSingleton<FanOut>();
        services.AddSingleton<DeliverySender>();
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());

        services.AddPeople();
        services.AddSingleton<PulseBank>();
        // A listener too: a person's first answer to a knowledge check files or ends their review item.
        services.AddSingleton<PulseReviews>();
        services.AddSingleton<IPulseListener>(sp => sp.GetRequiredService<PulseReviews>());
        services.AddSingleton<IDeliveryContent, PulseContent>();
        services.AddSingleton<InstalledTenants>();
        services.AddSingleton<DeliveryChats>();
        services.AddSingleton<PulseQuestions>();
        services.AddSingleton<PulseRespondents>();
        services.AddSingleton<PulseOpener>();
        services.AddSingleton<PulseReminder>();
        services.AddSingleton<PulseCloser>();
        services.AddSingleton<PulseScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<PulseScheduler>());
        services.AddSingleton<PulseNow>();
        services.AddSingleton<ICardActionHandler, PulseAnswerHandler>();
        // Registered after the installation handler: the welcome card comes first, then the open pulse.
        services.AddSingleton<PulseLateJoiner>();
        services.AddSingleton<IConversationChangeHandler>(sp => sp.GetRequiredService<PulseLateJoiner>());
        services.AddSingleton<IMessageObserver>(sp => sp.GetRequiredService<PulseLateJoiner>());
        services.AddSingleton<ICommandHandler, ShowPulseCommand>();
        services.AddSingleton<ICommandHandler>(sp => new PauseCommand(sp.GetRequiredService<ISettingsStore>(), pause: true));
        services.AddSingleton<ICommandHandler>(sp => new PauseCommand(sp.GetRequiredService<ISettingsStore>(), pause: false));
        services.AddSingleton<OneThingCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<OneThingCommand>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<OneThingCommand>());
        return services;
    }
}
