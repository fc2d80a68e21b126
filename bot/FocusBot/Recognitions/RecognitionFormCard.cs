using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Conversations;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Roster;
using FocusBot.Forms;
using FocusBot.People;

namespace FocusBot.Recognitions;

/// <summary>
/// The form to recognise someone's customer focus in a team channel: an Executive's (`recognize`, any channel) or a
/// colleague's (`kudos`, a channel of their own team, or the channel they typed it in).
/// </summary>
public static class RecognitionFormCard
{
    public const string NoTeamTitle = "FocusBot is not in a team yet";

    public const string NoOwnTeamTitle = "FocusBot is not in any of your teams yet";

    /// <param name="people">The people to choose from: the first of the rosters, or those a search found.</param>
    /// <param name="peopleNote">Says when the list is partial or a search result.</param>
    /// <param name="intro">The line under the title: where it is posted and, for colleagues, the weekly limit.</param>
    /// <param name="fixedChannel">The channel the form was asked for in: posted there, with no choice of channel.</param>
    /// <param name="previous">What was submitted before, to show again.</param>
    /// <param name="problems">Problems of the previous submission.</param>
    public static AdaptiveCard Create(
        RecognitionFormMode mode,
        string intro,
        IReadOnlyList<RosterPerson> people,
        string? peopleNote,
        IReadOnlyList<string> behaviours,
        IReadOnlyList<ConversationRecord> channels,
        ConversationRecord? fixedChannel = null,
        JsonElement? previous = null,
        IReadOnlyList<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(mode);
        var form = new FormValues(previous ?? default);
        string? Value(string id) => previous is null ? null : CardText.Plain(form.Raw(id), 2000) is { Length: > 0 } v ? v : null;
        // The channel travels with the buttons when it is not a choice, so a search or a refused post keeps it.
        var fixedData = fixedChannel is null
            ? null
            : new JsonObject { [RecognitionForm.ChannelId] = fixedChannel.ConversationId, [RecognitionForm.FixedChannelId] = "true" };

        // No input is marked required: the "Search" button must work on a half-filled form, and the server checks everything.
        List<CardElement> body =
        [
            RecognitionCard.Header(mode.Kind),
            new TextBlock(mode.Title) { Size = "Large", Weight = "Bolder" },
            new TextBlock(CardText.Markdown(intro, 400)) { IsSubtle = true },
        ];
        if (problems is { Count: > 0 })
            body.Add(FormNotice.Problems(problems));
        body.Add(PeoplePicker.ChoiceSet(RecognitionForm.PersonId, "Who", people, Value(RecognitionForm.PersonId)) with { IsRequired = null, ErrorMessage = null });
        if (peopleNote is not null)
            body.Add(new TextBlock(CardText.Markdown(peopleNote, 300)) { Size = "Small", IsSubtle = true, Spacing = "Small" });
        body.Add(new ColumnSet(
        [
            new Column(
            [
                new TextInput
                {
                    Id = RecognitionForm.SearchId,
                    Placeholder = "Not listed? Search by name",
                    MaxLength = RecognitionForm.MaxSearch,
                    Value = Value(RecognitionForm.SearchId),
                },
            ])
            {
                Width = "stretch",
            },
            new Column([new ActionSet([ExecuteAction.WithSubmitFallback("Search", mode.SearchVerb, fixedData)])]) { Width = "auto" },
        ])
        {
            Spacing = "Small",
        });
        body.AddRange(
        [
            new ChoiceSetInput
            {
                Id = RecognitionForm.BehaviourId,
                Label = "Customer-focus behaviour",
                Style = "compact",
                Placeholder = "Choose a behaviour",
                Choices = [.. behaviours.Select(b => new Choice(CardText.Plain(b, 80), b))],
                Value = Value(RecognitionForm.BehaviourId),
            },
            new TextInput
            {
                Id = RecognitionForm.StoryId,
                Label = "The story: what did they do for a customer?",
                IsMultiline = true,
                MaxLength = RecognitionForm.MaxStory,
                Value = Value(RecognitionForm.StoryId),
            },
        ]);
        if (fixedChannel is not null)
        {
            body.Add(new TextBlock($"Posted in **{CardText.Markdown(TeamChannels.TitleOf(fixedChannel), 170)}**") { Spacing = "Medium" });
        }
        else
        {
            body.Add(new ChoiceSetInput
            {
                Id = RecognitionForm.ChannelId,
                Label = "Post in",
                Style = "compact",
                Placeholder = "Choose a team channel",
                Choices = TeamChannels.Choices(channels),
                Value = Value(RecognitionForm.ChannelId) ?? (channels.Count == 1 ? channels[0].ConversationId : null),
            });
        }

        return new AdaptiveCard
        {
            FallbackText = mode.Title,
            Body = body,
            Actions = [ExecuteAction.WithSubmitFallback("Post recognition", mode.PostVerb, fixedData)],
        };
    }

    /// <summary>Recognition is posted in a team channel, so without one there is nothing to fill in yet.</summary>
    public static AdaptiveCard NoTeam(string command) => new()
    {
        FallbackText = NoTeamTitle,
        Body =
        [
            new TextBlock(NoTeamTitle) { Size = "Medium", Weight = "Bolder" },
            new TextBlock("Recognition is posted in a team channel so colleagues can see it and applaud. Ask a team owner to add " +
                $"FocusBot to a team, then type {command} again."),
        ],
    };

    /// <summary>A colleague recognises someone in their own team, so without a team of theirs there is nowhere to post.</summary>
    public static AdaptiveCard NoOwnTeam() => new()
    {
        FallbackText = NoOwnTeamTitle,
        Body =
        [
            new TextBlock(NoOwnTeamTitle) { Size = "Medium", Weight = "Bolder" },
            new TextBlock("You recognise a colleague in a channel of a team you are both in, so they and your team can see it. Ask your " +
                "team's owner to add FocusBot to the team, then type kudos again."),
        ],
    };
}
