using FocusBot.Domain.Insights;
using FocusBot.Storage.AzureTables;
using FocusBot.Storage.Tests.Contracts;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.AzureTables;

/// <summary>An insight stored before targeting and scheduling reads as one that went out when it was written, to its one channel.</summary>
public sealed class AzureOldInsightTests(AzuriteFixture azurite)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_InsightFromBeforeTargeting_HasItsChannelInTheListAndIsSentAtItsCreation()
    {
        await using var scope = await new AzureTablesBackend(azurite.ConnectionString).OpenAsync(TimeProvider.System);
        var client = scope.Get<FocusTableClient>();
        var tables = scope.Get<AzureTableNames>();
        // What the previous version wrote: one audience channel and team, no status, send time, revision or lists.
        await client.ExecuteAsync(tables.Insights, TableOperation.Insert(new TableRow(TableKeys.Encode("old"), AzureInsightStore.ItemRow)
        {
            ["Id"] = "old",
            ["TenantId"] = TestData.Tenant,
            ["Title"] = "Title",
            ["Body"] = "Body",
            ["Source"] = "KPI",
            ["AuthorAadObjectId"] = "aad-exec",
            ["AuthorName"] = "Eva",
            ["AudienceTeamId"] = "19:team@thread.tacv2",
            ["AudienceChannelId"] = "19:wins@thread.tacv2",
            ["AllStaff"] = true,
            ["CreatedAt"] = TestData.Monday,
            ["GotItCount"] = 3,
        }), Token);

        var insight = await scope.Get<IInsightStore>().GetAsync("old", Token);

        Assert.NotNull(insight);
        Assert.Equal(["19:wins@thread.tacv2"], insight.ChannelIds);
        Assert.Empty(insight.TeamIds);
        Assert.Equal((InsightStatus.Sent, TestData.Monday, 1, null, 3), (insight.Status, insight.SendAt, insight.Revision, insight.ChangedAt, insight.GotItCount));
    }
}
