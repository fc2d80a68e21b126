using System.Globalization;
using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Domain.Questions;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;
using FocusBot.Questions.Interchange;

namespace FocusBot.Questions;

/// <summary>
/// `questions` (HR): list the bank, export it as JSON or CSV, import a new one pasted or attached. Only in the personal
/// chat: an export holds every quiz answer, which a team channel would show to everyone.
/// </summary>
public sealed partial class QuestionsCommand(
    IQuestionStore store,
    QuestionBankImporter importer,
    QuestionFileClient files,
    ILogger<QuestionsCommand> logger) : ICommandHandler, ICardActionHandler
{
    public const string PageVerb = "questions.page";
    public const string PageField = "page";

    public const string Usage =
        "questions: how to use it\n" +
        "- questions (or questions list): what the bank holds, by dimension and level, and its active questions\n" +
        "- questions export csv / questions export json: the whole bank, to edit\n" +
        "- questions import: with the edited file attached, or with the JSON or CSV pasted on the lines below the command " +
        "(Shift+Enter starts a new line). The import replaces the bank only if every line is valid.";

    // The words the switch below answers, offered when one is mistyped.
    private static readonly string[] Subcommands = ["list", "export", "import"];
    private static readonly string[] ExportFormats = ["csv", "json"];

    public BotCommand Command => CommandCatalog.Questions;

    public IReadOnlyCollection<string> Verbs { get; } = [PageVerb];

    public BotCommand? CommandFor(string verb) => CommandCatalog.Questions;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var subcommand = words.Length > 0 ? words[0].ToUpperInvariant() : "LIST";
        switch (subcommand)
        {
            case "LIST":
                await ListAsync(turn, words.Length > 1 && int.TryParse(words[1], CultureInfo.InvariantCulture, out var page) ? page : 1, cancellationToken);
                break;
            case "EXPORT":
                await ExportAsync(turn, words.Length > 1 ? words[1] : null, cancellationToken);
                break;
            case "IMPORT":
                await ImportAsync(turn, cancellationToken);
                break;
            default:
                var meant = CommandSuggestions.Closest(words[0], Subcommands).Select(s => "questions " + s).ToList();
                await SendTextAsync(turn, CommandSuggestions.DidYouMean(meant) is { } question ? question + "\n\n" + Usage : Usage, cancellationToken);
                break;
        }
    }

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken)
    {
        var page = data.ValueKind == JsonValueKind.Object && data.TryGetProperty(PageField, out var value) && value.TryGetInt32(out var number) ? number : 1;
        var bank = await store.ListAsync(includeInactive: true, cancellationToken);
        return AdaptiveCardInvokeResponse.Card(QuestionListCard.Create(bank, page).ToJsonElement());
    }

    private async Task ListAsync(TurnContext turn, int page, CancellationToken cancellationToken)
    {
        var bank = await store.ListAsync(includeInactive: true, cancellationToken);
        await turn.SendAsync(Activity.CreateCardMessage(QuestionListCard.Create(bank, page).ToJsonElement(), QuestionListCard.Title), cancellationToken);
    }

    private async Task ExportAsync(TurnContext turn, string? formatName, CancellationToken cancellationToken)
    {
        QuestionFileFormat? format = formatName?.ToUpperInvariant() switch
        {
            "JSON" => QuestionFileFormat.Json,
            "CSV" => QuestionFileFormat.Csv,
            _ => null,
        };
        if (format is not { } chosen)
        {
            var meant = formatName is null ? [] : CommandSuggestions.Closest(formatName, ExportFormats).Select(f => "questions export " + f).ToList();
            await SendTextAsync(turn, (CommandSuggestions.DidYouMean(meant) is { } question ? question + " " : string.Empty) +
                "Export as which format? Type questions export csv (for a spreadsheet) or questions export json.", cancellationToken);
            return;
        }

        var bank = (await store.ListAsync(includeInactive: true, cancellationToken))
            .OrderBy(q => q.Dimension).ThenBy(q => q.Level).ThenBy(q => q.Id, StringComparer.Ordinal)
            .ToList();
        var content = chosen == QuestionFileFormat.Json ? QuestionJsonFormat.Write(bank) : QuestionCsvFormat.Write(bank);
        var messages = QuestionExportMessages.Create(chosen, content, bank.Count, bank.Count(q => q.Active));
        foreach (var message in messages)
            await turn.SendAsync(message, cancellationToken);
        LogExported(logger, chosen, bank.Count, messages.Count);
    }

    private async Task ImportAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var (content, format, refusal) = await ReadImportAsync(turn, cancellationToken);
        if (refusal is not null)
        {
            await SendTextAsync(turn, refusal, cancellationToken);
            return;
        }

        var outcome = await importer.ImportAsync(content!, format, cancellationToken);
        if (!outcome.Applied)
        {
            var card = ImportProblemsCard.Create(outcome.Problems);
            await turn.SendAsync(Activity.CreateCardMessage(card.ToJsonElement(), card.FallbackText), cancellationToken);
            return;
        }

        await SendTextAsync(turn, ImportSummary.Describe(outcome), cancellationToken);
    }

    private async Task<(string? Content, QuestionFileFormat Format, string? Refusal)> ReadImportAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var attached = QuestionFileAttachment.From(turn.Activity);
        if (attached.Count > 1)
            return (null, default, "Please attach one file at a time: the import replaces the whole bank.");
        if (attached.Count == 1)
        {
            var file = attached[0];
            QuestionFileFormat? declared = file.Extension.ToUpperInvariant() switch
            {
                "JSON" => QuestionFileFormat.Json,
                "CSV" => QuestionFileFormat.Csv,
                _ => null,
            };
            if (declared is null && file.Extension.Length > 0 && !file.Extension.Equals("txt", StringComparison.OrdinalIgnoreCase))
            {
                // The refusal is a chat message, whose markdown Teams renders; the file name is the sender's.
                return (null, default, $"I can read .csv and .json files, not .{CardText.Escape(file.Extension)}. " +
                    "From Excel, choose Save As > \"CSV UTF-8 (Comma delimited)\" and attach that.");
            }

            var download = await files.DownloadAsync(file.DownloadUrl, cancellationToken);
            if (download.Text is null)
                return (null, default, download.Refusal);
            return (download.Text, declared ?? QuestionBankReader.Detect(download.Text), null);
        }

        var pasted = PastedImport.Extract(turn.Activity.TextWithoutBotMention());
        if (pasted.Length == 0)
        {
            return (null, default, "Attach the edited .csv or .json file to a message that says questions import, or paste the " +
                "bank on the lines below questions import (Shift+Enter starts a new line). Type questions export csv to get the current bank to edit.");
        }

        return (pasted, QuestionBankReader.Detect(pasted), null);
    }

    private static async Task SendTextAsync(TurnContext turn, string text, CancellationToken cancellationToken) =>
        await turn.SendAsync(Activity.CreateTextMessage(text), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Question bank exported as {Format}: {Count} questions in {Messages} message(s)")]
    private static partial void LogExported(ILogger logger, QuestionFileFormat format, int count, int messages);
}
