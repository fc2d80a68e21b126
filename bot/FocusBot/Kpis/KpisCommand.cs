using System.Text.RegularExpressions;
using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Domain.Kpis;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;
using FocusBot.Questions;

namespace FocusBot.Kpis;

/// <summary>
/// `kpis` (HR): the KPI card; `kpis import` with a CSV attached or pasted; `kpis key` and `kpis key revoke` for the
/// automation endpoint. Only in the personal chat: the key and the figures are not for a channel.
/// </summary>
public sealed partial class KpisCommand(
    KpiOverviewReader overviews,
    KpiImporter importer,
    QuestionFileClient files,
    IKpiStore store,
    KpiKeyMessages keyMessages,
    TimeProvider timeProvider,
    ILogger<KpisCommand> logger) : ICommandHandler
{
    public const string Usage =
        "kpis: how to use it\n" +
        "- kpis: each customer KPI by period, beside knowledge, behaviour and attitude\n" +
        "- kpis import: with a .csv file attached, or with the CSV pasted on the lines below the command (Shift+Enter starts a new line); " +
        "the first line is " + KpiCsvReader.Header + "\n" +
        "- kpis key: a key for POST /api/kpis (shown once); kpis key revoke stops it";

    public const string NothingImported = "Your KPIs are unchanged. Fix these and send `kpis import` again.";

    private static readonly string[] Subcommands = ["import", "key"];

    public BotCommand Command => CommandCatalog.Kpis;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (words.Length > 0 ? words[0].ToUpperInvariant() : string.Empty)
        {
            case "":
                var card = KpiCard.Create(await overviews.ReadAsync(turn.TenantId, cancellationToken));
                await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), KpiCard.Title), cancellationToken);
                break;
            case "IMPORT":
                await ImportAsync(turn, cancellationToken);
                break;
            case "KEY" when words.Length == 1:
                await CreateKeyAsync(turn, cancellationToken);
                break;
            case "KEY" when words.Length == 2 && words[1].Equals("revoke", StringComparison.OrdinalIgnoreCase):
                await SendTextAsync(turn, await store.RevokeKeyAsync(turn.TenantId, cancellationToken)
                    ? "The KPI import key is revoked: POST /api/kpis refuses it from now on. Type kpis key to make a new one."
                    : "There is no KPI import key to revoke.", cancellationToken);
                break;
            default:
                var meant = CommandSuggestions.Closest(words[0], Subcommands).Select(s => "kpis " + s).ToList();
                await SendTextAsync(turn, CommandSuggestions.DidYouMean(meant) is { } question ? question + "\n\n" + Usage : Usage, cancellationToken);
                break;
        }
    }

    private async Task ImportAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var (text, refusal) = await ReadImportAsync(turn, cancellationToken);
        if (text is null)
        {
            await SendTextAsync(turn, refusal!, cancellationToken);
            return;
        }

        var from = turn.Activity.From ?? new ChannelAccount();
        var outcome = await importer.ImportAsync(turn.TenantId, text, from.AadObjectId ?? from.Id ?? "unknown", cancellationToken);
        if (!outcome.Applied)
        {
            var card = ImportProblemsCard.Create(outcome.File.Problems, NothingImported);
            await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), card.FallbackText), cancellationToken);
            return;
        }

        await SendTextAsync(turn, outcome.Summary() + " Type kpis to see them beside the staff figures.", cancellationToken);
    }

    private async Task<(string? Text, string? Refusal)> ReadImportAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var attached = QuestionFileAttachment.From(turn.Activity);
        if (attached.Count > 1)
            return (null, "Please attach one file at a time.");
        if (attached.Count == 1)
        {
            var file = attached[0];
            if (!file.Extension.Equals("csv", StringComparison.OrdinalIgnoreCase) && !file.Extension.Equals("txt", StringComparison.OrdinalIgnoreCase))
            {
                // The refusal is a chat message, whose markdown Teams renders; the file name is the sender's.
                return (null, $"I read KPIs from .csv files, not .{CardText.Escape(file.Extension)}. " +
                    "From Excel, choose Save As > \"CSV UTF-8 (Comma delimited)\" and attach that.");
            }

            var download = await files.DownloadAsync(file.DownloadUrl, cancellationToken);
            return (download.Text, download.Refusal);
        }

        var pasted = PastedImport.Extract(turn.Activity.TextWithoutBotMention(), CommandPrefix());
        return pasted.Length > 0
            ? (pasted, null)
            : (null, "Attach a .csv file to a message that says kpis import, or paste the CSV on the lines below kpis import " +
                $"(Shift+Enter starts a new line). The first line is {KpiCsvReader.Header}, e.g.\n\n" +
                $"{KpiCsvReader.Header}\nCSAT,2026-Q3,,82.5,,\nComplaints,2026-11,Service Desk,4,,");
    }

    private async Task CreateKeyAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var key = KpiApiKeys.Create();
        var from = turn.Activity.From ?? new ChannelAccount();
        await store.SetKeyAsync(new KpiApiKey
        {
            TenantId = turn.TenantId,
            KeyHash = KpiApiKeys.Hash(key),
            CreatedBy = from.AadObjectId ?? from.Id ?? "unknown",
            CreatedAt = timeProvider.GetUtcNow(),
        }, cancellationToken);
        LogKeyCreated(logger);
        var shown = await turn.SendAsync(Activity.CreateTextMessage(
            "Your KPI import key, shown only this once (FocusBot keeps only a hash of it), so copy it now: FocusBot takes it out of " +
            $"this chat in {KpiKeyMessages.ShownFor.TotalMinutes:0} minutes.\n\n{key}\n\n" +
            "Send the CSV to POST /api/kpis on FocusBot's address with the headers Authorization: Bearer <key> and Content-Type: text/csv. " +
            "It replaces any earlier key; kpis key revoke stops it."), cancellationToken);
        if (shown.Id is { } activityId && from.Id is { } userId)
            await keyMessages.ScheduleRemovalAsync(turn.TenantId, userId, turn.Conversation.ConversationId, activityId, cancellationToken);
    }

    private static async Task SendTextAsync(TurnContext turn, string text, CancellationToken cancellationToken) =>
        await turn.SendAsync(Activity.CreateTextMessage(text), cancellationToken);

    [GeneratedRegex(@"^\s*kpis\s+import\b[ \t]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommandPrefix();

    [LoggerMessage(Level = LogLevel.Information, Message = "A new KPI import key was made; any earlier key of the tenant stops working")]
    private static partial void LogKeyCreated(ILogger logger);
}
