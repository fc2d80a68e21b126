using FocusBot.Domain.Trends;
using FocusBot.Telemetry;
using FocusBot.Trends;

namespace FocusBot.Actions;

/// <summary>
/// The organisation's current Voice themes, as the privacy gate shows them to HR (enough people commented), offered
/// in the action form so an action answers what people actually said.
/// </summary>
public sealed class ActionThemes(PrivacyGate gate)
{
    public async Task<IReadOnlyList<string>> CurrentAsync(string tenantId, CancellationToken cancellationToken)
    {
        var report = await gate.PublishTracedAsync(new TrendRequest { TenantId = tenantId, Kind = PeriodKind.Week, Count = TrendsArguments.DefaultWeeks },
            FocusBotTelemetry.TrendsRoutes.Card, cancellationToken);
        return [.. report.Themes.Select(t => t.Term)];
    }
}
