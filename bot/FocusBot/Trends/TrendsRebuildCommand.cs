using System.Threading.Channels;
using FocusBot.Commands;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;

namespace FocusBot.Trends;

/// <summary>A rebuild someone asked for, and how to tell them when it is done.</summary>
public sealed record TrendRebuildJob(string TenantId, Func<Activity, CancellationToken, Task> ReplyAsync);

/// <summary>Rebuilds run one at a time in the background: a rebuild can outlast the time Teams waits for a reply.</summary>
public sealed class TrendRebuildRequests
{
    private readonly Channel<TrendRebuildJob> _jobs = Channel.CreateBounded<TrendRebuildJob>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropWrite });

    public bool TryEnqueue(TrendRebuildJob job) => _jobs.Writer.TryWrite(job);

    public IAsyncEnumerable<TrendRebuildJob> ReadAllAsync(CancellationToken cancellationToken) => _jobs.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>`trends rebuild`: recompute every trend figure from the raw answers (HR or Admin).</summary>
public sealed class TrendsRebuildCommand(TrendRebuildRequests queue) : ICommandHandler
{
    public BotCommand Command => CommandCatalog.TrendsRebuild;

    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var queued = queue.TryEnqueue(new TrendRebuildJob(turn.TenantId, turn.SendAsync));
        return turn.SendAsync(Activity.CreateTextMessage(queued
            ? "Rebuilding the trend figures from the raw answers. I will tell you here when it is done."
            : "Too many rebuilds are waiting. Please try again in a few minutes."), cancellationToken);
    }
}
