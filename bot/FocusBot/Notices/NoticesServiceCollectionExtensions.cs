using FocusBot.Messaging;

namespace FocusBot.Notices;

/// <summary>Notices for Admins and HR: the board that records and tells them, the watch, and `status`.</summary>
public static class NoticesServiceCollectionExtensions
{
    public static IServiceCollection AddNotices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NoticeOptions>().Bind(configuration.GetSection(NoticeOptions.Section))
            .Validate(o => o.CheckInterval >= TimeSpan.FromSeconds(1), "Notices:CheckInterval must be at least a second.")
            .Validate(o => o.StorageOutageAfter >= TimeSpan.Zero && o.ReachCheckAfter >= TimeSpan.Zero, "Notices:StorageOutageAfter and Notices:ReachCheckAfter cannot be negative.")
            .Validate(o => o.UnreachableAtLeast >= 1 && o.UnreachableShare is >= 0 and <= 1, "Notices:UnreachableAtLeast must be at least 1 and Notices:UnreachableShare 0-1.")
            .ValidateOnStart();
        services.AddSingleton<NoticeRecipients>();
        services.AddSingleton<NoticeBoard>();
        services.AddSingleton<NoticeWatchService>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticeWatchService>());
        services.AddSingleton<ICommandHandler, StatusCommand>();
        return services;
    }
}
