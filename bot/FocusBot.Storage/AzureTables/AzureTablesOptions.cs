namespace FocusBot.Storage.AzureTables;

/// <summary>Settings of the Azure Table Storage backend (configuration section Storage:AzureTables).</summary>
public sealed class AzureTablesOptions
{
    public const string SectionName = "Storage:AzureTables";

    /// <summary>
    /// Storage connection string: account key (Azurite's, or "UseDevelopmentStorage=true") or one carrying a
    /// SharedAccessSignature. Wins over <see cref="Endpoint"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Table endpoint such as https://account.table.core.windows.net, reached with <see cref="SasToken"/> or a Microsoft Entra token.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Shared access signature for <see cref="Endpoint"/> (the query string, with or without its '?'); unset uses Microsoft Entra.</summary>
    public string? SasToken { get; set; }

    /// <summary>Client id of a user-assigned managed identity; unset uses the system-assigned one or developer credentials.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Letters and digits put before every table name, so several deployments (or test runs) can share an account.</summary>
    public string? TablePrefix { get; set; }

    /// <summary>Attempts per request, the first included, before a transient failure becomes a StorageUnavailableException.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    public double RetryDelayMilliseconds { get; set; } = 500;

    /// <summary>Time allowed to one attempt (the service itself gives up on a query after 30 s).</summary>
    public double RequestTimeoutSeconds { get; set; } = 30;

    public TimeSpan RetryDelay => TimeSpan.FromMilliseconds(RetryDelayMilliseconds);

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);
}
