namespace FocusBot.Protocol.Connector;

/// <summary>Retry and timeout settings for Connector calls.</summary>
public sealed class ConnectorOptions
{
    public const string Section = "Teams:Connector";

    /// <summary>Retries after the first attempt, for throttling and transient failures.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First backoff for 412/502/503/504; doubles with jitter per retry.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest a single backoff (or a Retry-After we honour) may be.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Per-attempt timeout.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
