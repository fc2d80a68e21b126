using System.Text.Json;
using FocusBot.TestSupport;

namespace FocusBot.Cards.Tests.Validation;

/// <summary>Validates every card in <see cref="BrokenCards"/> in one node run.</summary>
public sealed class BrokenCardValidationFixture : IAsyncLifetime
{
    public CardValidationReport Report { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Report = await CardValidator.ValidateAsync(
            BrokenCards.All.ToDictionary(card => card.Key, card => JsonSerializer.SerializeToUtf8Bytes(card.Value.Build())),
            TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
