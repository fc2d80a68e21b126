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
    /// <summary>One attempt at the OpenID metadata or its keys.</summary>
    public static readonly TimeSpan SigningKeysAttemptTimeout = TimeSpan.FromSeconds(5);

    /// <summary>One fetch of the metadata or its keys, retries included (10 s was HttpClient's timeout before).</summary>
    public static readonly TimeSpan SigningKeysTotalTimeout = TimeSpan.FromSeconds(10);

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
        services.AddOptions<ConnectorOptions>().Bind(configuration.GetSection(ConnectorOptions.Section))
            .Validate(o => o.MaxRetries is >= 0 and <= 20, "Teams:Connector:MaxRetries must be 0-20.")
            .Validate(o => o.BaseDelay > TimeSpan.Zero && o.MaxDelay >= o.BaseDelay,
                "Teams:Connector:BaseDelay must be positive and Teams:Connector:MaxDelay at least as long.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero, "Teams:Connector:AttemptTimeout must be positive.")
            .ValidateOnStart();
        services.AddOptions<TeamsRateLimitOptions>().BindReplacingLists(configuration.GetSection(TeamsRateLimitOptions.Section))
            .Validate(o => o.GlobalRequestsPerSecond >= 1, "Teams:RateLimits:GlobalRequestsPerSecond must be at least 1.")
            .Validate(o => o.GlobalHeadroom is > 0 and <= 1, "Teams:RateLimits:GlobalHeadroom must be above 0 and at most 1.")
            .Validate(o => o.WindowMargin >= TimeSpan.Zero, "Teams:RateLimits:WindowMargin must not be negative.")
            .Validate(o => Enum.GetValues<ConnectorOperation>().SelectMany(o.WindowsFor).All(w => w.Count >= 1 && w.Period > TimeSpan.Zero),
                "Every Teams:RateLimits window must allow at least one call in a positive period.")
            .ValidateOnStart();

        // The signing keys are fetched while a Teams request waits for its answer: a failed or slow fetch is retried at
        // once, and the handler's timeouts bound the whole fetch, so HttpClient's own timeout must not cut in first.
        services.AddHttpClient<BotSigningKeys>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler(o =>
            {
                o.AttemptTimeout.Timeout = SigningKeysAttemptTimeout;
                o.TotalRequestTimeout.Timeout = SigningKeysTotalTimeout;
                o.Retry.Delay = TimeSpan.FromMilliseconds(500);
            });
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
