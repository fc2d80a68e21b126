using FocusBot.Domain.Questions;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Trends.Gate;

/// <summary>
/// Rebuild equals incremental: random weeks of answers, changes of mind, part-submissions sent at the same moment,
/// "one thing" comments, erasures and seals go through the live path; a rebuild from the stored answers must then find
/// every figure as the live path left it (unsealed periods recomputed to the same numbers, sealed ones untouched).
/// </summary>
public abstract class RebuildPropertyTests
{
    private static readonly string[] s_teams = ["a", "b", "c", "d"];
    private static readonly string[] s_slices =
        ["org", "team:a", "team:b", "team:c", "team:d", "level:1", "level:2", "tag:who-is-a-customer", "tag:listening", "voice:org", "voice:team:a", "voice:team:b",
            "voice:team:c", "voice:team:d", "index", "groups"];

    protected abstract Task<TrendWorld> CreateWorldAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task RandomWeeks_RebuildFindsTheLiveFigures(int seed)
    {
        await using var world = await CreateWorldAsync();
        var random = new Random(seed);
        var people = Enumerable.Range(0, 14).ToDictionary(i => "p" + i, _ => s_teams.Where(_ => random.NextDouble() < 0.35).ToArray());
        var erased = new HashSet<string>();
        var erasedAfterASeal = false;
        var sealedOnce = false;
        for (var week = 0; week < 4; week++)
        {
            var pulse = await world.OpenPulseAsync(week, SampleQuestions.Quiz, SampleQuestions.Frequency, SampleQuestions.Agreement, SampleQuestions.Advocacy, SampleQuestions.Voice);
            var questions = SampleQuestions.All.Where(q => pulse.QuestionIds.Contains(q.Id)).ToList();
            var present = people.Where(p => !erased.Contains(p.Key)).ToList();
            foreach (var (person, teams) in present)
                await world.DeliverAsync(pulse, person, teams);
            foreach (var (person, teams) in present.OrderBy(_ => random.Next()))
            {
                if (random.NextDouble() < 0.3)
                    await world.CommentAsync(person, random.NextDouble() < 0.5 ? "call customers back the same day" : "fewer handoffs between teams", teams);
                if (random.NextDouble() < 0.2)
                    continue;
                // Part-submissions of one person, sent at the same moment.
                var parts = questions.Where(_ => random.NextDouble() < 0.85).GroupBy(_ => random.Next(3))
                    .Select(part => part.Select(q => (Question: q, Value: Value(q, random))).ToList()).ToList();
                await Task.WhenAll(parts.Select(async part =>
                {
                    foreach (var (question, value) in part)
                        await world.AnswerAsync(pulse, question, person, value, teams);
                }));
                if (random.NextDouble() < 0.3 && questions.Count > 0)
                {
                    var changed = questions[random.Next(questions.Count)];
                    await world.AnswerAsync(pulse, changed, person, Value(changed, random), teams);
                }
            }

            if (random.NextDouble() < 0.5)
            {
                var leaving = present[random.Next(present.Count)].Key;
                await world.EraseAsync(leaving);
                erased.Add(leaving);
                erasedAfterASeal |= sealedOnce;
            }

            await world.CloseAsync(pulse);
            if (random.NextDouble() < 0.7)
            {
                await world.SealAsync();
                sealedOnce = true;
            }
        }

        world.Clock.Advance(TimeSpan.FromDays(3));
        var live = Figures(await world.SnapshotAsync(s_slices));

        var result = await world.Rebuilder.RebuildAsync(TrendWorld.Tenant, CancellationToken.None);

        Assert.False(result.Refused);
        Assert.True(live.Count > 300, $"only {live.Count} cells");
        Assert.Equal(live, Figures(await world.SnapshotAsync(s_slices)));
        if (!erasedAfterASeal)
            Assert.Equal(0, result.SealedPeriodsDiffering);
    }

    private static SortedDictionary<string, long> Figures(SortedDictionary<string, long> cells) =>
        new(cells.Where(c => !c.Key.Contains("|gate|", StringComparison.Ordinal)).ToDictionary(), StringComparer.Ordinal);

    private static string Value(Question question, Random random) => question.Kind switch
    {
        QuestionKind.Quiz => random.Next(2).ToString(System.Globalization.CultureInfo.InvariantCulture),
        QuestionKind.Frequency => random.Next(4).ToString(System.Globalization.CultureInfo.InvariantCulture),
        QuestionKind.Agreement => (1 + random.Next(5)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        QuestionKind.Advocacy => random.Next(11).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => random.NextDouble() < 0.5 ? "answer the phone sooner" : "share customer feedback widely",
    };
}

public sealed class RebuildPropertyOnSqliteTests : RebuildPropertyTests
{
    protected override Task<TrendWorld> CreateWorldAsync() => TrendWorld.CreateAsync();
}

public sealed class RebuildPropertyOnAzuriteTests : RebuildPropertyTests, IAsyncLifetime
{
    private AzuriteServer? _azurite;

    public async ValueTask InitializeAsync() => _azurite = await AzuriteServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
            await _azurite.DisposeAsync();
    }

    protected override Task<TrendWorld> CreateWorldAsync() => TrendWorld.CreateAsync(azureTablesConnectionString: _azurite!.ConnectionString);
}
