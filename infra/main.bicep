// FocusBot's whole Azure footprint in one resource group, single-tenant and secret-free:
//   user-assigned managed identity  -> is the bot's identity (UserAssignedMSI) and reads tables and the vault
//   Azure Bot + Teams channel       -> routes Teams traffic to https://<web app>/api/messages
//   App Service plan + web app      -> runs the .NET 10 host (Linux)
//   Storage account (tables)        -> FocusBot's data, reached with the identity (shared keys disabled)
//   Key Vault                       -> the pseudonym secret, read through a Key Vault reference
//   Log Analytics + App Insights    -> logs and telemetry
// Deploy with infra/main.bicepparam (az CLI) or infra/m365agents.yml (Microsoft 365 Agents Toolkit); see README.md.

targetScope = 'resourceGroup'

@description('Prefix for every resource name. The web app name, and so the bot domain, is this value.')
@minLength(3)
@maxLength(40)
param resourceBaseName string = 'focusbot-${uniqueString(resourceGroup().id)}'

@description('Region for everything except the bot registration, which is global.')
param location string = resourceGroup().location

@description('Microsoft Entra object id(s) of the first FocusBot Admin, comma-separated. Find yours with: az ad signed-in-user show --query id -o tsv')
@minLength(36)
param adminAadObjectIds string

@secure()
@description('The pseudonym secret (at least 32 random bytes, e.g. openssl rand -base64 48). Pass it on the first deployment only; leave it empty afterwards so the stored secret is kept.')
param pseudonymSecret string = ''

@description('App Service plan SKU. B1 is the cheapest with Always On; P0v3 or P1v3 for larger organisations.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'B1'

@description('Azure Bot SKU. F0 is free and has no message limit on the Teams channel.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Bot name shown in the Azure portal.')
param botDisplayName string = 'FocusBot'

@description('Days Log Analytics and Application Insights keep data.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('More web app settings, name to value, e.g. { Pulse__SendDay: \'Wednesday\' }. Names use __ for the : of configuration keys; bot/FocusBot/README.md lists every key. Never put a secret here. Settings changed outside this template are replaced on every deployment, so keep them here.')
param additionalAppSettings object = {}

@description('Tags put on every resource.')
param tags object = {
  application: 'FocusBot'
}

// Globally unique, within each service's naming rules, and stable for a given resource group and base name.
var uniqueSuffix = uniqueString(resourceGroup().id, resourceBaseName)
var storageAccountName = 'st${uniqueSuffix}'
var keyVaultName = 'kv-${uniqueSuffix}'
var pseudonymSecretName = 'PseudonymSecret'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'focusbot-monitoring'
  params: {
    resourceBaseName: resourceBaseName
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'focusbot-storage'
  params: {
    name: storageAccountName
    location: location
    tags: tags
    identityPrincipalId: identity.properties.principalId
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'focusbot-key-vault'
  params: {
    name: keyVaultName
    location: location
    tags: tags
    identityPrincipalId: identity.properties.principalId
    pseudonymSecretName: pseudonymSecretName
    pseudonymSecret: pseudonymSecret
  }
}

// The settings the host needs in Azure. Names use '__' for the ':' of .NET configuration sections.
// Keys not set here (or in additionalAppSettings) fall back to the defaults documented in bot/FocusBot/README.md.
var requiredAppSettings = [
  { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
  { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
  { name: 'MicrosoftAppId', value: identity.properties.clientId }
  { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
  // Azure.Identity picks the user-assigned identity from this variable.
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
  { name: 'Storage__Provider', value: 'AzureTables' }
  { name: 'Storage__AzureTables__Endpoint', value: storage.outputs.tableEndpoint }
  { name: 'Storage__AzureTables__ManagedIdentityClientId', value: identity.properties.clientId }
  { name: 'Privacy__PseudonymSecret', value: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.pseudonymSecretUri})' }
  { name: 'Bot__AdminAadObjectIds', value: adminAadObjectIds }
  // Read by the host's Azure Monitor OpenTelemetry distro (bot/FocusBot/Telemetry); without it nothing is exported.
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: monitoring.outputs.appInsightsConnectionString }
  // The package is published already (dotnet publish); App Service must not try to build it again.
  { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
]

var appSettings = concat(
  requiredAppSettings,
  map(items(additionalAppSettings), setting => { name: setting.key, value: string(setting.value) })
)

module webApp 'modules/webApp.bicep' = {
  name: 'focusbot-web-app'
  params: {
    name: resourceBaseName
    location: location
    tags: tags
    skuName: appServicePlanSku
    identityId: identity.id
    appSettings: appSettings
    workspaceId: monitoring.outputs.workspaceId
  }
}

module bot 'modules/bot.bicep' = {
  name: 'focusbot-bot'
  params: {
    name: '${resourceBaseName}-bot'
    tags: tags
    displayName: botDisplayName
    skuName: botSku
    identityClientId: identity.properties.clientId
    identityId: identity.id
    tenantId: identity.properties.tenantId
    hostName: webApp.outputs.defaultHostName
  }
}

// Output names follow the Agents Toolkit convention: arm/deploy writes them as-is into env/.env.<env>, where the
// manifest's ${{BOT_ID}} and ${{BOT_DOMAIN}} placeholders pick them up.
@description('Bot id for the Teams manifest (--bot-id): the managed identity client id.')
output BOT_ID string = identity.properties.clientId

@description('Tenant the bot identity belongs to.')
output BOT_TENANT_ID string = identity.properties.tenantId

@description('Bot domain for the Teams manifest (--domain): the web app host name.')
output BOT_DOMAIN string = webApp.outputs.defaultHostName

@description('Web app resource id, for zip deploy.')
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.outputs.id

@description('Web app name, for az webapp commands.')
output WEB_APP_NAME string = webApp.outputs.name

@description('Azure Bot resource name.')
output BOT_SERVICE_NAME string = bot.outputs.name

@description('Key Vault name, for az keyvault commands.')
output KEY_VAULT_NAME string = keyVault.outputs.name

@description('Storage account name.')
output STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Application Insights resource name.')
output APPLICATION_INSIGHTS_NAME string = monitoring.outputs.appInsightsName

@description('Resource group everything was deployed to.')
output RESOURCE_GROUP_NAME string = resourceGroup().name
