using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FocusBot.Bench.AnswersAzure;

/// <summary>
/// The requests Azurite served, counted from its debug log (FOCUSBOT_BENCH_ANSWERS_AZURE_AZURITE_DEBUG): what one answer
/// asks of the Table service with each client, by kind and table. The debug log slows Azurite down, so a run that counts
/// requests is for counting, not for timing.
/// </summary>
internal sealed partial class AzuriteRequestLog(string path)
{
    public const string Variable = "FOCUSBOT_BENCH_ANSWERS_AZURE_AZURITE_DEBUG";

    public string Path { get; } = path;

    /// <summary>Where the log ends now, once Azurite has written what it was writing.</summary>
    public async Task<long> EndAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        return new FileInfo(Path).Length;
    }

    /// <summary>Requests between two ends, by "kind table" (the variant's table prefix taken off), for one variant's tables.</summary>
    public Dictionary<string, int> Count(long from, long to, string tablePrefix)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Position = from;
        var text = new byte[to - from];
        stream.ReadExactly(text);
        foreach (Match request in RequestLine().Matches(Encoding.UTF8.GetString(text)))
        {
            var method = request.Groups["method"].Value;
            var resource = Uri.UnescapeDataString(request.Groups["resource"].Value);
            var kind = Kind(method, resource, request.Groups["headers"].Value.Contains("\"if-match\"", StringComparison.OrdinalIgnoreCase), tablePrefix);
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }

        return counts;
    }

    private static string Kind(string method, string resource, bool ifMatch, string tablePrefix)
    {
        if (resource.StartsWith("$batch", StringComparison.Ordinal))
            return "entity group transaction";
        var end = resource.IndexOfAny(['(', '?']);
        var table = end < 0 ? resource : resource[..end];
        if (!table.StartsWith(tablePrefix, StringComparison.Ordinal))
            return "other tables";
        table = table[tablePrefix.Length..];
        var address = resource.Split('?')[0];
        var entity = address.Contains("PartitionKey=", StringComparison.Ordinal) && address.Contains("RowKey=", StringComparison.Ordinal);
        var kind = (method, entity) switch
        {
            ("GET", true) => "point read",
            ("GET", false) => "query",
            ("POST", _) => "insert",
            ("PUT" or "MERGE", _) => ifMatch ? "conditional update" : "upsert",
            ("DELETE", _) => "delete",
            _ => method.ToLowerInvariant(),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{kind} {table}");
    }

    [GeneratedRegex(@"TableStorageContextMiddleware: RequestMethod=(?<method>\w+) RequestURL=https?://[^/]+/[^/]+/(?<resource>\S*) RequestHeaders:(?<headers>\{[^\n]*?\}) ClientIP")]
    private static partial Regex RequestLine();
}
