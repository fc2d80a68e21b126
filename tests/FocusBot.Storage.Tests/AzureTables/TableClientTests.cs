using Azure;
using Azure.Data.Tables;
using FocusBot.Storage.AzureTables;
using FocusBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace FocusBot.Storage.Tests.AzureTables;

/// <summary>FocusBot's view of Azure.Data.Tables against a real Azurite.</summary>
public sealed class TableClientTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _table = AzuriteFixture.NewTablePrefix() + "Raw";
    private FocusTableClient _client = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _client = TableClientFactory.Create(new AzureTablesOptions { ConnectionString = azurite.ConnectionString }, NullLogger.Instance);
        await _client.CreateTableIfNotExistsAsync(_table, Token);
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task GetAsync_AfterInsert_ReturnsEveryTypedProperty()
    {
        var when = new DateTimeOffset(2026, 11, 24, 9, 30, 15, TimeSpan.FromHours(1)).AddTicks(1234567);
        var guid = Guid.NewGuid();
        var entity = new TableRow("p", "r")
        {
            ["Text"] = "hello 'world' ✓",
            ["Small"] = 42,
            ["Big"] = 5_000_000_000L,
            ["Whole"] = 2.0,
            ["Flag"] = true,
            ["When"] = when,
            ["Id"] = guid,
            ["Bytes"] = new byte[] { 1, 2, 3 },
        };

        var etag = await _client.ExecuteAsync(_table, TableOperation.Insert(entity), Token);
        var stored = await _client.GetAsync(_table, "p", "r", Token);

        Assert.NotNull(etag);
        Assert.NotNull(stored);
        Assert.Equal(etag, stored.ETag);
        Assert.Equal("hello 'world' ✓", stored["Text"]);
        Assert.Equal(42, stored["Small"]);
        Assert.Equal(5_000_000_000L, stored["Big"]);
        Assert.Equal(2.0, stored["Whole"]);
        Assert.Equal(true, stored["Flag"]);
        Assert.Equal(when, stored["When"]);
        Assert.Equal(guid, stored["Id"]);
        Assert.Equal(new byte[] { 1, 2, 3 }, stored["Bytes"]);
        Assert.NotNull(stored.Timestamp);
    }

    [Fact]
    public async Task ExecuteAsync_InsertWhenExisting_ThrowsConflict()
    {
        await _client.ExecuteAsync(_table, TableOperation.Insert(new TableRow("p", "dup")), Token);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => _client.ExecuteAsync(_table, TableOperation.Insert(new TableRow("p", "dup")), Token));

        Assert.True(error.IsConflict);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
    }

    [Fact]
    public async Task ExecuteAsync_ReplaceWithStaleETag_ThrowsPreconditionFailed()
    {
        var first = await _client.ExecuteAsync(_table, TableOperation.Insert(new TableRow("p", "e") { ["N"] = 1 }), Token);
        await _client.ExecuteAsync(_table, TableOperation.Replace(new TableRow("p", "e") { ["N"] = 2 }, first!), Token);

        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => _client.ExecuteAsync(_table, TableOperation.Replace(new TableRow("p", "e") { ["N"] = 3 }, first!), Token));

        Assert.True(error.IsPreconditionFailed);
        Assert.Equal(2, (await _client.GetAsync(_table, "p", "e", Token))!["N"]);
    }

    [Fact]
    public async Task ExecuteAsync_UpsertReplaceAndMerge_ReplaceDropsPropertiesMergeKeepsThem()
    {
        await _client.ExecuteAsync(_table, TableOperation.UpsertReplace(new TableRow("p", "u") { ["A"] = "a", ["B"] = "b" }), Token);
        await _client.ExecuteAsync(_table, TableOperation.UpsertMerge(new TableRow("p", "u") { ["C"] = "c" }), Token);
        var merged = await _client.GetAsync(_table, "p", "u", Token);
        await _client.ExecuteAsync(_table, TableOperation.UpsertReplace(new TableRow("p", "u") { ["D"] = "d" }), Token);
        var replaced = await _client.GetAsync(_table, "p", "u", Token);

        Assert.Equal(["A", "B", "C"], merged!.Properties.Keys.Order());
        Assert.Equal(["D"], replaced!.Properties.Keys);
    }

    [Fact]
    public async Task ExecuteAsync_Delete_RemovesEntity()
    {
        await _client.ExecuteAsync(_table, TableOperation.Insert(new TableRow("p", "gone")), Token);

        await _client.ExecuteAsync(_table, TableOperation.Delete("p", "gone"), Token);

        Assert.Null(await _client.GetAsync(_table, "p", "gone", Token));
    }

    [Fact]
    public async Task QueryAsync_MoreThanOnePage_FollowsContinuationToEveryEntity()
    {
        var operations = Enumerable.Range(0, 1234).Select(i => TableOperation.Insert(new TableRow("page", i.ToString("D5")) { ["I"] = i })).ToList();
        await _client.SubmitAllAsync(_table, operations, Token);

        var first = await _client.QueryPageAsync(_table, TableFilter.PartitionIs("page"), null, null, null, Token);
        var all = await _client.QueryAsync(_table, TableFilter.PartitionIs("page"), ["I"], Token).ToListAsync(Token);

        Assert.Equal(1000, first.Values.Count);
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(Enumerable.Range(0, 1234), all.Select(entity => (int)entity["I"]!));
    }

    [Fact]
    public async Task SubmitBatchAsync_OneOperationFails_NothingIsWrittenAndTheFailingIndexIsReported()
    {
        await _client.ExecuteAsync(_table, TableOperation.Insert(new TableRow("batch", "b")), Token);
        TableOperation[] operations =
        [
            TableOperation.Insert(new TableRow("batch", "a")),
            TableOperation.Insert(new TableRow("batch", "b")),
            TableOperation.Insert(new TableRow("batch", "c")),
        ];

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => _client.SubmitBatchAsync(_table, operations, Token));

        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.Equal(409, error.Status);
        Assert.Null(await _client.GetAsync(_table, "batch", "a", Token));
        Assert.Null(await _client.GetAsync(_table, "batch", "c", Token));
    }

    [Fact]
    public async Task SubmitBatchAsync_MixedOperations_AppliesAllAndReturnsETags()
    {
        var existing = await _client.ExecuteAsync(_table, TableOperation.Insert(new TableRow("mix", "old") { ["N"] = 1 }), Token);
        await _client.ExecuteAsync(_table, TableOperation.Insert(new TableRow("mix", "drop")), Token);

        var etags = await _client.SubmitBatchAsync(
            _table,
            [
                TableOperation.Insert(new TableRow("mix", "new")),
                TableOperation.Replace(new TableRow("mix", "old") { ["N"] = 2 }, existing!),
                TableOperation.Delete("mix", "drop"),
                TableOperation.UpsertMerge(new TableRow("mix", "merged") { ["M"] = "m" }),
            ],
            Token);

        var stored = await _client.QueryAsync(_table, TableFilter.PartitionIs("mix"), null, Token).ToListAsync(Token);
        Assert.Equal(["merged", "new", "old"], stored.Select(entity => entity.RowKey));
        Assert.Equal(2, stored.Single(entity => entity.RowKey == "old")["N"]);
        Assert.Equal(stored.Single(entity => entity.RowKey == "old").ETag, etags[1]);
    }

    [Fact]
    public async Task SubmitAllAsync_MoreThan100Operations_IsChunkedAndAllAreWritten()
    {
        var operations = Enumerable.Range(0, 250).Select(i => TableOperation.Insert(new TableRow("chunks", i.ToString("D3")))).ToList();

        await _client.SubmitAllAsync(_table, operations, Token);

        Assert.Equal(250, await _client.QueryAsync(_table, TableFilter.PartitionIs("chunks"), null, Token).CountAsync(Token));
        Assert.Equal([100, 100, 50], TableBatching.Chunk(operations).Select(chunk => chunk.Count));
        await Assert.ThrowsAsync<ArgumentException>(() => _client.SubmitBatchAsync(_table, operations, Token));
    }

    [Fact]
    public async Task SubmitAllAsync_OperationsTogetherOver4MiB_AreSplitBySizeAndAllAreWritten()
    {
        // Twelve entities of about 450 KB each: 5.4 MB in all, well under 100 operations.
        var operations = Enumerable.Range(0, 12).Select(i => TableOperation.UpsertReplace(Large("large", i.ToString("D2")))).ToList();

        var chunks = TableBatching.Chunk(operations).ToList();
        await _client.SubmitAllAsync(_table, operations, Token);

        Assert.True(chunks.Count > 1, $"{chunks.Count} chunk(s)");
        Assert.All(chunks, chunk => Assert.True(chunk.Sum(TableBatching.EstimateBytes) <= TableBatching.MaxBodyBytes));
        var stored = await _client.QueryAsync(_table, TableFilter.PartitionIs("large"), null, Token).ToListAsync(Token);
        Assert.Equal(12, stored.Count);
        Assert.All(stored, entity => Assert.Equal(30_000, ((string)entity["P14"]!).Length));
        await Assert.ThrowsAsync<ArgumentException>(() => _client.SubmitBatchAsync(_table, operations, Token));
    }

    [Theory]
    [InlineData("a/b\\c#d?e")]
    [InlineData("o'brien's")]
    [InlineData("29:1a2b|tenant%41!x")]
    [InlineData("ünïcødé 日本語 😀")]
    [InlineData("tab\there\u0001\u007f\u0085")]
    public async Task GetAsync_KeysFromUserValues_RoundTripThroughEncoding(string value)
    {
        var partition = TableKeys.Encode(value);
        var row = TableKeys.Compose(value, "second");
        await _client.ExecuteAsync(_table, TableOperation.Insert(new TableRow(partition, row) { ["V"] = value }), Token);

        var byPoint = await _client.GetAsync(_table, partition, row, Token);
        var byQuery = await _client.QueryAsync(_table, TableFilter.And(TableFilter.PartitionIs(partition), TableFilter.Equal("V", value)), null, Token).ToListAsync(Token);

        Assert.Equal(value, byPoint!["V"]);
        Assert.Equal([value, "second"], TableKeys.Split(byPoint.RowKey));
        Assert.Equal(value, TableKeys.Decode(Assert.Single(byQuery).PartitionKey));
    }

    [Fact]
    public async Task GetAsync_WrongAccountKey_IsRefused()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        using var client = TableClientFactory.Create(
            new AzureTablesOptions { ConnectionString = azurite.ConnectionString.Replace(AzuriteServer.AccountKey, wrongKey, StringComparison.Ordinal) },
            NullLogger.Instance);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetAsync(_table, "p", "r", Token));

        Assert.Equal(403, error.Status);
    }

    private static TableRow Large(string partition, string row)
    {
        var entity = new TableRow(partition, row);
        for (var p = 0; p < 15; p++)
        {
            entity[$"P{p}"] = new string((char)('a' + p), 30_000);
        }

        return entity;
    }
}
