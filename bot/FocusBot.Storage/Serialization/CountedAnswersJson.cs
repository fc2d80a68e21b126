using System.Text.Json;
using FocusBot.Domain.Answers;

namespace FocusBot.Storage.Serialization;

/// <summary>The answers of a <see cref="CountedAnswers"/> as one JSON text (question id → value and teams), encrypted before it is stored.</summary>
internal static class CountedAnswersJson
{
    public static string Encode(IReadOnlyDictionary<string, CountedAnswer> answers) =>
        JsonSerializer.Serialize(answers.ToDictionary(a => a.Key, a => new Item(a.Value.Value, [.. a.Value.TeamIds]), StringComparer.Ordinal));

    public static Dictionary<string, CountedAnswer> Decode(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, Item>>(json) ?? []).ToDictionary(
            a => a.Key, a => new CountedAnswer(a.Value.V, a.Value.T ?? []), StringComparer.Ordinal);

    private sealed record Item(string V, string[]? T);
}
