using FocusBot.Messaging;

namespace FocusBot.Development;

/// <summary>What only Development runs: the Agents Playground, `--seed-demo` and `--pulse-now`.</summary>
public static class DevelopmentServiceCollectionExtensions
{
    public static IServiceCollection AddDevelopmentTools(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlaygroundOptions>().Bind(configuration.GetSection(PlaygroundOptions.Section))
            .Validate(o => o.Port is > 0 and <= 65535, "DevTools:Playground:Port must be a TCP port, 1-65535.")
            .ValidateOnStart();
        services.AddOptions<DevToolsOptions>().Bind(configuration.GetSection(DevToolsOptions.Section));
        services.AddSingleton<PlaygroundLauncher>();
        services.AddHostedService(sp => sp.GetRequiredService<PlaygroundLauncher>());
        services.AddSingleton<PlaygroundRegistration>();
        services.AddSingleton<DemoTeams>();
        services.AddSingleton<DemoHistory>();
        services.AddSingleton<DemoSeeder>();
        // After the installation handler (registered before this): the chat is stored before the pulse looks for people.
        services.AddSingleton<PulseNowOnFirstChat>();
        services.AddHostedService(sp => sp.GetRequiredService<PulseNowOnFirstChat>());
        services.AddSingleton<IConversationChangeHandler>(sp => sp.GetRequiredService<PulseNowOnFirstChat>());
        return services;
    }
}
