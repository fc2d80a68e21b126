using FocusBot.Domain.Conversations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FocusBot.Health;

/// <summary>Healthy when a point read against the store answers (a missing row is a fine answer).</summary>
public sealed class StorageHealthCheck(IConversationStore conversations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await conversations.GetAsync("healthz", "healthz", cancellationToken);
            return HealthCheckResult.Healthy("storage reachable");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("storage unreachable");
        }
    }
}
