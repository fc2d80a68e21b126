using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FocusBot.EndToEnd.Playground;

/// <summary>
/// Filling in a card's form as Microsoft's renderer shows it in the Playground: inputs found by their labels, compact
/// choice sets and the people picker as the Fluent controls it draws for them.
/// </summary>
internal static class CardForm
{
    /// <summary>The input a card label names (the renderer ties them with label for=).</summary>
    public static async Task<ILocator> InputAsync(ILocator form, string label)
    {
        var labels = form.Locator("label.ac-richTextBlock").Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(label) + "\\s*\\*?\\s*$") });
        var id = await labels.First.GetAttributeAsync("for") ?? throw new InvalidOperationException($"The label \"{label}\" names no input.");
        return form.Locator($"[id='{id}']");
    }

    public static async Task FillAsync(ILocator form, string label, string text) => await (await InputAsync(form, label)).FillAsync(text);

    /// <summary>A compact choice set: a Fluent combo box whose options open in a list beside the card.</summary>
    public static async Task ChooseAsync(IPage page, ILocator form, string label, string option)
    {
        await (await InputAsync(form, label)).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    /// <summary>
    /// A compact multi-select choice set: a Fluent combo box whose options are menu item check boxes; each is ticked in
    /// turn, then the list is closed so it covers nothing below.
    /// </summary>
    public static async Task ChooseManyAsync(IPage page, ILocator form, string label, params string[] options)
    {
        await (await InputAsync(form, label)).ClickAsync();
        foreach (var option in options)
        {
            var item = page.GetByRole(AriaRole.Menuitemcheckbox, new() { Name = option, Exact = true });
            await item.ClickAsync();
            await Assertions.Expect(item).ToHaveAttributeAsync("aria-checked", "true");
        }

        await page.Keyboard.PressAsync("Escape");
    }

    /// <summary>The people picker (Data.Query over the directory), which searches as you type, as in Teams.</summary>
    public static async Task ChoosePersonAsync(IPage page, ILocator form, string typed, string name)
    {
        var picker = form.Locator("input.ms-BasePicker-input");
        await picker.ClickAsync();
        await picker.PressSequentiallyAsync(typed);
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = name }).First.ClickAsync();
    }
}
