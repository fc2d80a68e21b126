using FocusBot.Domain.Pulses;
using FocusBot.Domain.Settings;

namespace FocusBot.Trends;

/// <summary>Which closed pulses the HR digest has gone out for: one marker per pulse in the tenant's settings, so a digest goes once.</summary>
public sealed class DigestMarks(ISettingsStore settings)
{
    public static string MarkerOf(string pulseId) => "trends:digest:" + pulseId;

    /// <summary>The pulses among <paramref name="closed"/> no digest has gone out for yet, in their order.</summary>
    public async Task<IReadOnlyList<Pulse>> WithoutDigestAsync(string tenantId, IEnumerable<Pulse> closed, CancellationToken cancellationToken)
    {
        var pending = new List<Pulse>();
        foreach (var pulse in closed)
        {
            if (await settings.GetAsync(tenantId, MarkerOf(pulse.Id), cancellationToken) is null)
                pending.Add(pulse);
        }

        return pending;
    }

    public async Task MarkSentAsync(string tenantId, IEnumerable<Pulse> pulses, CancellationToken cancellationToken)
    {
        foreach (var pulse in pulses)
            await settings.SetAsync(tenantId, MarkerOf(pulse.Id), "sent", cancellationToken);
    }
}
