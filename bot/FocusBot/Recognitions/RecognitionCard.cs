using System.Globalization;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Domain.Recognitions;

namespace FocusBot.Recognitions;

/// <summary>The recognition as posted in the team channel (the person @mentioned), and the personal message they get.</summary>
public static class RecognitionCard
{
    public const string Kicker = "CUSTOMER FOCUS RECOGNITION";

    /// <summary>How the person who pressed "Applaud" sees the card afterwards.</summary>
    public enum ApplauseState
    {
        NotYet,
        JustNow,
        Already,
    }

    public static AdaptiveCard Channel(Recognition recognition, ApplauseState state = ApplauseState.NotYet)
    {
        var mention = MentionText(recognition);
        List<CardElement> body =
        [
            new TextBlock("🏆 " + Kicker) { Size = "Small", Weight = "Bolder", Color = "Accent" },
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
            new TextBlock("🏆 You have been recognised") { Size = "Large", Weight = "Bolder" },
            new TextBlock($"{CardText.Markdown(recognition.AuthorName, 80)} recognised you for **{CardText.Markdown(recognition.Behaviour, 80)}**" +
                (channelTitle is null ? "." : $" in {CardText.Markdown(channelTitle, 170)}.")),
            Story(recognition),
            new TextBlock("Thank you for keeping our customers at the heart of your work.") { IsSubtle = true },
        ],
    };

    public static string Summary(Recognition recognition) =>
        $"{CardText.Plain(recognition.RecipientName, 80)} is recognised for {CardText.Plain(recognition.Behaviour, 80)}";

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

    public static ExecuteAction ApplaudAction(string recognitionId, string? view)
    {
        var data = new JsonObject { ["recognitionId"] = recognitionId };
        if (view is not null)
            data["view"] = view;
        return ExecuteAction.WithSubmitFallback("👏 Applaud", ApplauseHandler.ApplaudVerb, data);
    }

    private static Container Story(Recognition recognition) =>
        new([new TextBlock(CardText.Markdown(recognition.Story, RecognitionForm.MaxStory))]) { Style = "emphasis" };

    private static string Byline(Recognition recognition) =>
        $"From {CardText.Markdown(recognition.AuthorName, 80)} · {recognition.CreatedAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";
}
