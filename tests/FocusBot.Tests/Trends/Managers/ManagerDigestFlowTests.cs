using System.Text.Json;
using FocusBot.Domain.Roles;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Trends.Managers;

/// <summary>
/// The weekly digests through the digest service's pass, on SQLite and Azurite: two pulses a week apart (the host's clock
/// moved on between them). Megan, Manager of Service Desk, gets her team's card once per pulse and nothing of the
/// organisation or of Leadership; `digest off`, typed in her chat, stops it and `digest on` brings it back; HR and the
/// Executive get the organisation's.
/// </summary>
public abstract class ManagerDigestFlowTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private ManagedTenant _tenant = null!;

    public async ValueTask InitializeAsync() => _tenant = await ManagedTenant.StartAsync(storage, azurite, clockOffset: TimeSpan.FromDays(-7));

    public async ValueTask DisposeAsync() => await _tenant.DisposeAsync();

    private async Task NextWeekAsync()
    {
        _tenant.Clock.Offset += TimeSpan.FromDays(7);
        await _tenant.RunPulseAsync();
    }

    private static JsonElement IndexColumns(JsonElement card) =>
        card.GetProperty("body").EnumerateArray().First(e => e.GetProperty("type").GetString() == "ColumnSet");

    [Fact]
    public async Task Digest_AfterAPulse_GoesToTheManagerOnceWithTheirTeamsFiguresAlone()
    {
        await _tenant.RunPulseAsync();

        var sent = await _tenant.RunDigestsAsync();
        var again = await _tenant.RunDigestsAsync();

        var digest = Assert.Single(_tenant.DigestsTo(Person.Megan));
        var text = CardJson.AllText(digest);
        Assert.Contains(TrendDigest.Title + ": Service Desk, week of", text, StringComparison.Ordinal);
        Assert.Contains(TrendDigestSender.Footnote, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Organisation", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Leadership", text, StringComparison.Ordinal);
        var asHr = await _tenant.CardReplyAsync(Person.Hassan, "trends Service Desk");
        Assert.Equal(IndexColumns(asHr).GetRawText(), IndexColumns(digest).GetRawText());
        // The link in the digest opens Megan's team alone.
        var url = new Uri(digest.GetProperty("actions")[0].GetProperty("url").GetString()!);
        var html = await _tenant.Scenario.Host.Client.GetStringAsync(url.PathAndQuery);
        Assert.Contains(TrendCard.Title + ": Service Desk", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Leadership", html, StringComparison.Ordinal);
        // HR and the Executive get the organisation's digest, each once: three digests in all, none the second time.
        foreach (var leader in (Person[])[Person.Hassan, Person.Ruth])
        {
            var organisation = CardJson.AllText(Assert.Single(_tenant.DigestsTo(leader)));
            Assert.Contains(TrendDigest.Title + ": week of", organisation, StringComparison.Ordinal);
            Assert.Contains("By team", organisation, StringComparison.Ordinal);
            Assert.Contains("Leadership", organisation, StringComparison.Ordinal);
        }

        Assert.Empty(_tenant.DigestsTo(Person.Sam));
        Assert.Equal(3, sent);
        Assert.Equal(0, again);
    }

    [Fact]
    public async Task Digest_PassedByTwoInstancesAtOnceAndAThirdLater_GoesToTheManagerOnce()
    {
        await _tenant.RunPulseAsync();
        // Each service is an instance of its own (its own lease holder id) over the one store, as in a scaled-out or
        // restarted deployment: the tenant's trends lease lets one send at a time, the grant's mark stops the rest.
        var services = _tenant.Scenario.Host.Services;
        var first = ActivatorUtilities.CreateInstance<TrendDigestService>(services);
        var second = ActivatorUtilities.CreateInstance<TrendDigestService>(services);

        var together = await Task.WhenAll(first.RunOnceAsync(CancellationToken.None), second.RunOnceAsync(CancellationToken.None));
        var later = await ActivatorUtilities.CreateInstance<TrendDigestService>(services).RunOnceAsync(CancellationToken.None);

        Assert.Single(_tenant.DigestsTo(Person.Megan));
        Assert.Single(_tenant.DigestsTo(Person.Hassan));
        Assert.Equal(3, together.Sum() + later);
    }

    [Fact]
    public async Task Digest_ForTheNextPulse_ComesAgain_AndIsRememberedPerGrant()
    {
        await _tenant.RunPulseAsync();
        await _tenant.RunDigestsAsync();

        await NextWeekAsync();
        await _tenant.RunDigestsAsync();

        var digests = _tenant.DigestsTo(Person.Megan);
        Assert.Equal(2, digests.Count);
        Assert.NotEqual(CardJson.AllText(digests[0]).Split('\n')[0], CardJson.AllText(digests[1]).Split('\n')[0]); // two different weeks
        var grant = Assert.Single(await _tenant.Scenario.Get<IRoleStore>().ListForPersonAsync(BotScenario.TenantId, Person.Megan.AadObjectId, CancellationToken.None));
        Assert.NotNull(grant.DigestPulseId);
    }

    [Fact]
    public async Task DigestOff_TypedByTheManager_StopsTheirDigest_AndDigestOnBringsItBack()
    {
        await _tenant.RunPulseAsync();
        await _tenant.RunDigestsAsync();
        Assert.Single(_tenant.DigestsTo(Person.Megan));

        var off = await _tenant.TextReplyAsync(Person.Megan, "digest off");
        await NextWeekAsync();
        var sentWhileOff = await _tenant.RunDigestsAsync();

        Assert.Equal("Your weekly digest is off: FocusBot will not send you the digest of Service Desk. Type digest on to get it again.", off);
        Assert.True(await _tenant.Scenario.Get<global::FocusBot.Domain.Settings.ISettingsStore>().IsDigestOffAsync(BotScenario.TenantId, Person.Megan.AadObjectId, CancellationToken.None));
        // The pass ran (HR and the Executive got the week's organisation digest); Megan got nothing.
        Assert.Equal(2, sentWhileOff);
        Assert.Equal(2, _tenant.DigestsTo(Person.Hassan).Count);
        Assert.Single(_tenant.DigestsTo(Person.Megan));
        Assert.Equal("Your weekly digest is off: FocusBot will not send you the digest of Service Desk. Type digest on to get it again.",
            await _tenant.TextReplyAsync(Person.Megan, "digest"));

        var on = await _tenant.TextReplyAsync(Person.Megan, "digest on");
        var sentWhenOn = await _tenant.RunDigestsAsync();

        Assert.Equal("Your weekly digest is on: after each pulse you get the digest of Service Desk. Type digest off to stop it.", on);
        Assert.Equal(1, sentWhenOn);
        Assert.Equal(2, _tenant.DigestsTo(Person.Megan).Count);
        Assert.Equal(0, await _tenant.RunDigestsAsync());
    }

    [Fact]
    public async Task DigestOff_TypedByAnExecutive_StopsTheOrganisationDigestForThemOnly()
    {
        Assert.StartsWith("Your weekly digest is off", await _tenant.TextReplyAsync(Person.Ruth, "digest off"), StringComparison.Ordinal);
        await _tenant.RunPulseAsync();

        Assert.Equal(2, await _tenant.RunDigestsAsync());

        Assert.Empty(_tenant.DigestsTo(Person.Ruth));
        Assert.Single(_tenant.DigestsTo(Person.Hassan));
        Assert.Single(_tenant.DigestsTo(Person.Megan));
    }

    [Theory]
    [InlineData("digest maybe")]
    [InlineData("digest off please")]
    public async Task Digest_WithAnUnknownWord_SaysWhatItUnderstands_AndChangesNothing(string typed)
    {
        Assert.Equal(DigestCommand.Usage, await _tenant.TextReplyAsync(Person.Megan, typed));

        Assert.False(await _tenant.Scenario.Get<global::FocusBot.Domain.Settings.ISettingsStore>().IsDigestOffAsync(BotScenario.TenantId, Person.Megan.AadObjectId, CancellationToken.None));
    }

    [Fact]
    public async Task Digest_ForAManagerGrantedAfterThePulseClosed_WaitsForTheNextPulse()
    {
        await _tenant.RunPulseAsync();
        await _tenant.SayAsync(Person.Ada, "roles grant manager Sam Carter " + BotScenario.ServiceDeskTeam);

        await _tenant.RunDigestsAsync();
        Assert.Empty(_tenant.DigestsTo(Person.Sam));
        await NextWeekAsync();
        await _tenant.RunDigestsAsync();

        Assert.Contains(TrendDigest.Title + ": Service Desk", CardJson.AllText(Assert.Single(_tenant.DigestsTo(Person.Sam))), StringComparison.Ordinal);
    }
}

public sealed class SqliteManagerDigestFlowTests(AzuriteFixture azurite) : ManagerDigestFlowTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteManagerDigestFlowTests(AzuriteFixture azurite) : ManagerDigestFlowTests(StorageKind.Azurite, azurite);
