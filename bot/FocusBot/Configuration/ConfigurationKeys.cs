namespace FocusBot.Configuration;

/// <summary>
/// Every configuration key the host reads, in one place. The ship tests reflect over these constants and fail when a
/// key is neither set by infra/main.bicep (as an App Service setting, ':' written as '__') nor listed with its default
/// in the configuration reference table of bot/FocusBot/README.md. Add the constant before reading a new key.
/// </summary>
public static class ConfigurationKeys
{
    public const string MicrosoftAppType = "MicrosoftAppType";
    public const string MicrosoftAppId = "MicrosoftAppId";
    public const string MicrosoftAppPassword = "MicrosoftAppPassword";
    public const string MicrosoftAppTenantId = "MicrosoftAppTenantId";
    public const string BotOpenIdMetadata = "BotOpenIdMetadata";

    public const string StorageProvider = "Storage:Provider";
    public const string StorageSqliteDataDirectory = "Storage:Sqlite:DataDirectory";
    public const string StorageAzureTablesConnectionString = "Storage:AzureTables:ConnectionString";
    public const string StorageAzureTablesEndpoint = "Storage:AzureTables:Endpoint";
    public const string StorageAzureTablesManagedIdentityClientId = "Storage:AzureTables:ManagedIdentityClientId";
    public const string StorageAzureTablesTablePrefix = "Storage:AzureTables:TablePrefix";

    public const string PrivacyPseudonymSecret = "Privacy:PseudonymSecret";
    public const string PrivacyMinimumGroupSize = "Privacy:MinimumGroupSize";
    public const string PrivacyMinimumCommentGroupSize = "Privacy:MinimumCommentGroupSize";

    public const string BotAdminAadObjectIds = "Bot:AdminAadObjectIds";
    public const string BotRoleTeams = "Bot:RoleTeams";

    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtelExporterOtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    // Bound through options types (ConnectorOptions, TeamsRateLimitOptions, PlaygroundOptions, DevToolsOptions); the ship tests
    // check every bindable property of a type with a Section constant appears here.
    public const string TeamsConnectorMaxRetries = "Teams:Connector:MaxRetries";
    public const string TeamsConnectorBaseDelay = "Teams:Connector:BaseDelay";
    public const string TeamsConnectorMaxDelay = "Teams:Connector:MaxDelay";
    public const string TeamsConnectorAttemptTimeout = "Teams:Connector:AttemptTimeout";

    public const string TeamsRateLimitsGlobalRequestsPerSecond = "Teams:RateLimits:GlobalRequestsPerSecond";
    public const string TeamsRateLimitsGlobalHeadroom = "Teams:RateLimits:GlobalHeadroom";
    public const string TeamsRateLimitsSendPerConversation = "Teams:RateLimits:SendPerConversation";
    public const string TeamsRateLimitsCreatePerUser = "Teams:RateLimits:CreatePerUser";
    public const string TeamsRateLimitsMembersPerConversation = "Teams:RateLimits:MembersPerConversation";
    public const string TeamsRateLimitsConversationsPerTeam = "Teams:RateLimits:ConversationsPerTeam";
    public const string TeamsRateLimitsWindowMargin = "Teams:RateLimits:WindowMargin";

    public const string DevToolsPlaygroundEnabled = "DevTools:Playground:Enabled";
    public const string DevToolsPlaygroundPort = "DevTools:Playground:Port";
    public const string DevToolsSeedDemo = "DevTools:SeedDemo";
    public const string DevToolsPulseNow = "DevTools:PulseNow";
    public const string DevToolsSettingsFile = "DevTools:SettingsFile";
    public const string DevToolsClockOffset = "DevTools:ClockOffset";

    public const string PulseEnabled = "Pulse:Enabled";
    public const string PulseCadenceWeeks = "Pulse:CadenceWeeks";
    public const string PulseSendDay = "Pulse:SendDay";
    public const string PulseSendTime = "Pulse:SendTime";
    public const string PulseDefaultTimeZone = "Pulse:DefaultTimeZone";
    public const string PulseCloseAfterDays = "Pulse:CloseAfterDays";
    public const string PulseSize = "Pulse:Size";
    public const string PulseNoRepeatWeeks = "Pulse:NoRepeatWeeks";
    public const string PulseVoiceEvery = "Pulse:VoiceEvery";
    public const string PulseReminders = "Pulse:Reminders";
    public const string PulseRemindLaterAfter = "Pulse:RemindLaterAfter";
    public const string PulseRunInBackground = "Pulse:RunInBackground";
    public const string PulseResultsCardEnabled = "Pulse:ResultsCard:Enabled";

    public const string DeliveryConcurrency = "Delivery:Concurrency";
    public const string DeliveryPollInterval = "Delivery:PollInterval";
    public const string DeliveryLeaseDuration = "Delivery:LeaseDuration";
    public const string DeliveryMaxAttempts = "Delivery:MaxAttempts";
    public const string DeliveryRunInBackground = "Delivery:RunInBackground";

    public const string ReportsSigningKey = "Reports:SigningKey";
    public const string ReportsLinkLifetime = "Reports:LinkLifetime";
    public const string ReportsPublicBaseUrl = "Reports:PublicBaseUrl";
    public const string ReportsDigestCheckInterval = "Reports:DigestCheckInterval";

    public const string RecognitionBehaviours = "Recognition:Behaviours";
    public const string RecognitionPeerLimitPerWeek = "Recognition:PeerLimitPerWeek";

    public const string InsightsRunInBackground = "Insights:RunInBackground";
    public const string InsightsCheckInterval = "Insights:CheckInterval";

    public const string NoticesRunInBackground = "Notices:RunInBackground";
    public const string NoticesCheckInterval = "Notices:CheckInterval";
    public const string NoticesStorageOutageAfter = "Notices:StorageOutageAfter";
    public const string NoticesReachCheckAfter = "Notices:ReachCheckAfter";
    public const string NoticesUnreachableAtLeast = "Notices:UnreachableAtLeast";
    public const string NoticesUnreachableShare = "Notices:UnreachableShare";

    public const string ProgrammeEventWindowWeeks = "Programme:EventWindowWeeks";
    public const string ProgrammeMasteryPercent = "Programme:MasteryPercent";
    public const string ProgrammeMasteryWeeks = "Programme:MasteryWeeks";
    public const string ProgrammeMasteryMinRespondents = "Programme:MasteryMinRespondents";
    public const string ProgrammeFavourablePercent = "Programme:FavourablePercent";
    public const string ProgrammeReviewAfterWeeks = "Programme:ReviewAfterWeeks";

    public const string RetentionRunInBackground = "Retention:RunInBackground";
    public const string RetentionRawAnswersMonths = "Retention:RawAnswersMonths";

    public const string WarmUpEnabled = "WarmUp:Enabled";
}
