using System.Globalization;
using System.Text.RegularExpressions;

namespace FocusBot.Bench.AnswersAzure;

/// <summary>
/// The requests Azurite served, counted from its debug log (FOCUSBOT_BENCH_ANSWERS_AZURE_AZURITE_DEBUG): what one answer
/// asks of the Table service with each client, by kind and table. Each line carries the time Azurite took the request, so
/// a request counts for the turn it arrived in however late the log is written; each host's tables carry its prefix. The
/// debug log slows Azurite down, so a run that counts requests is for counting, not for timing.
/// </summary>
internal sealed partial class AzuriteRequestLog(string path)
{
    public const string Variable = "FOCUSBOT_BENCH_ANSWERS_AZURE_AZURITE_DEBUG";

    public string Path { get; } = path;

    /// <summary>Requests by "kind table" (the host's prefix taken off) that reached the host's tables during each turn.</summary>
    public async Task<List<Dictionary<string, int>>> CountAsync(IReadOnlyList<AnswersAzureTurn> turns)
    {
        // What Azurite is still writing lands in the file within a moment.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var counts = turns.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToList();
        using var reader = new StreamReader(new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        while (await reader.ReadLineAsync() is { } line)
        {
            if (Request(line) is not { } request)
                continue;
            for (var i = 0; i < turns.Count; i++)
            {
                var turn = turns[i];
                if (request.At < turn.From || request.At > turn.To || !request.Table.StartsWith(turn.Variant.TablePrefix, StringComparison.Ordinal))
                    continue;
                var kind = $"{request.Kind} {request.Table[turn.Variant.TablePrefix.Length..]}";
                counts[i][kind] = counts[i].GetValueOrDefault(kind) + request.Operations;
            }
        }

        return counts;
    }

    private static (DateTimeOffset At, string Kind, string Table, int Operations)? Request(string line)
    {
        if (RequestLine().Match(line) is { Success: true } request)
        {
            var resource = Uri.UnescapeDataString(request.Groups["resource"].Value);
            if (resource.StartsWith("$batch", StringComparison.Ordinal))
                return null; // counted from its body's line below, which names the table
            var address = resource.Split('?')[0];
            var entity = address.Contains("PartitionKey=", StringComparison.Ordinal) && address.Contains("RowKey=", StringComparison.Ordinal);
            var kind = (request.Groups["method"].Value, entity) switch
            {
                ("GET", true) => "point read",
                ("GET", false) => "query",
                ("POST", _) => "insert",
                ("PUT" or "MERGE", _) => request.Groups["headers"].Value.Contains("\"if-match\"", StringComparison.OrdinalIgnoreCase) ? "conditional update" : "upsert",
                ("DELETE", _) => "delete",
                var (method, _) => method.ToLowerInvariant(),
            };
            return (At(request), kind, address.Split('(')[0], 1);
        }

        if (BatchBody().Match(line) is { Success: true } batch)
        {
            // One entity group transaction: its operations' count, under the one table they all address.
            var operations = BatchOperation().Matches(batch.Groups["body"].Value);
            return operations.Count == 0 ? null : (At(batch), "entity group transaction (operations)", operations[0].Groups["table"].Value, operations.Count);
        }

        return null;
    }

    private static DateTimeOffset At(Match line) => DateTimeOffset.Parse(line.Groups["at"].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<at>\S+) \S+ info: TableStorageContextMiddleware: RequestMethod=(?<method>\w+) RequestURL=https?://[^/]+/[^/]+/(?<resource>\S*) RequestHeaders:(?<headers>\{.*?\}) ClientIP")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"^(?<at>\S+) \S+ debug: TableHandler:batch\(\) Raw request string is (?<body>.*)$")]
    private static partial Regex BatchBody();

    [GeneratedRegex(@"(?:POST|PUT|MERGE|PATCH|DELETE|GET) https?://[^/\s]+/[^/\s]+/(?<table>[A-Za-z0-9]+)")]
    private static partial Regex BatchOperation();
}
