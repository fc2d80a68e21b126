namespace FocusBot.Protocol;

/// <summary>The bot's identity, read from the Bot Framework SDK's configuration keys (root of configuration).</summary>
public sealed class BotFrameworkOptions
{
    public const string PublicCloudOpenIdMetadata = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string BotFrameworkScope = "https://api.botframework.com/.default";

    /// <summary>SingleTenant (default), MultiTenant or UserAssignedMSI.</summary>
    public BotAppType MicrosoftAppType { get; set; } = BotAppType.SingleTenant;

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Where the signing keys are published; tests point it at a local server (http allowed on loopback only).</summary>
    public string BotOpenIdMetadata { get; set; } = PublicCloudOpenIdMetadata;

    /// <summary>
    /// Set by the host when it runs in Development with no app id: requests without a token are accepted from loopback
    /// and outbound calls carry no token and may only reach loopback service URLs.
    /// </summary>
    public bool DevelopmentWithoutAppId { get; set; }

    public bool HasAppId => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}

/// <summary>How the bot proves its identity to the Connector.</summary>
public enum BotAppType
{
    SingleTenant,
    MultiTenant,
    UserAssignedMSI,
}
