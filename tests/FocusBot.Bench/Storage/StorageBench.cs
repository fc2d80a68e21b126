using System.Diagnostics;
using System.Globalization;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Storage;
using FocusBot.Storage.AzureTables;
using FocusBot.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FocusBot.Bench.Storage;

/// <summary>
/// Answer upserts per second on SQLite (durable: WAL + synchronous=FULL) and on Azurite, single and batched, beside the
/// raw Azurite ceiling of a minimal client in the same run; and reading the 10,000 answers of one pulse from SQLite.
/// Goals: SQLite ≥ 5,000 upserts/s; our client ≥ 0.8 of the minimal client; 10,000 answers read in &lt; 200 ms.
/// </summary>
internal static class StorageBench
{
    private const string PulseId = "2026-W48";

    public static async Task RunAsync()
    {
        await SqliteAsync();
        await AzuriteAsync();
    }

    private static async Task SqliteAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "focusbot-bench", Guid.NewGuid().ToString("N"));
        try
        {
            await using var stores = await OpenAsync(new() { ["Storage:Provider"] = "Sqlite", ["Storage:Sqlite:DataDirectory"] = directory });
            var answers = stores.GetRequiredService<IAnswerStore>();
            await stores.GetRequiredService<IPulseStore>().CreateAsync(Pulse(), default);

            // One caller waiting for each commit: bounded by the disk's fsync latency.
            var sequential = await MeasureAsync(2_000, concurrency: 1, i => answers.UpsertAsync(Answer(i, "sequential"), default));
            Report("SQLite single upserts, one caller (a durable commit each)", sequential, 2_000, "fsync-bound");

            // Many people answering at once, as after a pulse goes out: concurrent writes share commits (group commit).
            var concurrent = await MeasureAsync(20_000, concurrency: 64, i => answers.UpsertAsync(Answer(i, "single"), default));
            Report("SQLite single upserts, 64 concurrent callers", concurrent, 20_000, "goal >= 5,000/s");

            var changed = await MeasureAsync(20_000, concurrency: 64, i => answers.UpsertAsync(Answer(i, "single") with { Value = "5" }, default));
            Report("SQLite single upserts replacing an earlier answer, 64 callers", changed, 20_000, "goal >= 5,000/s");

            var batched = await MeasureAsync(100, concurrency: 1, batch => answers.UpsertManyAsync(PulseId, Enumerable.Range(batch * 500, 500).Select(i => Answer(i, "batched")).ToList(), default));
            Report("SQLite batched upserts (500 per call), one caller", batched, 50_000, "goal >= 5,000/s");

            await answers.UpsertManyAsync("read-pulse", Enumerable.Range(0, 10_000).Select(i => Answer(i, "read")).ToList(), default);
            var readTimes = new List<TimeSpan>();
            var count = 0;
            for (var run = 0; run < 7; run++)
            {
                var watch = Stopwatch.StartNew();
                count = await answers.ListByPulseAsync("read-pulse", default).CountAsync();
                readTimes.Add(watch.Elapsed);
            }

            readTimes.Sort();
            Console.WriteLine($"SQLite read of one pulse's answers: {count} answers, median {readTimes[3].TotalMilliseconds:F1} ms, worst {readTimes[^1].TotalMilliseconds:F1} ms (goal < 200 ms)");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task AzuriteAsync()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        const int Single = 1_500;
        const int Concurrency = 32;
        const int Batches = 60;

        using var raw = new MinimalTableClient(new Uri(azurite.TableEndpoint + "/"), AzuriteServer.AccountName, AzuriteServer.AccountKey);
        await raw.CreateTableAsync("RawAnswers");
        using var client = TableClientFactory.Create(new AzureTablesOptions { ConnectionString = azurite.ConnectionString }, NullLogger.Instance);
        await client.CreateTableIfNotExistsAsync("OurAnswers", default);
        await using var stores = await OpenAsync(new()
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:ConnectionString"] = azurite.ConnectionString,
            ["Storage:AzureTables:TablePrefix"] = "bench",
        });
        var answers = stores.GetRequiredService<IAnswerStore>();
        await stores.GetRequiredService<IPulseStore>().CreateAsync(Pulse(), default);

        // Warm up both clients and Azurite (JIT, connections) so the first measurement is not penalised.
        await MeasureAsync(500, Concurrency, i => raw.UpsertAsync("RawAnswers", "warm", Row(i), EntityJson(i)));
        await MeasureAsync(500, Concurrency, i => client.ExecuteAsync("OurAnswers", TableOperation.UpsertReplace(Entity(i)), default));

        await CompareAsync(
            "Azurite single upsert (PUT)",
            Single,
            round => MeasureAsync(Single, Concurrency, i => raw.UpsertAsync("RawAnswers", $"r{round}", Row(i), EntityJson(i))),
            round => MeasureAsync(Single, Concurrency, i => client.ExecuteAsync("OurAnswers", TableOperation.UpsertReplace(Entity(i, $"r{round}")), default)));

        await CompareAsync(
            "Azurite upsert returning the previous answer (minimal: GET then PUT; ours: IAnswerStore.UpsertAsync)",
            Single,
            round => MeasureAsync(Single, Concurrency, async i =>
            {
                await raw.GetAsync("RawAnswers", $"q{round}", Row(i));
                await raw.UpsertAsync("RawAnswers", $"q{round}", Row(i), EntityJson(i));
            }),
            round => MeasureAsync(Single, Concurrency, i => answers.UpsertAsync(Answer(i + (round * Single), "single"), default)));

        await CompareAsync(
            "Azurite $batch of 100 inserts",
            Batches * 100,
            round => MeasureAsync(Batches, 8, batch => raw.InsertBatchAsync("RawAnswers", Enumerable.Range(batch * 100, 100).Select(i => EntityJson(i).Replace("\"PartitionKey\":\"p\"", $"\"PartitionKey\":\"b{round}-{batch}\"", StringComparison.Ordinal)).ToList())),
            round => MeasureAsync(Batches, 8, batch => client.SubmitBatchAsync("OurAnswers", Enumerable.Range(batch * 100, 100).Select(i => TableOperation.Insert(Entity(i, $"b{round}-{batch}"))).ToList(), default)));

        // The store spreads a pulse over 16 respondent buckets, so 1,600 answers become about 16 batches, some split.
        const int Calls = 4;
        var ourBatch = await MeasureAsync(Calls, 4, call => answers.UpsertManyAsync(PulseId, Enumerable.Range(call * 1_600, 1_600).Select(i => Answer(i, "batched")).ToList(), default));
        Report("Azurite IAnswerStore.UpsertManyAsync (new answers, 1,600 per call)", ourBatch, Calls * 1_600, "store level, for reference");
    }

    // Alternates minimal and ours for three rounds and keeps each one's best, so a noisy moment does not decide.
    private static async Task CompareAsync(string name, int items, Func<int, Task<TimeSpan>> minimal, Func<int, Task<TimeSpan>> ours)
    {
        var bestMinimal = TimeSpan.MaxValue;
        var bestOurs = TimeSpan.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var m = await minimal(round);
            var o = await ours(round);
            bestMinimal = m < bestMinimal ? m : bestMinimal;
            bestOurs = o < bestOurs ? o : bestOurs;
        }

        Console.WriteLine($"{name}: minimal client {items / bestMinimal.TotalSeconds:N0}/s, ours {items / bestOurs.TotalSeconds:N0}/s, ratio {bestMinimal.TotalSeconds / bestOurs.TotalSeconds:F2} (goal >= 0.8; best of 3 alternating rounds)");
    }

    private static async Task<ServiceProvider> OpenAsync(Dictionary<string, string?> settings)
    {
        var provider = new ServiceCollection().AddFocusBotStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
        await provider.GetRequiredService<IStorageInitializer>().InitializeAsync(default);
        return provider;
    }

    private static async Task<TimeSpan> MeasureAsync(int operations, int concurrency, Func<int, Task> operation)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, operations), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) => await operation(i));
        return watch.Elapsed;
    }

    private static void Report(string name, TimeSpan elapsed, int items, string note) =>
        Console.WriteLine($"{name}: {items / elapsed.TotalSeconds:N0}/s ({items} in {elapsed.TotalSeconds:F2} s); {note}");

    private static Pulse Pulse() => new()
    {
        Id = PulseId,
        TenantId = "bench-tenant",
        QuestionIds = ["a3"],
        OpensAt = DateTimeOffset.UtcNow,
        ClosesAt = DateTimeOffset.UtcNow.AddDays(5),
        Status = PulseStatus.Open,
    };

    private static Answer Answer(int i, string pulse) => new()
    {
        PulseId = pulse == "read" ? "read-pulse" : PulseId,
        QuestionId = pulse switch { "batched" => "b1", "sequential" => "s1", _ => "a3" },
        RespondentPseudonym = "pseudo-" + i.ToString("D6", CultureInfo.InvariantCulture),
        TenantId = "bench-tenant",
        Value = "4",
        TeamIds = ["team-a"],
        AnsweredAt = DateTimeOffset.UtcNow,
    };

    private static string Row(int i) => "pseudo-" + i.ToString("D6", CultureInfo.InvariantCulture) + "|a3";

    private static TableRow Entity(int i, string partition = "p") => new(partition, Row(i))
    {
        ["PulseId"] = PulseId,
        ["QuestionId"] = "a3",
        ["TenantId"] = "bench-tenant",
        ["Value"] = "4",
        ["TeamIds"] = "[\"team-a\"]",
        ["AnsweredAt"] = DateTimeOffset.UtcNow,
        ["Revision"] = 1,
    };

    private static string EntityJson(int i) =>
        $"{{\"PartitionKey\":\"p\",\"RowKey\":\"{Row(i)}\",\"PulseId\":\"{PulseId}\",\"QuestionId\":\"a3\",\"TenantId\":\"bench-tenant\",\"Value\":\"4\",\"TeamIds\":\"[\\\"team-a\\\"]\",\"AnsweredAt@odata.type\":\"Edm.DateTime\",\"AnsweredAt\":\"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffffffZ}\",\"Revision\":1}}";
}
