using FocusBot.Conversations;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Trends;
using FocusBot.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FocusBot.Programme;

/// <summary>Programme events (the `event` form, the `events` list, each event's before and after) and the levels (`programme`).</summary>
public static class ProgrammeServiceCollectionExtensions
{
    public static IServiceCollection AddProgramme(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProgrammeOptions>().Bind(configuration.GetSection(ProgrammeOptions.Section))
            .Validate(o => o.EventWindowWeeks is >= BeforeAfter.MinWindowWeeks and <= BeforeAfter.MaxWindowWeeks, ProgrammeOptions.EventWindowWeeksRange)
            .Validate(o => o.MasteryPercent is >= MasteryRule.MinPercent and <= MasteryRule.MaxPercent, ProgrammeOptions.MasteryPercentRange)
            .Validate(o => o.MasteryWeeks is >= MasteryRule.MinWeeks and <= MasteryRule.MaxWeeks, ProgrammeOptions.MasteryWeeksRange)
            .Validate(o => o.FavourablePercent is >= MasteryRule.MinPercent and <= MasteryRule.MaxPercent, ProgrammeOptions.FavourablePercentRange)
            .Validate(o => o.ReviewAfterWeeks is >= SpacedReview.MinWeeks and <= SpacedReview.MaxWeeks, ProgrammeOptions.ReviewAfterWeeksRange)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProgrammeOptions>, MinRespondentsValidator>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ProgrammeOptions>>().Value.ToRule(sp.GetRequiredService<PrivacyThresholds>().MinimumGroupSize));
        // The pulse card asks missed knowledge checks again by this rule (Pulses/PulseReviews).
        services.TryAddSingleton(sp => new SpacedReview { Weeks = sp.GetRequiredService<IOptions<ProgrammeOptions>>().Value.ReviewAfterWeeks });
        services.TryAddSingleton<TeamLevelsReader>();
        services.TryAddSingleton<TeamChannels>();
        services.AddSingleton<EventCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<EventCommand>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<EventCommand>());
        services.AddSingleton<EventsCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<EventsCommand>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<EventsCommand>());
        services.AddSingleton<ICommandHandler, ProgrammeCommand>();
        return services;
    }

    /// <summary>The mastery minimum against the privacy minimum, which is only known once the privacy options are bound.</summary>
    private sealed class MinRespondentsValidator(PrivacyThresholds privacy) : IValidateOptions<ProgrammeOptions>
    {
        public ValidateOptionsResult Validate(string? name, ProgrammeOptions options) =>
            options.MasteryMinRespondents is { } value && value < privacy.MinimumGroupSize
                ? ValidateOptionsResult.Fail(ProgrammeOptions.MasteryMinRespondentsTooLow(value, privacy.MinimumGroupSize))
                : ValidateOptionsResult.Success;
    }
}
