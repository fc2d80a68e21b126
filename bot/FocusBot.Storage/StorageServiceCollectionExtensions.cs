using FocusBot.Domain.Actions;
using FocusBot.Domain.Aggregates;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Inbound;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Kpis;
using FocusBot.Domain.Leases;
using FocusBot.Domain.Notices;
using FocusBot.Domain.Privacy;
using FocusBot.Domain.Programme;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Roster;
using FocusBot.Domain.Settings;
using FocusBot.Storage.AzureTables;
using FocusBot.Storage.Privacy;
using FocusBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FocusBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The pseudonym secret Development falls back to when none is set; never accepted elsewhere.</summary>
    public const string DevelopmentSecret = "focusbot-development-only-secret";

    /// <summary>
    /// Registers every store for the backend named by Storage:Provider (Sqlite, the default, or AzureTables) and an
    /// <see cref="IStorageInitializer"/> the host must run before serving traffic. README.md lists the settings.
    /// </summary>
    public static IServiceCollection AddFocusBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var storage = configuration.GetSection("Storage");
        services.TryAddSingleton(TimeProvider.System);
        // Fields that would link answers to people are encrypted under a key derived from the pseudonym secret (the
        // host refuses to start without one outside Development; Development falls back as Pseudonyms does).
        var secret = configuration["Privacy:PseudonymSecret"];
        services.TryAddSingleton<IFieldProtector>(AesGcmFieldProtector.FromSecret(string.IsNullOrEmpty(secret) ? DevelopmentSecret : secret));
        var provider = storage["Provider"];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            AddSqliteOptions(services, configuration);
            AddSqlite(services);
        }
        else if (provider.Equals("AzureTables", StringComparison.OrdinalIgnoreCase))
        {
            services.AddOptions<AzureTablesOptions>().Bind(configuration.GetSection(AzureTablesOptions.SectionName)).ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureTablesOptions>, AzureTablesOptionsValidator>());
            AddAzureTables(services);
        }
        else
        {
            throw new InvalidOperationException($"Storage:Provider '{provider}' is not known; use Sqlite or AzureTables.");
        }

        return services;
    }

    private static void AddSqliteOptions(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SqliteStorageOptions>()
            .Bind(configuration.GetSection(SqliteStorageOptions.SectionName))
            .PostConfigure(options =>
            {
                // An empty setting (an unset environment variable in a template) means "the default folder".
                if (string.IsNullOrWhiteSpace(options.DataDirectory))
                {
                    options.DataDirectory = SqliteStorageOptions.DefaultDataDirectory;
                }
            })
            .Validate(options => options.BusyTimeoutSeconds > 0, $"{SqliteStorageOptions.SectionName}:BusyTimeoutSeconds must be a positive number.")
            .ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<SqliteStorageOptions>>().Value);
    }

    private static void AddSqlite(IServiceCollection services)
    {
        services.AddSingleton(provider => new SqliteDatabase(
            provider.GetRequiredService<SqliteStorageOptions>(), provider.GetRequiredService<TimeProvider>(), Logger<SqliteDatabase>(provider)));
        services.AddSingleton<IStorageInitializer>(provider => provider.GetRequiredService<SqliteDatabase>());
        services.AddSingleton<IConversationStore, SqliteConversationStore>();
        services.AddSingleton<IRosterStore, SqliteRosterStore>();
        services.AddSingleton<IQuestionStore, SqliteQuestionStore>();
        services.AddSingleton<IPulseStore, SqlitePulseStore>();
        services.AddSingleton<IDeliveryStore, SqliteDeliveryStore>();
        services.AddSingleton<IAnswerStore, SqliteAnswerStore>();
        services.AddSingleton<IAnswerSetStore, SqliteAnswerSetStore>();
        services.AddSingleton<ICountedAnswersStore, SqliteCountedAnswersStore>();
        services.AddSingleton<IAnsweredMarkStore, SqliteAnsweredMarkStore>();
        services.AddSingleton<IInsightStore, SqliteInsightStore>();
        services.AddSingleton<IRecognitionStore, SqliteRecognitionStore>();
        services.AddSingleton<IRoleStore, SqliteRoleStore>();
        services.AddSingleton<ISettingsStore, SqliteSettingsStore>();
        services.AddSingleton<SqliteAggregateStore>();
        services.AddSingleton<IAggregateStore>(provider => new CoalescingAggregateStore(provider.GetRequiredService<SqliteAggregateStore>()));
        services.AddSingleton<ILeaseStore, SqliteLeaseStore>();
        services.AddSingleton<IInboundActivityStore, SqliteInboundActivityStore>();
        services.AddSingleton<IPersonalDataEraser, SqlitePersonalDataEraser>();
        services.AddSingleton<INoticeStore, SqliteNoticeStore>();
        services.AddSingleton<IActionStore, SqliteActionStore>();
        services.AddSingleton<IProgrammeEventStore, SqliteProgrammeEventStore>();
        services.AddSingleton<IKpiStore, SqliteKpiStore>();
        services.AddSingleton<IReviewItemStore, SqliteReviewItemStore>();
    }

    private static void AddAzureTables(IServiceCollection services)
    {
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<AzureTablesOptions>>().Value);
        services.AddSingleton(provider => new AzureTableNames(provider.GetRequiredService<AzureTablesOptions>().TablePrefix is { } prefix && !string.IsNullOrWhiteSpace(prefix) ? prefix.Trim() : null));
        services.AddSingleton(provider => TableClientFactory.Create(provider.GetRequiredService<AzureTablesOptions>(), Logger<FocusTableClient>(provider)));
        services.AddSingleton<IStorageInitializer, AzureTablesInitializer>();
        services.AddSingleton<AzureLedgers>();
        services.AddSingleton<AzurePersonMarks>();
        services.AddSingleton<CountedMarks>();
        services.AddSingleton<AzureConversationStore>();
        services.AddSingleton<IConversationStore>(provider => provider.GetRequiredService<AzureConversationStore>());
        services.AddSingleton<AzureRosterStore>();
        services.AddSingleton<IRosterStore>(provider => provider.GetRequiredService<AzureRosterStore>());
        services.AddSingleton<IQuestionStore, AzureQuestionStore>();
        services.AddSingleton<AzurePulseStore>();
        services.AddSingleton<IPulseStore>(provider => provider.GetRequiredService<AzurePulseStore>());
        services.AddSingleton<AzureDeliveryStore>();
        services.AddSingleton<IDeliveryStore>(provider => provider.GetRequiredService<AzureDeliveryStore>());
        services.AddSingleton<AzureAnswerStore>();
        services.AddSingleton<IAnswerStore>(provider => provider.GetRequiredService<AzureAnswerStore>());
        services.AddSingleton<IAnswerSetStore, AzureAnswerSetStore>();
        services.AddSingleton<AzureCountedAnswersStore>();
        services.AddSingleton<ICountedAnswersStore>(provider => provider.GetRequiredService<AzureCountedAnswersStore>());
        services.AddSingleton<AzureAnsweredMarkStore>();
        services.AddSingleton<IAnsweredMarkStore>(provider => provider.GetRequiredService<AzureAnsweredMarkStore>());
        services.AddSingleton<AzureInsightStore>();
        services.AddSingleton<IInsightStore>(provider => provider.GetRequiredService<AzureInsightStore>());
        services.AddSingleton<AzureRecognitionStore>();
        services.AddSingleton<IRecognitionStore>(provider => provider.GetRequiredService<AzureRecognitionStore>());
        services.AddSingleton<AzureRoleStore>();
        services.AddSingleton<IRoleStore>(provider => provider.GetRequiredService<AzureRoleStore>());
        services.AddSingleton<AzureSettingsStore>();
        services.AddSingleton<ISettingsStore>(provider => provider.GetRequiredService<AzureSettingsStore>());
        services.AddSingleton(provider => new AzureAggregateStore(
            provider.GetRequiredService<FocusTableClient>(), provider.GetRequiredService<AzureTableNames>(), Logger<AzureAggregateStore>(provider)));
        services.AddSingleton<IAggregateStore>(provider => new CoalescingAggregateStore(provider.GetRequiredService<AzureAggregateStore>()));
        services.AddSingleton<ILeaseStore, AzureLeaseStore>();
        services.AddSingleton<IInboundActivityStore, AzureInboundActivityStore>();
        services.AddSingleton<IPersonalDataEraser, AzurePersonalDataEraser>();
        services.AddSingleton<INoticeStore, AzureNoticeStore>();
        services.AddSingleton<IActionStore, AzureActionStore>();
        services.AddSingleton<IProgrammeEventStore, AzureProgrammeEventStore>();
        services.AddSingleton<IKpiStore, AzureKpiStore>();
        services.AddSingleton<AzureReviewItemStore>();
        services.AddSingleton<IReviewItemStore>(provider => provider.GetRequiredService<AzureReviewItemStore>());
    }

    private static ILogger<T> Logger<T>(IServiceProvider provider) =>
        provider.GetService<ILoggerFactory>()?.CreateLogger<T>() ?? NullLogger<T>.Instance;
}
