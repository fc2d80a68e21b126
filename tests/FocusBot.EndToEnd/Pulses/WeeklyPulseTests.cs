using System.Diagnostics;
using System.Globalization;
using FocusBot.Domain.Questions;
using FocusBot.Pulses;
using FocusBot.Questions;
using static Microsoft.Playwright.Assertions;

namespace FocusBot.EndToEnd.Pulses;

/// <summary>
/// Pulse day in the Agents Playground: the weekly pulse arrives by itself in Alex's personal chat (the scheduler's fan-out
/// through the Playground's /_connector), Alex answers every question in the card as Microsoft's renderer shows it in
/// Chromium, and the card turns into their answers in place; then they change an answer the same way.
/// </summary>
[Collection(Name)]
public sealed class WeeklyPulseTests(PulseDayFixture fixture) : IAsyncLifetime
{
    public const string Name = "Agents Playground: weekly pulse";

    /// <summary>A fresh store is seeded with the default bank: the card's questions are looked up in it by their text.</summary>
    private static readonly IReadOnlyList<Question> s_bank = DefaultQuestionBank.Load(DateTimeOffset.UnixEpoch);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        var name = TestContext.Current.TestMethod?.MethodName ?? nameof(WeeklyPulseTests);
        if (TestContext.Current.TestState?.Result is TestResult.Passed)
            return;
        try
        {
            await fixture.ScreenshotAsync(name + ".failed");
        }
        catch (Exception)
        {
            // The page may be what broke; the logs saved next say more than a second error would.
        }

        await fixture.SaveDiagnosticsAsync(name);
    }

    [Fact]
    public async Task PulseDay_AnsweredAndChangedInTheCard_CardShowsTheAnswersInPlace()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var cardsBefore = await fixture.Cards.CountAsync();

        // Nothing is typed: the pulse comes because its time has come.
        var clock = Stopwatch.StartNew();
        await fixture.StartPulseDayAsync(cancellationToken);
        var restarted = clock.Elapsed;
        var shown = await fixture.WaitForCardAsync(PulseCard.Title, cardsBefore);
        Log($"FocusBot restarted on pulse day in {restarted.TotalSeconds:0.0} s; the pulse card was in the chat {clock.Elapsed.TotalSeconds:0.0} s after the restart began.");
        var cardCount = await fixture.Cards.CountAsync();
        await fixture.ScreenshotAsync("pulse-1-arrived");

        var card = new PulseCardInPage(fixture.Page, shown);
        var questions = await card.ReadQuestionsAsync(s_bank);
        // Pulse:Size items (3-5), then the optional "one thing" question (Pulse:VoiceEvery is 1: every pulse).
        Assert.InRange(questions.Count, 4, 6);
        Assert.Equal(QuestionKind.FreeText, questions[^1].Kind);
        Log("The pulse asks: " + string.Join(", ", questions.Select(q => $"{q.Kind} {q.Id}")));

        var answers = questions.ToDictionary(q => q.Id, FirstAnswer);
        for (var i = 0; i < questions.Count; i++)
            await card.AnswerAsync(i + 1, questions[i], answers[questions[i].Id]);
        await fixture.ScreenshotAsync("pulse-2-filled");
        clock.Restart();
        await card.ClickAsync(PulseCardInPage.SubmitButton);

        await card.ExpectAnsweredAsync(questions, answers);
        Log($"The answered card replaced the form {clock.Elapsed.TotalSeconds:0.0} s after Submit.");
        // In place: the same message changed, and no new card was posted.
        await Expect(fixture.Cards).ToHaveCountAsync(cardCount);
        await fixture.ScreenshotAsync("pulse-3-answered");

        await card.ClickAsync(PulseCardInPage.ChangeButton);
        await Expect(shown).ToContainTextAsync(PulseCard.Title);
        // A knowledge check counts its first answer: shown locked, not as an input; the other answers can change (inputs
        // are numbered among themselves).
        var editable = questions.Where(q => q.Kind != QuestionKind.Quiz).ToList();
        if (editable.Count < questions.Count)
            await Expect(shown).ToContainTextAsync("Locked: the first answer counts.");
        for (var i = 0; i < editable.Count; i++)
            await card.ExpectAnswerShownAsync(i + 1, editable[i], answers[editable[i].Id]);
        var changed = editable[0];
        answers[changed.Id] = OtherAnswer(changed, answers[changed.Id]);
        await card.AnswerAsync(1, changed, answers[changed.Id]);
        await card.ClickAsync(PulseCardInPage.SubmitButton);

        await card.ExpectAnsweredAsync(questions, answers);
        await Expect(fixture.Cards).ToHaveCountAsync(cardCount);
        await fixture.ScreenshotAsync("pulse-4-changed");
    }

    /// <summary>A quiz answered right; a suggestion for the "one thing" question; otherwise the second-best choice (Agree, 2-3 times, 9).</summary>
    private static string FirstAnswer(Question question) => question switch
    {
        { Kind: QuestionKind.Quiz, CorrectOption: { } correct } => correct.ToString(CultureInfo.InvariantCulture),
        { Kind: QuestionKind.FreeText } => "Call customers back the same day",
        _ => AnswerScales.ChoicesFor(question)[^2].Value,
    };

    /// <summary>A different choice, or another suggestion.</summary>
    private static string OtherAnswer(Question question, string previous) => question.Kind == QuestionKind.FreeText
        ? "Answer the phone within three rings"
        : AnswerScales.ChoicesFor(question).Select(c => c.Value).First(value => value != previous && value != question.CorrectOption?.ToString(CultureInfo.InvariantCulture));

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}

/// <summary>One FocusBot (started twice), Playground and browser for the weekly pulse.</summary>
[CollectionDefinition(WeeklyPulseTests.Name)]
public sealed class WeeklyPulseCollectionDefinition : ICollectionFixture<PulseDayFixture>;
