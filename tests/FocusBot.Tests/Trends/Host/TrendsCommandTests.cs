using System.Text.Json;
using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Trends.Host;

public sealed class TrendsCommandTests(TrendsHostFixture fixture) : IClassFixture<TrendsHostFixture>
{
    private async Task<JsonElement> SendAsync(string user, string text)
    {
        fixture.Connector.Reset();
        fixture.Connector.AddConversation(TeamsActivities.ChatOf(user), HostTrendSeed.Tenant);
        await fixture.Host.PostActivityAsync(TeamsActivities.Message(fixture.Connector.BaseUrl, user, text));
        var sent = Assert.Single(await fixture.Connector.WaitForSentAsync(1, TimeSpan.FromSeconds(20)));
        return sent.Activity;
    }

    private static string CardText(JsonElement activity) => activity.GetProperty("attachments")[0].GetProperty("content").GetRawText();

    [Fact]
    public async Task Trends_FromHr_RepliesWithTheTrendCard()
    {
        var card = CardText(await SendAsync(HostTrendSeed.HrUser, "trends"));

        Assert.Contains("Customer focus trends: Organisation", card, StringComparison.Ordinal);
        Assert.Contains("Knowledge", card, StringComparison.Ordinal);
        Assert.Contains("Alpha", card, StringComparison.Ordinal);
        Assert.Contains("Tiny", card, StringComparison.Ordinal);
        Assert.Contains("/reports/trends?link=", card, StringComparison.Ordinal);
        Assert.Contains("/reports/trends.csv?link=", card, StringComparison.Ordinal);
        Assert.Contains("clearer invoices (", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_FromHr_ShowsKnowledgeOnTheFairScaleBesideRawWithTheMethod()
    {
        var card = CardText(await SendAsync(HostTrendSeed.HrUser, "trends"));

        Assert.Contains("Knowledge, fair scale", card, StringComparison.Ordinal);
        Assert.Matches(@"\d+% adjusted \S+ \d+% raw on 1 item", card);
        Assert.Contains(KnowledgeScale.Method, card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_OfAttitudeOrOfATeam_CarriesNoFairScale()
    {
        Assert.DoesNotContain("fair scale", CardText(await SendAsync(HostTrendSeed.HrUser, "trends attitude")), StringComparison.Ordinal);
        Assert.DoesNotContain("fair scale", CardText(await SendAsync(HostTrendSeed.HrUser, "trends alpha")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_FromStaff_IsRefused()
    {
        var card = CardText(await SendAsync(HostTrendSeed.StaffUser, "trends"));

        Assert.Contains("HR", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Customer focus trends", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_ForATeamAndADimension_ShowsThatTeamAgainstTheOrganisation()
    {
        var card = CardText(await SendAsync(HostTrendSeed.HrUser, "trends alpha attitude 8 weeks"));

        Assert.Contains("Customer focus trends: Alpha", card, StringComparison.Ordinal);
        Assert.Contains("8 weeks to", card, StringComparison.Ordinal);
        Assert.Contains("Attitude", card, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Knowledge\"", card, StringComparison.Ordinal);
        Assert.Contains("Compared with the organisation", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_ForTheTinyTeam_ShowsNoNumberOfIt()
    {
        var card = CardText(await SendAsync(HostTrendSeed.HrUser, "trends tiny"));

        using var json = JsonDocument.Parse(card);
        var columns = json.RootElement.GetProperty("body")[2].GetProperty("columns");
        foreach (var column in columns.EnumerateArray())
        {
            Assert.Equal("hidden", column.GetProperty("items")[1].GetProperty("text").GetString());
            Assert.Equal("n hidden", column.GetProperty("items")[4].GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task Trends_UnknownTeam_SaysWhichTeamsExist()
    {
        var reply = await SendAsync(HostTrendSeed.HrUser, "trends Zulu");

        Assert.Contains("no team called \"Zulu\"", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Alpha", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
