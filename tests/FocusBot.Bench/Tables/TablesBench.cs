using System.Diagnostics;
using System.Globalization;
using FocusBot.Storage.AzureTables;
using FocusBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using SdkEntity = Azure.Data.Tables.TableEntity;

namespace FocusBot.Bench.Tables;

/// <summary>
/// Issue #15: on one Azurite, in one run, the hand-written client FocusBot shipped before (commit 6ea546d) beside
/// FocusBot's client on Azure.Data.Tables, and beside the SDK called directly (what FocusBot's entity conversion costs):
/// single upserts and entity group transactions of 100 inserts. Rounds rotate the order and each client keeps its best.
/// Goal: the SDK-based client at least 0.8 of the previous one.
/// </summary>
internal static class TablesBench
{
    private const int Singles = 1_500;
    private const int Concurrency = 32;
    private const int Batches = 60;
    private const int Rounds = 3;

    public static async Task RunAsync()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        using var previous = PreviousTableClient.TryLoad(azurite.ConnectionString, out var missing);
        using var ours = TableClientFactory.Create(new AzureTablesOptions { ConnectionString = azurite.ConnectionString }, NullLogger.Instance);
        var direct = new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString).GetTableClient("DirectAnswers");
        if (previous is null)
        {
            Console.WriteLine($"The previous client is not measured: {missing}.");
        }
        else
        {
            await previous.CreateTableAsync("PreviousAnswers");
        }

        await ours.CreateTableIfNotExistsAsync("OurAnswers", default);
        await direct.CreateIfNotExistsAsync();

        var clients = new List<(string Name, Func<int, string, Task> Upsert, Func<IReadOnlyList<int>, string, Task> Batch)>();
        if (previous is not null)
        {
            clients.Add(("previous client (6ea546d)", (i, p) => previous.UpsertAsync("PreviousAnswers", p, Row(i), Properties()), (rows, p) => previous.InsertBatchAsync("PreviousAnswers", [.. rows.Select(i => (p, Row(i), Properties()))])));
        }

        clients.Add(("FocusBot on Azure.Data.Tables", (i, p) => ours.ExecuteAsync("OurAnswers", TableOperation.UpsertReplace(Row(i, p)), default), (rows, p) => ours.SubmitBatchAsync("OurAnswers", [.. rows.Select(i => TableOperation.Insert(Row(i, p)))], default)));
        clients.Add(("Azure.Data.Tables called directly", (i, p) => direct.UpsertEntityAsync(Direct(i, p), Azure.Data.Tables.TableUpdateMode.Replace), (rows, p) => direct.SubmitTransactionAsync([.. rows.Select(i => new Azure.Data.Tables.TableTransactionAction(Azure.Data.Tables.TableTransactionActionType.Add, Direct(i, p)))])));

        // Warm up every client and Azurite (JIT, connections) so the first measurement is not penalised.
        foreach (var client in clients)
        {
            await MeasureAsync(500, Concurrency, i => client.Upsert(i, "warm"));
            await MeasureAsync(5, 5, b => client.Batch([.. Enumerable.Range(b * 100, 100)], "warm-batch"));
        }

        var singles = clients.Select(_ => new Best()).ToList();
        var batches = clients.Select(_ => new Best()).ToList();
        for (var round = 0; round < Rounds; round++)
        {
            // Each round starts with another client, so none always follows the same one (Azurite collects garbage after a burst).
            for (var k = 0; k < clients.Count; k++)
            {
                var c = (k + round) % clients.Count;
                var client = clients[c];
                singles[c].Add(await MeasureAsync(Singles, Concurrency, i => client.Upsert(i, $"r{round}")));
                batches[c].Add(await MeasureAsync(Batches, 8, b => client.Batch([.. Enumerable.Range(b * 100, 100)], $"b{round}-{c}-{b}")));
            }
        }

        Report($"single upserts (PUT), {Concurrency} callers", [.. clients.Select(c => c.Name)], singles, Singles, "upsert");
        Report("entity group transactions of 100 inserts, 8 callers", [.. clients.Select(c => c.Name)], batches, Batches * 100, "entity");
    }

    private static void Report(string what, List<string> names, List<Best> results, int items, string unit)
    {
        Console.WriteLine($"Azurite {what}, best of {Rounds} rounds in rotating order:");
        for (var c = 0; c < names.Count; c++)
        {
            Console.WriteLine($"  {names[c],-36} {items / results[c].Elapsed.TotalSeconds,8:N0} {(unit == "entity" ? "entities" : unit + "s")}/s, {results[c].AllocatedBytes / (double)items / 1024,6:F1} KB allocated per {unit}");
        }

        if (names[0].StartsWith("previous", StringComparison.Ordinal))
        {
            Console.WriteLine($"  ratio FocusBot on the SDK / previous: {results[0].Elapsed.TotalSeconds / results[1].Elapsed.TotalSeconds:F2} (goal >= 0.8)");
        }
    }

    private static async Task<(TimeSpan Elapsed, long AllocatedBytes)> MeasureAsync(int operations, int concurrency, Func<int, Task> operation)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, operations), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) => await operation(i));
        return (watch.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    private static string Row(int i) => "pseudo-" + i.ToString("D6", CultureInfo.InvariantCulture) + "|a3";

    // The properties of an answer row as AzureAnswerStore writes them.
    private static Dictionary<string, object> Properties() => new(StringComparer.Ordinal)
    {
        ["PulseId"] = "2026-W48",
        ["QuestionId"] = "a3",
        ["TenantId"] = "bench-tenant",
        ["Value"] = "4",
        ["TeamIds"] = "[\"team-a\"]",
        ["AnsweredAt"] = DateTimeOffset.UtcNow,
        ["Revision"] = 1,
    };

    private static TableRow Row(int i, string partition)
    {
        var row = new TableRow(partition, Row(i));
        foreach (var (name, value) in Properties())
        {
            row[name] = value;
        }

        return row;
    }

    private static SdkEntity Direct(int i, string partition) => new(Properties()) { PartitionKey = partition, RowKey = Row(i) };

    private sealed class Best
    {
        public TimeSpan Elapsed { get; private set; } = TimeSpan.MaxValue;

        public long AllocatedBytes { get; private set; }

        public void Add((TimeSpan Elapsed, long AllocatedBytes) run)
        {
            if (run.Elapsed < Elapsed)
            {
                (Elapsed, AllocatedBytes) = run;
            }
        }
    }
}
