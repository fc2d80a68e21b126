using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Trends.Gate;

/// <summary>
/// What a figure is compared with when questions rotate: the level-1 quiz in weeks 0 and 2, the level-2 quiz in week 1
/// (weeks of 5, 12 and 19 January 2026).
/// </summary>
public sealed class ComparisonTests : IAsyncLifetime
{
    private TrendWorld _world = null!;

    public async ValueTask InitializeAsync()
    {
        _world = await TrendWorld.CreateAsync();
        (Question Question, string[] Values)[] weeks =
        [
            (SampleQuestions.Quiz, ["1", "1", "1", "0", "0", "0", "0", "0", "0", "0"]),
            (SampleQuestions.Quiz2, ["1", "1", "1", "1", "1", "0", "0", "0", "0", "0"]),
            (SampleQuestions.Quiz, ["1", "1", "1", "1", "1", "1", "1", "1", "1", "0"]),
        ];
        for (var week = 0; week < weeks.Length; week++)
        {
            var pulse = await _world.OpenPulseAsync(week, weeks[week].Question);
            await _world.CohortAsync(pulse, weeks[week].Question, $"w{week}-", weeks[week].Values);
            await _world.CloseAsync(pulse);
        }

        await _world.SealAsync();
    }

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Publish_LevelNotAskedTheWeekBefore_IsComparedWithTheLastWeekItWasAsked()
    {
        var level1 = (await _world.ReportAsync()).Levels.Single(l => l.Slice == "level:1")["K"].Latest;

        Assert.Equal(ChangeLabel.Rising, level1.Change?.Label);
        Assert.Equal(60, level1.Change!.DifferencePoints, 9);
    }

    [Fact]
    public async Task Publish_TopicNotAskedTheWeekBefore_IsComparedWithTheLastWeekItWasAsked()
    {
        var topic = (await _world.ReportAsync()).Tags.Single(l => l.Slice == "tag:who-is-a-customer")["K"].Latest;

        Assert.Equal(ChangeLabel.Rising, topic.Change?.Label);
    }

    [Fact]
    public async Task Publish_LevelAskedOnlyInAnEarlierWeek_IsStillListed()
    {
        var report = await _world.ReportAsync();

        Assert.Contains(report.Levels, l => l.Slice == "level:2");
        Assert.Contains(report.Tags, l => l.Slice == "tag:iso-9001");
    }

    [Fact]
    public async Task Publish_QuestionAskedTwoWeeksApart_IsComparedWithTheLastTimeItWasAsked()
    {
        var quiz = (await _world.ReportAsync()).Questions.Single(q => q.QuestionId == "k1").Points[^1];

        Assert.Equal(ChangeLabel.Rising, quiz.Change?.Label);
    }
}
