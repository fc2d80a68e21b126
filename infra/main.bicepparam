// Parameters for deploying with the Azure CLI:
//   export FOCUSBOT_ADMIN_AAD_OBJECT_IDS="$(az ad signed-in-user show --query id -o tsv)"
//   export FOCUSBOT_PSEUDONYM_SECRET="$(openssl rand -base64 48)"   # first deployment only, see README.md
//   az deployment group create --resource-group <rg> --parameters infra/main.bicepparam
// The Azure CLI compiles this file on your machine, so the environment variables are read there and never stored.
using 'main.bicep'

param adminAadObjectIds = readEnvironmentVariable('FOCUSBOT_ADMIN_AAD_OBJECT_IDS')

// Empty unless set: an empty value keeps the secret already in Key Vault (a redeploy must not rotate it).
param pseudonymSecret = readEnvironmentVariable('FOCUSBOT_PSEUDONYM_SECRET', '')

// Optional overrides; the defaults live in main.bicep.
param appServicePlanSku = readEnvironmentVariable('FOCUSBOT_APP_SERVICE_PLAN_SKU', 'B1')

// Organisation-wide settings for the host, e.g. the pulse schedule. Keys and defaults: bot/FocusBot/README.md.
// Settings changed in the portal or with az webapp config appsettings set are replaced by the next deployment.
param additionalAppSettings = {
  // Pulse__SendDay: 'Wednesday'
  // Pulse__SendTime: '09:30'
  // Pulse__DefaultTimeZone: 'Europe/Berlin'
}
