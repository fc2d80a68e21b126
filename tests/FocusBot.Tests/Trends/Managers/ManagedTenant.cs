using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Roster;
using FocusBot.Pulses;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Trends.Managers;

/// <summary>
/// The test tenant split into two teams of three for a Manager's view: Service Desk (Hassan, Sam, Megan) and Leadership
/// (Ruth, Lee, Ada), plus an installed Empty Team nobody is in. Thresholds are lowered to fit (group 3, comments 3): the
/// rules are the same. Megan is made Manager of Service Desk by Ada (Admin) typing roles in her chat, so the grant goes
/// through POST /api/messages like every other step; a pulse is answered in its card by everyone and closed.
/// </summary>
public sealed class ManagedTenant : IAsyncDisposable
{
    public const string EmptyTeam = "19:team-empty@thread.tacv2";

    public static readonly IReadOnlyList<(Person Person, string Comment)> ServiceDeskComments =
    [
        (Person.Hassan, "Faster refunds please"),
        (Person.Sam, "Answer the phone within three rings"),
        (Person.Megan, "Fewer handoffs between teams"),
    ];

    public static readonly IReadOnlyList<(Person Person, string Comment)> LeadershipComments =
    [
        (Person.Ruth, "Publish our response times"),
        (Person.Lee, "Call back the same day"),
        (Person.Ada, "Train new starters on invoices"),
    ];

    private ManagedTenant(BotScenario scenario, ShiftableTimeProvider clock)
    {
        Scenario = scenario;
        Clock = clock;
    }

    public BotScenario Scenario { get; }

    /// <summary>The host's clock: moved a week on for the next pulse.</summary>
    public ShiftableTimeProvider Clock { get; }

    public static async Task<ManagedTenant> StartAsync(StorageKind storage, AzuriteFixture azurite, TimeSpan? clockOffset = null)
    {
        var clock = new ShiftableTimeProvider { Offset = clockOffset ?? TimeSpan.Zero };
        var scenario = await BotScenario.StartAsync(storage, azurite, new Dictionary<string, string?>
        {
            ["Privacy:MinimumGroupSize"] = "3",
            ["Privacy:MinimumCommentGroupSize"] = "3",
            // The pulse's own cards would land in the chats at a moment of their own; the answers are given in the card here.
            ["Delivery:RunInBackground"] = "false",
        }, configureServices: services => services.AddSingleton<TimeProvider>(clock));
        var tenant = new ManagedTenant(scenario, clock);
        try
        {
            scenario.Connector.AddConversation(EmptyTeam, BotScenario.TenantId);
            await scenario.InstallInTeamAsync(EmptyTeam, "Empty Team", EmptyTeam, "General");
            var roster = scenario.Get<IRosterStore>();
            await roster.ReplaceTeamRosterAsync(BotScenario.TenantId, BotScenario.ServiceDeskTeam, [.. ServiceDeskComments.Select(c => BotScenario.Member(BotScenario.ServiceDeskTeam)(c.Person))],
                CancellationToken.None);
            await roster.ReplaceTeamRosterAsync(BotScenario.TenantId, BotScenario.LeadershipTeam, [.. LeadershipComments.Select(c => BotScenario.Member(BotScenario.LeadershipTeam)(c.Person))],
                CancellationToken.None);

            await scenario.SayAsync(Person.Ada, "roles grant manager Megan Bowen " + BotScenario.ServiceDeskTeam);
            Assert.Contains("Megan Bowen now manages Service Desk", CardJson.AllText(scenario.LastCardTo(Person.Ada)), StringComparison.Ordinal);
            scenario.Connector.Reset();
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }

        return tenant;
    }

    /// <summary>
    /// Opens this week's pulse, everyone answers it in the card (choices spread over the scale, and their comment), and it
    /// closes; the next digest pass seals it.
    /// </summary>
    public async Task<Pulse> RunPulseAsync()
    {
        var pulse = (await Scenario.Get<PulseNow>().OpenAsync(BotScenario.TenantId, CancellationToken.None))!.Pulse;
        var questions = await Scenario.Get<PulseBank>().QuestionsOfAsync(pulse, CancellationToken.None);
        var everyone = ServiceDeskComments.Concat(LeadershipComments).ToList();
        for (var i = 0; i < everyone.Count; i++)
        {
            var data = new JsonObject { ["pulseId"] = pulse.Id };
            foreach (var question in questions)
            {
                data["q." + question.Id] = question.Kind == QuestionKind.FreeText
                    ? everyone[i].Comment
                    : AnswerScales.ChoicesFor(question)[(i + question.Id.Length) % AnswerScales.ChoicesFor(question).Count].Value;
            }

            var card = await Scenario.ExecuteForCardAsync(everyone[i].Person, PulseCard.AnswerVerb, data);
            Assert.Contains("Thank you, your answers are in", CardJson.AllText(card), StringComparison.Ordinal);
        }

        var pulses = Scenario.Get<IPulseStore>();
        var stored = (await pulses.GetAsync(pulse.Id, CancellationToken.None))!;
        return await pulses.UpdateAsync(stored with { Status = PulseStatus.Closed, ClosesAt = Clock.GetUtcNow() }, CancellationToken.None);
    }

    /// <summary>One pass of the digest service (seal, then send), as its background loop runs it.</summary>
    public Task<int> RunDigestsAsync() => Scenario.Get<TrendDigestService>().RunOnceAsync(CancellationToken.None);

    /// <summary>The person types; returns every activity FocusBot sent back to their chat for it.</summary>
    public async Task<IReadOnlyList<JsonElement>> SayAsync(Person person, string text)
    {
        var before = Scenario.SentTo(person.Chat).Count;
        await Scenario.SayAsync(person, text);
        return [.. Scenario.SentTo(person.Chat).Skip(before).Select(s => s.Activity)];
    }

    /// <summary>The one text message FocusBot answered with.</summary>
    public async Task<string> TextReplyAsync(Person person, string text)
    {
        var reply = Assert.Single(await SayAsync(person, text));
        Assert.False(CardJson.HasCard(reply), "expected a text reply, got a card: " + reply.GetRawText());
        return reply.GetProperty("text").GetString()!;
    }

    /// <summary>The one card FocusBot answered with.</summary>
    public async Task<JsonElement> CardReplyAsync(Person person, string text)
    {
        var reply = Assert.Single(await SayAsync(person, text));
        Assert.True(CardJson.HasCard(reply), "expected a card, got: " + reply.GetRawText());
        return CardJson.Of(reply);
    }

    /// <summary>The digest cards that reached the person's chat so far.</summary>
    public IReadOnlyList<JsonElement> DigestsTo(Person person) =>
        [.. Scenario.CardsIn(person.Chat).Where(c => CardJson.AllText(c).Contains(TrendDigest.Title, StringComparison.Ordinal))];

    public async ValueTask DisposeAsync() => await Scenario.DisposeAsync();
}
