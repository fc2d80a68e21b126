using System.Net;
using FocusBot.ConnectorSimulator;
using FocusBot.ConnectorSimulator.Recording;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Roles;
using FocusBot.Proactive;
using FocusBot.Pulses;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static FocusBot.TestSupport.TeamsActivities;

namespace FocusBot.Tests.Notices;

/// <summary>
/// A tenant with an Admin (from configuration), an HR person (granted the role) and staff, each with a personal chat,
/// on a host whose scheduler and sender the test drives with a clock it moves (ISO week 2026-W49).
/// </summary>
public sealed class OperatorsWorld : IAsyncDisposable
{
    public const string AdminUser = "29:admin-ada", HrUser = "29:hr-hana";
    public static readonly string[] Staff = [.. Enumerable.Range(0, 7).Select(i => $"29:staff-{i}")];
    private OperatorsWorld(ConnectorSimulator.ConnectorSimulator connector, FocusBotTestHost host, ShiftableTimeProvider clock)
    {
        Connector = connector;
        Host = host;
        Clock = clock;
    }

    public ConnectorSimulator.ConnectorSimulator Connector { get; }

    public FocusBotTestHost Host { get; }

    /// <summary>The clock the host reads: real time shifted into the test's week.</summary>
    public ShiftableTimeProvider Clock { get; }

    public static IEnumerable<string> Everyone => [AdminUser, HrUser, .. Staff];

    public static async Task<OperatorsWorld> StartAsync(IReadOnlyList<Question> bank, IDictionary<string, string?>? settings = null)
    {
        var connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = TenantId });
        foreach (var user in Everyone)
            connector.AddConversation(ChatOf(user), TenantId);
        var all = new Dictionary<string, string?>
        {
            ["Delivery:RunInBackground"] = "false",
            ["Pulse:RunInBackground"] = "false",
            ["Notices:RunInBackground"] = "false",
            ["Bot:AdminAadObjectIds"] = AadOf(AdminUser),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var clock = new ShiftableTimeProvider { Offset = At(11, 30, 12, 0) - DateTimeOffset.UtcNow };
        var host = new FocusBotTestHost("Development", all, s => s.AddSingleton<TimeProvider>(clock));
        var world = new OperatorsWorld(connector, host, clock);
        _ = host.Client;
        await host.Services.GetRequiredService<IQuestionStore>().ReplaceBankAsync(bank, CancellationToken.None);
        await host.Services.GetRequiredService<IRoleStore>().GrantAsync(new RoleAssignment
        {
            TenantId = TenantId,
            AadObjectId = AadOf(HrUser),
            Role = Role.HR,
            GrantedBy = AadOf(AdminUser),
            GrantedAt = At(11, 30, 12, 0),
        }, CancellationToken.None);
        foreach (var user in Everyone)
            await world.PostAsync(PersonalInstall(connector.BaseUrl, user, user[3..], "Europe/London"));
        connector.Reset(); // forget the welcome cards
        return world;
    }

    public static DateTimeOffset At(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>Every question of the test bank, none of them active: what HR leaves after retiring the whole bank.</summary>
    public static IReadOnlyList<Question> RetiredBank => [.. TestQuestions.Bank.Select(q => q with { Active = false })];

    public void SetTime(DateTimeOffset now) => Clock.Offset = now - DateTimeOffset.UtcNow;

    /// <summary>One scheduler pass and one sender pass at <paramref name="now"/>.</summary>
    public async Task PassAsync(DateTimeOffset now)
    {
        SetTime(now);
        await Host.Services.GetRequiredService<PulseScheduler>().RunOnceAsync(CancellationToken.None);
        await Host.Services.GetRequiredService<DeliveryWorker>().RunOnceAsync(CancellationToken.None);
    }

    public async Task PostAsync(string activity) => Assert.Equal(HttpStatusCode.OK, (await Host.PostActivityAsync(activity)).StatusCode);

    /// <summary>Says <paramref name="text"/> in the person's chat and returns the text of what FocusBot answered.</summary>
    public async Task<string> SayAsync(string user, string text)
    {
        var before = Connector.SentTo(ChatOf(user)).Count;
        await PostAsync(Message(Connector.BaseUrl, user, text));
        return string.Join("\n", Connector.SentTo(ChatOf(user)).Skip(before).Select(Readable));
    }

    /// <summary>What reached the person's chat, as they read it (card texts, or the message text).</summary>
    public IReadOnlyList<string> Received(string user) => [.. Connector.SentTo(ChatOf(user)).Where(s => s.Operation == ConnectorOperation.Send).Select(Readable)];

    public static string Readable(SentActivity sent) => CardJson.HasCard(sent.Activity) ? CardJson.AllText(CardJson.Of(sent)) : sent.Text ?? string.Empty;

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
