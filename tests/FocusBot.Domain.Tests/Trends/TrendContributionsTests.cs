using FocusBot.Domain.Answers;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Trends;
using FocusBot.TestSupport;

namespace FocusBot.Domain.Tests.Trends;

public sealed class TrendContributionsTests
{
    private static readonly Pulse s_pulse = new()
    {
        Id = "p",
        TenantId = "t",
        QuestionIds = ["k1", "b1", "a1", "v1"],
        OpensAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
        ClosesAt = new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero),
        Status = PulseStatus.Open,
    };

    private static Answer A(Question question, string value, params string[] teams) => new()
    {
        PulseId = "p",
        QuestionId = question.Id,
        RespondentPseudonym = "x",
        TenantId = "t",
        Value = value,
        TeamIds = teams,
        AnsweredAt = s_pulse.OpensAt,
    };

    private static long Get(Dictionary<CellId, long> cells, string period, string slice, string key, string bucket) =>
        cells.GetValueOrDefault(new CellId(period, slice, key, bucket));

    [Fact]
    public void OfRespondent_OnePersonsAnswers_CountInEverySliceAndPeriod()
    {
        var cells = TrendContributions.OfRespondent(s_pulse,
        [
            (SampleQuestions.Quiz, A(SampleQuestions.Quiz, "1", "t1")),
            (SampleQuestions.Frequency, A(SampleQuestions.Frequency, "2", "t1")),
            (SampleQuestions.Agreement, A(SampleQuestions.Agreement, "4", "t1")),
            (SampleQuestions.Voice, A(SampleQuestions.Voice, "Faster response times on tickets", "t1")),
        ]);

        foreach (var period in (string[])["W2026-10", "M2026-03", "Q2026-1"])
        {
            foreach (var slice in (string[])["org", "team:t1"])
            {
                Assert.Equal(1, Get(cells, period, slice, "K", "n"));
                Assert.Equal(1, Get(cells, period, slice, "K", "correct"));
                Assert.Equal(1, Get(cells, period, slice, "K", "people"));
                Assert.Equal(1, Get(cells, period, slice, "B", "ge2"));
                Assert.Equal(2, Get(cells, period, slice, "B", "sum"));
                Assert.Equal(1, Get(cells, period, slice, "A", "fav"));
                Assert.Equal(4, Get(cells, period, slice, "A", "sum"));
                Assert.Equal(1, Get(cells, period, slice, "V", "n"));
                Assert.Equal(1, Get(cells, period, slice, "P", "answered"));
                Assert.Equal(1, Get(cells, period, "voice:" + slice, "phrase", "response times"));
                Assert.Equal(1, Get(cells, period, "voice:" + slice, "phrase", "faster response times"));
                Assert.Equal(0, Get(cells, period, "voice:" + slice, "phrase", "tickets"));
            }

            Assert.Equal(1, Get(cells, period, "org", "q:K:k1", "correct"));
            // A team's per-question cells are kept by week only, for the programme levels.
            Assert.Equal(period.StartsWith('W') ? 1 : 0, Get(cells, period, "team:t1", "q:K:k1", "n"));
            Assert.Equal(period.StartsWith('W') ? 1 : 0, Get(cells, period, "team:t1", "q:B:b1", "ge2"));
            Assert.Equal(period.StartsWith('W') ? 1 : 0, Get(cells, period, "team:t1", "q:A:a1", "fav"));
            Assert.Equal(0, Get(cells, period, "team:t1", "q:V:v1", "n"));
            Assert.Equal(1, Get(cells, period, "level:1", "K", "people"));
            Assert.Equal(1, Get(cells, period, "tag:who-is-a-customer", "K", "n"));
            Assert.Equal(0, Get(cells, period, "tag:who-is-a-customer", "B", "n"));
            Assert.Equal(1, Get(cells, period, "index", "slice", "team:t1"));
        }
    }

    [Fact]
    public void OfRespondent_TwoAnswersOfOneIndex_CountThePersonOnce()
    {
        var cells = TrendContributions.OfRespondent(s_pulse, [(SampleQuestions.Quiz, A(SampleQuestions.Quiz, "1")), (SampleQuestions.Quiz2, A(SampleQuestions.Quiz2, "0"))]);

        Assert.Equal(2, Get(cells, "W2026-10", "org", "K", "n"));
        Assert.Equal(1, Get(cells, "W2026-10", "org", "K", "correct"));
        Assert.Equal(1, Get(cells, "W2026-10", "org", "K", "people"));
        Assert.Equal(1, Get(cells, "W2026-10", "org", "P", "answered"));
        Assert.Equal(1, Get(cells, "W2026-10", "level:1", "K", "people"));
        Assert.Equal(1, Get(cells, "W2026-10", "level:2", "K", "people"));
    }

    [Fact]
    public void Difference_ChangedAnswer_MovesTheContributionWithoutCountingTwice()
    {
        List<(Question, Answer)> others = [(SampleQuestions.Quiz, A(SampleQuestions.Quiz, "1", "t1"))];
        var before = TrendContributions.OfRespondent(s_pulse, [.. others, (SampleQuestions.Agreement, A(SampleQuestions.Agreement, "5", "t1"))]);
        var after = TrendContributions.OfRespondent(s_pulse, [.. others, (SampleQuestions.Agreement, A(SampleQuestions.Agreement, "2", "t1"))]);

        var delta = TrendContributions.Difference(after, before);

        Assert.Equal(-1, Get(delta, "W2026-10", "org", "A", "fav"));
        Assert.Equal(1, Get(delta, "W2026-10", "org", "A", "unfav"));
        Assert.Equal(-3, Get(delta, "W2026-10", "team:t1", "A", "sum"));
        Assert.DoesNotContain(delta.Keys, cell => cell.Bucket is "n" or "people" or "answered");
        Assert.DoesNotContain(delta.Keys, cell => cell.Key == "K");
    }

    [Fact]
    public void Difference_FirstAnswerWhenAnotherExists_AddsNoSecondPerson()
    {
        List<(Question, Answer)> others = [(SampleQuestions.Quiz, A(SampleQuestions.Quiz, "1", "t1"))];

        var delta = TrendContributions.Difference(
            TrendContributions.OfRespondent(s_pulse, [.. others, (SampleQuestions.Quiz2, A(SampleQuestions.Quiz2, "1", "t1"))]),
            TrendContributions.OfRespondent(s_pulse, others));

        Assert.Equal(0, Get(delta, "W2026-10", "org", "K", "people"));
        Assert.Equal(0, Get(delta, "W2026-10", "org", "P", "answered"));
        Assert.Equal(1, Get(delta, "W2026-10", "org", "K", "n"));
        Assert.Equal(1, Get(delta, "W2026-10", "level:2", "K", "people"));
    }

    [Fact]
    public void OfDelivery_CountsThePersonInTheOrganisationAndEachTeam()
    {
        var cells = TrendContributions.OfDelivery(s_pulse, ["t1", "t2", "t1"]);

        Assert.Equal(1, Get(cells, "W2026-10", "org", "P", "delivered"));
        Assert.Equal(1, Get(cells, "M2026-03", "team:t1", "P", "delivered"));
        Assert.Equal(1, Get(cells, "Q2026-1", "team:t2", "P", "delivered"));
    }
}
