using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.Recording;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Roster;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Support;

/// <summary>
/// A tenant with FocusBot installed: the Connector simulator playing Teams, FocusBot on a real port (Development, no app
/// id) over SQLite or Azurite, two teams installed through real conversationUpdate activities, their rosters, personal
/// chats opened through real installationUpdate activities, and roles granted to the test people.
/// </summary>
public sealed class BotScenario : IAsyncDisposable
{
    public const string TenantId = "3f2a9c41-5b8d-4e6f-a1c2-7d9e0b4f6a88";
    public const string ServiceDeskTeam = "19:team-service-desk@thread.tacv2";
    public const string CustomerWinsChannel = "19:customer-wins@thread.tacv2";
    public const string LeadershipTeam = "19:team-leadership@thread.tacv2";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    // WebApplicationFactory finds the app's host by listening to a process-wide diagnostic event: two hosts built at the
    // same moment can each catch the other's, and then share one database. Hosts are built one at a time.
    private static readonly SemaphoreSlim HostBuild = new(1, 1);

    private BotScenario(ConnectorSimulator.ConnectorSimulator connector, FocusBotTestHost host)
    {
        Connector = connector;
        Host = host;
    }

    public ConnectorSimulator.ConnectorSimulator Connector { get; }

    public FocusBotTestHost Host { get; }

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <param name="settings">Extra host settings (e.g. Bot:AdminAadObjectIds, Bot:RoleTeams:Executive).</param>
    /// <param name="grantRoles">Grant each test person their roles through the role store.</param>
    public static async Task<BotScenario> StartAsync(StorageKind storage, AzuriteFixture? azurite, IDictionary<string, string?>? settings = null,
        bool grantRoles = true, Action<IServiceCollection>? configureServices = null)
    {
        // The simulator is a host too: built while another test's factory waits for FocusBot's host, it would be caught instead.
        ConnectorSimulator.ConnectorSimulator connector;
        await HostBuild.WaitAsync();
        try
        {
            connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = TenantId });
        }
        finally
        {
            HostBuild.Release();
        }

        foreach (var person in Person.Everyone)
            connector.AddConversation(person.Chat, TenantId);
        connector.AddConversation(CustomerWinsChannel, TenantId);
        connector.AddConversation(LeadershipTeam, TenantId);

        var all = StorageSettings.For(storage, azurite);
        // Two cores run several hosts, Azurite and the simulator at once: a slow answer is not what these tests are about.
        all["Teams:Connector:AttemptTimeout"] = "00:00:10";
        // The weekly pulse would land in the same chats at a time of its own choosing; these tests are not about it.
        all["Pulse:RunInBackground"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var host = new FocusBotTestHost("Development", all, configureServices);
        var scenario = new BotScenario(connector, host);
        try
        {
            await HostBuild.WaitAsync();
            try
            {
                _ = host.Client;
            }
            finally
            {
                HostBuild.Release();
            }

            await scenario.InstallAsync(grantRoles);
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }

        return scenario;
    }

    private async Task InstallAsync(bool grantRoles)
    {
        await InstallInTeamAsync(ServiceDeskTeam, "Service Desk", CustomerWinsChannel, "Customer Wins");
        await InstallInTeamAsync(LeadershipTeam, "Leadership", LeadershipTeam, "General");

        var roster = Get<IRosterStore>();
        await roster.ReplaceTeamRosterAsync(TenantId, ServiceDeskTeam, [.. new[] { Person.Hassan, Person.Sam, Person.Megan, Person.Lee, Person.Ada }.Select(Member(ServiceDeskTeam))],
            CancellationToken.None);
        await roster.ReplaceTeamRosterAsync(TenantId, LeadershipTeam, [Member(LeadershipTeam)(Person.Ruth)], CancellationToken.None);

        // Everyone but Lee opened FocusBot's personal chat; Lee is reached through the team roster.
        foreach (var person in Person.Everyone.Where(p => p != Person.Lee))
            await PostOkAsync(ActivityJson.Load("installationUpdate.add.personal", ActivityJson.From(person, Connector.BaseUrl, person.Chat)));

        if (grantRoles)
        {
            var roles = Get<IRoleStore>();
            foreach (var person in Person.Everyone)
            {
                foreach (var role in person.Roles)
                {
                    await roles.GrantAsync(new RoleAssignment
                    {
                        TenantId = TenantId,
                        AadObjectId = person.AadObjectId,
                        Role = role,
                        GrantedBy = "test",
                        GrantedAt = DateTimeOffset.UtcNow,
                    }, CancellationToken.None);
                }
            }
        }

        await Connector.WaitForSentAsync(Person.Everyone.Count - 1, Wait); // the welcome cards
        Connector.Reset();
    }

    /// <summary>A team owner adds FocusBot to a team, choosing <paramref name="channelId"/> (Teams' conversationUpdate).</summary>
    public Task InstallInTeamAsync(string teamId, string teamName, string channelId, string channelName) =>
        PostOkAsync(ActivityJson.Load("conversationUpdate.botAdded.team", new Dictionary<string, string>(ActivityJson.From(Person.Hassan, Connector.BaseUrl, channelId))
        {
            ["channelName"] = channelName,
            ["teamName"] = teamName,
            ["teamId"] = teamId,
        }));

    private static Func<Person, TeamMember> Member(string teamId) => person => new TeamMember
    {
        TenantId = TenantId,
        TeamId = teamId,
        UserId = person.UserId,
        AadObjectId = person.AadObjectId,
        Name = person.Name,
        TimeZone = "Europe/London",
    };

    /// <summary>The person types <paramref name="text"/> in their personal chat; returns when FocusBot has answered.</summary>
    public async Task SayAsync(Person person, string text)
    {
        var values = ActivityJson.From(person, Connector.BaseUrl, person.Chat);
        values["text"] = text;
        await PostOkAsync(ActivityJson.Load("message.personal", values));
    }

    /// <summary>The person @mentions FocusBot in the Customer Wins channel.</summary>
    public async Task SayInChannelAsync(Person person, string text)
    {
        var values = ActivityJson.From(person, Connector.BaseUrl, CustomerWinsChannel);
        values["text"] = text;
        values["teamId"] = ServiceDeskTeam;
        await PostOkAsync(ActivityJson.Load("message.channel-mention", values));
    }

    /// <summary>The person presses an Action.Execute button; returns the invoke response body.</summary>
    public async Task<JsonElement> ExecuteAsync(Person person, string verb, JsonObject data, string? conversationId = null, string replyToId = "1731399999000")
    {
        var conversation = conversationId ?? person.Chat;
        var values = ActivityJson.From(person, Connector.BaseUrl, conversation);
        values["conversationType"] = conversation.StartsWith("19:", StringComparison.Ordinal) ? "channel" : "personal";
        values["title"] = verb;
        values["verb"] = verb;
        values["replyToId"] = replyToId;
        var response = await Host.PostActivityAsync(ActivityJson.Load("invoke.adaptiveCardAction", values, data));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>The invoke answered with a card: returns it.</summary>
    public async Task<JsonElement> ExecuteForCardAsync(Person person, string verb, JsonObject data, string? conversationId = null)
    {
        var response = await ExecuteAsync(person, verb, data, conversationId);
        Assert.Equal("application/vnd.microsoft.card.adaptive", response.GetProperty("type").GetString());
        return response.GetProperty("value");
    }

    /// <summary>An older client's Action.Submit: a message whose value holds the verb and the inputs.</summary>
    public async Task SubmitAsync(Person person, string verb, JsonObject data, string replyToId)
    {
        var values = ActivityJson.From(person, Connector.BaseUrl, person.Chat);
        values["replyToId"] = replyToId;
        var withVerb = (JsonObject)data.DeepClone();
        withVerb["verb"] = verb;
        await PostOkAsync(ActivityJson.Load("message.submit.personal", values, withVerb));
    }

    /// <summary>The next card sent to a conversation whose text contains <paramref name="containing"/>.</summary>
    public async Task<JsonElement> WaitForCardAsync(string conversationId, string containing)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            var card = CardsIn(conversationId).FirstOrDefault(c => CardJson.AllText(c).Contains(containing, StringComparison.Ordinal));
            if (card.ValueKind == JsonValueKind.Object)
                return card;
            await Task.Delay(50);
        }

        throw new TimeoutException($"No card containing \"{containing}\" reached {conversationId} within {Wait.TotalSeconds} s. Sent there:\n" +
            string.Join("\n---\n", Connector.SentTo(conversationId).Select(s => s.Activity.GetRawText())));
    }

    /// <summary>The cards sent (or updated) in a conversation so far.</summary>
    public IReadOnlyList<JsonElement> CardsIn(string conversationId) =>
        [.. Connector.SentTo(conversationId).Where(s => s.Operation != ConnectorOperation.Delete && CardJson.HasCard(s.Activity)).Select(CardJson.Of)];

    public IReadOnlyList<SentActivity> SentTo(string conversationId) => Connector.SentTo(conversationId);

    /// <summary>The last card sent to the person's chat (a reply to what they typed).</summary>
    public JsonElement LastCardTo(Person person) => CardsIn(person.Chat) is { Count: > 0 } cards
        ? cards[^1]
        : throw new InvalidOperationException($"No card was sent to {person.Name}. Sent: " + string.Join("\n", SentTo(person.Chat).Select(s => s.Activity.GetRawText())));

    private async Task PostOkAsync(string json)
    {
        var response = await Host.PostActivityAsync(json);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /api/messages answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
