using FocusBot.EndToEnd.Pulses;
using FocusBot.Pulses;

namespace FocusBot.EndToEnd.Journeys;

/// <summary>`--pulse-now`: the first time the person opens the Playground's chat, the weekly pulse card is there too.</summary>
[Collection(DemoPlaygroundCollectionDefinition.Name)]
public sealed class PulseNowTests(DemoPlaygroundFixture demo)
{
    [Fact]
    public void PulseNow_ChatOpenedForTheFirstTime_ShowsThePulseCard()
    {
        Assert.True(demo.PulseCardOnFirstOpening is not null, demo.PulseNowProblem);
        Assert.Contains(PulseCardInPage.SubmitButton, demo.PulseCardOnFirstOpening, StringComparison.Ordinal);
        Assert.StartsWith(PulseCard.Title, demo.PulseCardOnFirstOpening.TrimStart(), StringComparison.Ordinal);
    }
}
