// The Azure Bot resource: registers the messaging endpoint with the Bot Framework under the managed identity
// (msaAppType UserAssignedMSI, so there is no app password anywhere) and turns on the Microsoft Teams channel.

@description('Globally unique bot handle.')
param name string

param tags object

@description('Name people see for the bot in the Azure portal; Teams shows the name from the app manifest.')
param displayName string

@description('F0 is free; the Teams channel is a standard channel, so F0 has no message cap for it.')
param skuName string

@description('Client id of the managed identity: this is the bot id (BOT_ID) the Teams manifest uses.')
param identityClientId string

@description('Resource id of the managed identity.')
param identityId string

param tenantId string

@description('Public host name of the web app, e.g. focusbot-abc.azurewebsites.net.')
param hostName string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  // Bot registrations are global; the web app keeps the data in the chosen region.
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${hostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

output name string = bot.name
