using System.Text.RegularExpressions;

namespace FocusBot.Bench.ColdStart;

/// <summary>
/// With FOCUSBOT_BENCH_COLDSTART_JITLOG=1 the host's JIT lists each method it compiles (DOTNET_JitDisasmSummary, which
/// release runtimes honour), so a run can count what was compiled before ready, during the first answers and after, by
/// tier: a figure the machine's load does not move, where times do. Writing the list costs the host a little, so the times
/// of such a run are not to be compared with runs without it. Set to a folder instead of 1, it keeps each run's list there.
/// </summary>
internal sealed partial class JitLog(string path)
{
    private readonly List<int> _marks = [];

    private static readonly string? s_setting = Environment.GetEnvironmentVariable("FOCUSBOT_BENCH_COLDSTART_JITLOG") is { Length: > 0 } value ? value : null;

    public static bool Requested => s_setting is not null;

    /// <summary>Copies the list to the folder the setting names, if it names one, as <paramref name="name"/>.txt.</summary>
    public void Keep(string name)
    {
        if (s_setting is null or "1" || !File.Exists(path))
            return;
        Directory.CreateDirectory(s_setting);
        // The marks as lines of their own, so the list reads in the same segments as the counts.
        var lines = Lines();
        var marked = new List<string>(lines.Count + _marks.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            marked.AddRange(_marks.Where(m => m == i).Select(_ => "=== mark ==="));
            marked.Add(lines[i]);
        }

        File.WriteAllLines(Path.Combine(s_setting, name + ".txt"), marked);
    }

    public void AddTo(IDictionary<string, string?> environment)
    {
        environment["DOTNET_JitDisasmSummary"] = "1";
        environment["DOTNET_JitStdOutFile"] = path;
    }

    /// <summary>Notes how many methods were compiled so far (the list is buffered, so a mark may lag by a few lines).</summary>
    public void Mark() => _marks.Add(Lines().Count);

    /// <summary>Methods compiled between consecutive marks and after the last, by kind of code.</summary>
    public string Describe(params string[] segmentNames)
    {
        var lines = Lines();
        var bounds = _marks.Prepend(0).Append(lines.Count).ToArray();
        return string.Join("; ", segmentNames.Select((name, i) =>
        {
            var segment = lines.Skip(bounds[i]).Take(Math.Max(0, bounds[i + 1] - bounds[i]));
            var byKind = segment.Select(KindOf).GroupBy(k => k).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            return $"{name}: {bounds[i + 1] - bounds[i]} ({string.Join(", ", byKind)})";
        }));
    }

    private List<string> Lines()
    {
        if (!File.Exists(path))
            return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains("JIT compiled", StringComparison.Ordinal))
                lines.Add(line);
        }

        return lines;
    }

    // "Tier0", "Instrumented Tier0", "Tier1", "Tier1-OSR", "FullOpts"...: quick first code, optimised code, or optimised at once.
    private static string KindOf(string line) => Tier().Match(line) is { Success: true } match ? match.Groups["tier"].Value : "other";

    [GeneratedRegex(@"\[(?<tier>[^\[\],]+), IL size=")]
    private static partial Regex Tier();
}
