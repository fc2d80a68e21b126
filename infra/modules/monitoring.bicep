// Log Analytics workspace and a workspace-based Application Insights resource: the host's OpenTelemetry (Azure Monitor
// distro) sends its traces, metrics and logs there when APPLICATIONINSIGHTS_CONNECTION_STRING is set, and the web app's platform logs
// land in the same workspace, so one query language covers both.

@description('Prefix for resource names.')
param resourceBaseName string

param location string
param tags object

@description('Days the workspace keeps logs. 30 is included in the Log Analytics price; more costs extra.')
@minValue(30)
@maxValue(730)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-appi'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    RetentionInDays: retentionInDays
  }
}

output workspaceId string = workspace.id
output appInsightsName string = appInsights.name

// The connection string identifies where telemetry goes; it grants no read access, so it is not a secret
// (Microsoft documents it as safe to ship in client apps). It is passed to the web app as a plain setting.
output appInsightsConnectionString string = appInsights.properties.ConnectionString
