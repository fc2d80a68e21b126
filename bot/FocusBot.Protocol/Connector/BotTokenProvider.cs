using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace FocusBot.Protocol.Connector;

/// <summary>Supplies the bearer token for outbound Connector calls; null means no token (development only).</summary>
public interface IBotTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Tokens from Microsoft Entra via MSAL: client credentials or a user-assigned managed identity. MSAL caches them.</summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private readonly Func<CancellationToken, Task<string>> _acquire;

    public MsalBotTokenProvider(IOptions<BotFrameworkOptions> options)
    {
        var bot = options.Value;
        var appId = bot.MicrosoftAppId ?? throw new InvalidOperationException("MicrosoftAppId is required for outbound tokens.");
        if (bot.MicrosoftAppType == BotAppType.UserAssignedMSI)
        {
            var identity = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(appId)).Build();
            _acquire = async ct => (await identity.AcquireTokenForManagedIdentity(BotFrameworkOptions.BotFrameworkIssuer)
                .ExecuteAsync(ct).ConfigureAwait(false)).AccessToken;
            return;
        }

        // Single-tenant bots must ask their own tenant; botframework.com only knows legacy multi-tenant registrations.
        var tenant = bot.MicrosoftAppType == BotAppType.MultiTenant ? "botframework.com" : bot.MicrosoftAppTenantId;
        var client = ConfidentialClientApplicationBuilder.Create(appId)
            .WithAuthority($"https://login.microsoftonline.com/{tenant}")
            .WithClientSecret(bot.MicrosoftAppPassword)
            .Build();
        _acquire = async ct => (await client.AcquireTokenForClient([BotFrameworkOptions.BotFrameworkScope])
            .ExecuteAsync(ct).ConfigureAwait(false)).AccessToken;
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken) => await _acquire(cancellationToken).ConfigureAwait(false);
}

/// <summary>No token: development without an app id, where outbound calls may only reach loopback.</summary>
public sealed class NoBotTokenProvider : IBotTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
