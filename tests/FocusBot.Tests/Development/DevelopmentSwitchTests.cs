using System.Text.RegularExpressions;
using FocusBot.ConnectorSimulator;
using FocusBot.Development;
using FocusBot.TestSupport;
using Microsoft.Data.Sqlite;

namespace FocusBot.Tests.Development;

/// <summary>
/// `--seed-demo` and `--pulse-now` given on FocusBot's real command line, as `dotnet run --project bot/FocusBot -- …`
/// passes them: switches that work wherever they stand among other settings, in Development only.
/// </summary>
public sealed partial class DevelopmentSwitchTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private static readonly PlaygroundPerson Megan = PlaygroundDefaults.TeamMembers.Single(p => p.Name == "Megan Bowen");
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("focusbot-switches-");
    private ConnectorSimulator.ConnectorSimulator _connector = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorSimulator.ConnectorSimulator.StartAsync(new ConnectorSimulatorOptions { DefaultTenantId = PlaygroundDefaults.TenantId });
        foreach (var person in (PlaygroundPerson[])[PlaygroundDefaults.User, Megan])
            _connector.AddConversation(PlaygroundActivities.ChatOf(person), PlaygroundDefaults.TenantId);
    }

    public async ValueTask DisposeAsync()
    {
        await _connector.DisposeAsync();
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>
    /// Megan is made Admin by a setting, Alex (the person chatting) HR by the switch. .NET's command line used to read
    /// `--seed-demo` as taking the setting after it as its value, and Megan stayed staff.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SeedDemo_BeforeOrAfterASetting_BothTakeEffect(bool switchFirst)
    {
        var setting = "--Bot:AdminAadObjectIds=" + Megan.AadObjectId;
        string[] arguments = switchFirst ? [DevelopmentSwitches.SeedDemo, setting] : [setting, DevelopmentSwitches.SeedDemo];
        await using var bot = ChildProcess.Start("dotnet", [FocusBotDll, .. arguments, "--urls", "http://127.0.0.1:0"], AppContext.BaseDirectory, Environment("Development"));
        var address = await ListeningAddressAsync(bot);

        var meganAsks = await AskAsync(bot, address, Megan, "roles");
        var alexAsks = await AskAsync(bot, address, PlaygroundDefaults.User, "trends");

        Assert.Contains("FocusBot roles", meganAsks, StringComparison.Ordinal);
        Assert.Contains("Customer focus trends", alexAsks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedDemoAndPulseNow_InProduction_RefuseToStartAndWriteNothing()
    {
        await using var bot = ChildProcess.Start("dotnet", [FocusBotDll, DevelopmentSwitches.SeedDemo, "--urls", "http://127.0.0.1:0", DevelopmentSwitches.PulseNow],
            AppContext.BaseDirectory, Environment("Production"));
        await bot.WaitForExitAsync(Wait, TestContext.Current.CancellationToken);

        Assert.Equal(2, bot.ExitCode);
        Assert.Contains("--seed-demo and --pulse-now only run in Development", bot.Log, StringComparison.Ordinal);
        Assert.Equal(0, CountRows("role_assignments") + CountRows("conversations") + CountRows("pulses") + CountRows("roster_members"));
    }

    [Fact]
    public async Task ClockOffset_InProduction_RefusesToStartAndWritesNothing()
    {
        await using var bot = ChildProcess.Start("dotnet", [FocusBotDll, "--DevTools:ClockOffset=-8.00:00:00", "--urls", "http://127.0.0.1:0"],
            AppContext.BaseDirectory, Environment("Production"));
        await bot.WaitForExitAsync(Wait, TestContext.Current.CancellationToken);

        Assert.Equal(2, bot.ExitCode);
        Assert.Contains("DevTools:ClockOffset only runs in Development", bot.Log, StringComparison.Ordinal);
        Assert.Equal(0, CountRows("pulses") + CountRows("conversations"));
    }

    [Theory]
    [InlineData("last week", "must be a time span such as -8.00:00:00")]
    [InlineData("-500.00:00:00", "must be within 400 days of now either way")]
    public async Task ClockOffset_UnusableInDevelopment_RefusesToStartSayingWhy(string offset, string why)
    {
        await using var bot = ChildProcess.Start("dotnet", [FocusBotDll, "--DevTools:ClockOffset=" + offset, "--urls", "http://127.0.0.1:0"],
            AppContext.BaseDirectory, Environment("Development"));
        await bot.WaitForExitAsync(Wait, TestContext.Current.CancellationToken);

        Assert.Equal(2, bot.ExitCode);
        Assert.Contains("DevTools:ClockOffset " + why, bot.Log, StringComparison.Ordinal);
    }

    /// <summary>Eight days back: the developer is told the date FocusBot now runs on, and it serves as usual.</summary>
    [Fact]
    public async Task ClockOffset_InDevelopment_StartsOnTheShiftedDateAndSaysSo()
    {
        await using var bot = ChildProcess.Start("dotnet", [FocusBotDll, "--DevTools:ClockOffset=-8.00:00:00", "--urls", "http://127.0.0.1:0"],
            AppContext.BaseDirectory, Environment("Development"));
        var address = await ListeningAddressAsync(bot);

        Assert.Contains($"it is {DateTimeOffset.UtcNow.AddDays(-8):yyyy-MM-dd}", bot.Log, StringComparison.Ordinal);
        Assert.Contains("FocusBot", await AskAsync(bot, address, PlaygroundDefaults.User, "help"), StringComparison.Ordinal);
    }

    private static string FocusBotDll => Path.Combine(AppContext.BaseDirectory, "FocusBot.dll");

    private Dictionary<string, string?> Environment(string name) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = name,
        ["Storage__Sqlite__DataDirectory"] = _data.FullName,
        ["DevTools__Playground__Enabled"] = "false",
        ["Pulse__RunInBackground"] = "false",
        // What production would need to start, so that only the switches can stop it.
        ["MicrosoftAppId"] = name == "Production" ? FocusBotTestHost.AppId : null,
        ["MicrosoftAppPassword"] = name == "Production" ? "unused" : null,
        ["MicrosoftAppTenantId"] = name == "Production" ? TeamsActivities.TenantId : null,
        ["Privacy__PseudonymSecret"] = name == "Production" ? "test-secret-of-sufficient-length-0123456789" : null,
        ["ASPNETCORE_URLS"] = null,
    };

    private static async Task<Uri> ListeningAddressAsync(ChildProcess bot)
    {
        var line = await bot.WaitForOutputAsync(l => ListeningLine().IsMatch(l), Wait, TestContext.Current.CancellationToken);
        return new Uri(ListeningLine().Match(line).Groups["address"].Value);
    }

    /// <summary>Opens <paramref name="person"/>'s chat, types <paramref name="text"/>, and returns the reply as sent to Teams.</summary>
    private async Task<string> AskAsync(ChildProcess bot, Uri address, PlaygroundPerson person, string text)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = Wait };
        foreach (var activity in (string[])[PlaygroundActivities.OpenPersonalChat(_connector.BaseUrl, person), PlaygroundActivities.Message(_connector.BaseUrl, text, person)])
        {
            var before = _connector.SentTo(PlaygroundActivities.ChatOf(person)).Count;
            using var content = new StringContent(activity, System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content, TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} for {text}. FocusBot said:\n{bot.Log}");
            var deadline = DateTimeOffset.UtcNow + Wait;
            while (_connector.SentTo(PlaygroundActivities.ChatOf(person)).Count <= before)
            {
                Assert.True(DateTimeOffset.UtcNow < deadline, $"No reply to {person.Name}. FocusBot said:\n{bot.Log}");
                await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
            }
        }

        return _connector.SentTo(PlaygroundActivities.ChatOf(person))[^1].Activity.GetRawText();
    }

    private long CountRows(string table)
    {
        var path = Path.Combine(_data.FullName, "focusbot.db");
        if (!File.Exists(path))
            return 0;
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table};";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningLine();
}
