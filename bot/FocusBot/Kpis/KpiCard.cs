using FocusBot.Cards;
using FocusBot.Domain.Kpis;
using FocusBot.Domain.Trends;

namespace FocusBot.Kpis;

/// <summary>
/// `kpis`: each customer KPI's latest periods, the organisation's value beside its knowledge, behaviour and attitude
/// of the same period (as the privacy gate shows them), the teams' values of the latest team period, and what goes
/// with what where there are enough pairs to say.
/// </summary>
public static class KpiCard
{
    public const string Title = "Customer KPIs";

    /// <summary>Periods shown per KPI; the report page has them all.</summary>
    public const int PeriodsShown = 4;

    /// <summary>Teams listed per KPI: a card is not a spreadsheet.</summary>
    public const int TeamsShown = 12;

    public static AdaptiveCard Create(KpiOverview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        List<CardElement> body = [new TextBlock(Title) { Size = "Large", Weight = "Bolder" }];
        if (overview.Kpis.Count == 0)
        {
            body.Add(new TextBlock("No customer KPIs yet. Type kpis import with a CSV file attached, or with the CSV pasted on the lines below " +
                $"(first line {KpiCsvReader.Header}); type help kpis for the format.")
            { IsSubtle = true, Wrap = true });
            return new AdaptiveCard { FallbackText = Title, Body = body };
        }

        body.Add(new TextBlock("Imported by HR, beside staff knowledge, behaviour and attitude of the same period. Staff figures follow the privacy rules: " +
            "a hidden figure stays hidden.")
        { IsSubtle = true, Wrap = true, Spacing = "None" });
        foreach (var kpi in overview.Kpis)
            body.Add(new Container([.. Elements(kpi, overview)]) { Separator = true, Spacing = "Large" });
        return new AdaptiveCard { FallbackText = Title, Body = body };
    }

    private static IEnumerable<CardElement> Elements(KpiSeries kpi, KpiOverview overview)
    {
        yield return new TextBlock(CardText.Markdown(KpiText.Heading(kpi.Definition), 120)) { Size = "Medium", Weight = "Bolder", Wrap = true };
        var orgValues = kpi.Values.Where(v => v.IsOrganisation).OrderByDescending(v => v.Period).Take(PeriodsShown).ToList();
        if (orgValues.Count > 0)
        {
            yield return new FactSet([.. orgValues.Select(v => new Fact(v.Period.Label, OrganisationLine(kpi.Definition, v, overview)))]);
        }

        if (kpi.Values.Where(v => !v.IsOrganisation).MaxBy(v => v.Period) is { } latestTeamValue)
        {
            var period = latestTeamValue.Period;
            var teams = kpi.Values.Where(v => !v.IsOrganisation && v.Period == period).OrderBy(v => NameOf(v.TeamId, overview), StringComparer.CurrentCultureIgnoreCase).ToList();
            var listed = string.Join(", ", teams.Take(TeamsShown).Select(v => $"{CardText.Markdown(NameOf(v.TeamId, overview), 60)} {KpiText.Value(kpi.Definition, v.Value)}"));
            var more = teams.Count > TeamsShown ? $" and {teams.Count - TeamsShown} more (on the report page)" : string.Empty;
            yield return new TextBlock($"Teams, {period.Label}: {listed}{more}") { Wrap = true };
        }

        foreach (var finding in overview.Findings.Where(f => f.Kpi == kpi.Definition.Key))
            yield return new TextBlock(CardText.Markdown(finding.Sentence, 400)) { Wrap = true, IsSubtle = !finding.IsClear };
    }

    private static string OrganisationLine(KpiDefinition definition, KpiValue value, KpiOverview overview)
    {
        var organisation = overview.Reports.GetValueOrDefault(value.Period.Kind)?.Organisation;
        var staff = TrendMeasure.Indices.Select(measure => KpiText.Staff(measure, KpiText.Figure(organisation, measure, value.Period)));
        return $"{KpiText.Value(definition, value.Value)} · {string.Join(", ", staff)}";
    }

    private static string NameOf(string teamId, KpiOverview overview) =>
        overview.TeamNames.TryGetValue(teamId, out var name) && name.Length > 0 ? name : "a team FocusBot is no longer in";
}
