using FocusBot.Protocol.Authentication;
using FocusBot.Protocol.Connector;
using FocusBot.Protocol.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FocusBot.Protocol.Hosting;

/// <summary>Registers the Bot Framework protocol: inbound authentication, outbound tokens, the Connector client and pacing.</summary>
public static class BotFrameworkServiceCollectionExtensions
{
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BotFrameworkOptions>()
            .Bind(configuration)
            .PostConfigure(o => o.DevelopmentWithoutAppId = isDevelopment && !o.HasAppId)
            .Validate(o => o.HasAppId || o.DevelopmentWithoutAppId, "MicrosoftAppId is required outside Development.")
            .Validate(o => o.MicrosoftAppType != BotAppType.SingleTenant || !o.HasAppId || !string.IsNullOrWhiteSpace(o.MicrosoftAppTenantId),
                "MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.")
            .Validate(o => o.MicrosoftAppType == BotAppType.UserAssignedMSI || !o.HasAppId || !string.IsNullOrWhiteSpace(o.MicrosoftAppPassword),
                "MicrosoftAppPassword is required when MicrosoftAppType is SingleTenant or MultiTenant.")
            .Validate(o => IsAllowedMetadataUrl(o.BotOpenIdMetadata), "BotOpenIdMetadata must be https (http only on a loopback address).")
            .ValidateOnStart();
        services.AddOptions<ConnectorOptions>().Bind(configuration.GetSection(ConnectorOptions.Section));
        services.AddOptions<TeamsRateLimitOptions>().BindReplacingLists(configuration.GetSection(TeamsRateLimitOptions.Section));

        services.AddHttpClient<BotSigningKeys>(c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<BotRequestAuthenticator>();
        services.AddSingleton<TeamsRateLimiter>();
        services.AddSingleton<ServiceUrlGuard>();
        services.AddSingleton<IBotTokenProvider>(sp => sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.HasAppId
            ? ActivatorUtilities.CreateInstance<MsalBotTokenProvider>(sp)
            : new NoBotTokenProvider());
        // Attempt timeouts are ours (ConnectorOptions), so the HttpClient's own must not cut a paced call short.
        services.AddHttpClient<ConnectorClient>(c => c.Timeout = Timeout.InfiniteTimeSpan);
        return services;
    }

    private static bool IsAllowedMetadataUrl(string url)
    {
        try
        {
            BotSigningKeys.CheckedUri(url);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
