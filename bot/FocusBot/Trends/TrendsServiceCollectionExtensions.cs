using FocusBot.Configuration;
using FocusBot.Conversations;
using FocusBot.Domain.Trends;
using FocusBot.Messaging;
using FocusBot.Pulses;
using FocusBot.Roles;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FocusBot.Trends;

/// <summary>
/// The trends feature: aggregates, the privacy gate, the `trends` commands, the weekly digests and `digest`, and the
/// report page.
/// </summary>
public static class TrendsServiceCollectionExtensions
{
    public static IServiceCollection AddTrends(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportOptions>>(sp => new ReportOptionsValidator(configuration, sp.GetRequiredService<IHostEnvironment>()));

        services.AddSingleton(sp => ReportSigningKey.From(sp.GetRequiredService<IOptions<ReportOptions>>().Value.SigningKey,
            configuration[ConfigurationKeys.PrivacyPseudonymSecret], sp.GetRequiredService<IHostEnvironment>().IsDevelopment(), DataFolder(configuration)));
        services.AddSingleton<ReportLinkSigner>();
        services.AddSingleton<ReportUrls>();
        services.AddSingleton<ReportAccess>();
        services.AddSingleton<PrivacyGate>();
        services.AddSingleton<TrendRebuilder>();
        services.AddSingleton<TrendRetraction>();
        services.AddSingleton<TrendRecorder>();
        services.AddSingleton<IPulseListener>(sp => sp.GetRequiredService<TrendRecorder>());

        services.AddSingleton<ICommandHandler, TrendsCommand>();
        services.AddSingleton<ICommandHandler, TrendsRebuildCommand>();
        services.AddSingleton<RecognitionExportCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<RecognitionExportCommand>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<RecognitionExportCommand>());
        services.AddSingleton<TrendRebuildRequests>();
        services.AddHostedService<TrendRebuildService>();
        services.AddSingleton<DigestMarks>();
        services.AddSingleton<GrantedRoleChats>();
        services.AddSingleton<TrendDigestSender>();
        services.AddSingleton<TrendDigest>();
        services.AddSingleton<DigestReaders>();
        services.AddSingleton<TeamDigest>();
        services.AddSingleton<TrendScopes>();
        services.TryAddSingleton<TeamChannels>();
        services.AddSingleton<ICommandHandler, DigestCommand>();
        services.AddSingleton<TrendDigestService>();
        services.AddHostedService(sp => sp.GetRequiredService<TrendDigestService>());
        return services;
    }

    /// <summary>The embedded store's folder, where Development keeps its report-link key whichever store is in use.</summary>
    private static string DataFolder(IConfiguration configuration) =>
        configuration[ConfigurationKeys.StorageSqliteDataDirectory] is { Length: > 0 } folder ? folder : Storage.Sqlite.SqliteStorageOptions.DefaultDataDirectory;

    /// <summary>Refuses to start outside Development without a key for report links.</summary>
    private sealed class ReportOptionsValidator(IConfiguration configuration, IHostEnvironment environment) : IValidateOptions<ReportOptions>
    {
        public ValidateOptionsResult Validate(string? name, ReportOptions options)
        {
            if (options.LinkLifetime <= TimeSpan.Zero || options.LinkLifetime > TimeSpan.FromDays(7))
                return ValidateOptionsResult.Fail("Reports:LinkLifetime must be more than zero and at most 7 days.");
            if (options.DigestCheckInterval < TimeSpan.FromSeconds(1))
                return ValidateOptionsResult.Fail("Reports:DigestCheckInterval must be at least one second.");
            try
            {
                _ = ReportSigningKey.From(options.SigningKey, configuration[ConfigurationKeys.PrivacyPseudonymSecret], environment.IsDevelopment(), DataFolder(configuration));
                return ValidateOptionsResult.Success;
            }
            catch (InvalidOperationException ex)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }
        }
    }
}
