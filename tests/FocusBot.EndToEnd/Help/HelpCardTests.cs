using FocusBot.Commands;
using FocusBot.EndToEnd.Playground;
using FocusBot.Help;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FocusBot.EndToEnd.Help;

public sealed class HelpCardTests(PlaygroundFixture playground) : PlaygroundTest(playground)
{
    [Fact]
    public async Task Help_TypedInPersonalChat_RendersHelpCardListingCommands()
    {
        // Opening the personal chat is an install: FocusBot says hello first.
        await Playground.WaitForCardAsync(WelcomeCard.Title);

        await Playground.SendMessageAsync("help");

        var card = await Playground.WaitForCardAsync(HelpCard.Title);
        await Expect(card.Locator(".ac-textBlock").First).ToHaveTextAsync(HelpCard.Title);
        // Exact matches: "help" alone would also be found inside the title's "helps".
        foreach (var command in CommandCatalog.All.Where(c => c.Scopes.HasFlag(BotCommandScope.Personal)))
        {
            await Expect(card.GetByText(command.Name, new() { Exact = true })).ToBeVisibleAsync();
            await Expect(card.GetByText(command.Description, new() { Exact = true })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task ShowCommands_OnWelcomeCard_RefreshesThatCardWithHelp()
    {
        var welcome = await Playground.WaitForCardAsync(WelcomeCard.Title);

        await welcome.GetByRole(AriaRole.Button, new() { Name = "Show commands" }).ClickAsync();

        // Action.Execute is answered in place: the welcome message itself now shows help, and no help card is posted
        // beside it. (Counting welcome cards would race: the Playground can replay an earlier install's welcome.)
        await Expect(welcome).ToContainTextAsync(HelpCard.Title);
        await Expect(welcome).Not.ToContainTextAsync(WelcomeCard.Title);
        await Expect(Playground.Cards.Filter(new() { HasText = HelpCard.Title })).ToHaveCountAsync(1);
    }
}
