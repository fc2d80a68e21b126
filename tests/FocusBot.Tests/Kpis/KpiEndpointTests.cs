using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FocusBot.Domain.Kpis;
using FocusBot.Domain.Trends;
using FocusBot.Kpis;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Kpis;

/// <summary>POST /api/kpis through the real HTTP host: the key decides the tenant, and nothing else gets in.</summary>
public sealed class KpiEndpointTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string OtherTenant = "0d1c2b3a-0000-4000-8000-123456789abc";

    private BotScenario _scenario = null!;

    private BotScenario Scenario => _scenario;

    public async ValueTask InitializeAsync() => _scenario = await BotScenario.StartAsync(StorageKind.Sqlite, azurite);

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    private IKpiStore Store => Scenario.Get<IKpiStore>();

    private TrendPeriod LastQuarter => TrendPeriod.Holding(PeriodKind.Quarter, DateOnly.FromDateTime(Scenario.Get<TimeProvider>().GetUtcNow().UtcDateTime)).Previous();

    private string TwoRows => $"kpi,period,team,value\nCSAT,{KpiPeriods.Format(LastQuarter)},,82.5\nOn-time delivery,{KpiPeriods.Format(LastQuarter)},Service Desk,91\n";

    private Task<IReadOnlyList<KpiValue>> StoredAsync(string tenant = BotScenario.TenantId) => Store.ListValuesAsync(tenant, CancellationToken.None);

    /// <summary>HR types kpis key; returns the key FocusBot showed once.</summary>
    private async Task<string> KeyFromChatAsync()
    {
        Scenario.Connector.Reset();
        await Scenario.SayAsync(Person.Hassan, "kpis key");
        var text = Assert.Single(Scenario.SentTo(Person.Hassan.Chat)).Activity.GetProperty("text").GetString()!;
        return text.Split('\n').Single(line => line.StartsWith(KpiApiKeys.Prefix, StringComparison.Ordinal));
    }

    private async Task<HttpResponseMessage> PostAsync(string? key, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, KpiEndpoints.Path) { Content = content };
        if (key is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await Scenario.Host.Client.SendAsync(request);
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public async Task Post_WithTheKeyFromChat_Imports_AndTheSameFileAgainChangesNothing()
    {
        var key = await KeyFromChatAsync();

        using var first = await PostAsync(key, Csv(TwoRows));
        using var again = await PostAsync(key, Csv(TwoRows));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("""{"rows":2,"added":2,"replaced":0,"unchanged":0}""", await first.Content.ReadAsStringAsync());
        Assert.Equal("""{"rows":2,"added":0,"replaced":0,"unchanged":2}""", await again.Content.ReadAsStringAsync());
        var stored = await StoredAsync();
        Assert.Equal([(string.Empty, 82.5), (BotScenario.ServiceDeskTeam, 91.0)], stored.OrderBy(v => v.TeamId, StringComparer.Ordinal).Select(v => (v.TeamId, v.Value)));
        Assert.All(stored, v => Assert.Equal(KpiImporter.ImportedByApi, v.ImportedBy));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("fbk_not-the-key")]
    [InlineData("")]
    public async Task Post_WithoutACurrentKey_Is401_AndStoresNothing(string? presented)
    {
        await KeyFromChatAsync();

        using var response = await PostAsync(presented, Csv(TwoRows));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Post_WithARevokedOrReplacedKey_Is401()
    {
        var revoked = await KeyFromChatAsync();
        await Scenario.SayAsync(Person.Hassan, "kpis key revoke");
        using var afterRevoke = await PostAsync(revoked, Csv(TwoRows));
        var replaced = await KeyFromChatAsync();
        var current = await KeyFromChatAsync();

        using var afterReplace = await PostAsync(replaced, Csv(TwoRows));
        using var withCurrent = await PostAsync(current, Csv(TwoRows));

        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterReplace.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withCurrent.StatusCode);
    }

    [Fact]
    public async Task Post_WithAnotherTenantsKey_ImportsIntoThatTenantOnly_WhateverTheBodySays()
    {
        await KeyFromChatAsync();
        var otherKey = KpiApiKeys.Create();
        await Store.SetKeyAsync(new KpiApiKey { TenantId = OtherTenant, KeyHash = KpiApiKeys.Hash(otherKey), CreatedBy = "someone", CreatedAt = DateTimeOffset.UtcNow },
            CancellationToken.None);

        using var ours = await PostAsync(otherKey, Csv($"kpi,period,value\nNPS,{KpiPeriods.Format(LastQuarter)},31"));
        using var ourTeam = await PostAsync(otherKey, Csv(TwoRows));

        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        Assert.Equal(31, Assert.Single(await StoredAsync(OtherTenant)).Value);
        Assert.Empty(await StoredAsync());
        // Our team is not a team of the other tenant: its key cannot write figures for it.
        Assert.Equal(HttpStatusCode.BadRequest, ourTeam.StatusCode);
    }

    [Fact]
    public async Task Post_BadRows_Is400WithEachLine_AndStoresNothing()
    {
        var key = await KeyFromChatAsync();

        using var response = await PostAsync(key, Csv($"kpi,period,value\nCSAT,{KpiPeriods.Format(LastQuarter)},82\nNPS,{KpiPeriods.Format(LastQuarter)},-140\nCSAT,2026-13,80\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await JsonOf(response)).GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("message").GetString())).ToList();
        Assert.Equal([(3, "NPS -140: an NPS is from -100 to 100"), (4, "period '2026-13' is not a week (2026-W48), a month (2026-11) or a quarter (2026-Q4)")], problems);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Post_OverTheSizeLimit_Is413_WithOrWithoutALength()
    {
        var key = await KeyFromChatAsync();
        var big = TwoRows + new string('#', KpiCsvReader.MaxBytes);

        using var sized = await PostAsync(key, Csv(big));
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, KpiEndpoints.Path) { Content = chunked };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.TransferEncodingChunked = true;
        using var unsized = await Scenario.Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, sized.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, unsized.StatusCode);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Post_NotCsv_Is415()
    {
        var key = await KeyFromChatAsync();

        using var response = await PostAsync(key, new StringContent("{\"kpi\":\"CSAT\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(await StoredAsync());
    }
}
