using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.Actions;
using FocusBot.ConnectorSimulator.Roster;
using FocusBot.Domain.Actions;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Privacy;
using FocusBot.PulseResults;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using static FocusBot.Tests.PulseResults.ResultsWorld;

namespace FocusBot.Tests.PulseResults;

/// <summary>
/// Results back to staff, end to end on SQLite and on Azurite: real pulses sent, answered in the card and closed as the
/// clock moves; the trends pass seals the week and queues the results; the proactive sender delivers one card to each
/// person the pulse reached, with the organisation's figures and their change, their team's figures or one line saying
/// there were too few answers, the week's themes and the actions.
/// </summary>
public abstract class ResultsFlowTests(StorageKind storage, AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ActionChange = "Refund small orders the same day";

    /// <summary>
    /// Week one: one person in nine gets the quiz right, three do the behaviour at least 2-3 times, six are favourable;
    /// Service (five who answer) 1, 1 and 5 of 5. Nobody comments.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, WeekAnswers> WeekOne = new Dictionary<string, WeekAnswers>
    {
        [Hana] = new("0", "2", "5"),
        [Sol] = new("1", "0", "5"),
        [Sid] = new("1", "0", "5"),
        [Sue] = new("1", "0", "4"),
        [Sven] = new("1", "0", "4"),
        [Tom] = new("1", "3", "1"),
        [Tia] = new("1", "0", "1"),
        [Pia] = new("1", "0", "5"),
        [Pete] = new("1", "2", "1"),
    };

    /// <summary>
    /// Week two: everyone gets the quiz right, five do the behaviour, the same six are favourable; Service 5, 3 and 5 of 5;
    /// Tiny (Tom and Tia) 2, 1 and 0 of 2. Five people comment, four of them about faster refunds.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, WeekAnswers> WeekTwo = new Dictionary<string, WeekAnswers>
    {
        [Hana] = new("0", "2", "5", "Faster refunds for small orders"),
        [Sol] = new("0", "2", "5", "faster refunds please"),
        [Sid] = new("0", "2", "5", "We need faster refunds"),
        [Sue] = new("0", "0", "4"),
        [Sven] = new("0", "0", "4"),
        [Tom] = new("0", "3", "1", "Faster refunds and clearer invoices"),
        [Tia] = new("0", "0", "1"),
        [Pia] = new("0", "2", "5", "Clearer invoices"),
        [Pete] = new("0", "0", "1"),
    };

    private static readonly string[] WeekTwoOrganisation =
    [
        "Knowledge", "% correct · n 9", "100%", "▲ up 89 pts vs the week before",
        "Behaviour", "% at least 2-3 times a week · n 9", "56%", "● +22 pts vs the week before: not a clear change with 9 people",
        "Attitude", "% favourable · n 9", "67%", "● 0 pts vs the week before: little change (under 5 pts)",
    ];

    private static readonly string[] WeekTwoService =
    [
        "Knowledge", "% correct · n 5", "100%", "▲ up 80 pts vs the week before",
        "Behaviour", "% at least 2-3 times a week · n 5", "60%", "● +40 pts vs the week before: not a clear change with 5 people",
        "Attitude", "% favourable · n 5", "100%", "● 0 pts vs the week before: little change (under 5 pts)",
    ];

    private ResultsWorld? _world;

    private ResultsWorld World => _world ?? throw new InvalidOperationException("Start the world first.");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_world is not null)
            await _world.DisposeAsync();
    }

    private async Task StartAsync(IDictionary<string, string?>? settings = null) => _world = await ResultsWorld.StartAsync(StorageSettings.For(storage, azurite), settings);

    [Fact]
    public async Task SealedWeek_EveryoneThePulseReached_GetsOneResultsCard_WithFiguresChangesTeamThemesAndActions()
    {
        await StartAsync();
        await World.RunPulseAsync(0, WeekOne);
        await World.SealAsync();
        await World.SendAsync();
        foreach (var user in Everyone)
        {
            var first = Assert.Single(World.ResultsCardsTo(user));
            var lines = ShownText.LinesOf(first);
            Assert.Equal("Results of the pulse, week of 30 Nov 2026", lines[1]);
            Assert.Contains("no comparison: no results in the 12 weeks before", Section(lines, "Organisation"));
            Assert.Equal(["Themes appear once at least 4 people have commented in a week."], Section(lines, ResultsCard.ThemesHeading));
            Assert.StartsWith("No actions yet.", Assert.Single(Section(lines, ResultsCard.ActionsHeading)), StringComparison.Ordinal);
        }

        await RecordActionAsync();
        await World.RunPulseAsync(1, WeekTwo);
        await World.SealAsync();
        await World.SendAsync();

        foreach (var user in Everyone)
        {
            var cards = World.ResultsCardsTo(user);
            Assert.Equal(2, cards.Count);
            var lines = ShownText.LinesOf(cards[1]);
            Assert.Equal("Results of the pulse, week of 7 Dec 2026", lines[1]);
            Assert.Equal(WeekTwoOrganisation, Section(lines, "Organisation"));
            var team = lines.Where(l => l.StartsWith("Your team: ", StringComparison.Ordinal)).ToList();
            if (ServiceMembers.Contains(user))
            {
                Assert.Equal(["Your team: Service"], team);
                Assert.Equal(WeekTwoService, Section(lines, "Your team: Service"));
            }
            else if (user is Tom or Tia)
            {
                Assert.Equal([ResultsCard.TeamHidden("Tiny")], Section(lines, "Your team: Tiny"));
            }
            else if (user == Quinn)
            {
                Assert.Equal([ResultsCard.TeamHidden("Quiet")], Section(lines, "Your team: Quiet"));
            }
            else
            {
                Assert.Empty(team);
            }

            Assert.Equal(["“faster refunds” · 4 comments"], Section(lines, ResultsCard.ThemesHeading).SkipLast(1));
            Assert.Equal(["We will: " + ActionChange, "In progress · due 29 January 2027 · From HR"], Section(lines, ResultsCard.ActionsHeading));
            Assert.Equal([ActionCommand.PageVerb], CardJson.Verbs(cards[1]));
            Assert.Equal(user == Hana, Links(cards[1]).Any());
        }

        var summaries = Everyone.Select(u => World.ResultsTo(u)[1].Activity.GetProperty("summary").GetString()).Distinct();
        Assert.Equal(["Pulse results: week of 7 Dec 2026"], summaries);
        // Hana holds HR: her card opens the full report, as her digest does.
        var report = await World.Host.Client.GetAsync(new Uri(Assert.Single(Links(World.ResultsCardsTo(Hana)[1]))).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        // Every change reads as on HR's trends card.
        World.Connector.Reset();
        await World.SayAsync(Hana, "trends");
        var trends = CardJson.AllText(CardJson.Of(World.SentTo(Hana).Single(s => CardJson.HasCard(s.Activity))));
        foreach (var change in WeekTwoOrganisation.Where(line => line.StartsWith('▲') || line.StartsWith('●')))
            Assert.Contains(change, trends, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmallTeam_ItsFiguresNeverAppear_AndItsLineReadsTheSameAsATeamWhereNobodyAnswered()
    {
        await StartAsync();
        await World.RunPulseAsync(0, WeekTwo);
        await World.SealAsync();
        await World.SendAsync();

        var noTeam = ShownText.LinesOf(Assert.Single(World.ResultsCardsTo(Pia)));
        foreach (var user in (string[])[Tom, Tia])
        {
            var lines = ShownText.LinesOf(Assert.Single(World.ResultsCardsTo(user)));
            // Take the team's two lines away and the card is, line for line, that of someone in no team: nothing of Tiny's
            // answers (2 of 2 correct, 1 of 2, 0 of 2 favourable) is anywhere on it.
            Assert.Equal(["Your team: Tiny", ResultsCard.TeamHidden("Tiny")], lines.Except(noTeam));
            Assert.Equal(noTeam, lines.Where(l => l is not "Your team: Tiny" && l != ResultsCard.TeamHidden("Tiny")));
            Assert.DoesNotContain(lines, l => l is "0%" or "50%" || l.EndsWith("n 2", StringComparison.Ordinal));
        }

        // Quiet: one member, who did not answer. Its line reads as Tiny's: a count of none looks like a count of two.
        var quiet = ShownText.LinesOf(Assert.Single(World.ResultsCardsTo(Quinn))).Select(l => l.Replace("Quiet", "Tiny", StringComparison.Ordinal));
        Assert.Equal(ShownText.LinesOf(Assert.Single(World.ResultsCardsTo(Tom))), quiet);
    }

    [Fact]
    public async Task ResultsCardOff_NothingIsQueuedOrSent_WhileTheDigestStillGoes()
    {
        await StartAsync(new Dictionary<string, string?> { ["Pulse:ResultsCard:Enabled"] = "false" });
        var pulse = await World.RunPulseAsync(0, WeekTwo);

        Assert.Equal(1, await World.SealAsync()); // the week is sealed: Hana's digest went out
        await World.SendAsync();

        Assert.All(Everyone, user => Assert.Empty(World.ResultsCardsTo(user)));
        Assert.Empty(await World.Get<IDeliveryStore>().CountByStatusAsync(ResultsContent.LedgerOf(pulse.Id), CancellationToken.None));
        Assert.Null(await World.Get<LatestResults>().GetAsync(TeamsActivities.TenantId, CancellationToken.None));
    }

    [Fact]
    public async Task Restart_BeforeAndAfterSending_NobodyGetsTheCardTwice()
    {
        await StartAsync();
        var pulse = await World.RunPulseAsync(0, WeekTwo);
        await World.SealAsync();
        Assert.Equal(Everyone.Count, await PendingAsync(pulse));

        // Stopped with every card still waiting: the next FocusBot sends each once, and queues none again.
        await World.RestartAsync();
        await World.SealAsync();
        Assert.Equal(Everyone.Count, await PendingAsync(pulse));
        await World.SendAsync();
        Assert.All(Everyone, user => Assert.Single(World.ResultsCardsTo(user)));

        // Restarted again once they were all sent: the pass and the sender find nothing left to do.
        await World.RestartAsync();
        await World.SealAsync();
        Assert.Equal(0, await World.SendAsync());
        Assert.All(Everyone, user => Assert.Single(World.ResultsCardsTo(user)));
        var rows = await World.Get<IDeliveryStore>().CountByStatusAsync(ResultsContent.LedgerOf(pulse.Id), CancellationToken.None);
        Assert.Equal(Everyone.Count, rows[DeliveryStatus.Sent]);
    }

    [Fact]
    public async Task PersonWhoLeftTheirTeamOrWasErased_GetsNoResultsCard()
    {
        await StartAsync();
        var pulse = await World.RunPulseAsync(0, WeekTwo);
        // Tia leaves Tiny in Teams; the results pass reads the rosters again before it queues the cards.
        World.Connector.AddTeam(Tiny, [], [new SimulatedMember(Tom) { Name = "Tom", AadObjectId = TeamsActivities.AadOf(Tom) }]);
        await World.SealAsync();
        // Pete asks to be erased after the week is sealed (its figures stay as they are) and before his card goes.
        await World.SayAsync(Ada, "erase Pete");
        var confirm = CardJson.Of(World.SentTo(Ada).Last(s => CardJson.HasCard(s.Activity)));
        var erased = await World.PressAsync(Ada, EraseCommand.ConfirmVerb,
            JsonObject.Create(CardJson.ExecuteActions(confirm).Single(a => a.GetProperty("verb").GetString() == EraseCommand.ConfirmVerb).GetProperty("data"))!);
        // A slow erasure answers "taking a little longer" and reports in the chat when it is done.
        if (!CardJson.AllText(erased).Contains("Removed", StringComparison.Ordinal))
            await World.WaitForCardAsync(Ada, "Removed");

        await World.SendAsync();

        Assert.Empty(World.ResultsCardsTo(Tia));
        Assert.Empty(World.ResultsCardsTo(Pete));
        Assert.All(Everyone.Except([Tia, Pete]), user => Assert.Single(World.ResultsCardsTo(user)));
        Assert.Equal(["Your team: Tiny"], ShownText.LinesOf(World.ResultsCardsTo(Tom)[0]).Where(l => l.StartsWith("Your team:", StringComparison.Ordinal)));
        var rows = await World.Get<IDeliveryStore>().ListAsync(ResultsContent.LedgerOf(pulse.Id), null, CancellationToken.None).ToListAsync();
        Assert.DoesNotContain(rows, r => r.UserId == Pete);
        Assert.Equal(DeliveryStatus.Failed, rows.Single(r => r.UserId == Tia).Status);
    }

    private async Task<int> PendingAsync(Pulse pulse) =>
        (await World.Get<IDeliveryStore>().CountByStatusAsync(ResultsContent.LedgerOf(pulse.Id), CancellationToken.None)).GetValueOrDefault(DeliveryStatus.Pending);

    /// <summary>Hana records an action for everyone, in progress, through the action form.</summary>
    private async Task RecordActionAsync()
    {
        var confirmation = await World.PressAsync(Hana, ActionCommand.RecordVerb, new JsonObject
        {
            [ActionForm.ThemeId] = ActionForm.General,
            [ActionForm.ChangeId] = ActionChange,
            [ActionForm.OwnerId] = "Head of Service",
            [ActionForm.DueId] = "2027-01-29",
            [ActionForm.StatusId] = nameof(ActionStatus.InProgress),
            [ActionForm.ChannelId] = string.Empty,
            [ActionForm.AllStaffId] = "true",
        });
        Assert.Contains(ActionStatusCard.RecordedTitle, CardJson.AllText(confirmation), StringComparison.Ordinal);
    }

    /// <summary>The lines under <paramref name="heading"/>, up to the next heading or the legend.</summary>
    private static IReadOnlyList<string> Section(IReadOnlyList<string> lines, string heading)
    {
        var start = lines.ToList().IndexOf(heading);
        Assert.True(start >= 0, $"No \"{heading}\" on the card:\n{string.Join("\n", lines)}");
        return [.. lines.Skip(start + 1).TakeWhile(l => !IsHeading(l))];
    }

    private static bool IsHeading(string line) =>
        line is "Organisation" or ResultsCard.ThemesHeading or ResultsCard.ActionsHeading
        || line.StartsWith("Your team: ", StringComparison.Ordinal) || line.StartsWith("Each figure is compared", StringComparison.Ordinal);

    private static IEnumerable<string> Links(JsonElement card) =>
        card.TryGetProperty("actions", out var actions)
            ? actions.EnumerateArray().Where(a => a.GetProperty("type").GetString() == "Action.OpenUrl").Select(a => a.GetProperty("url").GetString()!)
            : [];
}

public sealed class ResultsFlowOnSqliteTests(AzuriteFixture azurite) : ResultsFlowTests(StorageKind.Sqlite, azurite);

public sealed class ResultsFlowOnAzuriteTests(AzuriteFixture azurite) : ResultsFlowTests(StorageKind.Azurite, azurite);
