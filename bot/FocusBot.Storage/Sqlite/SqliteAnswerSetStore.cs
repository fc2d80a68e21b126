using FocusBot.Domain.Answers;

namespace FocusBot.Storage.Sqlite;

/// <summary>
/// Answer sets through the primary keys of answers, counted_answers and answered_marks, which all start with the pulse
/// id: listing seeks from one set to the next instead of reading rows, and deletes go in chunks
/// (<see cref="SqliteChunkedDelete"/>). Every chunk commits whole; whatever is left is found again by the next listing.
/// </summary>
internal sealed class SqliteAnswerSetStore(SqliteDatabase database) : IAnswerSetStore
{
    // (table, the key columns after pulse_id)
    private static readonly (string Table, string Keys)[] Tables =
    [
        ("answered_marks", "marker"),
        ("counted_answers", "respondent"),
        ("answers", "question_id, respondent"),
    ];

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (table, _) in Tables)
        {
            var after = string.Empty;
            while (await database.QuerySingleAsync(
                       "SELECT pulse_id FROM " + table + " WHERE pulse_id > $after ORDER BY pulse_id LIMIT 1;",
                       command => command.With("$after", after),
                       reader => reader.GetString(0),
                       cancellationToken) is { } next)
            {
                ids.Add(next);
                after = next;
            }
        }

        return [.. ids];
    }

    public async Task<AnswerSetDeletion> DeleteAsync(string answerSetId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(answerSetId);
        var marks = await SqliteChunkedDelete.ByPulseIdAsync(database, Tables[0].Table, Tables[0].Keys, answerSetId, cancellationToken);
        var counted = await SqliteChunkedDelete.ByPulseIdAsync(database, Tables[1].Table, Tables[1].Keys, answerSetId, cancellationToken);
        var answers = await SqliteChunkedDelete.ByPulseIdAsync(database, Tables[2].Table, Tables[2].Keys, answerSetId, cancellationToken);
        return new AnswerSetDeletion(answers, counted, marks);
    }
}
