namespace FocusBot.Storage;

/// <summary>
/// Turns index rows, read in key order, into a search result: each person once (a person has a row per name word, and
/// per team), stopping as soon as enough people are found, then ordered by name. Both backends search this way.
/// </summary>
internal static class PeopleSearch
{
    public static async Task<IReadOnlyList<T>> CollectAsync<T>(IAsyncEnumerable<T> rows, Func<T, string> personId, Func<T, string> nameKey, int max,
        CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return [];
        }

        var found = new Dictionary<string, T>(StringComparer.Ordinal);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            found.TryAdd(personId(row), row);
            if (found.Count >= max)
            {
                break;
            }
        }

        return [.. found.Values.OrderBy(nameKey, StringComparer.Ordinal).ThenBy(personId, StringComparer.Ordinal)];
    }
}
