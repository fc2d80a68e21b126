using FocusBot.Domain.Kpis;
using FocusBot.Domain.Trends;
using FocusBot.Storage.Tests.Infrastructure;
using FocusBot.TestSupport;

namespace FocusBot.Storage.Tests.Contracts;

public abstract class KpiStoreContract(Func<StorageBackend> backend) : StoreContract(backend)
{
    private const string Sales = "19:sales@thread.tacv2";
    private const string Hr = "0d4e8b6a-1f3c-4a7e-b2d9-5c6e7f8a9b01";
    private static readonly TrendPeriod Q3 = new(PeriodKind.Quarter, 2026, 3);
    private static readonly TrendPeriod October = new(PeriodKind.Month, 2026, 10);

    private IKpiStore Store => Stores.Get<IKpiStore>();

    private static KpiValue Value(string kpi, TrendPeriod period, double value, string team = "", string tenant = TestData.Tenant, string by = Hr) => new()
    {
        TenantId = tenant,
        Kpi = kpi,
        Period = period,
        TeamId = team,
        Value = value,
        ImportedBy = by,
        ImportedAt = TestData.Monday,
    };

    [Fact]
    public async Task ImportAsync_SameValuesTwice_ChangesNothing_ACorrectionReplaces_AndSurvivesARestart()
    {
        var csat = KnownKpis.Csat.Key;
        IReadOnlyList<KpiValue> file = [Value(csat, Q3, 81.5), Value(csat, Q3, 77, Sales), Value(csat, October, 80)];

        Assert.Equal(new KpiImportCounts(3, 0, 0), await Store.ImportAsync(TestData.Tenant, [], file, Token));
        Assert.Equal(new KpiImportCounts(0, 0, 3), await Store.ImportAsync(TestData.Tenant, [], [.. file.Select(v => v with { ImportedBy = "api", ImportedAt = TestData.Monday.AddDays(1) })], Token));
        Assert.Equal(new KpiImportCounts(0, 1, 2), await Store.ImportAsync(TestData.Tenant, [], [file[0], file[1] with { Value = 78.25, ImportedBy = "api" }, file[2]], Token));

        await RestartAsync();

        var stored = await Store.ListValuesAsync(TestData.Tenant, Token);
        Assert.Equal([(October, "", 80.0, Hr), (Q3, "", 81.5, Hr), (Q3, Sales, 78.25, "api")], stored.Select(v => (v.Period, v.TeamId, v.Value, v.ImportedBy)));
        Assert.All(stored, v => Assert.Equal(TestData.Monday, v.ImportedAt));
        Assert.Empty(await Store.ListValuesAsync(TestData.OtherTenant, Token));
    }

    [Fact]
    public async Task ImportAsync_DeclaredKpi_IsListedOncePerTenant_WithItsUnitAndDirection()
    {
        var defects = new KpiDefinition("Field defects", "per 1000 units", KpiDirection.LowerIsBetter);

        await Store.ImportAsync(TestData.Tenant, [defects], [Value(defects.Key, Q3, 3.2)], Token);
        await Store.ImportAsync(TestData.Tenant, [defects with { Unit = "other" }], [], Token);

        Assert.Equal([defects], await Store.ListDefinitionsAsync(TestData.Tenant, Token));
        Assert.Empty(await Store.ListDefinitionsAsync(TestData.OtherTenant, Token));
        Assert.Equal(3.2, Assert.Single(await Store.ListValuesAsync(TestData.Tenant, Token)).Value);
    }

    [Fact]
    public async Task ImportAsync_ManyValuesAndAwkwardTeamIds_AllStored()
    {
        var values = Enumerable.Range(0, 230).Select(i => Value(KnownKpis.Complaints.Key, new TrendPeriod(PeriodKind.Week, 2026, 1 + (i % 40)), i, i < 40 ? string.Empty : TestData.AwkwardId + (i / 40))).ToList();

        Assert.Equal(new KpiImportCounts(230, 0, 0), await Store.ImportAsync(TestData.Tenant, [], values, Token));

        var stored = await Store.ListValuesAsync(TestData.Tenant, Token);
        Assert.Equal(values.OrderBy(v => v.Period).ThenBy(v => v.TeamId, StringComparer.Ordinal).Select(v => (v.Period, v.TeamId, v.Value)),
            stored.Select(v => (v.Period, v.TeamId, v.Value)));
    }

    [Fact]
    public async Task Keys_FoundByHashOnly_ReplacedAndRevoked_PerTenant()
    {
        var first = new KpiApiKey { TenantId = TestData.Tenant, KeyHash = "aa11", CreatedBy = Hr, CreatedAt = TestData.Monday };
        var other = first with { TenantId = TestData.OtherTenant, KeyHash = "bb22" };

        await Store.SetKeyAsync(first, Token);
        await Store.SetKeyAsync(other, Token);
        Assert.Equal(first, await Store.FindKeyAsync("aa11", Token));
        Assert.Equal(other, await Store.FindKeyAsync("bb22", Token));

        await Store.SetKeyAsync(first with { KeyHash = "cc33" }, Token);
        Assert.Null(await Store.FindKeyAsync("aa11", Token));
        Assert.Equal(TestData.Tenant, (await Store.FindKeyAsync("cc33", Token))?.TenantId);

        Assert.True(await Store.RevokeKeyAsync(TestData.Tenant, Token));
        Assert.False(await Store.RevokeKeyAsync(TestData.Tenant, Token));
        Assert.Null(await Store.FindKeyAsync("cc33", Token));
        Assert.Equal(other, await Store.FindKeyAsync("bb22", Token));
    }
}

public sealed class SqliteKpiStoreTests() : KpiStoreContract(() => new SqliteBackend());

public sealed class AzureKpiStoreTests(AzuriteFixture azurite) : KpiStoreContract(() => new AzureTablesBackend(azurite.ConnectionString));
