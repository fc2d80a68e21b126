using FocusBot.EndToEnd.Playground;
using FocusBot.Insights;
using FocusBot.Recognitions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FocusBot.EndToEnd.Insights;

/// <summary>
/// An executive in the Agents Playground (Alex Wilber, made Executive with the roles command) fills in the insight and
/// recognition form cards as rendered by Microsoft's card renderer in Chromium, and the results appear in the team
/// channel and the personal chat. Typed markup must show as typed, never as formatting, links or mentions.
/// </summary>
[Collection(Name)]
public sealed class InsightAndRecognitionTests(InsightAndRecognitionFixture playground) : IAsyncLifetime
{
    public const string Name = "Agents Playground: insights and recognition";

    /// <summary>What a mischievous author might type: it must be shown literally.</summary>
    private const string Hostile = "**not bold** [not a link](https://evil.example) <at>Megan Bowen</at>";

    private IPage Page => playground.Page;

    private ILocator Cards => Page.Locator(Chromium.TopLevelCards);

    public async ValueTask InitializeAsync()
    {
        await Page.GotoAsync(playground.Playground.PageAddress.ToString(), new() { WaitUntil = WaitUntilState.Load, Timeout = (float)Waits.FirstPageLoad.TotalMilliseconds });
        await MessageBox.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)Waits.FirstPageLoad.TotalMilliseconds });
        await WaitForCardAsync("Welcome to FocusBot", 0);

        // Opening the team's General channel is how the Playground adds FocusBot to its team.
        await Page.GetByText("General", new() { Exact = true }).First.ClickAsync();
        await playground.Bot.WaitForOutputAsync(line => line.Contains("Installation remembered (Channel)", StringComparison.Ordinal), Waits.Max);
        await OpenPersonalChatAsync();

        // The first Admin (from configuration) makes themself an Executive, as an Admin would in Teams.
        var before = await Cards.CountAsync();
        await SendAsync("roles grant executive Alex Wilber");
        await WaitForCardAsync("the Executive role", before);
    }

    public async ValueTask DisposeAsync()
    {
        var name = TestContext.Current.TestMethod?.MethodName ?? nameof(InsightAndRecognitionTests);
        var failed = TestContext.Current.TestState?.Result is not TestResult.Passed;
        await ScreenshotAsync(failed ? name + ".failed" : name);
        if (failed)
            await playground.SaveDiagnosticsAsync(name);
    }

    [Fact]
    public async Task InsightForm_FilledInChromium_PostsToTheChannelAndStaff_ShowingTypedMarkupLiterally()
    {
        var before = await Cards.CountAsync();
        await SendAsync("insight");
        var form = await WaitForCardAsync(InsightFormCard.Title, before);

        await FillAsync(form, "Title", "Callbacks take too long");
        await FillAsync(form, "What the customer said, or what the data shows", Hostile);
        await ChooseAsync(form, "Source", "Customer quote");
        await CardForm.ChooseManyAsync(Page, form, "Post in team channels (optional)", "My Team › General");
        await form.GetByText("Everyone, in their personal chat with FocusBot").ClickAsync();
        await FillAsync(form, "Question", "How long do customers wait for a callback?");
        await FillAsync(form, "Answer 1", "Same day");
        await FillAsync(form, "Answer 2", "Two days");
        await ChooseAsync(form, "Correct answer", "Answer 2");
        await ScreenshotAsync("insight-form-filled");
        var cardsBeforePost = await Cards.CountAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Post insight" }).ClickAsync();

        // Action.Execute: the form itself turns into the confirmation.
        await Expect(form).ToContainTextAsync(InsightReachCard.PostedTitle);
        await Expect(form).ToContainTextAsync("Posted in My Team › General.");
        await ScreenshotAsync("insight-posted");

        // All staff includes the author: the insight arrives in this personal chat through the delivery ledger.
        var insight = await WaitForCardAsync("Callbacks take too long", cardsBeforePost);
        await AssertShownLiterallyAsync(insight);
        await insight.GetByRole(AriaRole.Button, new() { Name = "Got it" }).ClickAsync();
        await Expect(insight).ToContainTextAsync("Got it. Thank you for reading.");
        await ScreenshotAsync("insight-got-it");

        await OpenChannelAsync();
        var inChannel = await WaitForCardAsync("Callbacks take too long", 0);
        await AssertShownLiterallyAsync(inChannel);
        await ScreenshotAsync("insight-in-channel");
    }

    [Fact]
    public async Task RecognitionForm_FilledInChromium_PostsToTheChannelMentioningThePerson()
    {
        var before = await Cards.CountAsync();
        await SendAsync("recognize");
        var form = await WaitForCardAsync(RecognitionFormMode.Executive.Title, before);

        await ChoosePersonAsync(form, "Megan", "Megan Bowen");
        await ChooseAsync(form, "Customer-focus behaviour", "Going the extra mile");
        await FillAsync(form, "The story: what did they do for a customer?", "Megan drove the replacement part over herself. " + Hostile);
        await ChooseAsync(form, "Post in", "My Team › General");
        await ScreenshotAsync("recognition-form-filled");
        await form.GetByRole(AriaRole.Button, new() { Name = "Post recognition" }).ClickAsync();

        await Expect(form).ToContainTextAsync(RecognitionFormFlow.PostedTitle);
        await ScreenshotAsync("recognition-posted");

        await OpenChannelAsync();
        var post = await WaitForCardAsync("is recognised for", 0);
        await Expect(post).ToContainTextAsync("Megan Bowen is recognised for Going the extra mile");
        await AssertShownLiterallyAsync(post);
        await ScreenshotAsync("recognition-in-channel");
    }

    /// <summary>
    /// The hostile text is on screen character for character, and rendered as no bold, no link and no extra mention:
    /// the proof, in Microsoft's renderer with the Playground's markdown, that CardText neutralises typed markup.
    /// </summary>
    private static async Task AssertShownLiterallyAsync(ILocator card)
    {
        var block = card.Locator(".ac-textBlock", new() { HasText = "not a link" }).First;
        var shown = (await block.InnerTextAsync()).Replace("\u2060", string.Empty, StringComparison.Ordinal);
        Assert.Contains(Hostile, shown, StringComparison.Ordinal);
        Assert.Equal(0, await block.Locator("a, strong, b, em, img").CountAsync());
        Assert.Equal(0, await card.Locator("a[href*='evil.example']").CountAsync());
    }

    private static Task FillAsync(ILocator form, string label, string text) => CardForm.FillAsync(form, label, text);

    private Task ChooseAsync(ILocator form, string label, string option) => CardForm.ChooseAsync(Page, form, label, option);

    private Task ChoosePersonAsync(ILocator form, string typed, string name) => CardForm.ChoosePersonAsync(Page, form, typed, name);

    private ILocator MessageBox => Page.Locator("[data-lexical-editor=\"true\"]");

    private async Task SendAsync(string text)
    {
        await MessageBox.ClickAsync();
        await Page.Keyboard.TypeAsync(text);
        await Page.Keyboard.PressAsync("Enter");
    }

    private async Task OpenPersonalChatAsync()
    {
        await Page.GetByText("Personal Chat", new() { Exact = true }).First.ClickAsync();
        await MessageBox.WaitForAsync(new() { State = WaitForSelectorState.Visible });
    }

    private async Task OpenChannelAsync() => await Page.GetByText("General", new() { Exact = true }).First.ClickAsync();

    private Task<ILocator> WaitForCardAsync(string text, int after) => Chromium.WaitForCardAsync(Page, text, after);

    private Task<string> ScreenshotAsync(string name) => Chromium.ScreenshotAsync(Page, name);
}

/// <summary>One FocusBot, Playground and browser for the insight and recognition tests.</summary>
[CollectionDefinition(InsightAndRecognitionTests.Name)]
public sealed class InsightAndRecognitionCollectionDefinition : ICollectionFixture<InsightAndRecognitionFixture>;
