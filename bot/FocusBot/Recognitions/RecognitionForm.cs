using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Roster;
using FocusBot.People;
using FocusBot.Protocol.Activities;

namespace FocusBot.Recognitions;

/// <summary>A checked recognition, ready to post.</summary>
public sealed record RecognitionDraft(RosterPerson Person, string Behaviour, string Story, ConversationRecord Channel);

/// <summary>The recognition form's fields, limits and checks.</summary>
public static class RecognitionForm
{
    public const string PersonId = "person";
    public const string SearchId = "personSearch";
    public const string BehaviourId = "behaviour";
    public const string StoryId = "story";
    public const string ChannelId = "channel";

    /// <summary>Set in the buttons' data when the form was asked for in a channel: the channel is not a choice.</summary>
    public const string FixedChannelId = "channelFixed";

    public const int MaxStory = 1000;
    public const int MaxSearch = 60;

    /// <param name="channels">The channels this person may post in.</param>
    /// <param name="teamOf">For a colleague's recognition: the teams a person is in, since they recognise someone of the channel's team.</param>
    public static async Task<(RecognitionDraft? Draft, IReadOnlyList<string> Problems)> ReadAsync(
        JsonElement data,
        string tenantId,
        ChannelAccount? sender,
        IReadOnlyList<ConversationRecord> channels,
        IReadOnlyList<string> behaviours,
        PeoplePicker people,
        Func<RosterPerson, CancellationToken, Task<IReadOnlyList<string>>>? teamOf,
        CancellationToken cancellationToken)
    {
        var form = new FormValues(data);
        RosterPerson? person = null;
        var personValue = CardText.Clean(form.Raw(PersonId));
        if (personValue.Length == 0)
        {
            form.Problem("Choose the person you are recognising.");
        }
        else
        {
            person = await people.ResolveAsync(tenantId, personValue, cancellationToken);
            if (person is null)
            {
                form.Problem("FocusBot cannot reach that person yet: they need to be in a team where FocusBot is installed, or to have " +
                    "opened FocusBot's personal chat.");
            }
            else if (IsSelf(person, sender))
            {
                form.Problem("You cannot recognise yourself. Who helped a customer this week?");
                person = null;
            }
        }

        var behaviour = form.Choice(BehaviourId, "Customer-focus behaviour", behaviours, required: true);
        var story = form.Required(StoryId, "The story", MaxStory);

        ConversationRecord? channel = null;
        var channelValue = CardText.Clean(form.Raw(ChannelId));
        if (channelValue.Length == 0)
        {
            form.Problem("Choose the team channel to post the recognition in.");
        }
        else
        {
            channel = channels.FirstOrDefault(c => c.ConversationId == channelValue);
            if (channel is null)
            {
                form.Problem(teamOf is null
                    ? "FocusBot is not installed in that team channel (any more). Choose one from the list."
                    : "You can recognise a colleague in a channel of a team you are in, where FocusBot is installed. Choose one from the list.");
            }
        }

        // A colleague's recognition stays inside the team: the person must be on the roster of the channel's team.
        if (teamOf is not null && person is not null && channel?.TeamId is { } teamId && !(await teamOf(person, cancellationToken)).Contains(teamId))
        {
            form.Problem($"{CardText.Plain(person.Name, 80)} is not a member of {CardText.Plain(channel.TeamName ?? "that team", 80)}, where this recognition " +
                "would be posted. Choose a colleague from that team.");
            person = null;
        }

        return form.IsValid && person is not null && channel is not null
            ? (new RecognitionDraft(person, behaviour!, story!, channel), [])
            : (null, form.Problems);
    }

    private static bool IsSelf(RosterPerson person, ChannelAccount? sender) =>
        sender is not null
        && ((person.AadObjectId is not null && string.Equals(person.AadObjectId, sender.AadObjectId, StringComparison.OrdinalIgnoreCase))
            || string.Equals(person.UserId, sender.Id, StringComparison.Ordinal));
}
