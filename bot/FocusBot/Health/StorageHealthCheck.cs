using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FocusBot.Health;

/// <summary>Healthy when a point read against the store answers (a missing row is a fine answer).</summary>
public sealed class StorageHealthCheck(StorageProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        (await probe.CheckAsync(cancellationToken)).Answered ? HealthCheckResult.Healthy("storage reachable") : HealthCheckResult.Unhealthy("storage unreachable");
}
