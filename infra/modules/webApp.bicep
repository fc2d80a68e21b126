// Linux App Service plan and the web app that hosts FocusBot (.NET 10). HTTPS only, TLS 1.2+, no FTP, no basic
// publishing credentials (deploy with az webapp deploy or the Agents Toolkit, both sign in with Entra ID), always on
// so the weekly scheduler keeps running, and /healthz as the health check App Service watches to restart or replace
// an unhealthy instance.

@description('Globally unique web app name; the bot domain becomes <name>.azurewebsites.net.')
param name string

param location string
param tags object

@description('App Service plan SKU. Basic (B1) is the smallest with Always On, which the pulse scheduler needs.')
param skuName string

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('App settings (environment variables) for the host, as name/value pairs.')
param appSettings array

@description('Log Analytics workspace that receives the platform logs.')
param workspaceId string

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references resolve with this identity; without it App Service would try a system identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      use32BitWorkerProcess: false
      appSettings: appSettings
    }
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceAppLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
  }
}

output name string = site.name
output id string = site.id
output defaultHostName string = site.properties.defaultHostName
