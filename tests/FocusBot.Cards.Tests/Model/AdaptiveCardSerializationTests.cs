using System.Text.Json;

namespace FocusBot.Cards.Tests.Model;

public sealed class AdaptiveCardSerializationTests
{
    public static TheoryData<string, string> ElementTypes => new()
    {
        { nameof(TextBlock), "TextBlock" },
        { nameof(Container), "Container" },
        { nameof(ColumnSet), "ColumnSet" },
        { nameof(FactSet), "FactSet" },
        { nameof(ActionSet), "ActionSet" },
        { nameof(TextInput), "Input.Text" },
        { nameof(ChoiceSetInput), "Input.ChoiceSet" },
        { nameof(ToggleInput), "Input.Toggle" },
    };

    public static TheoryData<string, string> ActionTypes => new()
    {
        { nameof(ExecuteAction), "Action.Execute" },
        { nameof(SubmitAction), "Action.Submit" },
        { nameof(OpenUrlAction), "Action.OpenUrl" },
        { nameof(ShowCardAction), "Action.ShowCard" },
    };

    [Theory]
    [MemberData(nameof(ElementTypes))]
    public void ToJsonElement_BodyElement_WritesAdaptiveCardTypeName(string clrType, string expectedType)
    {
        CardElement element = clrType switch
        {
            nameof(TextBlock) => new TextBlock("Hello"),
            nameof(Container) => new Container([new TextBlock("Inside")]),
            nameof(ColumnSet) => new ColumnSet([new Column([new TextBlock("Left")])]),
            nameof(FactSet) => new FactSet([new Fact("help", "What FocusBot does")]),
            nameof(ActionSet) => new ActionSet([new SubmitAction("Send")]),
            nameof(TextInput) => new TextInput { Id = "idea" },
            nameof(ChoiceSetInput) => new ChoiceSetInput { Id = "answer", Choices = [new Choice("Yes", "yes")] },
            nameof(ToggleInput) => new ToggleInput("Remind me") { Id = "remind" },
            _ => throw new ArgumentOutOfRangeException(nameof(clrType)),
        };

        var body = Serialize(new AdaptiveCard { Body = [element] }).GetProperty("body");

        Assert.Equal(expectedType, body[0].GetProperty("type").GetString());
    }

    [Theory]
    [MemberData(nameof(ActionTypes))]
    public void ToJsonElement_Action_WritesAdaptiveCardTypeName(string clrType, string expectedType)
    {
        CardAction action = clrType switch
        {
            nameof(ExecuteAction) => new ExecuteAction("Answer", "pulse.answer"),
            nameof(SubmitAction) => new SubmitAction("Send"),
            nameof(OpenUrlAction) => new OpenUrlAction("Read more", new Uri("https://example.com/insight")),
            nameof(ShowCardAction) => new ShowCardAction("Why?", new AdaptiveCard { Body = [new TextBlock("Because")] }),
            _ => throw new ArgumentOutOfRangeException(nameof(clrType)),
        };

        var actions = Serialize(new AdaptiveCard { Actions = [action] }).GetProperty("actions");

        Assert.Equal(expectedType, actions[0].GetProperty("type").GetString());
    }

    [Fact]
    public void ToJsonElement_NewCard_IsVersion15AdaptiveCardWithSchema()
    {
        var card = Serialize(new AdaptiveCard());

        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card.GetProperty("$schema").GetString());
    }

    [Fact]
    public void ToJsonElement_UnsetOptionalProperties_AreOmittedNotNull()
    {
        var card = new AdaptiveCard
        {
            Body = [new TextBlock("Only text"), new TextInput { Id = "idea" }, new ChoiceSetInput { Id = "answer", Choices = [new Choice("Yes", "yes")] }],
            Actions = [new SubmitAction("Send")],
        };

        var json = Serialize(card);

        Assert.Empty(NullProperties(json, "$"));
        Assert.False(json.TryGetProperty("msteams", out _));
        Assert.False(json.TryGetProperty("fallbackText", out _));
        var textBlock = json.GetProperty("body")[0];
        Assert.Equal(["text", "type", "wrap"], textBlock.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ToJsonElement_TeamsProperties_AreWrittenAsMsteamsOnTheRoot()
    {
        var card = new AdaptiveCard
        {
            Body = [new TextBlock("Thanks <at>Megan</at>")],
            Teams = new TeamsCardProperties { Width = "Full", Entities = [new CardMention("<at>Megan</at>", new CardMentioned("29:megan", "Megan"))] },
        };

        var teams = Serialize(card).GetProperty("msteams");

        Assert.Equal("Full", teams.GetProperty("width").GetString());
        var mention = teams.GetProperty("entities")[0];
        Assert.Equal("mention", mention.GetProperty("type").GetString());
        Assert.Equal("<at>Megan</at>", mention.GetProperty("text").GetString());
        Assert.Equal("29:megan", mention.GetProperty("mentioned").GetProperty("id").GetString());
    }

    [Fact]
    public void ToUtf8Bytes_SameCard_MatchesToJsonElement()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("Same")], FallbackText = "Same" };

        Assert.Equal(card.ToJsonElement().GetRawText(), JsonSerializer.Deserialize<JsonElement>(card.ToUtf8Bytes()).GetRawText());
    }

    private static JsonElement Serialize(AdaptiveCard card) => card.ToJsonElement();

    private static List<string> NullProperties(JsonElement element, string path)
    {
        List<string> found = [];
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                found.Add(path);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    found.AddRange(NullProperties(property.Value, $"{path}.{property.Name}"));
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    found.AddRange(NullProperties(item, $"{path}[{index++}]"));
                break;
        }

        return found;
    }
}
