using System.Globalization;

namespace FocusBot.Bench.AnswersAzure;

/// <summary>
/// An SDK-based variant against the previous client in the same round, each figure turned into "how fast, as a fraction
/// of the previous one" so all read alike (goal: at least 0.8): answered cards a second SDK-based ÷ previous; latency, processor
/// time and allocation previous ÷ SDK-based (a p99 twice as long reads 0.5).
/// </summary>
internal sealed record AnswersAzureRatios(AnswersAzureTurn Sdk, AnswersAzureTurn Previous)
{
    public double Throughput(string phase) => Sdk.Phase(phase).AnsweredPerSecond / Previous.Phase(phase).AnsweredPerSecond;

    public double Percentile(string phase, double p) => Previous.Phase(phase).Percentile(p) / Sdk.Phase(phase).Percentile(p);

    public double HostCpu => Previous.HostCpuMsPerAnswer / Sdk.HostCpuMsPerAnswer;

    public double AzuriteCpu => Previous.AzuriteCpuMsPerAnswer / Sdk.AzuriteCpuMsPerAnswer;

    public double Allocation => Previous.KilobytesPerAnswer / Sdk.KilobytesPerAnswer;

    public static string Header(IReadOnlyList<string> phases) =>
        $"| round | variant ÷ previous | {string.Join(" | ", phases.Select(p => $"{p}: answered/s, p50, p99"))} " +
        "| host CPU / answer | Azurite CPU / answer | host allocation / answer |\n" +
        $"| --- | --- | {string.Join(" | ", phases.Select(_ => "---"))} | --- | --- | --- |";

    public string Row(IReadOnlyList<string> phases) => string.Create(CultureInfo.InvariantCulture,
        $"| {Sdk.Round} | {Sdk.Variant.Name} | {string.Join(" | ", phases.Select(p => $"{Throughput(p):F2}, {Percentile(p, 0.50):F2}, {Percentile(p, 0.99):F2}"))} " +
        $"| {HostCpu:F2} | {AzuriteCpu:F2} | {Allocation:F2} |");

    /// <summary>The median of each figure over the rounds, as one row.</summary>
    public static string Median(IReadOnlyList<AnswersAzureRatios> rounds, IReadOnlyList<string> phases) => string.Create(CultureInfo.InvariantCulture,
        $"| median | {rounds[0].Sdk.Variant.Name} | {string.Join(" | ", phases.Select(p =>
            $"{Of(rounds, r => r.Throughput(p)):F2}, {Of(rounds, r => r.Percentile(p, 0.50)):F2}, {Of(rounds, r => r.Percentile(p, 0.99)):F2}"))} " +
        $"| {Of(rounds, r => r.HostCpu):F2} | {Of(rounds, r => r.AzuriteCpu):F2} | {Of(rounds, r => r.Allocation):F2} |");

    private static double Of(IReadOnlyList<AnswersAzureRatios> rounds, Func<AnswersAzureRatios, double> figure)
    {
        var sorted = rounds.Select(figure).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
