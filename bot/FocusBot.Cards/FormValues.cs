using System.Globalization;
using System.Text.Json;

namespace FocusBot.Cards;

/// <summary>
/// The values a card form sent back (Action.Execute data or Action.Submit value), read with the checks every form needs:
/// required, bounded length, one of the offered choices. Every problem is collected, each as a sentence for the person,
/// so a form can be shown again with all of them at once.
/// </summary>
public sealed class FormValues
{
    private readonly JsonElement _data;
    private readonly List<string> _problems = [];

    public FormValues(JsonElement data) => _data = data;

    public IReadOnlyList<string> Problems => _problems;

    public bool IsValid => _problems.Count == 0;

    /// <summary>The value as sent (strings as they are, numbers and booleans as text); null when absent.</summary>
    public string? Raw(string id)
    {
        if (_data.ValueKind != JsonValueKind.Object || !_data.TryGetProperty(id, out var value))
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    /// <summary>Cleaned text (see <see cref="CardText.Clean"/>), or null when empty; a problem when longer than allowed.</summary>
    public string? Optional(string id, string label, int maxLength)
    {
        var text = CardText.Clean(Raw(id));
        if (text.Length == 0)
            return null;
        if (text.Length > maxLength)
        {
            _problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{label} is {text.Length} characters long; please keep it to {maxLength}."));
        }

        return text;
    }

    /// <summary>As <see cref="Optional"/>, and a problem when empty.</summary>
    public string? Required(string id, string label, int maxLength)
    {
        var text = Optional(id, label, maxLength);
        if (text is null)
            _problems.Add($"{label} is required.");
        return text;
    }

    /// <summary>A checkbox: true only for "true".</summary>
    public bool Flag(string id) => string.Equals(Raw(id), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>One of <paramref name="allowed"/> (ordinal), or null; a problem when something else was sent.</summary>
    public string? Choice(string id, string label, IReadOnlyCollection<string> allowed, bool required)
    {
        var value = CardText.Clean(Raw(id));
        if (value.Length == 0)
        {
            if (required)
                _problems.Add($"{label} is required.");
            return null;
        }

        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            _problems.Add($"{label}: please choose one of the options offered.");
            return null;
        }

        return value;
    }

    /// <summary>
    /// The values of a multi-select, each once. It sends them joined by commas; Teams' conversation and team ids never
    /// contain one.
    /// </summary>
    public IReadOnlyList<string> Values(string id) =>
        [.. CardText.Clean(Raw(id)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    public void Problem(string message) => _problems.Add(message);
}
