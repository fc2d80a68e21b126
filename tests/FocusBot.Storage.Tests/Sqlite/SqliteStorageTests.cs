using FocusBot.Domain.Answers;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Roster;
using FocusBot.Domain.Storage;
using FocusBot.Storage.Sqlite;
using FocusBot.Storage.Tests.Contracts;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;
using Microsoft.Data.Sqlite;

namespace FocusBot.Storage.Tests.Sqlite;

/// <summary>What only the SQLite backend does: the file, its pragmas, migrations and the operator-facing errors.</summary>
public sealed class SqliteStorageTests : IAsyncLifetime
{
    private readonly SqliteBackend _backend = new(busyTimeoutSeconds: 1);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _backend.DisposeAsync();

    [Fact]
    public async Task OpenAsync_NewFolder_CreatesTheFileInWalModeWithTheSchemaVersionRecorded()
    {
        await using (await _backend.OpenAsync(TimeProvider.System))
        {
        }

        await using (await _backend.OpenAsync(TimeProvider.System))
        {
        }

        using var connection = new SqliteConnection($"Data Source={_backend.FilePath};Pooling=False");
        connection.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        // Every script once, in order; numbers may have gaps while engineers take them in parallel.
        Assert.Equal(string.Join(',', SqliteMigrations.Versions), Scalar(connection, "SELECT group_concat(version, ',') FROM (SELECT version FROM schema_version ORDER BY version);"));
        Assert.Equal((long)SqliteMigrations.LatestVersion, Scalar(connection, "SELECT MAX(version) FROM schema_version;"));
    }

    [Fact]
    public async Task OpenAsync_FileLockedByAnotherProcess_ThrowsStorageUnavailableNamingThePath()
    {
        Directory.CreateDirectory(_backend.Directory);
        using var blocker = new SqliteConnection($"Data Source={_backend.FilePath};Pooling=False");
        blocker.Open();
        Execute(blocker, "PRAGMA locking_mode=EXCLUSIVE; CREATE TABLE held (x); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1);");

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => _backend.OpenAsync(TimeProvider.System));

        Assert.Contains(_backend.FilePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("locked by another process", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_DataDirectoryCannotBeCreated_ThrowsStorageUnavailableNamingThePath()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_backend.Directory)!);
        await File.WriteAllTextAsync(_backend.Directory, "a file where the data folder should be", Token);
        try
        {
            var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => _backend.OpenAsync(TimeProvider.System));

            Assert.Contains(_backend.FilePath, error.Message, StringComparison.Ordinal);
            Assert.Contains("folder cannot be created", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(_backend.Directory);
        }
    }

    [Fact]
    public async Task OpenAsync_FileIsNotADatabase_ThrowsStorageUnavailableNamingThePath()
    {
        Directory.CreateDirectory(_backend.Directory);
        await File.WriteAllTextAsync(_backend.FilePath, new string('x', 4096), Token);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => _backend.OpenAsync(TimeProvider.System));

        Assert.Contains(_backend.FilePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a valid SQLite database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_FileFromANewerFocusBot_IsRefusedWithAClearMessage()
    {
        await using (await _backend.OpenAsync(TimeProvider.System))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={_backend.FilePath};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "INSERT INTO schema_version (version, applied_at) VALUES (999, 'later');");
        }

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => _backend.OpenAsync(TimeProvider.System));

        Assert.Contains("schema version 999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_FileFromVersion1WithPeople_MigratesAndFindsThemByAnyWordOfTheirName()
    {
        Directory.CreateDirectory(_backend.Directory);
        using (var connection = new SqliteConnection($"Data Source={_backend.FilePath};Pooling=False"))
        {
            connection.Open();
            Execute(connection, SqliteSchemaV1.Sql);
            Execute(connection, "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL); INSERT INTO schema_version VALUES (1, 'before');");
            Execute(connection, "INSERT INTO roster_members VALUES ('t1', 'team-a', '29:ann', 'aad-ann', 'Ann  Marie Lee', 'ann  marie lee', NULL);");
            Execute(connection, "INSERT INTO conversations (tenant_id, conversation_id, kind, service_url, channel_id, bot_id, user_id, user_aad_object_id, user_name, installed_at, updated_at) " +
                "VALUES ('t1', 'a:bob', 'Personal', 'https://smba.trafficmanager.net/emea/', 'msteams', '28:bot', '29:bob', 'aad-bob', 'Bob Stone', 0, 0);");
        }

        await using var scope = await _backend.OpenAsync(TimeProvider.System);

        var roster = scope.Get<IRosterStore>();
        var conversations = scope.Get<IConversationStore>();
        Assert.Equal(["29:ann"], (await roster.SearchByNameAsync("t1", "lee", 5, Token)).Select(p => p.UserId));
        Assert.Equal(["29:ann"], (await roster.SearchByNameAsync("t1", "marie", 5, Token)).Select(p => p.UserId));
        Assert.Equal("29:ann", (await roster.FindByAadObjectIdAsync("t1", "aad-ann", Token))?.UserId);
        Assert.Equal(["a:bob"], (await conversations.SearchPersonalByNameAsync("t1", "stone", 5, Token)).Select(c => c.ConversationId));
        Assert.Equal(["a:bob"], (await conversations.SearchPersonalByNameAsync("t1", "", 5, Token)).Select(c => c.ConversationId));
    }

    [Fact]
    public async Task OpenAsync_FileFromVersion8WithRoleGrants_MigratesThemSoTheyWorkBesideManagers()
    {
        Directory.CreateDirectory(_backend.Directory);
        using (var connection = new SqliteConnection($"Data Source={_backend.FilePath};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);");
            foreach (var (version, sql) in (ReadOnlySpan<(int, string)>)[(1, SqliteSchemaV1.Sql), (2, SqliteSchemaV2.Sql), (3, SqliteSchemaV3.Sql), (4, SqliteSchemaV4.Sql),
                         (5, SqliteSchemaV5.Sql), (6, SqliteSchemaV6.Sql), (7, SqliteSchemaV7.Sql), (8, SqliteSchemaV8.Sql)])
            {
                Execute(connection, sql);
                Execute(connection, $"INSERT INTO schema_version VALUES ({version}, 'before');");
            }

            Execute(connection, "INSERT INTO role_assignments VALUES ('t1', 'aad-ann', 'HR', 'aad-admin', 5), ('t1', 'aad-ann', 'Executive', 'aad-admin', 6);");
        }

        await using var scope = await _backend.OpenAsync(TimeProvider.System);

        var roles = scope.Get<IRoleStore>();
        Assert.Equal([Role.Executive, Role.HR], await roles.GetRolesAsync("t1", "aad-ann", Token));
        Assert.All(await roles.ListAsync("t1", Token), grant => Assert.Null(grant.TeamId));
        await roles.GrantAsync(new RoleAssignment { TenantId = "t1", AadObjectId = "aad-ann", Role = Role.Manager, TeamId = "19:a@thread.tacv2", GrantedBy = "aad-admin", GrantedAt = TestData.Monday }, Token);
        Assert.True(await roles.RevokeAsync("t1", "aad-ann", Role.HR, null, Token));
        Assert.Equal([Role.Executive, Role.Manager], await roles.GetRolesAsync("t1", "aad-ann", Token));
    }

    [Fact]
    public async Task OpenAsync_FileFromVersion8WithARecognition_MigratesItAsAnExecutiveRecognition()
    {
        Directory.CreateDirectory(_backend.Directory);
        using (var connection = new SqliteConnection($"Data Source={_backend.FilePath};Pooling=False"))
        {
            connection.Open();
            foreach (var script in (string[])[SqliteSchemaV1.Sql, SqliteSchemaV2.Sql, SqliteSchemaV3.Sql, SqliteSchemaV4.Sql, SqliteSchemaV5.Sql, SqliteSchemaV6.Sql,
                         SqliteSchemaV7.Sql, SqliteSchemaV8.Sql])
                Execute(connection, script);
            Execute(connection, "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL); " +
                "INSERT INTO schema_version VALUES (1, 'before'), (2, 'before'), (3, 'before'), (4, 'before'), (5, 'before'), (6, 'before'), (7, 'before'), (8, 'before');");
            Execute(connection, "INSERT INTO recognitions VALUES ('r1', 't1', '29:ann', 'aad-ann', 'Ann Lee', 'aad-eva', 'Eva Exec', 'Owning the problem', 'A story.', " +
                "'19:team@thread.tacv2', '19:general@thread.tacv2', '1:posted', 638000000000000000, 2);");
        }

        await using var scope = await _backend.OpenAsync(TimeProvider.System);

        var recognitions = scope.Get<IRecognitionStore>();
        var migrated = await recognitions.GetAsync("r1", Token);
        Assert.Equal((RecognitionKind.Executive, "Ann Lee", 2), (migrated!.Kind, migrated.RecipientName, migrated.ApplauseCount));
        Assert.Equal(["r1"], await recognitions.QueryAsync(new RecognitionQuery { TenantId = "t1", Kind = RecognitionKind.Executive }, Token).Select(r => r.Id).ToListAsync(Token));
        Assert.Empty(await recognitions.QueryAsync(new RecognitionQuery { TenantId = "t1", Kind = RecognitionKind.Peer }, Token).ToListAsync(Token));
    }

    [Fact]
    public async Task OpenAsync_FileFromVersion8WithAnInsightPostedInAChannel_MigratesItAsSentToThatChannelWhenItWasWritten()
    {
        Directory.CreateDirectory(_backend.Directory);
        using (var connection = new SqliteConnection($"Data Source={_backend.FilePath};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);");
            foreach (var (version, sql) in new[] { SqliteSchemaV1.Sql, SqliteSchemaV2.Sql, SqliteSchemaV3.Sql, SqliteSchemaV4.Sql, SqliteSchemaV5.Sql, SqliteSchemaV6.Sql, SqliteSchemaV7.Sql, SqliteSchemaV8.Sql }
                         .Select((sql, i) => (i + 1, sql)))
            {
                Execute(connection, sql);
                Execute(connection, $"INSERT INTO schema_version VALUES ({version}, 'before');");
            }

            Execute(connection, "INSERT INTO insights (id, tenant_id, title, body, source, author_aad_object_id, author_name, audience_team_id, audience_channel_id, all_staff, created_at, got_it_count) " +
                $"VALUES ('old', 't1', 'Title', 'Body', 'KPI', 'aad-exec', 'Eva', '19:team@thread.tacv2', '19:wins@thread.tacv2', 1, {TestData.Monday.UtcTicks}, 3);");
        }

        await using var scope = await _backend.OpenAsync(TimeProvider.System);

        var insight = await scope.Get<IInsightStore>().GetAsync("old", Token);
        Assert.NotNull(insight);
        Assert.Equal(["19:wins@thread.tacv2"], insight.ChannelIds);
        Assert.Empty(insight.TeamIds);
        Assert.Equal((InsightStatus.Sent, TestData.Monday, 1, 3, true), (insight.Status, insight.SendAt, insight.Revision, insight.GotItCount, insight.AllStaff));
        Assert.Equal(["old"], (await scope.Get<IInsightStore>().ListLatestAsync("t1", 5, Token)).Select(i => i.Id));
    }

    [Fact]
    public async Task OpenAsync_FileMissingAScriptNumberedBelowItsLatest_AppliesThatScript()
    {
        await using (await _backend.OpenAsync(TimeProvider.System))
        {
        }

        // As a file that got a later script before an earlier-numbered one existed (changes made side by side).
        using (var connection = new SqliteConnection($"Data Source={_backend.FilePath};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "DROP TABLE programme_actions; DELETE FROM schema_version WHERE version = 8;");
        }

        await using (await _backend.OpenAsync(TimeProvider.System))
        {
        }

        using var check = new SqliteConnection($"Data Source={_backend.FilePath};Pooling=False");
        check.Open();
        Assert.Equal(1L, Scalar(check, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'programme_actions';"));
        Assert.Equal(1L, Scalar(check, "SELECT COUNT(*) FROM schema_version WHERE version = 8;"));
    }

    [Fact]
    public async Task ReplaceBankAsync_WriteFailsHalfWay_LeavesTheOldBankWhole()
    {
        await using var scope = await _backend.OpenAsync(TimeProvider.System);
        var store = scope.Get<IQuestionStore>();
        await store.ReplaceBankAsync([TestData.Question("old-1"), TestData.Question("old-2")], Token);
        var bank = Enumerable.Range(0, 150).Select(i => TestData.Question($"new-{i:D3}")).ToList();
        bank[120] = bank[120] with { Text = null! };

        await Assert.ThrowsAsync<SqliteException>(() => store.ReplaceBankAsync(bank, Token));

        Assert.Equal(["old-1", "old-2"], (await store.ListAsync(includeInactive: true, Token)).Select(q => q.Id));
    }

    [Fact]
    public async Task WriteAsync_ManyConcurrentWritersAndOneFailing_CommitsTheOthersAndFailsOnlyThatOne()
    {
        await using var scope = await _backend.OpenAsync(TimeProvider.System);
        var answers = scope.Get<IAnswerStore>();
        var questions = scope.Get<IQuestionStore>();
        await questions.ReplaceBankAsync([TestData.Question("old-1")], Token);
        var badBank = new[] { TestData.Question("new-1"), TestData.Question("new-2") with { Text = null! } };

        // Writes that arrive together share one commit; the failing import must roll back alone.
        var writes = Enumerable.Range(0, 200).Select(i => Task.Run(() => answers.UpsertAsync(TestData.Answer("2026-W48", "k1", $"pseudo-{i}", "1"), Token), Token)).ToList();
        var failing = Task.Run(() => questions.ReplaceBankAsync(badBank, Token), Token);
        await Task.WhenAll(writes);

        await Assert.ThrowsAsync<SqliteException>(() => failing);
        Assert.Equal(200, await answers.ListByPulseAsync("2026-W48", Token).CountAsync(Token));
        Assert.Equal(["old-1"], (await questions.ListAsync(includeInactive: true, Token)).Select(q => q.Id));
    }

    [Fact]
    public async Task Stores_RowsKeptUnderTheirFirstColumnNames_ReadAndWriteWithoutLosingData()
    {
        // Delivery.LedgerId lives in deliveries.pulse_id, and pulses.reminders_sent is no longer read but never dropped:
        // files written before either change must read, and writing must leave what they hold.
        await using (var scope = await _backend.OpenAsync(TimeProvider.System))
        {
            await scope.Get<IPulseStore>().CreateAsync(TestData.Pulse("2026-W48.t1", TestData.Monday), Token);
            await scope.Get<IDeliveryStore>().CreateIfMissingAsync([TestData.Delivery("insight:i-1", "29:ann")], Token);
        }

        using (var connection = new SqliteConnection($"Data Source={_backend.FilePath};Pooling=False"))
        {
            connection.Open();
            Assert.Equal("insight:i-1", Scalar(connection, "SELECT pulse_id FROM deliveries;"));
            Execute(connection, "UPDATE pulses SET reminders_sent = 2;");
        }

        await using (var scope = await _backend.OpenAsync(TimeProvider.System))
        {
            var pulses = scope.Get<IPulseStore>();
            var pulse = await pulses.GetAsync("2026-W48.t1", Token);
            await pulses.UpdateAsync(pulse! with { Status = PulseStatus.Open }, Token);
            var delivery = await scope.Get<IDeliveryStore>().ListAsync("insight:i-1", null, Token).SingleAsync(Token);
            Assert.Equal("insight:i-1", delivery.LedgerId);
        }

        using (var connection = new SqliteConnection($"Data Source={_backend.FilePath};Pooling=False"))
        {
            connection.Open();
            Assert.Equal(2L, Scalar(connection, "SELECT reminders_sent FROM pulses;"));
            Assert.Equal("Open", Scalar(connection, "SELECT status FROM pulses;"));
        }
    }

    [Fact]
    public void DefaultDataDirectory_IsOutsideTheRepository()
    {
        var directory = Path.GetFullPath(new SqliteStorageOptions().DataDirectory);

        Assert.EndsWith("FocusBot", directory, StringComparison.Ordinal);
        Assert.False(directory.StartsWith(RepositoryPaths.Root, StringComparison.Ordinal), directory);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
