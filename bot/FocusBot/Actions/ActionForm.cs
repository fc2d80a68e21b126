using System.Globalization;
using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Domain.Actions;
using FocusBot.Domain.Conversations;

namespace FocusBot.Actions;

/// <summary>What an action form holds once read and checked. Nothing is stored until every check passes.</summary>
public sealed record ActionDraft
{
    public required string Change { get; init; }

    public required string Owner { get; init; }

    public required DateOnly DueDate { get; init; }

    public required ActionStatus Status { get; init; }

    /// <summary>The Voice theme it answers; null for the comments in general.</summary>
    public string? Theme { get; init; }

    public ConversationRecord? Channel { get; init; }

    public bool AllStaff { get; init; }
}

/// <summary>The action form's fields, limits and checks.</summary>
public static class ActionForm
{
    public const string ChangeId = "change";
    public const string OwnerId = "owner";
    public const string DueId = "due";
    public const string StatusId = "status";
    public const string ThemeId = "theme";
    public const string ChannelId = "channel";
    public const string AllStaffId = "allStaff";
    public const string NotifyId = "notify";

    /// <summary>The theme choice for "the comments in general" (a phrase is never this).</summary>
    public const string General = "general";

    public const int MaxChange = 300;
    public const int MaxOwner = 80;

    public static readonly IReadOnlyList<Choice> Statuses =
    [
        new("Planned", nameof(ActionStatus.Planned)),
        new("In progress", nameof(ActionStatus.InProgress)),
        new("Done", nameof(ActionStatus.Done)),
    ];

    public static string StatusName(ActionStatus status) => Statuses.First(s => s.Value == status.ToString()).Title;

    public static ActionDraft? Read(JsonElement data, IReadOnlyList<ConversationRecord> channels, IReadOnlyList<string> themes, DateOnly today,
        out IReadOnlyList<string> problems)
    {
        var form = new FormValues(data);
        var change = form.Required(ChangeId, "What will change", MaxChange);
        var owner = form.Required(OwnerId, "Owner", MaxOwner);
        var status = ReadStatus(form, StatusId);
        var due = ReadDueDate(form, status, today);

        string? theme = null;
        var themeRaw = CardText.Clean(form.Raw(ThemeId));
        if (themeRaw.Length == 0)
            form.Problem("Theme: choose the theme this action answers, or \"Comments in general\".");
        else if (themeRaw != General)
        {
            theme = themes.FirstOrDefault(t => string.Equals(t, themeRaw, StringComparison.Ordinal));
            if (theme is null)
                form.Problem("Theme: that phrase is no longer among the current themes. Choose one from the list, or \"Comments in general\".");
        }

        ConversationRecord? channel = null;
        var channelRaw = CardText.Clean(form.Raw(ChannelId));
        if (channelRaw.Length > 0)
        {
            channel = channels.FirstOrDefault(c => c.ConversationId == channelRaw);
            if (channel is null)
                form.Problem("FocusBot is not installed in that team channel (any more). Choose one from the list, or send to everyone's personal chat only.");
        }

        var allStaff = form.Flag(AllStaffId);
        if (channelRaw.Length == 0 && !allStaff)
            form.Problem("Choose who should hear of it: a team channel, everyone's personal chat, or both.");

        problems = form.Problems;
        if (!form.IsValid)
            return null;
        return new ActionDraft
        {
            Change = change!,
            Owner = owner!,
            DueDate = due!.Value,
            Status = status!.Value,
            Theme = theme,
            Channel = channel,
            AllStaff = allStaff,
        };
    }

    public static ActionStatus? ReadStatus(FormValues form, string id)
    {
        ArgumentNullException.ThrowIfNull(form);
        var raw = form.Choice(id, "Status", [.. Statuses.Select(s => s.Value)], required: true);
        return raw is null ? null : Enum.Parse<ActionStatus>(raw);
    }

    private static DateOnly? ReadDueDate(FormValues form, ActionStatus? status, DateOnly today)
    {
        var raw = CardText.Clean(form.Raw(DueId));
        if (raw.Length == 0)
        {
            form.Problem("Due date is required: pick the date it will be done by.");
            return null;
        }

        if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
        {
            form.Problem("Due date: please pick a date from the calendar (for example 2027-01-31).");
            return null;
        }

        if (due < today && status != ActionStatus.Done)
            form.Problem("The due date is in the past: pick a later date, or mark the action done.");
        return due;
    }
}
