using System.Globalization;

namespace FocusBot.Bench.ColdStart;

/// <summary>
/// What one run of the scenario compares, from the environment: FOCUSBOT_BENCH_COLDSTART_VARIANTS (names, comma-separated;
/// all by default), FOCUSBOT_BENCH_COLDSTART_ROUNDS (starts per variant, 2 by default) and FOCUSBOT_BENCH_COLDSTART_BEFORE
/// (a commit to publish as the "before" variant, e.g. main; without it that variant is left out).
/// </summary>
internal sealed record ColdStartSettings(IReadOnlyList<ColdStartVariant> Variants, int Rounds, string? BeforeCommit)
{
    public static ColdStartSettings FromEnvironment()
    {
        var before = NullIfBlank(Environment.GetEnvironmentVariable("FOCUSBOT_BENCH_COLDSTART_BEFORE"));
        var rounds = NullIfBlank(Environment.GetEnvironmentVariable("FOCUSBOT_BENCH_COLDSTART_ROUNDS")) is { } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : 2;
        var named = NullIfBlank(Environment.GetEnvironmentVariable("FOCUSBOT_BENCH_COLDSTART_VARIANTS"))?
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var variants = named is null
            ? ColdStartVariant.All.Where(v => v.Build != HostBuild.Before || before is not null).ToList()
            : named.Select(name => ColdStartVariant.All.SingleOrDefault(v => v.Name == name)
                ?? throw new ArgumentException($"Unknown variant '{name}'. Known: {string.Join(", ", ColdStartVariant.All.Select(v => v.Name))}")).ToList();
        if (variants.Any(v => v.Build == HostBuild.Before) && before is null)
            throw new ArgumentException("The 'before' variant needs FOCUSBOT_BENCH_COLDSTART_BEFORE=<commit>.");
        if (variants.Count == 0 || rounds < 1)
            throw new ArgumentException("Name at least one variant and one round.");
        return new ColdStartSettings(variants, rounds, before);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
