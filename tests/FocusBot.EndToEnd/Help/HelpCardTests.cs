using FocusBot.Commands;
using FocusBot.EndToEnd.Playground;
using FocusBot.Help;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FocusBot.EndToEnd.Help;

public sealed class HelpCardTests(PlaygroundFixture playground) : PlaygroundTest(playground)
{
    [Fact]
    public async Task Help_TypedInPersonalChat_RendersTheCommandsOfStaffOnly()
    {
        // Opening the personal chat is an install: FocusBot says hello first.
        await Playground.WaitForCardAsync(WelcomeCard.Title);

        await Playground.SendMessageAsync("help");

        // The Playground's user holds no role: help shows Staff's commands as they are typed, and no other role's.
        var card = await Playground.WaitForCardAsync(HelpCard.Title);
        await Expect(card.Locator(".ac-textBlock").First).ToHaveTextAsync(HelpCard.Title);
        await Expect(card).ToContainTextAsync("Your role: Staff.");
        // Exact matches: "help" alone would also be found inside the title's "helps".
        foreach (var command in CommandCatalog.All.Where(c => c.Scopes.HasFlag(BotCommandScope.Personal)))
        {
            var description = card.GetByText(command.Description, new() { Exact = true });
            if (command.AllowedRoles.Count > 0)
            {
                await Expect(description).ToHaveCountAsync(0);
                continue;
            }

            await Expect(description).ToBeVisibleAsync();
            // The bare form: a form with <...> renders with an invisible word joiner after the "<" (CardText.Escape).
            await Expect(card.GetByText(command.Usage.Forms[0], new() { Exact = true })).ToBeVisibleAsync();
        }

        await Expect(card).ToContainTextAsync("Other commands exist for the Admin, Executive, HR and Manager roles.");
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
