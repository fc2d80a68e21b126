using System.Globalization;
using FocusBot.Bench.Pulses;

namespace FocusBot.Bench.ColdStart;

/// <summary>One start of one variant and its figures; disposing it stops the host and throws its copy of the store away.</summary>
internal sealed class ColdStartRun(ColdStartVariant variant, string label, string load, HostProcess host, string dataDirectory,
    AnswerFigures cold, AnswerFigures between, AnswerFigures warm, HostProcessorTime cpu) : IAsyncDisposable
{
    public const string Header =
        "| variant | run | load at start | ready | warm-up | first 2,000: answers/s | p50 / p99 / max ms | next 6,000: p99 ms | warm 2,000: answers/s | p50 / p99 / max ms " +
        "| host CPU s: start / first 2,000 / warm 2,000 | answered cards |\n" +
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |";

    public const string SummaryHeader =
        "| variant (median of runs) | ready | first 2,000: answers/s | p99 ms (each run) | max ms | warm 2,000: answers/s | p99 ms " +
        "| host CPU s: first 2,000 / warm 2,000 (each run's ratio) |\n" +
        "| --- | --- | --- | --- | --- | --- | --- | --- |";

    private readonly double? _warmUpMilliseconds = host.WarmUpMilliseconds;

    public ColdStartVariant Variant { get; } = variant;

    public TimeSpan Ready => host.Ready;

    /// <summary>The first answers after the start.</summary>
    public AnswerFigures Cold { get; } = cold;

    /// <summary>The last answers, once traffic has warmed the host.</summary>
    public AnswerFigures Warm { get; } = warm;

    public HostProcessorTime Cpu { get; } = cpu;

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Variant.Name} | {label} | {load.Split(',')[0]} | {host.Ready.TotalMilliseconds:F0} ms | {(_warmUpMilliseconds is { } w ? $"{w:F0} ms" : "-")} " +
        $"| {Cold.PerSecond:F0} | {Latencies(Cold)} | {between.Percentile(0.99):F1} | {Warm.PerSecond:F0} | {Latencies(Warm)} " +
        $"| {Cpu.Start.TotalSeconds:F2} / {Cpu.FirstAnswers.TotalSeconds:F2} / {Cpu.WarmAnswers.TotalSeconds:F2} " +
        $"| {Cold.AnsweredCards + between.AnsweredCards + Warm.AnsweredCards}/{Cold.Count + between.Count + Warm.Count} |");

    public static string Summary(ColdStartVariant variant, IReadOnlyList<ColdStartRun> runs) => string.Create(CultureInfo.InvariantCulture,
        $"| {variant.Name} | {Median(runs, r => r.Ready.TotalMilliseconds):F0} ms | {Median(runs, r => r.Cold.PerSecond):F0} " +
        $"| {Median(runs, r => r.Cold.Percentile(0.99)):F1} ({string.Join("; ", runs.Select(r => ColdStartBench.Ms(r.Cold.Percentile(0.99))))}) " +
        $"| {Median(runs, r => r.Cold.Max):F1} | {Median(runs, r => r.Warm.PerSecond):F0} | {Median(runs, r => r.Warm.Percentile(0.99)):F1} " +
        $"| {Median(runs, r => r.Cpu.FirstAnswers.TotalSeconds):F2} / {Median(runs, r => r.Cpu.WarmAnswers.TotalSeconds):F2} " +
        $"({string.Join("; ", runs.Select(r => r.Cpu.ColdOverWarm.ToString("F2", CultureInfo.InvariantCulture)))}) |");

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The killed host may hold the file a moment longer; the scenario deletes its whole folder at the end.
        }
    }

    private static string Latencies(AnswerFigures figures) =>
        string.Create(CultureInfo.InvariantCulture, $"{figures.Percentile(0.50):F1} / {figures.Percentile(0.99):F1} / {figures.Max:F1}");

    private static double Median(IReadOnlyList<ColdStartRun> runs, Func<ColdStartRun, double> figure)
    {
        var sorted = runs.Select(figure).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
