using FocusBot.Domain.Trends;
using FocusBot.Privacy;

namespace FocusBot.Trends;

/// <summary>The comments of a group for the card and the report page: the gate's periods, the tenant's masker, the keyed order.</summary>
public sealed class CommentsReader(VoiceComments comments, CommentMaskers maskers, Pseudonyms pseudonyms)
{
    public Task<PublishedComments> PublishAsync(TrendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return comments.PublishAsync(request, (texts, token) => maskers.ForAsync(request.TenantId, texts, token), pseudonyms.CommentOrder, cancellationToken);
    }
}
