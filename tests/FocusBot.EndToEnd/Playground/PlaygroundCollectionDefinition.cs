namespace FocusBot.EndToEnd.Playground;

/// <summary>Tests that share one FocusBot, one Playground and one browser (starting them costs about 20 s).</summary>
[CollectionDefinition(Name)]
public sealed class PlaygroundCollectionDefinition : ICollectionFixture<PlaygroundFixture>
{
    public const string Name = "Agents Playground";
}
