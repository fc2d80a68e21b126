using FocusBot.Privacy;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Privacy;

/// <summary>When the erasure takes longer than Teams waits for the button, the Admin hears so at once and gets the outcome after.</summary>
public abstract class SlowErasureFlowTests(StorageKind storage, AzuriteFixture azurite) : ErasureScenario(storage, azurite)
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton(new ErasureReply { Within = TimeSpan.Zero });
    }

    [Fact]
    public async Task EraseButton_ErasureOutlastsTheReplyBudget_AnswersInProgressThenPostsTheOutcome()
    {
        await GiveMeganDataEverywhereAsync();
        await Scenario.SayAsync(Person.Ada, "erase Megan Bowen");

        var answer = await Scenario.ExecuteForCardAsync(Person.Ada, EraseCommand.ConfirmVerb, ButtonData(Scenario.LastCardTo(Person.Ada), EraseCommand.ConfirmVerb));

        Assert.Contains("Erasing Megan Bowen's data…", CardJson.AllText(answer), StringComparison.Ordinal);
        var outcome = await Scenario.WaitForCardAsync(Person.Ada.Chat, ErasureCard.DoneTitle);
        Assert.Contains($"Removed {MegansRows} stored item(s)", CardJson.AllText(outcome), StringComparison.Ordinal);
        Assert.Equal(0, (await CountMegansAsync()).Total);
    }
}

public sealed class SqliteSlowErasureFlowTests(AzuriteFixture azurite) : SlowErasureFlowTests(StorageKind.Sqlite, azurite);
