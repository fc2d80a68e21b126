using FocusBot.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Development;

/// <summary>What only Development runs: the Agents Playground, `--seed-demo`, `--pulse-now` and a shifted clock.</summary>
public static class DevelopmentServiceCollectionExtensions
{
    public static IServiceCollection AddDevelopmentTools(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlaygroundOptions>().Bind(configuration.GetSection(PlaygroundOptions.Section))
            .Validate(o => o.Port is > 0 and <= 65535, "DevTools:Playground:Port must be a TCP port, 1-65535.")
            .ValidateOnStart();
        services.AddOptions<DevToolsOptions>().Bind(configuration.GetSection(DevToolsOptions.Section));
        // Program refuses a malformed offset before the host is built, so what is read here is usable.
        if (DevelopmentClock.Read(configuration).Offset is var offset && offset != TimeSpan.Zero)
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new DevelopmentClock(offset)));
        services.AddSingleton<PlaygroundLauncher>();
        services.AddHostedService(sp => sp.GetRequiredService<PlaygroundLauncher>());
        services.AddSingleton<PlaygroundRegistration>();
        services.AddSingleton<DemoTeams>();
        services.AddSingleton<DemoHistory>();
        services.AddSingleton<DemoProgramme>();
        services.AddSingleton<DemoSeeder>();
        // After the installation handler (registered before this): the chat is stored before the pulse looks for people.
        services.AddSingleton<PulseNowOnFirstChat>();
        services.AddHostedService(sp => sp.GetRequiredService<PulseNowOnFirstChat>());
        services.AddSingleton<IConversationChangeHandler>(sp => sp.GetRequiredService<PulseNowOnFirstChat>());
        return services;
    }
}
