using FocusBot.Domain.Aggregates;

namespace FocusBot.Domain.Trends;

/// <summary>The aggregate cells of one slice, by period, key and bucket: what a report or the gate reads back.</summary>
public sealed class SliceCells
{
    private readonly Dictionary<(string Period, string Key, string Bucket), long> _counts = [];
    private readonly Dictionary<string, Dictionary<string, long>> _bucketsByPeriodKey = new(StringComparer.Ordinal);

    public SliceCells(string slice, IEnumerable<AggregateCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        Slice = slice;
        foreach (var cell in cells)
        {
            _counts[(cell.Period, cell.Key, cell.Bucket)] = cell.Count;
            var periodKey = cell.Period + "\n" + cell.Key;
            if (!_bucketsByPeriodKey.TryGetValue(periodKey, out var buckets))
                _bucketsByPeriodKey[periodKey] = buckets = new Dictionary<string, long>(StringComparer.Ordinal);
            buckets[cell.Bucket] = cell.Count;
        }
    }

    public string Slice { get; }

    public long Get(string period, string key, string bucket) => _counts.GetValueOrDefault((period, key, bucket));

    /// <summary>The buckets of one key in one period (empty when there are none).</summary>
    public IReadOnlyDictionary<string, long> Buckets(string period, string key) =>
        _bucketsByPeriodKey.TryGetValue(period + "\n" + key, out var buckets) ? buckets : s_none;

    /// <summary>The distinct keys with cells in a period.</summary>
    public IEnumerable<string> Keys(string period) => _counts.Keys.Where(k => k.Period == period).Select(k => k.Key).Distinct(StringComparer.Ordinal);

    /// <summary>The distinct periods with cells.</summary>
    public IEnumerable<string> PeriodKeys() => _counts.Keys.Select(k => k.Period).Distinct(StringComparer.Ordinal);

    public bool IsSealed(string period) => Get(period, TrendMeasure.GateKey, TrendMeasure.Sealed) > 0;

    public bool IsMarkedHidden(string period, string measure) => Get(period, TrendMeasure.GateKey, measure) > 0;

    /// <summary>
    /// The respondents behind a figure of one period's cells: distinct people per pulse for an index, respondents of a
    /// question, people who answered for participation.
    /// </summary>
    public long Respondents(string period, string measure) =>
        measure == TrendMeasure.Participation ? Get(period, measure, TrendBuckets.Answered)
        : TrendMeasure.IsQuestion(measure) ? Get(period, measure, TrendBuckets.N)
        : Get(period, measure, TrendBuckets.People);

    /// <summary>Whether the period holds anything for the measure (answers, or deliveries for participation).</summary>
    public bool HasData(string period, string measure) =>
        measure == TrendMeasure.Participation ? Get(period, measure, TrendBuckets.Delivered) > 0 : Get(period, measure, TrendBuckets.N) > 0;

    private static readonly Dictionary<string, long> s_none = [];
}
