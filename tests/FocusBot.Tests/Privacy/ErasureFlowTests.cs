using System.Text.Json.Nodes;
using FocusBot.Commands;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Roster;
using FocusBot.Privacy;
using FocusBot.Roles;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Privacy;

/// <summary>
/// An Admin erases a person's data on request, end to end through POST /api/messages, on SQLite and on Azurite. Megan
/// Bowen has data of every kind, made the way she would make it: a Got it, applause, a recognition of her, a Voice
/// suggestion, a pause, deliveries of every kind, a pulse answer, a role, the Manager role for a team and her weekly
/// digest turned off.
/// </summary>
public abstract class ErasureFlowTests(StorageKind storage, AzuriteFixture azurite) : ErasureScenario(storage, azurite)
{

    [Fact]
    public async Task Erase_ByName_ShowsCountsOnly_ErasesEverythingOnConfirm_AndLogsNoPersonalData()
    {
        var (insight, ofMegan, ofSam) = await GiveMeganDataEverywhereAsync();

        await Scenario.SayAsync(Person.Ada, "erase Megan Bowen");

        var confirm = await Scenario.WaitForCardAsync(Person.Ada.Chat, "Erase Megan Bowen's data?");
        var text = CardJson.AllText(confirm);
        foreach (var fact in new[]
        {
            "Personal chat reference: 1", "Team roster entries: 1", "Delivery records (pulses, insights, recognitions): 3", "Answers and Voice suggestions: 2",
            "Knowledge checks kept for them to review: 1",
            "\"Got it\" on insights (counts drop): 1", "Applause given (counts drop): 1", "Recognitions of them, with their posts: 1",
            "Recognitions they gave a colleague, with their posts: 1", "Role grants (a Manager: one per team): 2", "Pause setting: 1", "Weekly digest turned off: 1",
        })
            Assert.Contains(fact, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Call customers back", text, StringComparison.Ordinal); // counts, never content
        Assert.Equal(MegansRows, (await CountMegansAsync()).Total); // nothing erased before the Admin confirms
        Logs.Clear();

        var done = await Scenario.ExecuteForCardAsync(Person.Ada, EraseCommand.ConfirmVerb, ButtonData(confirm, EraseCommand.ConfirmVerb));

        var doneText = CardJson.AllText(done);
        Assert.Contains($"Removed {MegansRows} stored item(s) that identified Megan Bowen", doneText, StringComparison.Ordinal);
        Assert.Contains("2 recognition post(s) deleted from their team channels.", doneText, StringComparison.Ordinal);
        await AssertMeganErasedAsync(insight, ofMegan, ofSam);

        Assert.Contains(Logs.Entries, e => e.Line == $"Erasure done: {MegansRows} rows removed, 2 channel post(s) deleted");
        Assert.All(Logs.Entries, e =>
        {
            Assert.DoesNotContain(Person.Megan.Name, e.Line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Person.Megan.UserId, e.Line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Person.Megan.AadObjectId, e.Line, StringComparison.OrdinalIgnoreCase);
        });

        // A second press (a replay, or a double click) is harmless and says so.
        var again = await Scenario.ExecuteForCardAsync(Person.Ada, EraseCommand.ConfirmVerb, ButtonData(confirm, EraseCommand.ConfirmVerb));
        Assert.Contains("Nothing was left to erase for Megan Bowen", CardJson.AllText(again), StringComparison.Ordinal);
        Assert.NotNull(await Scenario.Get<IRecognitionStore>().GetAsync(ofSam.Id, None));
    }

    [Fact]
    public async Task Erase_AmbiguousName_ListsTheCandidatesAndErasesNothing_UntilOneIsChosenAndConfirmed()
    {
        await Scenario.Get<IRosterStore>().ReplaceTeamRosterAsync(BotScenario.TenantId, BotScenario.LeadershipTeam,
        [
            Member(Person.Ruth, BotScenario.LeadershipTeam),
            new TeamMember { TenantId = BotScenario.TenantId, TeamId = BotScenario.LeadershipTeam, UserId = "29:1megan-rowe", AadObjectId = "2b7d9c1e-5a3f-4e8b-9d6c-0f1e2a3b4c09", Name = "Megan Rowe" },
        ], None);
        var before = await CountMegansAsync();

        await Scenario.SayAsync(Person.Ada, "erase megan");

        var candidates = Scenario.LastCardTo(Person.Ada);
        var text = CardJson.AllText(candidates);
        Assert.Contains(ErasureCard.CandidatesTitle, text, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen", text, StringComparison.Ordinal);
        Assert.Contains("Megan Rowe", text, StringComparison.Ordinal);
        Assert.Contains(ErasureCard.NothingErased, text, StringComparison.Ordinal);
        Assert.Equal([EraseCommand.ChooseVerb, EraseCommand.ChooseVerb], CardJson.Verbs(candidates));
        Assert.Equal(before, await CountMegansAsync());

        var chooseBowen = CardJson.ExecuteActions(candidates).Select(a => JsonObject.Create(a.GetProperty("data"))!)
            .Single(d => d[ErasureTarget.AadObjectIdKey]!.GetValue<string>() == Person.Megan.AadObjectId);
        var confirm = await Scenario.ExecuteForCardAsync(Person.Ada, EraseCommand.ChooseVerb, chooseBowen);

        Assert.Contains("Erase Megan Bowen's data?", CardJson.AllText(confirm), StringComparison.Ordinal);
        Assert.Equal(before, await CountMegansAsync());
        await Scenario.ExecuteForCardAsync(Person.Ada, EraseCommand.ConfirmVerb, ButtonData(confirm, EraseCommand.ConfirmVerb));
        Assert.Equal(0, (await CountMegansAsync()).Total);
        Assert.NotNull(await Scenario.Get<IRosterStore>().FindByAadObjectIdAsync(BotScenario.TenantId, "2b7d9c1e-5a3f-4e8b-9d6c-0f1e2a3b4c09", None));
    }

    [Fact]
    public async Task Erase_ByEntraObjectIdAsTyped_ConfirmsForThatPerson_AndCancelErasesNothing()
    {
        await Scenario.SayAsync(Person.Ada, "erase " + Person.Megan.AadObjectId.ToUpperInvariant());

        var confirm = Scenario.LastCardTo(Person.Ada);
        Assert.Contains("Erase Megan Bowen's data?", CardJson.AllText(confirm), StringComparison.Ordinal);
        Assert.Contains("Entra object id " + Person.Megan.AadObjectId, CardJson.AllText(confirm), StringComparison.Ordinal);
        var before = await CountMegansAsync();
        Assert.True(before.Total > 0);

        var cancelled = await Scenario.ExecuteForCardAsync(Person.Ada, EraseCommand.CancelVerb, new JsonObject());

        Assert.Contains(ErasureCard.NothingErased, CardJson.AllText(cancelled), StringComparison.Ordinal);
        Assert.Equal(before, await CountMegansAsync());
    }

    [Theory]
    [InlineData("erase Nobody Here", "No one FocusBot knows is called \"Nobody Here\"")]
    [InlineData("erase", "Say whose data to erase")]
    public async Task Erase_NoOneFits_SaysSoAndErasesNothing(string typed, string expected)
    {
        var before = await CountMegansAsync();

        await Scenario.SayAsync(Person.Ada, typed);

        var reply = Assert.Single(Scenario.SentTo(Person.Ada.Chat));
        Assert.Contains(expected, reply.Activity.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountMegansAsync());
    }

    [Theory]
    [InlineData("Staff")]
    [InlineData("Executive")]
    [InlineData("HR")]
    public async Task EraseButton_PressedByNonAdmin_IsRefusedWithTheRoleNeeded_AndErasesNothing(string role)
    {
        var person = PersonWithRole(role);
        await Scenario.SayAsync(Person.Ada, "erase Megan Bowen");
        var data = ButtonData(Scenario.LastCardTo(Person.Ada), EraseCommand.ConfirmVerb);
        var before = await CountMegansAsync();

        var card = await Scenario.ExecuteForCardAsync(person, EraseCommand.ConfirmVerb, data);

        Assert.Equal(RefusalCard.Create(CommandCatalog.Erase).ToJsonElement().GetRawText(), card.GetRawText());
        Assert.Equal(before, await CountMegansAsync());
    }

    private static Person PersonWithRole(string role) => role switch
    {
        "Executive" => Person.Ruth,
        "HR" => Person.Hassan,
        _ => Person.Sam,
    };
}

public sealed class SqliteErasureFlowTests(AzuriteFixture azurite) : ErasureFlowTests(StorageKind.Sqlite, azurite);

public sealed class AzuriteErasureFlowTests(AzuriteFixture azurite) : ErasureFlowTests(StorageKind.Azurite, azurite);
