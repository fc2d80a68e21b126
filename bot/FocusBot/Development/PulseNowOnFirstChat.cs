using FocusBot.Domain.Conversations;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;
using FocusBot.Pulses;
using Microsoft.Extensions.Options;

namespace FocusBot.Development;

/// <summary>
/// `--pulse-now`, in Development: the first time someone opens FocusBot's personal chat after the start (in the Agents
/// Playground, opening its page installs FocusBot again), this week's pulse opens for everyone FocusBot can reach, in
/// every tenant it knows. Waiting for the chat to be open is what makes the card arrive where the developer looks: the
/// Playground forgets a chat's messages on every page load, and a chat stored on an earlier run may no longer exist.
/// </summary>
public sealed partial class PulseNowOnFirstChat(
    IOptions<DevToolsOptions> options,
    PulseNow pulseNow,
    IConversationStore conversations,
    IHostApplicationLifetime lifetime,
    ILogger<PulseNowOnFirstChat> logger) : BackgroundService, IConversationChangeHandler
{
    private readonly TaskCompletionSource<string> _firstChat = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Runs after the installation handler has stored the chat, so the pulse's fan-out finds the person in it.</summary>
    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (options.Value.PulseNow && turn.Activity is { Type: ActivityTypes.InstallationUpdate, Action: InstallationActions.Add }
            && turn.Activity.Conversation?.ConversationType is ConversationTypes.Personal or null)
            _firstChat.TrySetResult(turn.TenantId);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PulseNow)
            return;
        try
        {
            var started = new TaskCompletionSource();
            using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
            await started.Task.WaitAsync(stoppingToken);
            LogWaiting(logger);
            var tenantOfChat = await _firstChat.Task.WaitAsync(stoppingToken);

            foreach (var tenantId in await TenantsAsync(tenantOfChat, stoppingToken))
            {
                if (await pulseNow.OpenAsync(tenantId, stoppingToken) is { } opened)
                    LogOpened(logger, opened.Pulse.Id, opened.Queued, opened.Pulse.ClosesAt);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
#pragma warning disable CA1031 // A pulse that could not open must not stop the host: the log says why instead.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex.GetType().Name, ex.Message);
        }
    }

    private async Task<IReadOnlyCollection<string>> TenantsAsync(string tenantOfChat, CancellationToken cancellationToken)
    {
        var tenants = new SortedSet<string>(StringComparer.Ordinal) { tenantOfChat };
        await foreach (var chat in conversations.ListPersonalAsync(null, cancellationToken))
            tenants.Add(chat.TenantId);
        await foreach (var team in conversations.ListTeamsAsync(cancellationToken))
            tenants.Add(team.TenantId);
        return tenants;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "--pulse-now: this week's pulse opens for everyone as soon as you open FocusBot's chat (the Agents Playground's page)")]
    private static partial void LogWaiting(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "--pulse-now: pulse {PulseId} is open until {ClosesAt:u}; {Count} card(s) queued to go at once")]
    private static partial void LogOpened(ILogger logger, string pulseId, int count, DateTimeOffset closesAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "--pulse-now could not open a pulse ({Error}: {Message})")]
    private static partial void LogFailed(ILogger logger, string error, string message);
}
