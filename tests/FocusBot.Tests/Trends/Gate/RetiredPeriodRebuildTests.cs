using FocusBot.Domain.Pulses;
using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Trends.Gate;

/// <summary>
/// A rebuild after retention deleted raw answers: periods starting before the retention line keep the figures they have,
/// sealed or not (a period left unsealed, say because the digest never ran, would otherwise be rebuilt from nothing),
/// and later periods are rebuilt as ever.
/// </summary>
public sealed class RetiredPeriodRebuildTests : IAsyncLifetime
{
    private TrendWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await TrendWorld.CreateAsync();

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private static readonly string[] s_slices = ["org", "voice:org", "index", "groups"];

    private static SortedDictionary<string, long> Figures(SortedDictionary<string, long> cells) =>
        new(cells.Where(c => !c.Key.Contains("|gate|", StringComparison.Ordinal)).ToDictionary(), StringComparer.Ordinal);

    [Fact]
    public async Task Rebuild_AfterRawAnswersOfUnsealedWeeksWereDeleted_KeepsTheirFiguresAndRebuildsTheRest()
    {
        var pulses = new List<Pulse>();
        foreach (var week in (int[])[0, 1, 2])
        {
            var pulse = await _world.OpenPulseAsync(week, SampleQuestions.Agreement, SampleQuestions.Voice);
            await _world.CohortAsync(pulse, SampleQuestions.Agreement, "w" + week + "-", ["4", "5", "2", "4", "3", "5", "4"]);
            for (var i = 0; i < 12; i++)
                await _world.CommentAsync("w" + week + "-" + i, "answer the phone within three rings");
            pulses.Add(await _world.CloseAsync(pulse));
        }

        // Two years on (the line is Monday 19 January 2026), none of these periods sealed yet; retention deleted the first
        // two weeks' raw answers.
        _world.Clock.SetUtcNow(new DateTimeOffset(2028, 1, 20, 12, 0, 0, TimeSpan.Zero));
        var before = Figures(await _world.SnapshotAsync(s_slices));
        var line = new DateOnly(2026, 1, 19);
        Assert.True(RawAnswerRetention.IsRetired(pulses[1], line) && !RawAnswerRetention.IsRetired(pulses[2], line));
        foreach (var pulse in pulses.Take(2))
        {
            await _world.AnswerSets.DeleteAsync(pulse.Id, CancellationToken.None);
            var week = TrendPeriod.WeekOf(DateOnly.FromDateTime(pulse.OpensAt.UtcDateTime));
            await _world.AnswerSets.DeleteAsync(PulseIds.Voice(week.Key, TrendWorld.Tenant), CancellationToken.None);
        }

        var result = await _world.Rebuilder.RebuildAsync(TrendWorld.Tenant, CancellationToken.None);

        Assert.Equal(line, result.RetiredBefore);
        Assert.Equal(1, result.Pulses);
        Assert.Equal(before, Figures(await _world.SnapshotAsync(s_slices)));
    }
}
