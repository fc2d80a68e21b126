using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Conversations;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Roster;
using FocusBot.Forms;
using FocusBot.People;

namespace FocusBot.Recognitions;

/// <summary>The form an Executive fills in to recognise someone's customer focus in a team channel.</summary>
public static class RecognitionFormCard
{
    public const string Title = "Recognise customer focus";

    public const string NoTeamTitle = "FocusBot is not in a team yet";

    /// <param name="people">The people to choose from: the first of the rosters, or those a search found.</param>
    /// <param name="peopleNote">Says when the list is partial or a search result.</param>
    /// <param name="previous">What was submitted before, to show again.</param>
    /// <param name="problems">Problems of the previous submission.</param>
    public static AdaptiveCard Create(
        IReadOnlyList<RosterPerson> people,
        string? peopleNote,
        IReadOnlyList<string> behaviours,
        IReadOnlyList<ConversationRecord> channels,
        JsonElement? previous = null,
        IReadOnlyList<string>? problems = null)
    {
        var form = new FormValues(previous ?? default);
        string? Value(string id) => previous is null ? null : CardText.Plain(form.Raw(id), 2000) is { Length: > 0 } v ? v : null;

        // No input is marked required: the "Search" button must work on a half-filled form, and the server checks everything.
        List<CardElement> body =
        [
            new TextBlock(Title) { Size = "Large", Weight = "Bolder" },
            new TextBlock("Recognition is posted in a team channel with the person @mentioned, and they get a personal message too.")
            {
                IsSubtle = true,
            },
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
            new Column([new ActionSet([ExecuteAction.WithSubmitFallback("Search", RecognizeCommand.SearchVerb)])]) { Width = "auto" },
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
            new ChoiceSetInput
            {
                Id = RecognitionForm.ChannelId,
                Label = "Post in",
                Style = "compact",
                Placeholder = "Choose a team channel",
                Choices = TeamChannels.Choices(channels),
                Value = Value(RecognitionForm.ChannelId) ?? (channels.Count == 1 ? channels[0].ConversationId : null),
            },
        ]);

        return new AdaptiveCard
        {
            FallbackText = Title,
            Body = body,
            Actions = [ExecuteAction.WithSubmitFallback("Post recognition", RecognizeCommand.PostVerb)],
        };
    }

    /// <summary>Recognition is posted in a team channel, so without one there is nothing to fill in yet.</summary>
    public static AdaptiveCard NoTeam() => new()
    {
        FallbackText = NoTeamTitle,
        Body =
        [
            new TextBlock(NoTeamTitle) { Size = "Medium", Weight = "Bolder" },
            new TextBlock("Recognition is posted in a team channel so colleagues can see it and applaud. Ask a team owner to add " +
                "FocusBot to a team, then type recognize again."),
        ],
    };
}
