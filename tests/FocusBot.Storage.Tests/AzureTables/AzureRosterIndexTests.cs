using FocusBot.Domain.Roster;
using FocusBot.Storage.AzureTables;
using FocusBot.Storage.Tests.Contracts;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.AzureTables;

/// <summary>Rosters stored before the object id and name-word indexes existed are indexed at their next sync.</summary>
public sealed class AzureRosterIndexTests(AzuriteFixture azurite)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReplaceTeamRosterAsync_RowsFromBeforeTheIndexes_IndexesThemAndDropsTheOldNameRow()
    {
        await using var scope = await new AzureTablesBackend(azurite.ConnectionString).OpenAsync(TimeProvider.System);
        var client = scope.Get<FocusTableClient>();
        var tables = scope.Get<AzureTableNames>();
        var tenant = TableKeys.Encode(TestData.Tenant);
        // What the previous version wrote: a member row without an index version, a membership row, one "name|user" row.
        await client.ExecuteAsync(tables.RosterMembers, TableOperation.Insert(new TableRow(TableKeys.Compose(TestData.Tenant, "team-a"), TableKeys.Encode("29:ann"))
        {
            ["TenantId"] = TestData.Tenant,
            ["TeamId"] = "team-a",
            ["UserId"] = "29:ann",
            ["AadObjectId"] = "aad-ann",
            ["Name"] = "Ann Lee",
        }), Token);
        await client.ExecuteAsync(tables.RosterMemberships, TableOperation.Insert(new TableRow(TableKeys.Compose(TestData.Tenant, "29:ann"), TableKeys.Encode("team-a"))), Token);
        var legacyNameRow = TableKeys.Compose("ann lee", "29:ann");
        await client.ExecuteAsync(tables.RosterNames, TableOperation.Insert(new TableRow(tenant, legacyNameRow) { ["UserId"] = "29:ann", ["Name"] = "Ann Lee" }), Token);
        var roster = scope.Get<IRosterStore>();
        Assert.Empty(await roster.SearchByNameAsync(TestData.Tenant, "lee", 5, Token));

        await roster.ReplaceTeamRosterAsync(TestData.Tenant, "team-a",
            [new TeamMember { TenantId = TestData.Tenant, TeamId = "team-a", UserId = "29:ann", AadObjectId = "aad-ann", Name = "Ann Lee" }], Token);

        Assert.Equal(["29:ann"], (await roster.SearchByNameAsync(TestData.Tenant, "lee", 5, Token)).Select(p => p.UserId));
        Assert.Equal("Ann Lee", (await roster.FindByAadObjectIdAsync(TestData.Tenant, "aad-ann", Token))?.Name);
        Assert.Null(await client.GetAsync(tables.RosterNames, tenant, legacyNameRow, Token));
    }
}
