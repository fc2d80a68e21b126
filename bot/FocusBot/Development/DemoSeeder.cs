using System.Globalization;
using FocusBot.Configuration;
using FocusBot.Domain.Settings;
using FocusBot.Domain.Trends;
using FocusBot.Questions;

namespace FocusBot.Development;

/// <summary>
/// `--seed-demo`: 12 weeks of realistic made-up history (60 people in 5 teams, weekly pulses, answers that drift the
/// way a working programme does, one team sliding) in the Agents Playground's tenant, so a newcomer types `trends` and
/// sees meaningful figures at once, and the programme records a management review expects (<see cref="DemoProgramme"/>,
/// so `review` shows a full pack); with it the Playground user gets their roles (<see cref="PlaygroundRegistration"/>).
/// Development only (Program refuses it elsewhere); running it again writes no second history.
/// </summary>
public sealed partial class DemoSeeder(
    ISettingsStore settings,
    QuestionBankSeeder defaultBank,
    DemoTeams teams,
    DemoHistory history,
    DemoProgramme programme,
    TrendRebuilder rebuilder,
    TimeProvider timeProvider,
    ILogger<DemoSeeder> logger)
{
    public const string Option = DevelopmentSwitches.SeedDemo;

    /// <summary>The tenant and user the Microsoft 365 Agents Playground uses by default.</summary>
    public const string PlaygroundTenantId = PlaygroundDefaults.TenantId;

    public static readonly string PlaygroundUserAadObjectId = PlaygroundDefaults.User.AadObjectId;
    private const string Marker = "demo:seeded";

    /// <summary>Seeds the history and registers the Playground user when configuration asks for it (`--seed-demo`).</summary>
    public static async Task RunIfRequestedAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment() || !app.Configuration.GetValue<bool>(ConfigurationKeys.DevToolsSeedDemo))
            return;
        var stopping = app.Lifetime.ApplicationStopping;
        var seeded = await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(stopping);
        var people = await app.Services.GetRequiredService<PlaygroundRegistration>().RegisterAsync(stopping);
        await Console.Out.WriteLineAsync("FocusBot demo data: " + seeded);
        await Console.Out.WriteLineAsync("FocusBot demo roles: " + people);
    }

    public async Task<string> SeedAsync(CancellationToken cancellationToken)
    {
        const string tenant = PlaygroundTenantId;
        if (await settings.GetAsync(tenant, Marker, cancellationToken) is not null)
            return "already seeded; nothing written.";
        var now = timeProvider.GetUtcNow();
        // The default bank first: it is written only into an empty bank, and the demo questions (inactive, for the
        // history) would otherwise leave a store with nothing a real pulse can ask.
        await defaultBank.SeedIfEmptyAsync(cancellationToken);
        await history.AddQuestionsAsync(now, cancellationToken);
        var people = await teams.SeedAsync(tenant, now, cancellationToken);
        var answerCount = await history.AddPulsesAsync(tenant, people, now, cancellationToken);
        var records = await programme.AddAsync(tenant, now, cancellationToken);

        var rebuilt = await rebuilder.RebuildAsync(tenant, cancellationToken);
        await settings.SetAsync(tenant, Marker, "1", cancellationToken);
        LogSeeded(logger, answerCount);
        return string.Create(CultureInfo.InvariantCulture,
            $"{people.Count} people in {DemoBank.Teams.Length} teams, {DemoHistory.Weeks} weekly pulses, {answerCount} answers, {records} programme records (type `review`). ")
            + (rebuilt.Refused ? $"Trend figures not built yet: {rebuilt.RefusedBecause}; type `trends rebuild` later." : "Type `trends` in the Agents Playground.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Answers} answers")]
    private static partial void LogSeeded(ILogger logger, long answers);
}
