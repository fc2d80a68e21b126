using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.ConnectorSimulator;
using FocusBot.Development;
using FocusBot.EndToEnd.Playground;
using FocusBot.Pulses;
using FocusBot.TestSupport;

namespace FocusBot.EndToEnd.CloseTheLoop;

/// <summary>
/// Nine of Alex's colleagues in the Playground's tenant, simulated beside the one person the Playground's page can be:
/// their activities are the Playground's (<see cref="PlaygroundActivities"/>) posted to FocusBot's /api/messages, and their
/// chats' serviceUrl is a Connector simulator on a loopback port, so every card FocusBot sends them is recorded. Development
/// needs no token from them, and loopback service URLs are allowed there.
/// </summary>
internal sealed class SimulatedColleagues : IAsyncDisposable
{
    /// <summary>People of Microsoft's demo tenants, not in the Playground's team: they reach FocusBot through their own chat only.</summary>
    public static readonly IReadOnlyList<PlaygroundPerson> People =
    [
        new("user-id-101", "00000000-0000-0000-0000-0000000000101", "Nestor Wilke"),
        new("user-id-102", "00000000-0000-0000-0000-0000000000102", "Diego Siciliani"),
        new("user-id-103", "00000000-0000-0000-0000-0000000000103", "Grady Archie"),
        new("user-id-104", "00000000-0000-0000-0000-0000000000104", "Johanna Lorenz"),
        new("user-id-105", "00000000-0000-0000-0000-0000000000105", "Joni Sherman"),
        new("user-id-106", "00000000-0000-0000-0000-0000000000106", "Lee Gu"),
        new("user-id-107", "00000000-0000-0000-0000-0000000000107", "Miriam Graham"),
        new("user-id-108", "00000000-0000-0000-0000-0000000000108", "Pradeep Gupta"),
        new("user-id-109", "00000000-0000-0000-0000-0000000000109", "Irvin Sayers"),
    ];

    private readonly HttpClient _http = new() { Timeout = Waits.Max };

    private SimulatedColleagues(ConnectorSimulator.ConnectorSimulator connector) => Connector = connector;

    public ConnectorSimulator.ConnectorSimulator Connector { get; }

    public static async Task<SimulatedColleagues> StartAsync(CancellationToken cancellationToken)
    {
        var connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = PlaygroundDefaults.TenantId },
            cancellationToken);
        foreach (var person in People)
            connector.AddConversation(PlaygroundActivities.ChatOf(person), PlaygroundDefaults.TenantId);
        return new SimulatedColleagues(connector);
    }

    /// <summary><paramref name="person"/> opens FocusBot's personal chat (Teams sends the install, as the Playground's page does).</summary>
    public Task<string> OpenChatAsync(Uri messages, PlaygroundPerson person) => PostAsync(messages, PlaygroundActivities.OpenPersonalChat(Connector.BaseUrl, person));

    /// <summary>
    /// <paramref name="person"/> answers the pulse card they were sent, as the card's Submit button sends it: the button's
    /// data (the pulse and the answers' stamp) with each input's value. Returns what FocusBot answered the press with.
    /// </summary>
    /// <param name="valueOf">The value for each of the card's inputs, by question id.</param>
    public Task<string> AnswerPulseAsync(Uri messages, PlaygroundPerson person, JsonElement card, Func<string, string> valueOf)
    {
        var submit = CardJson.ExecuteActions(card).Single(a => a.GetProperty("verb").GetString() == PulseCard.AnswerVerb);
        var data = JsonNode.Parse(submit.GetProperty("data").GetRawText())!.AsObject();
        foreach (var id in CardJson.Inputs(card).Select(i => i.GetProperty("id").GetString()!).Where(id => id.StartsWith(PulseCard.InputPrefix, StringComparison.Ordinal)))
            data[id] = valueOf(id[PulseCard.InputPrefix.Length..]);
        return PostAsync(messages, PlaygroundActivities.Execute(Connector.BaseUrl, PulseCard.AnswerVerb, data, person));
    }

    /// <summary>The cards FocusBot sent to <paramref name="person"/>'s chat as new messages, oldest first (not the ones it updated).</summary>
    public IReadOnlyList<JsonElement> CardsOf(PlaygroundPerson person) =>
        [.. Connector.SentTo(PlaygroundActivities.ChatOf(person)).Where(s => s.Operation == ConnectorOperation.Send && CardJson.HasCard(s.Activity)).Select(CardJson.Of)];

    /// <summary>The cards sent to <paramref name="person"/> that contain <paramref name="text"/>.</summary>
    public IReadOnlyList<JsonElement> CardsOf(PlaygroundPerson person, string text) => [.. CardsOf(person).Where(c => c.GetRawText().Contains(text, StringComparison.Ordinal))];

    /// <summary>Waits until every colleague has been sent a card containing <paramref name="text"/>; returns each one's latest such card.</summary>
    public async Task<IReadOnlyDictionary<PlaygroundPerson, JsonElement>> WaitForCardsAsync(string text, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (People.Where(p => CardsOf(p, text).Count == 0).ToList() is { Count: > 0 } waiting)
        {
            if (TimeProvider.System.GetElapsedTime(started) > Waits.Max)
                throw new TimeoutException($"No card containing \"{text}\" within {Waits.Max.TotalSeconds:0} s for {string.Join(", ", waiting.Select(p => p.Name))}.");
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        return People.ToDictionary(p => p, p => CardsOf(p, text)[^1]);
    }

    /// <summary>What each colleague's chat received, for a failed test's diagnostics: one line per message, its card's first words.</summary>
    public string Describe() => string.Join('\n', People.Select(p => $"{p.Name}: " + string.Join(" | ", Connector.SentTo(PlaygroundActivities.ChatOf(p))
        .Select(s => $"{s.Operation} {Shorten(CardJson.HasCard(s.Activity) ? CardJson.AllText(CardJson.Of(s.Activity)) : s.Text ?? string.Empty)}"))));

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Connector.DisposeAsync();
    }

    private async Task<string> PostAsync(Uri messages, string activity)
    {
        using var content = new StringContent(activity, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(messages, content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"FocusBot answered {(int)response.StatusCode}: {body}");
        return body;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
