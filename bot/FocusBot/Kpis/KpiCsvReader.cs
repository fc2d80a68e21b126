using System.Globalization;
using System.Text;
using FocusBot.Domain.Kpis;
using FocusBot.Domain.Trends;
using FocusBot.Questions.Interchange;

namespace FocusBot.Kpis;

/// <summary>What a KPI file holds once every row is checked: nothing to store when there is any problem.</summary>
public sealed record KpiFile(IReadOnlyList<KpiDefinition> NewDefinitions, IReadOnlyList<KpiValue> Values, IReadOnlyList<ImportProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Reads the KPI CSV (header kpi,period,team,value,unit,better; README "Customer KPIs") with the question bank's CSV
/// reader, and checks every row before anything is stored: a quality manager expects a file to go in whole or not at
/// all, never half of it. Each problem names its line.
/// </summary>
public static class KpiCsvReader
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxRows = 5000;
    public const string Header = "kpi,period,team,value,unit,better";

    private static readonly string[] Columns = ["kpi", "period", "team", "value", "unit", "better"];
    private static readonly string[] Required = ["kpi", "period", "value"];

    /// <param name="declared">The tenant's KPIs declared by earlier imports.</param>
    /// <param name="teams">Team id to name, for the teams FocusBot is installed in.</param>
    /// <param name="importedBy">Who imports: an Entra object id, or "api".</param>
    public static KpiFile Read(string text, IReadOnlyList<KpiDefinition> declared, IReadOnlyDictionary<string, string> teams, string tenantId, string importedBy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(teams);
        var problems = new List<ImportProblem>();
        if (Encoding.UTF8.GetByteCount(text) > MaxBytes)
            return Refused(new ImportProblem(new SourceLocation(1), $"the file is larger than {MaxBytes / 1024 / 1024} MB; import it in parts of at most {MaxRows} rows"));
        text = text.TrimStart('\uFEFF');
        var records = CsvRecordReader.Read(text, CsvRecordReader.DetectDelimiter(text), problems).Where(r => !r.IsBlank).ToList();
        if (records.Count == 0)
            return Refused(new ImportProblem(new SourceLocation(1), $"the file is empty: the first line names the columns ({Header}), then one KPI value a line"));
        if (records.Count - 1 > MaxRows)
            return Refused(new ImportProblem(new SourceLocation(records[MaxRows + 1].Line), $"more than {MaxRows} rows; import the file in parts"));
        var columns = ReadHeader(records[0], problems);
        if (columns is null)
            return new KpiFile([], [], problems);

        var known = declared.ToDictionary(d => d.Key, StringComparer.Ordinal);
        var newDefinitions = new Dictionary<string, KpiDefinition>(StringComparer.Ordinal);
        var values = new List<KpiValue>();
        var firstLine = new Dictionary<(string, TrendPeriod, string), int>();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var record in records.Skip(1))
        {
            var location = new SourceLocation(record.Line);
            var rowProblems = new List<string>();
            string Cell(string column) => columns.IndexOf(column) is var i and >= 0 && i < record.Fields.Count ? CsvCell.Unguard(record.Fields[i].Trim()) : string.Empty;
            if (record.Fields.Count > columns.Count && record.Fields.Skip(columns.Count).Any(f => !string.IsNullOrWhiteSpace(f)))
            {
                problems.Add(new ImportProblem(location, $"{record.Fields.Count} values but the header has {columns.Count} columns (put a value that contains a comma in double quotes)"));
                continue;
            }

            var definition = Definition(Cell("kpi"), Cell("unit"), Cell("better"), known, newDefinitions, rowProblems);
            var period = Period(Cell("period"), today, rowProblems);
            var teamId = Team(Cell("team"), teams, rowProblems);
            var value = Value(Cell("value"), definition, rowProblems);
            if (rowProblems.Count == 0 && definition is not null && period is { } p && teamId is not null && value is { } v)
            {
                if (firstLine.TryGetValue((definition.Key, p, teamId), out var earlier))
                {
                    rowProblems.Add($"{definition.Name} for {KpiPeriods.Format(p)} and {(teamId.Length == 0 ? "the organisation" : "this team")} is on line {earlier} already; keep one");
                }
                else
                {
                    firstLine[(definition.Key, p, teamId)] = record.Line;
                    values.Add(new KpiValue { TenantId = tenantId, Kpi = definition.Key, Period = p, TeamId = teamId, Value = v, ImportedBy = importedBy, ImportedAt = now });
                }
            }

            problems.AddRange(rowProblems.Select(message => new ImportProblem(location, message)));
        }

        if (problems.Count == 0 && values.Count == 0)
            problems.Add(new ImportProblem(new SourceLocation(records[0].Line), "the file has a header but no values below it"));
        return problems.Count > 0 ? new KpiFile([], [], problems) : new KpiFile([.. newDefinitions.Values], values, []);
    }

    private static KpiFile Refused(ImportProblem problem) => new([], [], [problem]);

    private static List<string>? ReadHeader(CsvRecord header, List<ImportProblem> problems)
    {
        var location = new SourceLocation(header.Line);
        var columns = new List<string>();
        var valid = true;
        foreach (var written in header.Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()))
        {
            if (!Columns.Contains(written))
            {
                problems.Add(new ImportProblem(location, written.Length == 0 ? "the header row has an empty column name" : $"unknown column '{Quote(written)}' (the columns are {Header})"));
                valid = false;
            }
            else if (columns.Contains(written))
            {
                problems.Add(new ImportProblem(location, $"column '{written}' appears twice in the header row"));
                valid = false;
            }

            columns.Add(written);
        }

        var missing = Required.Where(c => !columns.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new ImportProblem(location, $"the header row lacks {string.Join(", ", missing)} (the first line names the columns: {Header})"));
            valid = false;
        }

        return valid ? columns : null;
    }

    private static KpiDefinition? Definition(string name, string unit, string better, Dictionary<string, KpiDefinition> declared,
        Dictionary<string, KpiDefinition> declaring, List<string> problems)
    {
        if (name.Length == 0)
        {
            problems.Add("kpi is empty: name the KPI, e.g. CSAT, NPS, Complaints, On-time delivery, Rework or one of your own");
            return null;
        }

        if (name.Length > KpiDefinition.MaxName)
        {
            problems.Add($"the KPI name is {name.Length} characters; keep it to {KpiDefinition.MaxName}");
            return null;
        }

        var key = KpiDefinition.KeyOf(name);
        var existing = KnownKpis.Find(name) ?? declared.GetValueOrDefault(key) ?? declaring.GetValueOrDefault(key);
        if (!TryDirection(better, out var direction))
        {
            problems.Add($"better is '{Quote(better)}'; write higher or lower (which direction of {Quote(name)} is better)");
            return null;
        }

        var normalizedUnit = KpiUnits.Normalize(unit);
        if (existing is not null)
        {
            if ((unit.Length > 0 && normalizedUnit != existing.Unit) || (direction is { } d && d != existing.Better))
            {
                problems.Add($"{existing.Name} is measured in {existing.Unit}, {existing.DirectionText}; leave unit and better empty or write the same " +
                    "(a KPI with another unit or direction needs a name of its own)");
                return null;
            }

            return existing;
        }

        if (normalizedUnit.Length == 0 || direction is null)
        {
            problems.Add($"{Quote(name)} is a KPI FocusBot does not know yet: give its unit (%, NPS, count or your own, e.g. days) and better (higher or lower) the first time");
            return null;
        }

        if (normalizedUnit.Length > KpiDefinition.MaxUnit)
        {
            problems.Add($"the unit is {normalizedUnit.Length} characters; keep it to {KpiDefinition.MaxUnit}");
            return null;
        }

        var declaredNow = new KpiDefinition(string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)), normalizedUnit, direction.Value);
        declaring[key] = declaredNow;
        return declaredNow;
    }

    /// <summary>higher or lower (also "higher is better", up, down); empty gives null, anything else false.</summary>
    private static bool TryDirection(string text, out KpiDirection? direction)
    {
        direction = text.ToUpperInvariant() switch
        {
            "HIGHER" or "HIGHER IS BETTER" or "UP" => KpiDirection.HigherIsBetter,
            "LOWER" or "LOWER IS BETTER" or "DOWN" => KpiDirection.LowerIsBetter,
            _ => null,
        };
        return direction is not null || text.Length == 0;
    }

    private static TrendPeriod? Period(string text, DateOnly today, List<string> problems)
    {
        if (!KpiPeriods.TryParse(text, out var period))
        {
            problems.Add(text.Length == 0
                ? "period is empty: write a week 2026-W48, a month 2026-11 or a quarter 2026-Q4"
                : $"period '{Quote(text)}' is not a week (2026-W48), a month (2026-11) or a quarter (2026-Q4)");
            return null;
        }

        if (period.FirstDay > today)
        {
            problems.Add($"{KpiPeriods.Format(period)} has not started yet");
            return null;
        }

        return period;
    }

    /// <summary>A team by its Teams id or its name; empty for the whole organisation.</summary>
    private static string? Team(string text, IReadOnlyDictionary<string, string> teams, List<string> problems)
    {
        if (text.Length == 0)
            return string.Empty;
        if (teams.ContainsKey(text))
            return text;
        var named = teams.Where(t => t.Value.Equals(text, StringComparison.OrdinalIgnoreCase)).Select(t => t.Key).ToList();
        if (named.Count == 1)
            return named[0];
        problems.Add(named.Count > 1
            ? $"{named.Count} teams are called '{Quote(text)}': write the team's id instead (roles lists every team with its id)"
            : $"team '{Quote(text)}' is not a team FocusBot is in: write its name as Teams shows it or its id, or leave team empty for the whole organisation");
        return null;
    }

    private static double? Value(string text, KpiDefinition? definition, List<string> problems)
    {
        var number = text.EndsWith('%') ? text[..^1].TrimEnd() : text;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            problems.Add(text.Length == 0 ? "value is empty" : $"value '{Quote(text)}' is not a number (write 81.5, with a point for decimals)");
            return null;
        }

        if (definition is not null && KpiUnits.Problem(definition.Unit, value) is { } problem)
        {
            problems.Add($"{definition.Name} {value.ToString(CultureInfo.InvariantCulture)}: {problem}");
            return null;
        }

        return value;
    }

    private static string Quote(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}
