namespace FocusBot.Cards.Tests.Validation;

public sealed class BrokenCardValidationTests(BrokenCardValidationFixture validation) : IClassFixture<BrokenCardValidationFixture>
{
    [Theory]
    [MemberData(nameof(BrokenCards.Names), MemberType = typeof(BrokenCards))]
    public void Validate_CardWithOneMistake_ReportsThatMistake(string caseName)
    {
        var expected = BrokenCards.All[caseName].ExpectedProblem;
        var problems = validation.Report.ProblemsOf(caseName);

        Assert.True(
            problems.Any(p => p.StartsWith(expected, StringComparison.Ordinal)),
            $"expected a problem starting with: {expected}\nreported:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public void Validate_BatchWithBrokenCards_ExitsWithFailure()
    {
        Assert.Equal(BrokenCards.All.Count, validation.Report.CheckedCount);
        Assert.Equal(1, validation.Report.ExitCode);
    }
}
