using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.Actions;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Proactive;
using FocusBot.PulseResults;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Authorization;

/// <summary>One FocusBot with three sealed weeks of figures, shared by the results card's matrix.</summary>
public sealed class ResultsCardFixture : IAsyncLifetime
{
    public BotScenario Scenario { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Scenario = await BotScenario.StartAsync(StorageKind.Sqlite, azurite: null);
        await TrendSeed.SeedAsync(Scenario, [SampleQuestions.Quiz, SampleQuestions.Frequency, SampleQuestions.Agreement, SampleQuestions.Voice],
            [BotScenario.ServiceDeskTeam], "Faster refunds please");
    }

    public async ValueTask DisposeAsync() => await Scenario.DisposeAsync();
}

/// <summary>
/// The results card as each role receives it (Staff, Executive, HR, Admin): every button on it is answered for that
/// person, and only HR's and Executives' cards carry the full report (the organisation's), which opens for them. Nobody
/// else gets anything more: a Manager reads their team's report through `trends`.
/// </summary>
public sealed class ResultsCardButtonsTests(ResultsCardFixture fixture) : IClassFixture<ResultsCardFixture>
{
    public static TheoryData<string> Roles() => [.. AuthorizationMatrixTests.PersonFor.Keys];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task ResultsCard_ForRole_OffersOnlyWhatTheRoleMayUse_AndEachButtonAnswers(string role)
    {
        var person = AuthorizationMatrixTests.PersonFor[role];
        var scenario = fixture.Scenario;

        var card = await ResultsCardForAsync(person);

        var links = Links(card);
        if (role is nameof(Domain.Roles.Role.HR) or nameof(Domain.Roles.Role.Executive))
        {
            var link = Assert.Single(links);
            Assert.Equal(ResultsCard.FullReport, link.Title);
            Assert.Equal(HttpStatusCode.OK, (await scenario.Host.Client.GetAsync(link.Url.PathAndQuery)).StatusCode);
        }
        else
        {
            Assert.Empty(links);
        }

        var buttons = CardJson.ExecuteActions(card);
        Assert.Equal([ActionCommand.PageVerb], buttons.Select(b => b.GetProperty("verb").GetString()));
        foreach (var button in buttons)
        {
            var answer = await scenario.ExecuteForCardAsync(person, button.GetProperty("verb").GetString()!, JsonObject.Create(button.GetProperty("data"))!);
            Assert.Contains(ActionListCard.Title, CardJson.AllText(answer), StringComparison.Ordinal);
        }
    }

    /// <summary>The card the sender would put in the person's chat for the latest sealed pulse.</summary>
    private async Task<JsonElement> ResultsCardForAsync(Person person)
    {
        var services = fixture.Scenario.Host.Services;
        var pulse = (await services.GetRequiredService<IPulseStore>().ListRecentAsync(1, CancellationToken.None))[0];
        var content = services.GetServices<IDeliveryContent>().OfType<ResultsContent>().Single();
        var activity = await content.CreateAsync(new Delivery
        {
            LedgerId = ResultsContent.LedgerOf(pulse.Id),
            RecipientKey = RecipientKeys.For(BotScenario.TenantId, person.UserId),
            TenantId = BotScenario.TenantId,
            UserId = person.UserId,
            Status = DeliveryStatus.Pending,
            SendAfter = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        Assert.NotNull(activity);
        return activity.Attachments![0].Content!.Value;
    }

    private static List<(string Title, Uri Url)> Links(JsonElement card) =>
        card.TryGetProperty("actions", out var actions)
            ? [.. actions.EnumerateArray().Where(a => a.GetProperty("type").GetString() == "Action.OpenUrl")
                .Select(a => (a.GetProperty("title").GetString()!, new Uri(a.GetProperty("url").GetString()!)))]
            : [];
}
