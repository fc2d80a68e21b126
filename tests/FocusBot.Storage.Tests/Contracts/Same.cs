using FocusBot.Domain.Answers;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;

namespace FocusBot.Storage.Tests.Contracts;

/// <summary>Record equality compares lists by reference; these compare their items too.</summary>
internal static class Same
{
    public static void Question(Question expected, Question? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Options, actual.Options);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected with { Options = actual.Options, Tags = actual.Tags }, actual);
    }

    public static void Pulse(Pulse expected, Pulse? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.QuestionIds, actual.QuestionIds);
        Assert.Equal(expected with { QuestionIds = actual.QuestionIds, ETag = actual.ETag }, actual);
    }

    public static void Answer(Answer expected, Answer? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.TeamIds, actual.TeamIds);
        Assert.Equal(expected with { TeamIds = actual.TeamIds }, actual);
    }

    public static void Insight(Insight expected, Insight? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ChannelIds, actual.ChannelIds);
        Assert.Equal(expected.TeamIds, actual.TeamIds);
        Assert.Equal(expected with { ChannelIds = actual.ChannelIds, TeamIds = actual.TeamIds }, actual);
    }
}
