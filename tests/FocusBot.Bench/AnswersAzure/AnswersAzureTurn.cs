using System.Globalization;
using FocusBot.Bench.Pulses;

namespace FocusBot.Bench.AnswersAzure;

/// <summary>
/// One variant's turn in one round: each phase's answers (open loop at each offered rate, then the closed loop), and what
/// the whole turn cost per answer: the host's processor time, Azurite's, and the bytes the host allocated.
/// </summary>
internal sealed record AnswersAzureTurn(AnswersAzureVariant Variant, int Round, string Load, IReadOnlyList<(string Phase, AnswerFigures Figures)> Phases,
    TimeSpan HostCpu, TimeSpan AzuriteCpu, long AllocatedBytes, DateTimeOffset From, DateTimeOffset To)
{
    public int Answers => Phases.Sum(p => p.Figures.Count);

    public double HostCpuMsPerAnswer => HostCpu.TotalMilliseconds / Answers;

    public double AzuriteCpuMsPerAnswer => AzuriteCpu.TotalMilliseconds / Answers;

    public double KilobytesPerAnswer => AllocatedBytes / 1024.0 / Answers;

    public AnswerFigures Phase(string name) => Phases.Single(p => p.Phase == name).Figures;

    public static string Header(IReadOnlyList<string> phases) =>
        $"| round | variant | load (1 min) | {string.Join(" | ", phases.Select(p => $"{p}: answered/s, p50 / p95 / p99 ms"))} " +
        "| host CPU ms / answer | Azurite CPU ms / answer | host KB allocated / answer | answered cards |\n" +
        $"| --- | --- | --- | {string.Join(" | ", phases.Select(_ => "---"))} | --- | --- | --- | --- |";

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Round} | {Variant.Name} | {Load} | {string.Join(" | ", Phases.Select(p => Describe(p.Figures)))} " +
        $"| {HostCpuMsPerAnswer:F2} | {AzuriteCpuMsPerAnswer:F2} | {KilobytesPerAnswer:F0} | {Phases.Sum(p => p.Figures.AnsweredCards)}/{Answers} |");

    private static string Describe(AnswerFigures figures) => string.Create(CultureInfo.InvariantCulture,
        $"{figures.AnsweredPerSecond:F1}, {figures.Percentile(0.50):F1} / {figures.Percentile(0.95):F1} / {figures.Percentile(0.99):F1}");

    /// <summary>One variant's requests per answer over all its turns (counted by <see cref="AzuriteRequestLog"/>), most frequent first.</summary>
    public static string RequestsPerAnswer(IReadOnlyList<(AnswersAzureTurn Turn, Dictionary<string, int> Requests)> turns)
    {
        var answers = turns.Sum(t => t.Turn.Answers);
        var total = turns.SelectMany(t => t.Requests).GroupBy(r => r.Key, r => r.Value).Select(g => (Kind: g.Key, Count: g.Sum())).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{turns[0].Turn.Variant.Name}: {total.Sum(t => t.Count) / (double)answers:F2} per answer: {string.Join("; ", total.OrderByDescending(t => t.Count).Select(t => $"{t.Kind} {t.Count / (double)answers:F2}"))}");
    }
}
