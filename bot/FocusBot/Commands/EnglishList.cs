namespace FocusBot.Commands;

/// <summary>Items joined as a sentence says them: "a", "a and b", "a, b and c".</summary>
public static class EnglishList
{
    public static string And(IReadOnlyList<string> items) => Join(items, "and");

    public static string Or(IReadOnlyList<string> items) => Join(items, "or");

    private static string Join(IReadOnlyList<string> items, string conjunction) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} {conjunction} {items[^1]}";
}
