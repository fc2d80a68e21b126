using System.Globalization;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Domain.Questions;

namespace FocusBot.Questions;

/// <summary>
/// `questions` for HR: how the bank covers the three dimensions and the three programme levels, then the active
/// questions one page at a time with Previous/Next buttons.
/// </summary>
public static class QuestionListCard
{
    public const string Title = "Question bank";

    private static readonly QuestionDimension[] s_dimensions = Enum.GetValues<QuestionDimension>();

    public static AdaptiveCard Create(IReadOnlyList<Question> bank, int page)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var active = bank.Where(q => q.Active).OrderBy(q => q.Dimension).ThenBy(q => q.Level).ThenBy(q => q.Id, StringComparer.Ordinal).ToList();
        var pages = QuestionListPages.Split(active);
        page = Math.Clamp(page, 1, Math.Max(1, pages.Count));
        var inactive = bank.Count - active.Count;

        List<CardElement> body =
        [
            new TextBlock(Title) { Size = "Medium", Weight = "Bolder" },
            new TextBlock(Summary(active.Count, inactive)) { IsSubtle = true, Spacing = "None" },
            CoverageGrid(active),
        ];

        if (pages.Count == 0)
        {
            body.Add(new TextBlock("There are no active questions, so no pulse can be sent. Import a bank with `questions import`.")
            {
                Color = "Attention",
            });
        }
        else
        {
            var shown = pages[page - 1];
            var first = pages.Take(page - 1).Sum(p => p.Count) + 1;
            body.Add(new TextBlock($"Active questions {first}-{first + shown.Count - 1} of {active.Count}")
            {
                Weight = "Bolder",
                Spacing = "Large",
                Separator = true,
            });
            body.AddRange(shown.Select(QuestionItem));
        }

        const string HowToChange = "To change the bank: `questions export csv` (or `json`), edit, then `questions import` with the file " +
            "attached or the text pasted below the command.";
        body.Add(new TextBlock(HowToChange) { IsSubtle = true, Size = "Small", Spacing = "Large" });

        return new AdaptiveCard
        {
            FallbackText = $"{Title}: {Count(active.Count, "active question")}",
            Body = body,
            Actions = PageActions(page, pages.Count),
        };
    }

    private static string Summary(int active, int inactive) =>
        $"{Count(active, "active question")}{(inactive > 0 ? $", {inactive} inactive" : string.Empty)}. Each weekly pulse draws from the active ones.";

    private static Container QuestionItem(Question question) => new(
    [
        new TextBlock($"{CardText.Escape(question.Id)} · {question.Dimension} · level {question.Level} · {question.Kind}")
        {
            Size = "Small",
            IsSubtle = true,
            Wrap = true,
        },
        new TextBlock(CardText.Escape(question.Text)) { Spacing = "None" },
    ])
    {
        Spacing = "Medium",
    };

    /// <summary>Dimensions down, levels across: where the bank is thin shows at a glance.</summary>
    private static ColumnSet CoverageGrid(IReadOnlyList<Question> active)
    {
        static TextBlock Cell(string text, bool header = false) => new(text) { Weight = header ? "Bolder" : null, Wrap = false };

        var levels = new[] { 1, 2, 3 };
        List<Column> columns =
        [
            new([Cell("Dimension", header: true), .. s_dimensions.Select(d => Cell(d.ToString()))]) { Width = "stretch" },
            .. levels.Select(level => new Column(
            [
                Cell($"L{level}", header: true),
                .. s_dimensions.Select(d => Cell(Number(active.Count(q => q.Dimension == d && q.Level == level)))),
            ]) { Width = "auto" }),
            new([Cell("Total", header: true), .. s_dimensions.Select(d => Cell(Number(active.Count(q => q.Dimension == d))))]) { Width = "auto" },
        ];
        return new ColumnSet(columns) { Spacing = "Medium" };
    }

    private static List<CardAction>? PageActions(int page, int pageCount)
    {
        var actions = new List<CardAction>();
        if (page > 1)
            actions.Add(PageAction("Previous", page - 1));
        if (page < pageCount)
            actions.Add(PageAction("Next", page + 1));
        return actions.Count > 0 ? actions : null;
    }

    private static ExecuteAction PageAction(string title, int page) =>
        ExecuteAction.WithSubmitFallback(title, QuestionsCommand.PageVerb, new JsonObject { [QuestionsCommand.PageField] = page });

    private static string Count(int count, string noun) => $"{Number(count)} {noun}{(count == 1 ? string.Empty : "s")}";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
