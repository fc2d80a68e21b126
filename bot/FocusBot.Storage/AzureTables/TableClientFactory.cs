using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Logging;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Builds the Table client from <see cref="AzureTablesOptions"/>: a connection string (account key, SAS, or
/// UseDevelopmentStorage=true), an endpoint with a SAS token, or an endpoint with Microsoft Entra through Azure.Identity.
/// Retries are the SDK's, bounded by the options.
/// </summary>
internal static class TableClientFactory
{
    public static FocusTableClient Create(AzureTablesOptions options, ILogger logger, HttpMessageHandler? handler = null, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The SDK's shared HttpClient (one connection pool for every client, as the SDK advises) unless a test brings its own handler.
        var transport = handler is null ? null : new HttpClientTransport(handler);
        var clientOptions = new TableClientOptions();
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = Math.Max(0, options.MaxAttempts - 1);
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        clientOptions.Retry.NetworkTimeout = options.RequestTimeout;
        clientOptions.AddPolicy(new TableAttemptLogPolicy(logger), HttpPipelinePosition.PerRetry);
        var service = CreateService(options, clientOptions, credential);
        return new FocusTableClient(service, new TableOutage(service.Uri, Math.Max(1, options.MaxAttempts), options.RequestTimeout), transport);
    }

    private static TableServiceClient CreateService(AzureTablesOptions options, TableClientOptions clientOptions, TokenCredential? credential)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new TableServiceClient(options.ConnectionString.Trim(), clientOptions);
        }

        var endpoint = options.Endpoint ?? throw new InvalidOperationException(AzureTablesOptionsValidator.NoConnection);
        if (!string.IsNullOrWhiteSpace(options.SasToken))
        {
            return new TableServiceClient(endpoint, new AzureSasCredential(options.SasToken.Trim()), clientOptions);
        }

        credential ??= new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId.Trim(),
        });
        return new TableServiceClient(endpoint, credential, clientOptions);
    }
}
