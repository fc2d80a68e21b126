using System.Text.Json.Serialization;

namespace FocusBot.Cards;

/// <summary>A body element of a card.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(TimeInput), "Input.Time")]
public abstract record CardElement
{
    public string? Id { get; init; }

    public string? Spacing { get; init; }

    public bool? Separator { get; init; }

    public bool? IsVisible { get; init; }
}

/// <summary>Text; Adaptive Cards render a subset of markdown in it.</summary>
public sealed record TextBlock(string Text) : CardElement
{
    public bool? Wrap { get; init; } = true;

    public string? Size { get; init; }

    public string? Weight { get; init; }

    public string? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public int? MaxLines { get; init; }

    public string? FontType { get; init; }

    public string? Style { get; init; }
}

/// <summary>A group of elements, optionally styled (emphasis, good, attention, warning, accent).</summary>
public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public string? Style { get; init; }

    public bool? Bleed { get; init; }
}

/// <summary>Columns side by side.</summary>
public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;

/// <summary>One column of a <see cref="ColumnSet"/>: width "auto", "stretch" or a weight.</summary>
public sealed record Column(IReadOnlyList<CardElement> Items)
{
    public string Type { get; init; } = "Column";

    public string? Width { get; init; }

    public string? VerticalContentAlignment { get; init; }
}

/// <summary>Label/value pairs.</summary>
public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

/// <summary>One label/value pair.</summary>
public sealed record Fact(string Title, string Value);

/// <summary>Actions placed inside the body (where Teams shows buttons under a question).</summary>
public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;

/// <summary>A text input.</summary>
public sealed record TextInput : CardElement
{
    public string? Label { get; init; }

    public string? Placeholder { get; init; }

    public string? Value { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

/// <summary>A choice input: a dropdown ("compact"), radio buttons ("expanded") or a searchable list ("filtered").</summary>
public sealed record ChoiceSetInput : CardElement
{
    public string? Label { get; init; }

    public IReadOnlyList<Choice> Choices { get; init; } = [];

    public string? Style { get; init; }

    public string? Value { get; init; }

    public bool? IsMultiSelect { get; init; }

    public string? Placeholder { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>Teams' dynamic people search (<c>graph.microsoft.com/users</c>), where the client supports it.</summary>
    [JsonPropertyName("choices.data")]
    public DataQuery? ChoicesData { get; init; }
}

/// <summary>One choice of a <see cref="ChoiceSetInput"/>.</summary>
public sealed record Choice(string Title, string Value);

/// <summary>A dynamic dataset for a choice input.</summary>
public sealed record DataQuery(string Dataset)
{
    public string Type { get; init; } = "Data.Query";
}

/// <summary>A checkbox.</summary>
public sealed record ToggleInput(string Title) : CardElement
{
    public string? Label { get; init; }

    public string? Value { get; init; }

    public string? ValueOn { get; init; }

    public string? ValueOff { get; init; }
}

/// <summary>A date picker; its value is "yyyy-MM-dd".</summary>
public sealed record DateInput : CardElement
{
    public string? Label { get; init; }

    public string? Value { get; init; }

    public string? Min { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

/// <summary>A time picker; its value is "HH:mm".</summary>
public sealed record TimeInput : CardElement
{
    public string? Label { get; init; }

    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}
