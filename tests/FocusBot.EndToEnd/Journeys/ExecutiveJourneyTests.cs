using FocusBot.EndToEnd.Playground;
using FocusBot.Recognitions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FocusBot.EndToEnd.Journeys;

/// <summary>
/// The executive's first ten minutes in the Agents Playground: Executive through `--seed-demo` alone, Alex recognises a
/// colleague in the recognition form, and the recognition appears in the team's channel, which Alex never had to open
/// before (FocusBot knows the Playground's team and its people from the start).
/// </summary>
[Collection(DemoPlaygroundCollectionDefinition.Name)]
public sealed class ExecutiveJourneyTests(DemoPlaygroundFixture demo) : IAsyncLifetime
{
    private IPage _page = null!;

    public async ValueTask InitializeAsync() => _page = await demo.OpenPersonalChatAsync(height: 1300);

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result is not TestResult.Passed)
        {
            await Chromium.ScreenshotAsync(_page, "executive-journey.failed");
            await demo.SaveDiagnosticsAsync("executive-journey");
        }

        await _page.CloseAsync();
    }

    [Fact]
    public async Task Executive_RecognisesAColleague_RecognitionIsPostedInTheTeamChannel()
    {
        var before = await _page.Locator(Chromium.TopLevelCards).CountAsync();
        await DemoPlaygroundFixture.SendAsync(_page, "recognize");
        var form = await Chromium.WaitForCardAsync(_page, RecognitionFormMode.Executive.Title, before);

        await CardForm.ChoosePersonAsync(_page, form, "Megan", "Megan Bowen");
        await CardForm.ChooseAsync(_page, form, "Customer-focus behaviour", "Going the extra mile");
        await CardForm.FillAsync(form, "The story: what did they do for a customer?", "Megan drove the replacement part to the customer herself.");
        await CardForm.ChooseAsync(_page, form, "Post in", "My Team › General");
        await form.GetByRole(AriaRole.Button, new() { Name = "Post recognition" }).ClickAsync();
        await Expect(form).ToContainTextAsync(RecognitionFormFlow.PostedTitle);

        await _page.GetByText("General", new() { Exact = true }).First.ClickAsync();
        var post = await Chromium.WaitForCardAsync(_page, "is recognised for", 0);
        await Expect(post).ToContainTextAsync("Megan Bowen is recognised for Going the extra mile");
        await post.ScrollIntoViewIfNeededAsync();
        await Chromium.ScreenshotAsync(_page, "executive-recognition");
    }
}
