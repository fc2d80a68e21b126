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
    public void Validate_WholeCatalog_ChecksEveryCardAndExitsCleanly()
    {
        // Guards the theory above: a validator that silently skipped cards would report no problems too.
        Assert.Equal(CardCatalog.All.Count, validation.Report.CheckedCount);
        Assert.True(validation.Report.ExitCode == 0, validation.Report.Output);
    }
}
