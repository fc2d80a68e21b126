using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Domain.Recognitions;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;
using Microsoft.Extensions.Options;

namespace FocusBot.Recognitions;

/// <summary>`recognitions`: recent recognitions and a monthly count per behaviour, for everyone.</summary>
public sealed class RecognitionsCommand(IRecognitionStore recognitions, IOptionsMonitor<RecognitionOptions> options, TimeProvider timeProvider)
    : ICommandHandler
{
    /// <summary>The value an "Applaud" in the list sends in its data, so the answer is the list again.</summary>
    public const string ListView = "list";

    public BotCommand Command => CommandCatalog.Recognitions;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var card = await CreateCardAsync(turn, null, false, cancellationToken);
        await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), RecognitionsCard.Title), cancellationToken);
    }

    public async Task<AdaptiveCard> CreateCardAsync(TurnContext turn, string? justApplaudedId, bool alreadyApplauded, CancellationToken cancellationToken)
    {
        // Months as the reader lives them: in their own time zone, which Teams sends with every activity.
        var zone = FindZone(turn.Activity.SenderTimeZone);
        var now = TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), zone);
        var thisMonthStart = MonthStart(now.Year, now.Month, zone);
        var lastMonthStart = MonthStart(now.AddMonths(-1).Year, now.AddMonths(-1).Month, zone);

        var thisMonth = new Dictionary<string, int>(StringComparer.Ordinal);
        var lastMonth = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var recognition in recognitions.ListSinceAsync(turn.TenantId, lastMonthStart, cancellationToken))
        {
            var counts = recognition.CreatedAt >= thisMonthStart ? thisMonth : lastMonth;
            counts[recognition.Behaviour] = counts.GetValueOrDefault(recognition.Behaviour) + 1;
        }

        var recent = await recognitions.ListRecentAsync(turn.TenantId, RecognitionsCard.Recent, cancellationToken);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return RecognitionsCard.Create(recent, options.CurrentValue.EffectiveBehaviours,
            new MonthlyCount(now.ToString("MMMM", culture), thisMonth),
            new MonthlyCount(now.AddMonths(-1).ToString("MMMM", culture), lastMonth),
            turn.Activity.From?.Id, justApplaudedId, alreadyApplauded);
    }

    private static DateTimeOffset MonthStart(int year, int month, TimeZoneInfo zone)
    {
        var local = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static TimeZoneInfo FindZone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
