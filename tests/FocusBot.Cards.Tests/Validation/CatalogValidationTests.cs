using FocusBot.TestSupport;

namespace FocusBot.Cards.Tests.Validation;

public sealed class CatalogValidationTests(CatalogValidationFixture validation) : IClassFixture<CatalogValidationFixture>
{
    [Theory]
    [MemberData(nameof(CardCatalog.Names), MemberType = typeof(CardCatalog))]
    public void Validate_CardFocusBotSends_PassesSchemaRendererAndSizeChecks(string cardName)
    {
        var problems = validation.Report.ProblemsOf(cardName);

        Assert.True(problems.Count == 0, $"{cardName}:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public void Validate_WholeCatalog_ChecksEveryCardAndExitCodeMatchesProblems()
    {
        // Guards the theories above: a validator that silently skipped cards would report no problems too.
        Assert.Equal(CardCatalog.All.Count, validation.Report.CheckedCount);
        Assert.True(validation.Report.ExitCode == (validation.Report.Problems.Count == 0 ? 0 : 1), validation.Report.Output);
    }

    [Fact]
    public async Task Validate_OnlyValidCards_ExitsZeroWithNoProblemLines()
    {
        var cards = CardCatalog.All.ToDictionary(c => c.Key, c => c.Value().ToUtf8Bytes());

        var report = await CardValidator.ValidateAsync(cards, TestContext.Current.CancellationToken);

        Assert.True(report.ExitCode == 0, report.Output);
        Assert.Empty(report.Problems);
        Assert.Equal(cards.Count, report.CheckedCount);
    }
}
