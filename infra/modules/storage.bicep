// The storage account FocusBot keeps its tables in. Keys are switched off: the web app reaches the Table service
// with its managed identity (Storage Table Data Contributor), so there is no connection string to leak or rotate.

@description('Globally unique account name: 3-24 lower-case letters and digits.')
@minLength(3)
@maxLength(24)
param name string

param location string
param tags object

@description('Principal (object) id of the managed identity the web app runs as.')
param identityPrincipalId string

// Built-in role "Storage Table Data Contributor": read, write and delete tables and entities.
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identityPrincipalId, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identityPrincipalId
    // Saying what the principal is lets Azure skip the directory lookup that fails for a just-created identity.
    principalType: 'ServicePrincipal'
  }
}

output name string = storage.name

@description('Table service endpoint, e.g. https://<account>.table.core.windows.net/ (suffix taken from the cloud).')
output tableEndpoint string = storage.properties.primaryEndpoints.table
