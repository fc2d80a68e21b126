using FocusBot.Domain.Recognitions;
using FocusBot.Storage.AzureTables;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class RecognitionStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private IRecognitionStore Store => Stores.Get<IRecognitionStore>();

    /// <summary>Stores a recognition the way FocusBot did before recognitions had a kind (no kind, no filter copies on the index).</summary>
    protected abstract Task StoreAsBeforeKindsAsync(Recognition recognition);

    private Task<List<string>> IdsAsync(RecognitionQuery query) => Store.QueryAsync(query, Token).Select(r => r.Id).ToListAsync(Token).AsTask();

    [Fact]
    public async Task CreateAsync_ThenGet_ReturnsTheRecognition()
    {
        var recognition = TestData.Recognition("r1", TestData.Monday) with { ActivityId = "1:posted" };

        Assert.True(await Store.CreateAsync(recognition, Token));
        Assert.False(await Store.CreateAsync(recognition, Token));

        Assert.Equal(recognition, await Store.GetAsync("r1", Token));
    }

    [Fact]
    public async Task ListRecentAndListSince_SeveralRecognitions_NewestFirstWithinTheTenant()
    {
        for (var i = 0; i < 6; i++)
        {
            await Store.CreateAsync(TestData.Recognition($"r{i}", TestData.Monday.AddDays(i)), Token);
        }

        await Store.CreateAsync(TestData.Recognition("elsewhere", TestData.Monday.AddDays(3), TestData.OtherTenant), Token);

        Assert.Equal(["r5", "r4"], (await Store.ListRecentAsync(TestData.Tenant, 2, Token)).Select(r => r.Id));
        Assert.Equal(["r5", "r4", "r3"], await Store.ListSinceAsync(TestData.Tenant, TestData.Monday.AddDays(3), Token).Select(r => r.Id).ToListAsync(Token));
    }

    [Fact]
    public async Task ListForRecipientAsync_ByUserIdOrObjectId_ReturnsThatPersonsRecognitionsNewestFirst()
    {
        await Store.CreateAsync(TestData.Recognition("r1", TestData.Monday), Token);
        await Store.CreateAsync(TestData.Recognition("r2", TestData.Monday.AddDays(1)), Token);
        await Store.CreateAsync(TestData.Recognition("r3", TestData.Monday) with { RecipientUserId = "29:someone-else", RecipientAadObjectId = "aad-else" }, Token);
        await Store.CreateAsync(TestData.Recognition("r4", TestData.Monday, TestData.OtherTenant), Token);

        Assert.Equal(["r2", "r1"], (await Store.ListForRecipientAsync(TestData.Tenant, "29:recipient", null, Token)).Select(r => r.Id));
        Assert.Equal(["r2", "r1"], (await Store.ListForRecipientAsync(TestData.Tenant, null, "aad-recipient", Token)).Select(r => r.Id));
        Assert.Equal(["r2", "r1"], (await Store.ListForRecipientAsync(TestData.Tenant, "29:recipient", "aad-recipient", Token)).Select(r => r.Id));
        Assert.Empty(await Store.ListForRecipientAsync(TestData.Tenant, "29:nobody", null, Token));
    }

    [Fact]
    public async Task AddApplauseAsync_OnePerPerson_CountsDistinctPeople()
    {
        await Store.CreateAsync(TestData.Recognition("r1", TestData.Monday), Token);

        Assert.True(await Store.AddApplauseAsync("r1", "user-a", Token));
        Assert.False(await Store.AddApplauseAsync("r1", "user-a", Token));
        Assert.True(await Store.AddApplauseAsync("r1", "user-b", Token));
        Assert.False(await Store.AddApplauseAsync("missing", "user-a", Token));

        Assert.Equal(2, (await Store.GetAsync("r1", Token))!.ApplauseCount);
    }

    [Fact]
    public async Task CreateAsync_PeerRecognition_KeepsItsKind()
    {
        var peer = TestData.PeerRecognition("p1", TestData.Monday);

        await Store.CreateAsync(peer, Token);

        await Store.CreateAsync(TestData.Recognition("e1", TestData.Monday), Token);

        Assert.Equal(peer, await Store.GetAsync("p1", Token));
        Assert.Equal(RecognitionKind.Executive, (await Store.GetAsync("e1", Token))!.Kind);
    }

    [Fact]
    public async Task QueryAsync_EachFilterAndTheirCombination_ReturnsOnlyMatchesNewestFirst()
    {
        var november = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var december = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        await Store.CreateAsync(TestData.Recognition("oct-exec", november.AddDays(-3)), Token);
        await Store.CreateAsync(TestData.PeerRecognition("nov-peer-sales", november.AddDays(2)) with { TeamId = "19:sales@thread.tacv2" }, Token);
        await Store.CreateAsync(TestData.PeerRecognition("nov-peer", november.AddDays(5)) with { Behaviour = "Listening to customers" }, Token);
        await Store.CreateAsync(TestData.Recognition("nov-exec", november.AddDays(9)), Token);
        await Store.CreateAsync(TestData.Recognition("dec-exec", december), Token);
        await Store.CreateAsync(TestData.PeerRecognition("elsewhere", november.AddDays(5)) with { TenantId = TestData.OtherTenant }, Token);
        var all = new RecognitionQuery { TenantId = TestData.Tenant };

        Assert.Equal(["dec-exec", "nov-exec", "nov-peer", "nov-peer-sales", "oct-exec"], await IdsAsync(all));
        Assert.Equal(["nov-exec", "nov-peer", "nov-peer-sales"], await IdsAsync(all with { Since = november, Before = december }));
        Assert.Equal(["nov-peer", "nov-peer-sales"], await IdsAsync(all with { Kind = RecognitionKind.Peer }));
        Assert.Equal(["dec-exec", "nov-exec", "oct-exec"], await IdsAsync(all with { Kind = RecognitionKind.Executive }));
        Assert.Equal(["nov-peer-sales"], await IdsAsync(all with { TeamId = "19:sales@thread.tacv2" }));
        Assert.Equal(["nov-peer"], await IdsAsync(all with { Behaviour = "Listening to customers" }));
        Assert.Equal(["nov-peer"], await IdsAsync(all with { Since = november, Before = december, Kind = RecognitionKind.Peer, TeamId = "19:team@thread.tacv2" }));
        Assert.Empty(await IdsAsync(all with { Since = december.AddDays(1) }));
    }

    [Fact]
    public async Task QueryAsync_StoppedEarly_GivesTheNewestPage()
    {
        for (var i = 0; i < 30; i++)
        {
            await Store.CreateAsync(TestData.Recognition($"r{i:D2}", TestData.Monday.AddMinutes(i)), Token);
        }

        var page = await Store.QueryAsync(new RecognitionQuery { TenantId = TestData.Tenant }, Token).Skip(5).Take(5).Select(r => r.Id).ToListAsync(Token);

        Assert.Equal(["r24", "r23", "r22", "r21", "r20"], page);
    }

    [Fact]
    public async Task ListGivenAsync_ByObjectIdOrUserIdAndSince_ReturnsOnlyThatPersonsPeerRecognitions()
    {
        await Store.CreateAsync(TestData.PeerRecognition("p-old", TestData.Monday.AddDays(-8)), Token);
        await Store.CreateAsync(TestData.PeerRecognition("p-1", TestData.Monday), Token);
        await Store.CreateAsync(TestData.PeerRecognition("p-2", TestData.Monday.AddDays(1)), Token);
        await Store.CreateAsync(TestData.PeerRecognition("p-by-user-id", TestData.Monday.AddDays(2), author: "29:pat"), Token);
        await Store.CreateAsync(TestData.PeerRecognition("p-other", TestData.Monday, author: "aad-someone-else"), Token);
        await Store.CreateAsync(TestData.Recognition("executive-by-pat", TestData.Monday) with { AuthorAadObjectId = "aad-pat" }, Token);
        await Store.CreateAsync(TestData.PeerRecognition("p-other-tenant", TestData.Monday) with { TenantId = TestData.OtherTenant }, Token);

        Assert.Equal(["p-by-user-id", "p-2", "p-1"], (await Store.ListGivenAsync(TestData.Tenant, "29:pat", "aad-pat", TestData.Monday, Token)).Select(r => r.Id));
        Assert.Equal(["p-2", "p-1", "p-old"], (await Store.ListGivenAsync(TestData.Tenant, null, "aad-pat", null, Token)).Select(r => r.Id));
        Assert.Empty(await Store.ListGivenAsync(TestData.Tenant, "29:nobody", null, null, Token));
    }

    [Fact]
    public async Task RecognitionStoredBeforeKinds_ReadsAsExecutive_AndEveryFilterStillFindsIt()
    {
        var old = TestData.Recognition("old", TestData.Monday);
        await StoreAsBeforeKindsAsync(old);
        await Store.CreateAsync(TestData.PeerRecognition("new-peer", TestData.Monday.AddDays(1)), Token);
        var all = new RecognitionQuery { TenantId = TestData.Tenant };

        Assert.Equal(RecognitionKind.Executive, (await Store.GetAsync("old", Token))!.Kind);
        Assert.Equal(["old"], await IdsAsync(all with { Kind = RecognitionKind.Executive }));
        Assert.Equal(["new-peer"], await IdsAsync(all with { Kind = RecognitionKind.Peer }));
        Assert.Equal(["new-peer", "old"], await IdsAsync(all with { TeamId = old.TeamId, Behaviour = old.Behaviour }));
        Assert.Empty(await IdsAsync(all with { TeamId = "19:another@thread.tacv2" }));
        Assert.Empty(await Store.ListGivenAsync(TestData.Tenant, null, old.AuthorAadObjectId, null, Token));
    }
}

public sealed class SqliteRecognitionStoreTests() : RecognitionStoreContract(() => new SqliteBackend())
{
    // The row as schema 1 wrote it, into a file migrated since: the migration gives it the column's default.
    protected override Task StoreAsBeforeKindsAsync(Recognition recognition)
    {
        using var connection = new SqliteConnection($"Data Source={((SqliteBackend)Backend).FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO recognitions (id, tenant_id, recipient_user_id, recipient_aad_object_id, recipient_name, author_aad_object_id, author_name,
                behaviour, story, team_id, channel_id, activity_id, created_at, applause_count)
            VALUES ($id, $tenant, $recipient, $recipientAad, 'Ravi Recipient', $author, 'Eva Executive', $behaviour, 'A story.', $team, $channel, NULL, $at, 0);
            """;
        command.Parameters.AddWithValue("$id", recognition.Id);
        command.Parameters.AddWithValue("$tenant", recognition.TenantId);
        command.Parameters.AddWithValue("$recipient", recognition.RecipientUserId);
        command.Parameters.AddWithValue("$recipientAad", recognition.RecipientAadObjectId);
        command.Parameters.AddWithValue("$author", recognition.AuthorAadObjectId);
        command.Parameters.AddWithValue("$behaviour", recognition.Behaviour);
        command.Parameters.AddWithValue("$team", recognition.TeamId);
        command.Parameters.AddWithValue("$channel", recognition.ChannelId);
        command.Parameters.AddWithValue("$at", recognition.CreatedAt.UtcTicks);
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }
}

public sealed class AzureRecognitionStoreTests(AzuriteFixture azurite) : RecognitionStoreContract(() => new AzureTablesBackend(azurite.ConnectionString))
{
    // What the previous version wrote: the item without a kind, and a tenant index row holding only the id.
    protected override async Task StoreAsBeforeKindsAsync(Recognition recognition)
    {
        var client = Stores.Get<FocusTableClient>();
        var tables = Stores.Get<AzureTableNames>();
        await client.ExecuteAsync(tables.Recognitions, TableOperation.Insert(new TableRow(TableKeys.Encode(recognition.Id), AzureRecognitionStore.ItemRow)
        {
            ["Id"] = recognition.Id,
            ["TenantId"] = recognition.TenantId,
            ["RecipientUserId"] = recognition.RecipientUserId,
            ["RecipientAadObjectId"] = recognition.RecipientAadObjectId,
            ["RecipientName"] = recognition.RecipientName,
            ["AuthorAadObjectId"] = recognition.AuthorAadObjectId,
            ["AuthorName"] = recognition.AuthorName,
            ["Behaviour"] = recognition.Behaviour,
            ["Story"] = recognition.Story,
            ["TeamId"] = recognition.TeamId,
            ["ChannelId"] = recognition.ChannelId,
            ["CreatedAt"] = recognition.CreatedAt,
            ["ApplauseCount"] = 0,
        }), Token);
        await client.ExecuteAsync(tables.RecognitionsByTenant, TableOperation.Insert(new TableRow(TableKeys.Encode(recognition.TenantId),
            NewestFirstIndex.RowOf(recognition.CreatedAt, recognition.Id))
        { ["Id"] = recognition.Id }), Token);
    }
}
