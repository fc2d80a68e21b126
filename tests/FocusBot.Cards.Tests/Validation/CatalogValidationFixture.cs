using FocusBot.TestSupport;

namespace FocusBot.Cards.Tests.Validation;

/// <summary>Validates every card in <see cref="CardCatalog"/> in one node run, shared by the tests of a class.</summary>
public sealed class CatalogValidationFixture : IAsyncLifetime
{
    public CardValidationReport Report { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Report = await CardValidator.ValidateAsync(
            CardCatalog.All.ToDictionary(card => card.Key, card => card.Value().ToUtf8Bytes()),
            TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
