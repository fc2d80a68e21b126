using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Domain.Actions;

namespace FocusBot.Actions;

/// <summary>`actions`: what follows from what staff said, newest first, a page at a time; readable by everyone.</summary>
public static class ActionListCard
{
    public const string Title = "You said, we did: actions";

    /// <summary>Actions per page: each can be 300 characters of change and 80 of owner, well inside 28 KB.</summary>
    public const int PageSize = 5;

    /// <param name="page">Up to <see cref="PageSize"/> actions.</param>
    /// <param name="hasMore">Older actions follow this page.</param>
    /// <param name="mayChange">The reader may change an action's status (HR, Executive).</param>
    public static AdaptiveCard Create(IReadOnlyList<ProgrammeAction> page, int skip, bool hasMore, bool mayChange, string? notice = null)
    {
        List<CardElement> body = [new TextBlock(Title) { Size = "Large", Weight = "Bolder" }];
        if (notice is not null)
            body.Add(Forms.FormNotice.Done(notice));
        if (page.Count == 0)
        {
            body.Add(new TextBlock(skip == 0
                ? "No actions yet. When HR or the leadership team decide what changes in answer to the weekly pulse, it appears here."
                : "No older actions.")
            { IsSubtle = true });
        }

        foreach (var action in page)
        {
            List<CardElement> items = [.. ActionCard.Elements(action)];
            if (mayChange)
                items.Add(new ActionSet([ExecuteAction.WithSubmitFallback("Change status", ActionCommand.EditVerb, new JsonObject { ["actionId"] = action.Id })]));
            body.Add(new Container(items) { Separator = true, Spacing = "Large" });
        }

        List<CardAction> paging = [];
        if (skip > 0)
            paging.Add(ExecuteAction.WithSubmitFallback("Newer", ActionCommand.PageVerb, new JsonObject { ["skip"] = Math.Max(0, skip - PageSize) }));
        if (hasMore)
            paging.Add(ExecuteAction.WithSubmitFallback("Older", ActionCommand.PageVerb, new JsonObject { ["skip"] = skip + PageSize }));
        return new AdaptiveCard { FallbackText = Title, Body = body, Actions = paging.Count > 0 ? paging : null };
    }
}
