using FocusBot.Domain.Trends;
using FocusBot.Telemetry;

namespace FocusBot.Actions;

/// <summary>
/// The organisation's current Voice themes, as the privacy gate shows them to HR (enough people commented), offered
/// in the action form so an action answers what people actually said.
/// </summary>
public sealed class ActionThemes(PrivacyGate gate)
{
    /// <summary>The weeks the themes are drawn from: those the trends card and report show by default.</summary>
    public const int Weeks = 12;

    public async Task<IReadOnlyList<string>> CurrentAsync(string tenantId, CancellationToken cancellationToken)
    {
        var report = await gate.PublishTracedAsync(new TrendRequest { TenantId = tenantId, Kind = PeriodKind.Week, Count = Weeks },
            FocusBotTelemetry.TrendsRoutes.Card, cancellationToken);
        return [.. report.Themes.Select(t => t.Term)];
    }
}
