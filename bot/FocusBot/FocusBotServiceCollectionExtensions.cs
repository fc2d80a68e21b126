using FocusBot.Actions;
using FocusBot.Admin;
using FocusBot.Conversations;
using FocusBot.Development;
using FocusBot.Health;
using FocusBot.Help;
using FocusBot.Insights;
using FocusBot.Kpis;
using FocusBot.Messaging;
using FocusBot.Notices;
using FocusBot.Privacy;
using FocusBot.Programme;
using FocusBot.Protocol.Hosting;
using FocusBot.PulseResults;
using FocusBot.Pulses;
using FocusBot.Questions;
using FocusBot.Recognitions;
using FocusBot.Retention;
using FocusBot.Review;
using FocusBot.Roles;
using FocusBot.Startup;
using FocusBot.Storage;
using FocusBot.Telemetry;
using FocusBot.Trends;
using Microsoft.Extensions.Options;

namespace FocusBot;

/// <summary>Everything FocusBot's host needs, feature by feature.</summary>
public static class FocusBotServiceCollectionExtensions
{
    public static IServiceCollection AddFocusBot(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddBotFramework(configuration, environment.IsDevelopment());
        services.AddFocusBotTelemetry(configuration);
        services.AddFocusBotStorage(configuration);
        services.AddSingleton<StorageProbe>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        services.AddSingleton<ActivityRouter>();
        services.AddSingleton<ReplayGuard>();
        services.AddHostedService<InboundActivityPurgeService>();
        services.AddOptions<RolesOptions>().Bind(configuration.GetSection(RolesOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RolesOptions>, RolesOptionsValidator>();
        services.AddSingleton<RoleResolver>();
        services.AddSingleton<CommandAccess>();

        services.AddSingleton<HelpCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<HelpCommand>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<HelpCommand>());
        services.AddSingleton<IConversationChangeHandler, InstallationHandler>();
        services.AddQuestionBank();
        services.AddPulse(configuration, environment);
        services.AddInsights(configuration);
        services.AddActions();
        services.AddProgramme(configuration);
        services.AddReviewPack();
        services.AddKpis();
        services.AddRecognition();
        services.AddRoleAdministration();
        services.AddPrivacy(configuration, environment);
        services.AddTrends(configuration);
        services.AddComments();
        services.AddResults(configuration);
        services.AddNotices(configuration);
        services.AddRetention(configuration);

        if (environment.IsDevelopment())
            services.AddDevelopmentTools(configuration);

        // Last: the background services above start beside it, so their own first pass overlaps the warm-up rather than
        // the first answers once the server listens.
        services.AddWarmUp(configuration);
        return services;
    }
}
