using FocusBot.Domain.Pulses;

namespace FocusBot.Trends;

/// <summary>
/// Told after each sealing pass over a tenant, under the tenant's trends lease, whether or not the pass sealed anything
/// new: what follows from sealed figures (the pulse's results for staff) goes out from there, and a listener that failed
/// or was stopped half way catches up on the next pass.
/// </summary>
public interface ISealingListener
{
    /// <param name="tenantPulses">The tenant's pulses, as the pass sealed them.</param>
    Task AfterSealingAsync(string tenantId, IReadOnlyList<Pulse> tenantPulses, CancellationToken cancellationToken);
}
