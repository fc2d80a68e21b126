using System.Globalization;
using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;
using FocusBot.Recognitions;

namespace FocusBot.Trends;

/// <summary>
/// `recognitions export` and the history's "Export CSV" button (HR only; the router checks both): a signed link to the
/// CSV of every recognition, or of the view the card showed, made for the person who asked.
/// </summary>
public sealed partial class RecognitionExportCommand(RecognitionsCommand history, ReportUrls urls, ILogger<RecognitionExportCommand> logger)
    : ICommandHandler, ICardActionHandler
{
    public const string Title = "Recognitions as CSV";

    public BotCommand Command => CommandCatalog.RecognitionsExport;

    public IReadOnlyCollection<string> Verbs { get; } = [RecognitionsCard.ExportVerb];

    public BotCommand? CommandFor(string verb) => CommandCatalog.RecognitionsExport;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var card = Card(turn, RecognitionHistoryView.All);
        await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), Title), cancellationToken);
    }

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken)
    {
        var view = await history.ViewFromAsync(turn.TenantId, data, cancellationToken);
        return AdaptiveCardInvokeResponse.Card(Card(turn, view).ToJsonElement());
    }

    private AdaptiveCard Card(TurnContext turn, RecognitionHistoryView view)
    {
        var from = turn.Activity.From;
        // The HR role was checked by the router, which only grants roles to people with an Entra object id.
        var link = urls.RecognitionExportFor(turn.TenantId, from?.AadObjectId ?? string.Empty, from?.Id, view.TeamId, view.Behaviour, view.Month,
            view.Kind is { } kind ? RecognitionKinds.Code(kind) : null);
        LogLinkMade(logger, view.IsFiltered);
        return new AdaptiveCard
        {
            FallbackText = Title,
            Body =
            [
                new TextBlock(Title) { Size = "Large", Weight = "Bolder" },
                new TextBlock(view.IsFiltered
                    ? "The recognitions the card showed, as a CSV file: date, kind, who, by whom, behaviour, team, channel, story and applause."
                    : "Every recognition, executive and from colleagues, as a CSV file: date, kind, who, by whom, behaviour, team, channel, story and applause."),
                new TextBlock(string.Create(CultureInfo.InvariantCulture,
                    $"The link is made for you and works while you hold the HR role, until {link.ExpiresAt:d MMM yyyy HH:mm} UTC. Do not forward it."))
                {
                    IsSubtle = true,
                    Size = "Small",
                },
            ],
            Actions = [new OpenUrlAction("Download CSV", urls.RecognitionsCsv(link))],
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recognition export link made (filtered: {Filtered})")]
    private static partial void LogLinkMade(ILogger logger, bool filtered);
}
