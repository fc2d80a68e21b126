using Microsoft.Playwright;

namespace FocusBot.EndToEnd.Playground;

/// <summary>What a person does in the Agents Playground's chat page: load it, and type a message.</summary>
internal static class PlaygroundPage
{
    /// <summary>The chat's message box (a Lexical editor).</summary>
    public static ILocator MessageBox(IPage page) => page.Locator("[data-lexical-editor=\"true\"]");

    /// <summary>
    /// Loads the page at <paramref name="address"/> and waits until its chat can be typed in. Loading opens the personal
    /// chat, which installs FocusBot there (and the Playground forgets the chat it had before).
    /// </summary>
    public static async Task LoadAsync(IPage page, Uri address, TimeSpan timeout)
    {
        // Navigation returns once the page is served; the wait that counts is for the chat to be usable.
        await page.GotoAsync(address.ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await MessageBox(page).WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)timeout.TotalMilliseconds });
    }

    /// <summary>Types <paramref name="text"/> in the chat and sends it with Enter, as a person would.</summary>
    public static async Task SendAsync(IPage page, string text)
    {
        await MessageBox(page).ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
    }
}
