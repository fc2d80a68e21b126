using FocusBot.Domain.Trends;
using FocusBot.Messaging;

namespace FocusBot.Trends;

/// <summary>Reading the comments of large enough groups: the `comments` command and the report page's section.</summary>
public static class CommentsServiceCollectionExtensions
{
    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.AddSingleton<VoiceComments>();
        services.AddSingleton<CommentMaskers>();
        services.AddSingleton<CommentsReader>();
        services.AddSingleton<ICommandHandler, CommentsCommand>();
        return services;
    }
}
