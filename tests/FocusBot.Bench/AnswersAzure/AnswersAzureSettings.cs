using System.Globalization;

namespace FocusBot.Bench.AnswersAzure;

/// <summary>
/// What one run measures, from the environment: FOCUSBOT_BENCH_ANSWERS_AZURE_VARIANTS (names, comma-separated; all by
/// default), _ROUNDS (3), _RATES (the offered rates of the open-loop phases, answers a second; 20,40: one Azurite on two
/// cores serves about 50 answers a second, see the README), _ANSWERS (answers per phase; 400), _CALLERS (the closed-loop phase's callers; 64) and _PUBLISHED (a folder that keeps the published hosts
/// between runs, one per commit; by default they are published into the run's temp folder and deleted).
/// </summary>
internal sealed record AnswersAzureSettings(IReadOnlyList<AnswersAzureVariant> Variants, int Rounds, IReadOnlyList<int> Rates, int AnswersPerPhase,
    int Callers, string? PublishedFolder)
{
    private const string Prefix = "FOCUSBOT_BENCH_ANSWERS_AZURE_";

    /// <summary>Answers sent once to every host before the first round and not reported: the JIT, connections, caches.</summary>
    public int WarmUpAnswers => Math.Max(500, AnswersPerPhase / 2);

    /// <summary>People each host needs: everyone answers once, so no answer replaces another.</summary>
    public int People => WarmUpAnswers + (Rounds * (Rates.Count + 1) * AnswersPerPhase);

    public static AnswersAzureSettings FromEnvironment()
    {
        var variants = Text("VARIANTS") is { } named
            ? named.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(name => AnswersAzureVariant.All.SingleOrDefault(v => v.Name == name)
                    ?? throw new ArgumentException($"Unknown variant '{name}'. Known: {string.Join(", ", AnswersAzureVariant.All.Select(v => v.Name))}"))
                .ToList()
            : [.. AnswersAzureVariant.All];
        var rates = Text("RATES") is { } listed
            ? listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToList()
            : [20, 40];
        var settings = new AnswersAzureSettings(variants, Number("ROUNDS", 3), rates, Number("ANSWERS", 400), Number("CALLERS", 64), Text("PUBLISHED"));
        if (variants.Count < 2 || !variants.Contains(AnswersAzureVariant.Previous))
            throw new ArgumentException("Name 'previous' and at least one SDK-based variant: the figures are ratios to the previous client.");
        if (settings.Rounds < 1 || settings.AnswersPerPhase < 1 || settings.Callers < 1 || rates.Any(r => r < 1))
            throw new ArgumentException("Rounds, answers per phase, callers and rates must be positive.");
        return settings;
    }

    private static string? Text(string name) =>
        Environment.GetEnvironmentVariable(Prefix + name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static int Number(string name, int fallback) => Text(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
