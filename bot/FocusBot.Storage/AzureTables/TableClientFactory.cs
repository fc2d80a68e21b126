using Azure.Identity;
using Microsoft.Extensions.Logging;

namespace FocusBot.Storage.AzureTables;

/// <summary>Builds the Table client from configuration: a connection string (SharedKeyLite) or an endpoint with Microsoft Entra.</summary>
internal static class TableClientFactory
{
    public static TableClient Create(AzureTablesOptions options, ILogger logger, TimeProvider timeProvider, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var connection = TableConnectionString.Parse(options.ConnectionString);
            return new TableClient(connection.TableEndpoint, new SharedKeyLiteAuthorizer(connection.AccountName, connection.AccountKey), options, logger, handler);
        }

        if (options.Endpoint is not null)
        {
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
            });
            return new TableClient(options.Endpoint, new TokenAuthorizer(credential, timeProvider), options, logger, handler);
        }

        throw new InvalidOperationException(
            "Storage:Provider is AzureTables but neither Storage:AzureTables:ConnectionString nor Storage:AzureTables:Endpoint is set.");
    }
}
