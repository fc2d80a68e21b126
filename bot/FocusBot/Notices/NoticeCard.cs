using FocusBot.Cards;
using FocusBot.Domain.Notices;

namespace FocusBot.Notices;

/// <summary>The message an Admin or HR person gets in their personal chat when something went wrong.</summary>
public static class NoticeCard
{
    public const string Title = "FocusBot needs your attention";

    public static AdaptiveCard Create(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new AdaptiveCard
        {
            FallbackText = Title,
            Body =
            [
                new TextBlock(Title) { Size = "Medium", Weight = "Bolder", Color = "Attention" },
                // Our own text, but it quotes week labels and counts: escaped like anything else that reaches a card.
                new TextBlock(CardText.Escape(notice.Text)),
                new TextBlock("You hear of each kind of problem at most once a day. Type status to see the recent ones, the current pulse and the store.")
                {
                    IsSubtle = true,
                    Spacing = "Medium",
                },
            ],
        };
    }
}
