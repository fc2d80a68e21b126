using System.Text.Json.Nodes;
using FocusBot.Commands;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Trends;
using FocusBot.Help;

namespace FocusBot.Cards.Tests.Validation;

/// <summary>
/// Real FocusBot cards with one mistake each, and the problem the validator must report: proof that it can fail.
/// </summary>
public static class BrokenCards
{
    public static IReadOnlyDictionary<string, (Func<JsonNode> Build, string ExpectedProblem)> All { get; } =
        new Dictionary<string, (Func<JsonNode>, string)>
        {
            ["UnknownElementType"] = (
                () => WithBodyElement(Welcome(), new JsonObject { ["type"] = "Carousel" }),
                "schema: /body/3 value of tag \"type\" must be in oneOf (\"Carousel\")"),
            ["UnknownElementTypeInRenderer"] = (
                () => WithBodyElement(Welcome(), new JsonObject { ["type"] = "Carousel" }),
                "renderer: UnknownElementType: Unknown element type \"Carousel\""),
            ["TextBlockWithoutText"] = (
                () => WithBodyElement(Welcome(), new JsonObject { ["type"] = "TextBlock", ["wrap"] = true }),
                "schema: /body/3 must have required property 'text'"),
            ["FactWithoutValue"] = (
                () => WithBodyElement(Welcome(), new JsonObject
                {
                    ["type"] = "FactSet",
                    ["facts"] = new JsonArray(new JsonObject { ["title"] = "help" }),
                }),
                "schema: /body/3/facts/0 must have required property 'value'"),
            ["MisspelledProperty"] = (
                () => Mutate(Help(), card => card["body"]![0]!["wieght"] = "Bolder"),
                "schema: /body/0 must NOT have additional properties (\"wieght\")"),
            ["InvalidEnumValue"] = (
                () => Mutate(Help(), card => card["body"]![0]!["size"] = "Huge"),
                "renderer: InvalidPropertyValue: Invalid value \"Huge\" for property \"size\""),
            ["TeamsPropertyOffTheRoot"] = (
                () => Mutate(Help(), card => card["body"]![0]!["msteams"] = new JsonObject { ["width"] = "Full" }),
                "schema: /body/0 must NOT have additional properties (\"msteams\")"),
            ["MissingVersion"] = (
                () => Mutate(Welcome(), card => card.AsObject().Remove("version")),
                "schema: / must have required property 'version'"),
            ["RequiredInputWithoutLabel"] = (
                () => WithBodyElement(Welcome(), new JsonObject { ["type"] = "Input.Text", ["id"] = "idea", ["isRequired"] = true, ["errorMessage"] = "Required" }),
                "renderer: RequiredInputsShouldHaveLabel"),
            ["Oversized"] = (
                () => JsonNode.Parse(HelpCard.Create(new CommandsForReader(new HashSet<Role>(), BotCommandScope.Personal, null) { Catalog = [.. ManyCommands(500)] },
                    PrivacyThresholds.DefaultMinimumGroupSize).ToUtf8Bytes())!,
                "size: "),
        };

    public static TheoryData<string> Names => [.. All.Keys];

    private static JsonNode Welcome() => JsonNode.Parse(WelcomeCard.Create(PrivacyThresholds.DefaultMinimumGroupSize).ToUtf8Bytes())!;

    private static JsonNode Help() => JsonNode.Parse(HelpCard.Create(new CommandsForReader(new HashSet<Role>(), BotCommandScope.Personal, null), PrivacyThresholds.DefaultMinimumGroupSize).ToUtf8Bytes())!;

    private static JsonNode WithBodyElement(JsonNode card, JsonObject element) => Mutate(card, c => c["body"]!.AsArray().Add(element));

    private static JsonNode Mutate(JsonNode card, Action<JsonNode> change)
    {
        change(card);
        return card;
    }

    private static IEnumerable<BotCommand> ManyCommands(int count) =>
        Enumerable.Range(1, count).Select(i => new BotCommand($"command-{i}", $"What command {i} does for our customers, in one sentence.", BotCommandScope.Both));
}
