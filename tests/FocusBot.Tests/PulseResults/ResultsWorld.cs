using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.Recording;
using FocusBot.ConnectorSimulator.Roster;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Roles;
using FocusBot.Proactive;
using FocusBot.PulseResults;
using FocusBot.Pulses;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using FocusBot.Trends;
using Microsoft.Extensions.DependencyInjection;
using static FocusBot.TestSupport.TeamsActivities;

namespace FocusBot.Tests.PulseResults;

/// <summary>
/// A tenant whose weekly pulses run for real against the Connector simulator, with a clock the test moves: three teams
/// (Service, large enough to show; Tiny, two people; Quiet, one person who never answers), two people with only a
/// personal chat, and Hana, HR, in Service. Eleven people get each pulse. The privacy thresholds are lowered to fit
/// (figures 3 people, comments 4): the rules are the same.
/// </summary>
public sealed class ResultsWorld : IAsyncDisposable
{
    public const string Service = "19:team-service@thread.tacv2", Tiny = "19:team-tiny@thread.tacv2", Quiet = "19:team-quiet@thread.tacv2";
    public const string Hana = "29:hana-hr", Sol = "29:sol-service", Sid = "29:sid-service", Sue = "29:sue-service", Sven = "29:sven-service";
    public const string Silas = "29:silas-service", Tom = "29:tom-tiny", Tia = "29:tia-tiny", Quinn = "29:quinn-quiet", Pia = "29:pia-chat", Pete = "29:pete-chat";
    public const string Ada = "29:ada-admin";

    /// <summary>Everyone each pulse reaches.</summary>
    public static readonly IReadOnlyList<string> Everyone = [Hana, Sol, Sid, Sue, Sven, Silas, Tom, Tia, Quinn, Pia, Pete];

    public static readonly IReadOnlyList<string> ServiceMembers = [Hana, Sol, Sid, Sue, Sven, Silas];

    /// <summary>People who opened FocusBot's chat themselves; the others are reached through their team.</summary>
    public static readonly IReadOnlyList<string> OwnChats = [Hana, Pia, Pete];

    /// <summary>Monday of ISO week 2026-W49; each pulse goes out on the Tuesday at 10:00 London time.</summary>
    public static readonly DateTimeOffset FirstMonday = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<Question> Bank =
        [.. TestQuestions.Bank.Where(q => q.Id is "k-quiz-1" or "b-freq-1" or "a-agree-1" or "v-one-thing")];

    private readonly ShiftableTimeProvider _clock = new();
    private readonly Dictionary<string, string?> _settings;
    private readonly string _sqliteFolder = Directory.CreateTempSubdirectory("focusbot-results-").FullName;

    private ResultsWorld(ConnectorSimulator.ConnectorSimulator connector, Dictionary<string, string?> settings)
    {
        Connector = connector;
        _settings = settings;
        Host = StartHost();
    }

    public ConnectorSimulator.ConnectorSimulator Connector { get; }

    public FocusBotTestHost Host { get; private set; }

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <param name="storage">The store's settings (Azure Tables); SQLite in a folder of the world's own when empty.</param>
    /// <param name="settings">More host settings.</param>
    public static async Task<ResultsWorld> StartAsync(IDictionary<string, string?> storage, IDictionary<string, string?>? settings = null)
    {
        var connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = TenantId });
        foreach (var user in OwnChats.Append(Ada))
            connector.AddConversation(ChatOf(user), TenantId);
        AddTeam(connector, Service, ServiceMembers);
        AddTeam(connector, Tiny, [Tom, Tia]);
        AddTeam(connector, Quiet, [Quinn]);

        var all = new Dictionary<string, string?>
        {
            // The test drives every pass itself, after moving the clock.
            ["Delivery:RunInBackground"] = "false",
            ["Pulse:RunInBackground"] = "false",
            ["Pulse:Size"] = "3",
            ["Privacy:MinimumGroupSize"] = "3",
            ["Privacy:MinimumCommentGroupSize"] = "4",
            ["Bot:AdminAadObjectIds"] = AadOf(Ada),
            ["Teams:Connector:BaseDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in storage.Concat(settings ?? new Dictionary<string, string?>()))
            all[key] = value;
        var world = new ResultsWorld(connector, all);
        try
        {
            await world.InstallAsync();
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }

        return world;
    }

    private static void AddTeam(ConnectorSimulator.ConnectorSimulator connector, string teamId, IEnumerable<string> members) =>
        connector.AddTeam(teamId, [], [.. members.Select(m => new SimulatedMember(m) { Name = NameOf(m), AadObjectId = AadOf(m) })]);

    /// <summary>"Hana", "Sol": the part of the user id before the dash, capitalised.</summary>
    public static string NameOf(string userId) => char.ToUpperInvariant(userId[3]) + userId[4..userId.IndexOf('-', StringComparison.Ordinal)];

    private FocusBotTestHost StartHost()
    {
        var settings = new Dictionary<string, string?>(_settings);
        settings.TryAdd("Storage:Sqlite:DataDirectory", _sqliteFolder);
        var host = new FocusBotTestHost("Development", settings, s => s.AddSingleton<TimeProvider>(_clock));
        _ = host.Client;
        return host;
    }

    /// <summary>Stops FocusBot and starts it again over the same store, as a restart or a deployment does.</summary>
    public async Task RestartAsync()
    {
        await Host.DisposeAsync();
        Host = StartHost();
    }

    private async Task InstallAsync()
    {
        _clock.Offset = FirstMonday - DateTimeOffset.UtcNow;
        await Get<IQuestionStore>().ReplaceBankAsync(Bank, CancellationToken.None);
        foreach (var user in OwnChats)
            await PostAsync(PersonalInstall(Connector.BaseUrl, user, NameOf(user), "Europe/London"));
        await PostAsync(TeamInstall(Connector.BaseUrl, Service, "Service"));
        await PostAsync(TeamInstall(Connector.BaseUrl, Tiny, "Tiny"));
        await PostAsync(TeamInstall(Connector.BaseUrl, Quiet, "Quiet"));
        await Get<IRoleStore>().GrantAsync(new RoleAssignment
        {
            TenantId = TenantId,
            AadObjectId = AadOf(Hana),
            Role = Role.HR,
            GrantedBy = "test",
            GrantedAt = _clock.GetUtcNow(),
        }, CancellationToken.None);
        Connector.Reset(); // forget the welcome cards
    }

    /// <summary>
    /// One pulse week, <paramref name="week"/> weeks after the first: the pulse opens and reaches everyone, the people in
    /// <paramref name="answers"/> answer it in the card, and it closes. Nothing is sealed yet.
    /// </summary>
    public async Task<Pulse> RunPulseAsync(int week, IReadOnlyDictionary<string, WeekAnswers> answers)
    {
        var monday = FirstMonday.AddDays(7 * week);
        await PassAsync(monday.AddHours(7.5)); // Monday 19:30 UTC: opens an hour before Tuesday 10:00 reaches the first time zone
        await PassAsync(monday.AddHours(23)); // Tuesday 11:00 UTC: 10:00 in London, where everyone is
        var pulse = (await Get<IPulseStore>().ListRecentAsync(1, CancellationToken.None))[0];
        var ledger = await Get<IDeliveryStore>().CountByStatusAsync(LedgerIds.Of(pulse), CancellationToken.None);
        Assert.Equal(Everyone.Count, ledger.GetValueOrDefault(DeliveryStatus.Sent));
        foreach (var (user, values) in answers)
        {
            var card = await AnswerAsync(user, pulse, values);
            Assert.Contains("your answers are in", card, StringComparison.Ordinal);
        }

        await PassAsync(monday.AddDays(6)); // Sunday noon: closed
        var closed = (await Get<IPulseStore>().GetAsync(pulse.Id, CancellationToken.None))!;
        Assert.Equal(PulseStatus.Closed, closed.Status);
        return closed;
    }

    /// <summary>The trends pass that runs after pulses close: seals the week, sends the HR digest, queues the results.</summary>
    public Task<int> SealAsync() => Get<TrendDigestService>().RunOnceAsync(CancellationToken.None);

    /// <summary>One pass of the proactive sender; returns how many messages it sent.</summary>
    public Task<int> SendAsync() => Get<DeliveryWorker>().RunOnceAsync(CancellationToken.None);

    public async Task PassAsync(DateTimeOffset now)
    {
        _clock.Offset = now - DateTimeOffset.UtcNow;
        await Get<PulseScheduler>().RunOnceAsync(CancellationToken.None);
        await SendAsync();
    }

    public async Task<string> AnswerAsync(string user, Pulse pulse, WeekAnswers values)
    {
        var data = new JsonObject { ["pulseId"] = pulse.Id };
        foreach (var (questionId, value) in values.ByQuestion())
            data[PulseCard.InputPrefix + questionId] = value;
        var response = await Host.PostActivityAsync(Execute(Connector.BaseUrl, user, ChatWith(user), PulseCard.AnswerVerb, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The person types <paramref name="text"/> in their chat with FocusBot.</summary>
    public Task SayAsync(string user, string text) => PostAsync(Message(Connector.BaseUrl, user, text));

    /// <summary>The person presses a button of a card; returns the card FocusBot answers with.</summary>
    public async Task<JsonElement> PressAsync(string user, string verb, JsonObject data)
    {
        var response = await Host.PostActivityAsync(Execute(Connector.BaseUrl, user, ChatWith(user), verb, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("value").Clone();
    }

    /// <summary>The person's chat with FocusBot: their own, or the one FocusBot opened to reach them through their team.</summary>
    public static string ChatWith(string user) =>
        OwnChats.Contains(user) || user == Ada ? ChatOf(user) : ConversationIds.Personal(TenantId, user);

    /// <summary>The messages carrying a results card the person has received, oldest first.</summary>
    public IReadOnlyList<SentActivity> ResultsTo(string user) =>
        [.. Connector.SentTo(ChatWith(user))
            .Where(s => s.Operation == ConnectorOperation.Send && CardJson.HasCard(s.Activity) && CardJson.Texts(CardJson.Of(s)) is [ResultsCard.Kicker, ..])];

    /// <summary>The results cards the person has received, oldest first.</summary>
    public IReadOnlyList<JsonElement> ResultsCardsTo(string user) => [.. ResultsTo(user).Select(CardJson.Of)];

    /// <summary>Waits for a card in the person's chat whose text holds <paramref name="containing"/>.</summary>
    public async Task WaitForCardAsync(string user, string containing)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!SentTo(user).Any(s => CardJson.HasCard(s.Activity) && CardJson.AllText(CardJson.Of(s)).Contains(containing, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No card holding \"{containing}\" reached {user} within 30 s.");
            await Task.Delay(50);
        }
    }

    /// <summary>Every card the person has received, oldest first.</summary>
    public IReadOnlyList<SentActivity> SentTo(string user) => Connector.SentTo(ChatWith(user));

    private async Task PostAsync(string json) => Assert.Equal(HttpStatusCode.OK, (await Host.PostActivityAsync(json)).StatusCode);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
        try
        {
            Directory.Delete(_sqliteFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the OS cleans temp folders.
        }
    }
}

/// <summary>One person's answers to a pulse of the world's bank: the quiz's option, the frequency, the agreement, a comment.</summary>
public sealed record WeekAnswers(string Quiz, string Frequency, string Agreement, string? Comment = null)
{
    public IEnumerable<(string QuestionId, string Value)> ByQuestion()
    {
        yield return ("k-quiz-1", Quiz);
        yield return ("b-freq-1", Frequency);
        yield return ("a-agree-1", Agreement);
        if (Comment is not null)
            yield return ("v-one-thing", Comment);
    }
}
