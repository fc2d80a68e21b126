using System.Globalization;
using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;

namespace FocusBot.Review;

/// <summary>
/// `review [range]` (HR, Executive; the router checks the role and keeps it to the personal chat): a card with signed
/// links to the ISO 9001 management-review pack of the range, as a printable page and as CSV, made for the person who asked.
/// </summary>
public sealed partial class ReviewCommand(ReviewPackLinks links, TimeProvider timeProvider, ILogger<ReviewCommand> logger) : ICommandHandler
{
    public const string Title = "Management review pack";

    public BotCommand Command => CommandCatalog.Review;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var (range, problem) = ReviewRange.Parse(arguments, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
        if (range is null)
        {
            await turn.SendAsync(Activity.CreateTextMessage(problem!), cancellationToken);
            return;
        }

        var from = turn.Activity.From;
        // The role was checked by the router, which only grants roles to people with an Entra object id.
        var link = links.For(turn.TenantId, from?.AadObjectId ?? string.Empty, from?.Id, range);
        LogLinkMade(logger, range.Kind, range.Count);
        var card = new AdaptiveCard
        {
            FallbackText = $"{Title}: {range.Label}",
            Body =
            [
                new TextBlock($"{Title}: {CardText.Escape(range.Label)}") { Size = "Large", Weight = "Bolder", Wrap = true },
                new TextBlock(string.Create(CultureInfo.InvariantCulture, $"{range.FirstDay:d MMM yyyy} to {range.LastDay:d MMM yyyy}, for the management review of ISO 9001:2015 clause 5.1.2 (customer focus).")),
                new TextBlock("Top management's insights and recognitions, staff knowledge, behaviour and attitude, programme events, what staff say could be better for customers and the actions taken, each section with the part of 5.1.2 it supports.")
                {
                    IsSubtle = true,
                    Spacing = "Small",
                },
                new TextBlock(string.Create(CultureInfo.InvariantCulture,
                    $"The links are made for you and work while you hold the HR or Executive role, until {link.ExpiresAt:d MMM yyyy HH:mm} UTC. Do not forward them."))
                {
                    IsSubtle = true,
                    Size = "Small",
                },
            ],
            Actions = [new OpenUrlAction("Open review pack", links.Page(link)), new OpenUrlAction("Download CSV", links.Csv(link))],
        };
        await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), Title), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Review pack link made ({Count} periods by {Kind})")]
    private static partial void LogLinkMade(ILogger logger, FocusBot.Domain.Trends.PeriodKind kind, int count);
}
