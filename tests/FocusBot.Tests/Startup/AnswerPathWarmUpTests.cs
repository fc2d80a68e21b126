using System.Net;
using System.Text.Json.Nodes;
using FocusBot.ConnectorSimulator;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Storage;
using FocusBot.Proactive;
using FocusBot.Pulses;
using FocusBot.Tests.Support;
using FocusBot.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Moq;
using static FocusBot.TestSupport.TeamsActivities;

namespace FocusBot.Tests.Startup;

/// <summary>
/// The answer-path warm-up: it runs while the host starts, before the server listens; it stores nothing, even
/// with a pulse open and answered; and a failure inside it is logged while the host starts anyway. How much faster the
/// first answers are is for the coldstart benchmark to say, not a test.
/// </summary>
public sealed class AnswerPathWarmUpTests
{
    private const string WarmUpCategory = "FocusBot.Startup.AnswerPathWarmUp";
    private static readonly string[] People = ["29:warm-a", "29:warm-b", "29:warm-c"];

    [Fact]
    public async Task Start_WarmsUpBeforeTheServerListens()
    {
        var logs = new LogCapture();
        await using var host = new FocusBotTestHost(configureServices: s => s.AddSingleton<ILoggerProvider>(logs));
        _ = host.Client;

        var entries = logs.Entries.ToList();
        var warmedUp = entries.FindIndex(e => e.Category == WarmUpCategory && e.Message.StartsWith("Answer path warmed up in", StringComparison.Ordinal));
        var listening = entries.FindIndex(e => e.Message.StartsWith("Now listening on", StringComparison.Ordinal));
        Assert.True(warmedUp >= 0, "no warm-up line in the log:\n" + string.Join('\n', entries.Select(e => e.Message)));
        Assert.True(listening > warmedUp, $"the server listened (entry {listening}) before the warm-up was done (entry {warmedUp})");
        // A fresh store has no pulse yet: the cards are built for a stand-in from the default question bank.
        Assert.Contains("stand-in pulse", entries[warmedUp].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAPulseOpenAndAnswered_StoresNothing()
    {
        var clock = new ShiftableTimeProvider();
        await using var connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = TenantId });
        var data = Directory.CreateTempSubdirectory("focusbot-warm-up-").FullName;
        try
        {
            string pulseId;
            await using (var first = Host(data, clock, warmUp: false))
            {
                pulseId = await OpenSendAndAnswerAsync(first, connector, clock);
            }

            var before = await SnapshotAsync(data);
            var logs = new LogCapture();
            await using (var second = Host(data, clock, warmUp: true, logs))
            {
                _ = second.Client;
                Assert.Contains(logs.Entries, e => e.Category == WarmUpCategory && e.Message.Contains($"the open pulse {pulseId}", StringComparison.Ordinal));
            }

            var after = await SnapshotAsync(data);
            Assert.Equal(before.Keys, after.Keys);
            foreach (var (table, rows) in before)
                Assert.True(rows.SequenceEqual(after[table]), $"the warm-up changed table {table}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Start_WhenTheWarmUpFails_LogsItAndStartsAnyway()
    {
        var logs = new LogCapture();
        await using var host = new FocusBotTestHost(configureServices: s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            // Only the warm-up reads counted answers at start, so only the warm-up meets the outage.
            var unreachable = new Mock<ICountedAnswersStore>(MockBehavior.Strict);
            unreachable.Setup(c => c.GetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
                .ThrowsAsync(new StorageUnavailableException("The test's store is unreachable."));
            unreachable.Setup(c => c.TryWriteAsync(It.IsAny<CountedAnswers>(), It.IsAny<CancellationToken>()))
                .ThrowsAsync(new StorageUnavailableException("The test's store is unreachable."));
            s.Replace(ServiceDescriptor.Singleton(unreachable.Object));
        });

        var health = await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var failure = Assert.Single(logs.Entries, e => e.Category == WarmUpCategory);
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.Contains("warm-up failed", failure.Message, StringComparison.Ordinal);
        Assert.IsType<StorageUnavailableException>(failure.Exception);
    }

    private static FocusBotTestHost Host(string data, ShiftableTimeProvider clock, bool warmUp, LogCapture? logs = null) => new(
        "Development",
        new Dictionary<string, string?>
        {
            ["Storage:Sqlite:DataDirectory"] = data,
            ["Pulse:RunInBackground"] = "false",
            ["Delivery:RunInBackground"] = "false",
            ["WarmUp:Enabled"] = warmUp ? "true" : "false",
        },
        s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            if (logs is not null)
                s.AddSingleton<ILoggerProvider>(logs);
        });

    /// <summary>The default weekly pulse opened on Monday evening, sent Tuesday 10:30 London, answered by one person: a row in every table the answer path writes.</summary>
    private static async Task<string> OpenSendAndAnswerAsync(FocusBotTestHost host, ConnectorSimulator.ConnectorSimulator connector, ShiftableTimeProvider clock)
    {
        _ = host.Client;
        foreach (var person in People)
        {
            connector.AddConversation(ChatOf(person), TenantId);
            Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(PersonalInstall(connector.BaseUrl, person, person, "Europe/London"))).StatusCode);
        }

        foreach (var now in new[] { new DateTimeOffset(2026, 11, 30, 19, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero) })
        {
            clock.Offset = now - DateTimeOffset.UtcNow;
            await host.Services.GetRequiredService<PulseScheduler>().RunOnceAsync(CancellationToken.None);
            await host.Services.GetRequiredService<DeliveryWorker>().RunOnceAsync(CancellationToken.None);
        }

        var pulse = Assert.Single(await host.Services.GetRequiredService<IPulseStore>().ListActiveAsync(CancellationToken.None));
        var questions = await host.Services.GetRequiredService<PulseBank>().QuestionsOfAsync(pulse, CancellationToken.None);
        var values = new JsonObject { ["pulseId"] = pulse.Id };
        foreach (var question in questions)
            values[PulseCard.InputPrefix + question.Id] = question.Kind == QuestionKind.FreeText ? "Ring back the same day." : AnswerScales.ChoicesFor(question)[0].Value;
        var answer = await host.PostActivityAsync(Execute(connector.BaseUrl, People[0], ChatOf(People[0]), PulseCard.AnswerVerb, values));
        Assert.Contains(PulseCard.EditVerb, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return pulse.Id;
    }

    /// <summary>Every row of every table of the store, as text, in a fixed order.</summary>
    private static async Task<SortedDictionary<string, List<string>>> SnapshotAsync(string data)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "focusbot.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }

        var snapshot = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\";";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            rows.Sort(StringComparer.Ordinal);
            snapshot[table] = rows;
        }

        return snapshot;
    }
}
