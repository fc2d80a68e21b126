namespace FocusBot.Domain.Kpis;

/// <summary>
/// The KPIs ISO 9001 audits ask about most (clause 9.1.2 and 5.1.2's objective measures), known without being declared:
/// a file can name them with no unit or direction.
/// </summary>
public static class KnownKpis
{
    public static readonly KpiDefinition Csat = new("CSAT", KpiUnits.Percent, KpiDirection.HigherIsBetter);
    public static readonly KpiDefinition Nps = new("NPS", KpiUnits.Nps, KpiDirection.HigherIsBetter);
    public static readonly KpiDefinition Complaints = new("Complaints", KpiUnits.Count, KpiDirection.LowerIsBetter);
    public static readonly KpiDefinition OnTimeDelivery = new("On-time delivery", KpiUnits.Percent, KpiDirection.HigherIsBetter);
    public static readonly KpiDefinition Rework = new("Rework", KpiUnits.Percent, KpiDirection.LowerIsBetter);

    public static IReadOnlyList<KpiDefinition> All { get; } = [Csat, Nps, Complaints, OnTimeDelivery, Rework];

    public static KpiDefinition? Find(string name) => All.FirstOrDefault(k => k.Key == KpiDefinition.KeyOf(name));
}
