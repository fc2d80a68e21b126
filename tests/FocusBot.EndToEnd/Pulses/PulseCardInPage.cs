using System.Globalization;
using System.Text.RegularExpressions;
using FocusBot.Domain.Questions;
using FocusBot.EndToEnd.Playground;
using FocusBot.Pulses;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FocusBot.EndToEnd.Pulses;

/// <summary>
/// The pulse card as Microsoft's renderer shows it in the Playground: its questions read from the input labels, and
/// answered the way a person would: a radio button, the combo box of the 0-10 advocacy scale, or the text box of the
/// optional "one thing" question the pulse ends with (Pulse:VoiceEvery).
/// </summary>
internal sealed partial class PulseCardInPage(IPage page, ILocator card)
{
    public const string SubmitButton = "Submit answers";
    public const string ChangeButton = "Change answers";
    public const string AnsweredTitle = "Thank you, your answers are in";

    /// <summary>The card's question inputs' labels, "1. question", in order (not the labels of single radio buttons).</summary>
    private ILocator QuestionLabels => card.Locator("label.ac-richTextBlock");

    /// <summary>
    /// The questions the card asks, in order, found in the bank by their label: which ones a pulse holds depends on the
    /// bank and the week's rotation, so the test reads them rather than assuming them.
    /// </summary>
    public async Task<IReadOnlyList<Question>> ReadQuestionsAsync(IReadOnlyList<Question> bank)
    {
        var questions = new List<Question>();
        foreach (var label in await QuestionLabels.AllInnerTextsAsync())
        {
            var match = NumberedLabel().Match(Shown(label));
            Assert.True(match.Success, $"The input label \"{label}\" is not \"<number>. <question>\".");
            Assert.Equal(questions.Count + 1, int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture));
            var text = match.Groups["text"].Value;
            questions.Add(bank.SingleOrDefault(q => q.Text == text) ?? throw new InvalidOperationException($"\"{text}\" is not in the question bank."));
        }

        return questions;
    }

    /// <summary>Gives <paramref name="value"/> (the stored value, e.g. a quiz option's index) as the answer to question number <paramref name="number"/>.</summary>
    public async Task AnswerAsync(int number, Question question, string value)
    {
        var input = await InputAsync(number);
        var label = AnswerScales.LabelOf(question, value);
        if (question.Kind == QuestionKind.FreeText)
        {
            await input.FillAsync(value);
        }
        else if (question.Kind == QuestionKind.Advocacy)
        {
            // A compact choice set: the Playground renders a Fluent combo box whose options open in a list beside the card.
            await input.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = label, Exact = true }).ClickAsync();
        }
        else
        {
            await input.GetByRole(AriaRole.Radio, new() { Name = label, Exact = true }).CheckAsync();
        }
    }

    /// <summary>Expects question number <paramref name="number"/> to show <paramref name="value"/> as its current answer.</summary>
    public async Task ExpectAnswerShownAsync(int number, Question question, string value)
    {
        var input = await InputAsync(number);
        var label = AnswerScales.LabelOf(question, value);
        if (question.Kind is QuestionKind.Advocacy or QuestionKind.FreeText)
            await Expect(input).ToHaveValueAsync(label);
        else
            await Expect(input.GetByRole(AriaRole.Radio, new() { Name = label, Exact = true })).ToBeCheckedAsync();
    }

    public Task ClickAsync(string button) => card.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    /// <summary>
    /// Expects the card to be the answered card: every question with the answer given, a quiz item marked right or wrong
    /// with its explanation, the date until which answers can be changed, and the change button.
    /// </summary>
    public async Task ExpectAnsweredAsync(IReadOnlyList<Question> questions, IReadOnlyDictionary<string, string> answers)
    {
        var expected = new List<Regex> { Exactly(AnsweredTitle) };
        foreach (var question in questions)
            expected.AddRange(AnswerLines(question, answers[question.Id]).Select(Exactly));
        expected.Add(new Regex("^You can change your (other )?answers until "));
        await Expect(card.Locator(".ac-textBlock")).ToHaveTextAsync(expected);
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = ChangeButton, Exact = true })).ToBeVisibleAsync();
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = SubmitButton, Exact = true })).ToHaveCountAsync(0);
    }

    /// <summary>What the answered card says about one question, as a person reads it.</summary>
    private static IEnumerable<string> AnswerLines(Question question, string value)
    {
        yield return question.Text;
        yield return $"Your answer: {AnswerScales.LabelOf(question, value)}";
        if (question is { Kind: QuestionKind.Quiz, CorrectOption: { } correct })
        {
            yield return value == correct.ToString(CultureInfo.InvariantCulture) ? "Correct" : $"Not quite: the answer is \"{question.Options[correct]}\"";
            if (question.Explanation is { Length: > 0 } explanation)
                yield return explanation;
        }
    }

    /// <summary>The input a question's label names (the renderer ties them with label for=).</summary>
    private async Task<ILocator> InputAsync(int number)
    {
        var id = await QuestionLabels.Nth(number - 1).GetAttributeAsync("for", new() { Timeout = Waits.MaxMilliseconds })
            ?? throw new InvalidOperationException($"The label of question {number} names no input.");
        return card.Locator($"[id='{id}']");
    }

    private static Regex Exactly(string text) => new("^\\s*" + Regex.Escape(text) + "\\s*$");

    // Word joiners are invisible; the renderer keeps any the card text carries.
    private static string Shown(string text) => text.Replace("\u2060", string.Empty, StringComparison.Ordinal).Trim();

    // "1. question *": the number the card gives it and the asterisk the renderer adds to a required input.
    [GeneratedRegex(@"^(?<number>\d+)\.\s+(?<text>.*?)(\s*\*)?$", RegexOptions.Singleline)]
    private static partial Regex NumberedLabel();
}
