// Key Vault holding the pseudonym secret (the HMAC key that turns a person into a pseudonym). RBAC only, soft
// delete and purge protection on: losing or changing this secret would cut every person off from their past
// answers, so nobody can purge it by accident. The web app reads it through a Key Vault reference.

@description('Globally unique vault name: 3-24 letters, digits and hyphens.')
@minLength(3)
@maxLength(24)
param name string

param location string
param tags object

@description('Principal (object) id of the managed identity the web app runs as.')
param identityPrincipalId string

@description('Name of the secret holding the pseudonym secret.')
param pseudonymSecretName string

@secure()
@description('Value to store as the pseudonym secret. Empty leaves the vault as it is, so a redeploy never rotates it.')
param pseudonymSecret string

// Built-in role "Key Vault Secrets User": read secret contents.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// Written only when a value is passed: on the first deployment, or to rotate on purpose (which re-pseudonymises
// everyone). Later deployments pass nothing and the existing secret stays.
resource secret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(pseudonymSecret)) {
  parent: vault
  name: pseudonymSecretName
  properties: {
    value: pseudonymSecret
    contentType: 'text/plain'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityPrincipalId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name

@description('Versionless secret URI: App Service resolves the latest version (refreshed within 24 hours or on restart).')
output pseudonymSecretUri string = '${vault.properties.vaultUri}secrets/${pseudonymSecretName}/'
