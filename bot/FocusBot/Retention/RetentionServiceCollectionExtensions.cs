using FocusBot.Domain.Settings;
using FocusBot.Domain.Trends;
using Microsoft.Extensions.Options;

namespace FocusBot.Retention;

/// <summary>Retention: how long raw answers are kept (read by the trends, the comments and the privacy page) and the daily pass that deletes them.</summary>
public static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(o => o.RawAnswersMonths is >= RawAnswerRetention.MinimumMonths and <= RawAnswerRetention.MaximumMonths, RetentionOptions.RawAnswersMonthsRange)
            .ValidateOnStart();
        services.AddSingleton(sp => new RawAnswerRetention(sp.GetRequiredService<IOptions<RetentionOptions>>().Value.RawAnswersMonths,
            sp.GetRequiredService<ISettingsStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RawAnswerRetirement>();
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        return services;
    }
}
