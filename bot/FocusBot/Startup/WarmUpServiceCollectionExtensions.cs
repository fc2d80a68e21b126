namespace FocusBot.Startup;

public static class WarmUpServiceCollectionExtensions
{
    /// <summary>
    /// The answer-path warm-up. A hosted service registered with the others, so it runs before the web server starts
    /// listening (WebApplication starts the server after every hosted service) and /healthz cannot answer until it is done.
    /// </summary>
    public static IServiceCollection AddWarmUp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WarmUpOptions>().Bind(configuration.GetSection(WarmUpOptions.Section));
        services.AddSingleton<AnswerPathRehearsal>();
        services.AddHostedService<AnswerPathWarmUp>();
        return services;
    }
}
