using FocusBot.Domain.Conversations;
using FocusBot.Domain.Privacy;
using FocusBot.Domain.Roster;

namespace FocusBot.Trends;

/// <summary>
/// Builds the <see cref="CommentMasker"/> for a tenant's comments from the people FocusBot knows there: the team rosters
/// and the people with a personal chat. Up to <see cref="ListAll"/> of each are read by name in one go; a larger tenant is
/// also looked up word by word for the words the comments use, so its names are caught however many people it has.
/// </summary>
public sealed class CommentMaskers(IRosterStore roster, IConversationStore conversations)
{
    public const int ListAll = 5000;
    private const int PerWord = 50;
    private const int MaxWordLookups = 1000;

    public async Task<CommentMasker> ForAsync(string tenantId, IReadOnlyList<string> comments, CancellationToken cancellationToken)
    {
        var names = new List<string?>();
        var people = await roster.SearchByNameAsync(tenantId, string.Empty, ListAll, cancellationToken);
        var chats = await conversations.SearchPersonalByNameAsync(tenantId, string.Empty, ListAll, cancellationToken);
        names.AddRange(people.Select(p => p.Name));
        names.AddRange(chats.Select(c => c.UserName));
        if (people.Count >= ListAll || chats.Count >= ListAll)
        {
            foreach (var word in comments.SelectMany(CommentMasker.WordsOf).Distinct(StringComparer.Ordinal).Take(MaxWordLookups))
            {
                names.AddRange((await roster.SearchByNameAsync(tenantId, word, PerWord, cancellationToken)).Select(p => p.Name));
                names.AddRange((await conversations.SearchPersonalByNameAsync(tenantId, word, PerWord, cancellationToken)).Select(c => c.UserName));
            }
        }

        return new CommentMasker(names);
    }
}
