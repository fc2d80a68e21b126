using System.Globalization;
using FocusBot.Domain.Settings;

namespace FocusBot.PulseResults;

/// <summary>The pulse whose results a tenant's staff were last sent, and when they were queued.</summary>
public sealed record QueuedResults(string PulseId, DateTimeOffset QueuedAt);

/// <summary>
/// One setting per tenant naming the pulse whose results went out last: the sealing pass reads it so a pulse's results are
/// queued once, and the sender reads it to find the one results ledger of the tenant that may still hold unsent cards.
/// </summary>
public sealed class LatestResults(ISettingsStore settings)
{
    public const string Key = "results.latest";

    public async Task<QueuedResults?> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var value = await settings.GetAsync(tenantId, Key, cancellationToken);
        var parts = value?.Split('\n');
        return parts is [{ Length: > 0 } pulseId, var at]
            && DateTimeOffset.TryParseExact(at, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var queuedAt)
            ? new QueuedResults(pulseId, queuedAt)
            : null;
    }

    public Task SetAsync(string tenantId, QueuedResults results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        return settings.SetAsync(tenantId, Key, results.PulseId + "\n" + results.QueuedAt.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
    }
}
