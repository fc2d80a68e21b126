using System.Globalization;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Domain.Recognitions;

namespace FocusBot.Recognitions;

/// <summary>
/// The recognition as posted in the team channel (the person @mentioned), and the personal message they get. The header
/// band says which kind it is, in its own colour (<see cref="RecognitionKinds"/>).
/// </summary>
public static class RecognitionCard
{
    /// <summary>How the person who pressed "Applaud" sees the card afterwards.</summary>
    public enum ApplauseState
    {
        NotYet,
        JustNow,
        Already,
    }

    /// <summary>"🏆 EXECUTIVE RECOGNITION · CUSTOMER FOCUS" or "🤝 RECOGNISED BY A COLLEAGUE · CUSTOMER FOCUS".</summary>
    public static string Kicker(RecognitionKind kind) =>
        $"{RecognitionKinds.Icon(kind)} {RecognitionKinds.Label(kind).ToUpperInvariant()} · CUSTOMER FOCUS";

    public static AdaptiveCard Channel(Recognition recognition, ApplauseState state = ApplauseState.NotYet)
    {
        var mention = MentionText(recognition);
        List<CardElement> body =
        [
            Header(recognition.Kind),
            new TextBlock($"{mention} is recognised for **{CardText.Markdown(recognition.Behaviour, 80)}**") { Size = "Medium", Spacing = "Small" },
            Story(recognition),
            new TextBlock(Byline(recognition)) { Size = "Small", IsSubtle = true },
            new TextBlock(ApplauseLine(recognition.ApplauseCount)) { Spacing = "Small" },
        ];
        if (state != ApplauseState.NotYet)
        {
            body.Add(new TextBlock(state == ApplauseState.JustNow ? "You applauded. Thank you!" : "You have already applauded this one.")
            {
                Color = "Good",
                Weight = "Bolder",
                Spacing = "Small",
            });
        }

        return new AdaptiveCard
        {
            FallbackText = Summary(recognition),
            Body = body,
            Actions = state == ApplauseState.NotYet ? [ApplaudAction(recognition.Id, view: null)] : null,
            Teams = new TeamsCardProperties
            {
                Entities = [new CardMention(mention, new CardMentioned(recognition.RecipientUserId, CardText.MentionName(recognition.RecipientName)))],
            },
        };
    }

    /// <summary>The personal message to the person recognised.</summary>
    public static AdaptiveCard Personal(Recognition recognition, string? channelTitle) => new()
    {
        FallbackText = PersonalSummary(recognition),
        Body =
        [
            Header(recognition.Kind),
            new TextBlock(recognition.Kind == RecognitionKind.Executive ? "🏆 You have been recognised" : "🤝 A colleague recognised you")
            {
                Size = "Large",
                Weight = "Bolder",
            },
            new TextBlock($"{CardText.Markdown(recognition.AuthorName, 80)} recognised you for **{CardText.Markdown(recognition.Behaviour, 80)}**" +
                (channelTitle is null ? "." : $" in {CardText.Markdown(channelTitle, 170)}.")),
            Story(recognition),
            new TextBlock("Thank you for keeping our customers at the heart of your work.") { IsSubtle = true },
        ],
    };

    public static string Summary(Recognition recognition) =>
        $"{RecognitionKinds.Label(recognition.Kind)}: {CardText.Plain(recognition.RecipientName, 80)} is recognised for {CardText.Plain(recognition.Behaviour, 80)}";

    public static string PersonalSummary(Recognition recognition) =>
        $"{CardText.Plain(recognition.AuthorName, 80)} recognised you for {CardText.Plain(recognition.Behaviour, 80)}";

    /// <summary>"&lt;at&gt;Name&lt;/at&gt;": the exact text the mention entity names.</summary>
    public static string MentionText(Recognition recognition) => $"<at>{CardText.MentionName(recognition.RecipientName)}</at>";

    public static string ApplauseLine(int count) => count switch
    {
        0 => "👏 Be the first to applaud",
        1 => "👏 1 applause",
        _ => string.Create(CultureInfo.InvariantCulture, $"👏 {count} applause"),
    };

    /// <param name="view">Where the button is: null on the channel card, or the list view's data to show the list again.</param>
    public static ExecuteAction ApplaudAction(string recognitionId, JsonObject? view)
    {
        var data = view?.DeepClone().AsObject() ?? [];
        data["recognitionId"] = recognitionId;
        return ExecuteAction.WithSubmitFallback("👏 Applaud", ApplauseHandler.ApplaudVerb, data);
    }

    /// <summary>"From Ruth Okafor, Executive · 24 November 2026".</summary>
    public static string Byline(Recognition recognition) =>
        $"From {CardText.Markdown(recognition.AuthorName, 80)}, {RecognitionKinds.AuthorRole(recognition.Kind)} · " +
        recognition.CreatedAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The kind's band: its icon and word in its own colour.</summary>
    public static Container Header(RecognitionKind kind) =>
        new([new TextBlock(Kicker(kind)) { Size = "Small", Weight = "Bolder", Color = RecognitionKinds.Color(kind) }]) { Style = RecognitionKinds.Style(kind), Bleed = true };

    private static Container Story(Recognition recognition) =>
        new([new TextBlock(CardText.Markdown(recognition.Story, RecognitionForm.MaxStory))]) { Style = "emphasis" };
}
