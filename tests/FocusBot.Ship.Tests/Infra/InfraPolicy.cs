using System.Text.Json.Nodes;

namespace FocusBot.Ship.Tests.Infra;

/// <summary>
/// What the Azure footprint must be (infra/README.md), checked against a Bicep deployment snapshot. Each rule yields a
/// sentence when the snapshot breaks it; an empty result means the deployment is as designed.
/// </summary>
internal static class InfraPolicy
{
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    public static IReadOnlyList<string> Check(JsonNode snapshot)
    {
        var problems = new List<string>();
        var resources = snapshot["predictedResources"]?.AsArray().Select(resource => resource!).ToList() ?? [];

        JsonNode? Single(string type)
        {
            var matches = resources.Where(resource => Text(resource["type"]) == type).ToList();
            if (matches.Count != 1)
            {
                problems.Add($"expected one {type}, found {matches.Count}");
                return null;
            }

            return matches[0];
        }

        void Expect(JsonNode? resource, string path, object expected)
        {
            if (resource is null)
            {
                return;
            }

            var actual = At(resource, path);
            var matches = expected switch
            {
                bool flag => actual is JsonValue value && value.TryGetValue<bool>(out var b) && b == flag,
                int number => actual is JsonValue value && value.TryGetValue<int>(out var n) && n == number,
                _ => Text(actual) == expected.ToString(),
            };
            if (!matches)
            {
                problems.Add($"{Text(resource["type"])} {path} is {actual?.ToJsonString() ?? "missing"}, expected {expected}");
            }
        }

        void ExpectContains(JsonNode? resource, string path, string fragment)
        {
            if (resource is not null && !Text(At(resource, path)).Contains(fragment, StringComparison.Ordinal))
            {
                problems.Add($"{Text(resource["type"])} {path} is {Text(At(resource, path))}, expected it to contain {fragment}");
            }
        }

        var identity = Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        var identityId = Text(identity?["id"]);

        var site = Single("Microsoft.Web/sites");
        Expect(site, "properties.httpsOnly", true);
        Expect(site, "properties.siteConfig.linuxFxVersion", "DOTNETCORE|10.0");
        Expect(site, "properties.siteConfig.alwaysOn", true);
        Expect(site, "properties.siteConfig.healthCheckPath", "/healthz");
        Expect(site, "properties.siteConfig.minTlsVersion", "1.2");
        Expect(site, "properties.siteConfig.ftpsState", "Disabled");
        Expect(site, "identity.type", "UserAssigned");
        Expect(site, "properties.keyVaultReferenceIdentity", identityId);
        if (site is not null && At(site, "identity.userAssignedIdentities")?.AsObject().ContainsKey(identityId) != true)
        {
            problems.Add("the web app does not run as the user-assigned identity");
        }

        var plan = Single("Microsoft.Web/serverfarms");
        Expect(plan, "kind", "linux");
        Expect(plan, "properties.reserved", true);

        foreach (var protocol in new[] { "ftp", "scm" })
        {
            var policy = resources.FirstOrDefault(resource =>
                Text(resource["type"]) == "Microsoft.Web/sites/basicPublishingCredentialsPolicies" && Text(resource["name"]).EndsWith($"/{protocol}", StringComparison.Ordinal));
            if (policy is null)
            {
                problems.Add($"basic publishing credentials for {protocol} are not switched off");
            }
            else
            {
                Expect(policy, "properties.allow", false);
            }
        }

        var storage = Single("Microsoft.Storage/storageAccounts");
        Expect(storage, "kind", "StorageV2");
        Expect(storage, "properties.minimumTlsVersion", "TLS1_2");
        Expect(storage, "properties.allowBlobPublicAccess", false);
        Expect(storage, "properties.allowSharedKeyAccess", false);
        Expect(storage, "properties.supportsHttpsTrafficOnly", true);

        var vault = Single("Microsoft.KeyVault/vaults");
        Expect(vault, "properties.enableRbacAuthorization", true);
        Expect(vault, "properties.enableSoftDelete", true);
        Expect(vault, "properties.enablePurgeProtection", true);

        var secret = Single("Microsoft.KeyVault/vaults/secrets");
        Expect(secret, "properties.value", "[parameters('pseudonymSecret')]");

        ExpectRole(Text(storage?["id"]), StorageTableDataContributor, "Storage Table Data Contributor on the storage account");
        ExpectRole(Text(vault?["id"]), KeyVaultSecretsUser, "Key Vault Secrets User on the vault");

        var bot = Single("Microsoft.BotService/botServices");
        Expect(bot, "location", "global");
        Expect(bot, "properties.msaAppType", "UserAssignedMSI");
        Expect(bot, "properties.msaAppMSIResourceId", identityId);
        ExpectContains(bot, "properties.msaAppId", $"{identityId}', '");
        ExpectContains(bot, "properties.msaAppId", ".clientId");
        ExpectContains(bot, "properties.msaAppTenantId", ".tenantId");
        ExpectContains(bot, "properties.endpoint", "https://{0}/api/messages");
        ExpectContains(bot, "properties.endpoint", Text(site?["id"]));

        var channel = Single("Microsoft.BotService/botServices/channels");
        Expect(channel, "properties.channelName", "MsTeamsChannel");
        Expect(channel, "properties.properties.isEnabled", true);

        var workspace = Single("Microsoft.OperationalInsights/workspaces");
        var insights = Single("Microsoft.Insights/components");
        Expect(insights, "properties.WorkspaceResourceId", Text(workspace?["id"]));

        var settings = site is null ? [] : AppSettings(site);
        void ExpectSetting(string name, Func<string, bool> isRight, string expected)
        {
            if (!settings.TryGetValue(name, out var value))
            {
                problems.Add($"app setting {name} is missing");
            }
            else if (!isRight(value))
            {
                problems.Add($"app setting {name} is {value}, expected {expected}");
            }
        }

        bool Literal(string value, string expected) => value == expected;
        bool References(string value, string resourceId, string property) =>
            value.Contains($"{resourceId}'", StringComparison.Ordinal) && value.Contains(property, StringComparison.Ordinal);

        ExpectSetting("MicrosoftAppType", v => Literal(v, "UserAssignedMSI"), "UserAssignedMSI");
        ExpectSetting("MicrosoftAppId", v => References(v, identityId, ".clientId"), "the identity's client id");
        ExpectSetting("MicrosoftAppTenantId", v => References(v, identityId, ".tenantId"), "the identity's tenant id");
        ExpectSetting("AZURE_CLIENT_ID", v => References(v, identityId, ".clientId"), "the identity's client id");
        ExpectSetting("Storage__Provider", v => Literal(v, "AzureTables"), "AzureTables");
        ExpectSetting("Storage__AzureTables__Endpoint", v => References(v, Text(storage?["id"]), ".primaryEndpoints.table"), "the account's table endpoint");
        ExpectSetting("Storage__AzureTables__ManagedIdentityClientId", v => References(v, identityId, ".clientId"), "the identity's client id");
        ExpectSetting("Privacy__PseudonymSecret", v => v.Contains("@Microsoft.KeyVault(SecretUri=", StringComparison.Ordinal) && References(v, Text(vault?["id"]), ".vaultUri"), "a Key Vault reference to the vault");
        ExpectSetting("APPLICATIONINSIGHTS_CONNECTION_STRING", v => References(v, Text(insights?["id"]), ".ConnectionString"), "the Application Insights connection string");
        ExpectSetting("ASPNETCORE_ENVIRONMENT", v => Literal(v, "Production"), "Production");
        ExpectSetting("Bot__AdminAadObjectIds", v => v.Length > 0, "the admin object id parameter");

        var outputs = snapshot["outputs"]?.AsObject();
        foreach (var output in new[] { "BOT_ID", "BOT_DOMAIN", "BOT_TENANT_ID", "BOT_AZURE_APP_SERVICE_RESOURCE_ID", "WEB_APP_NAME", "RESOURCE_GROUP_NAME" })
        {
            if (outputs?.ContainsKey(output) != true)
            {
                problems.Add($"output {output} is missing: the manifest build and deploy steps need it");
            }
        }

        return problems;

        void ExpectRole(string scopeId, string roleId, string meaning)
        {
            var granted = resources.Any(resource =>
                Text(resource["type"]) == "Microsoft.Authorization/roleAssignments"
                && Text(resource["id"]).Contains($"'{scopeId}', 'Microsoft.Authorization/roleAssignments'", StringComparison.Ordinal)
                && Text(At(resource, "properties.roleDefinitionId")).EndsWith($"/{roleId}", StringComparison.Ordinal)
                && Text(At(resource, "properties.principalId")).Contains($"{identityId}'", StringComparison.Ordinal)
                && Text(At(resource, "properties.principalType")) == "ServicePrincipal");
            if (!granted)
            {
                problems.Add($"the identity is not granted {meaning}");
            }
        }
    }

    /// <summary>The web app's settings, name to value (a literal, or an ARM expression where Azure fills it in).</summary>
    public static Dictionary<string, string> AppSettings(JsonNode site) =>
        At(site, "properties.siteConfig.appSettings")?.AsArray()
            .ToDictionary(setting => Text(setting?["name"]), setting => Text(setting?["value"]), StringComparer.Ordinal)
        ?? [];

    public static JsonNode? WebApp(JsonNode snapshot) => snapshot["predictedResources"]?.AsArray()
        .FirstOrDefault(resource => Text(resource?["type"]) == "Microsoft.Web/sites");

    private static JsonNode? At(JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            current = current is JsonObject obj && obj.TryGetPropertyValue(part, out var next) ? next : null;
        }

        return current;
    }

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? "";
}
