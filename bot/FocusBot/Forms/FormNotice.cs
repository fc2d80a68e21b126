using FocusBot.Cards;

namespace FocusBot.Forms;

/// <summary>The blocks forms show above their fields: what to fix, or what just happened.</summary>
public static class FormNotice
{
    /// <summary>Every problem of a refused submission, so the person fixes them all at once; nothing was stored.</summary>
    public static Container Problems(IReadOnlyList<string> problems) => new(
    [
        new TextBlock("Nothing was posted yet. Please fix this:") { Weight = "Bolder", Color = "Attention" },
        .. problems.Select(p => new TextBlock("• " + CardText.Markdown(p, 400)) { Spacing = "Small" }),
    ])
    {
        Style = "attention",
    };

    public static Container Done(string message) => new([new TextBlock("✓ " + CardText.Markdown(message, 400)) { Weight = "Bolder", Color = "Good" }])
    {
        Style = "good",
    };
}
