using FocusBot.ConnectorSimulator.RateLimiting;

namespace FocusBot.ConnectorSimulator;

/// <summary>How a <see cref="ConnectorSimulator"/> listens and which limits it enforces.</summary>
public sealed record ConnectorSimulatorOptions
{
    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Answer 429 like Teams when a limit in <see cref="RateLimits"/> is exceeded.</summary>
    public bool EnforceRateLimits { get; init; } = true;

    public RateLimitTable RateLimits { get; init; } = RateLimitTable.Teams;

    /// <summary>
    /// Drives the rate-limit windows and recorded times. Injected delays and <c>WaitForSentAsync</c> timeouts always
    /// use real time, because the HTTP client on the other side does.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Tenant for conversations and teams registered without one (the global limit is per tenant).</summary>
    public string DefaultTenantId { get; init; } = "00000000-0000-0000-0000-00000000a11c";
}
