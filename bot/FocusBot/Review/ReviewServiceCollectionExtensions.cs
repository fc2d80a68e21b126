using FocusBot.Conversations;
using FocusBot.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Review;

/// <summary>The ISO 9001 management-review pack: the `review` command, its page and CSV.</summary>
public static class ReviewServiceCollectionExtensions
{
    public static IServiceCollection AddReviewPack(this IServiceCollection services)
    {
        services.TryAddSingleton<TeamChannels>();
        services.AddSingleton<ReviewPackLinks>();
        services.AddSingleton<ReviewPackBuilder>();
        services.AddSingleton<ICommandHandler, ReviewCommand>();
        return services;
    }
}
