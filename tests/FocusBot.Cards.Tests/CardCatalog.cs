using FocusBot.Commands;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Trends;
using FocusBot.Health;
using FocusBot.Help;
using FocusBot.Notices;
using FocusBot.Pulses;
using FocusBot.Recognitions;
using FocusBot.Roles;

namespace FocusBot.Cards.Tests;

/// <summary>
/// Every card FocusBot sends, by name, as it sends it. A new card factory gets a line here, and from then on it is
/// validated against the Adaptive Card 1.5 schema, Microsoft's renderer and the Teams size limit.
/// </summary>
public static class CardCatalog
{
    private static readonly CommandsForReader s_staff = new(new HashSet<Role>(), BotCommandScope.Personal, null);
    private static readonly CommandsForReader s_everyRole = new(Enum.GetValues<Role>().ToHashSet(), BotCommandScope.Personal, null);

    private static readonly DateTimeOffset s_closes = new(2026, 11, 27, 17, 0, 0, TimeSpan.Zero);

    public static IReadOnlyDictionary<string, Func<AdaptiveCard>> All { get; } = new Dictionary<string, Func<AdaptiveCard>>
    {
        ["HelpCard"] = () => HelpCard.Create(s_staff, PrivacyThresholds.DefaultMinimumGroupSize),
        ["HelpCard.EveryRole"] = () => HelpCard.Create(s_everyRole, PrivacyThresholds.DefaultMinimumGroupSize),
        ["HelpCard.InChannel"] = () => HelpCard.Create(s_everyRole with { Scope = BotCommandScope.Team, Mention = "@FocusBot" }, PrivacyThresholds.DefaultMinimumGroupSize),
        ["WelcomeCard"] = () => WelcomeCard.Create(PrivacyThresholds.DefaultMinimumGroupSize),
        ["RefusalCard"] = () => RefusalCard.Create(CommandCatalog.All.First(c => c.AllowedRoles.Count > 0)),
        ["PulseCard.Form"] = () => PulseCard.Form("2026-w48", SamplePulse.Questions, PrivacyThresholds.DefaultMinimumGroupSize, ShownAnswers.None(SamplePulse.Questions)),
        ["PulseCard.FormWithAnswersAndProblem"] = () =>
            PulseCard.Form("2026-w48", SamplePulse.Questions, PrivacyThresholds.DefaultMinimumGroupSize, SamplePulse.Shown, problem: "Please answer every question."),
        ["PulseCard.Answered"] = () => PulseCard.Answered("2026-w48", SamplePulse.Questions, SamplePulse.Shown, s_closes),
        ["PulseCard.AnsweredOnAnotherCard"] = () => PulseCard.Answered("2026-w48", SamplePulse.Questions, SamplePulse.Shown, s_closes, PulseAnswerHandler.OtherCardNotice),
        ["PulseCard.FormWithReview"] = () =>
            PulseCard.Form("2026-w48", SamplePulse.Questions, PrivacyThresholds.DefaultMinimumGroupSize, ShownAnswers.None(SamplePulse.Questions), review: SamplePulse.Review),
        ["PulseCard.FormWithReviewAnswered"] = () =>
            PulseCard.Form("2026-w48", SamplePulse.Questions, PrivacyThresholds.DefaultMinimumGroupSize, SamplePulse.Shown, review: SamplePulse.ReviewAnswered),
        ["PulseCard.AnsweredWithReview"] = () => PulseCard.Answered("2026-w48", SamplePulse.Questions, SamplePulse.Shown, s_closes, review: SamplePulse.ReviewAnswered),
        ["PulseCard.AnsweredReviewNotYet"] = () => PulseCard.Answered("2026-w48", SamplePulse.Questions, SamplePulse.Shown, s_closes, review: SamplePulse.Review),
        ["PulseCard.Closed"] = () => PulseCard.Closed(s_closes, answered: true),
        ["RecognitionFormCard.NoTeam"] = () => RecognitionFormCard.NoTeam("recognize"),
        ["RecognitionFormCard.NoOwnTeam"] = RecognitionFormCard.NoOwnTeam,
        ["NoticeCard"] = () => NoticeCard.Create(SampleNotices.Digest),
        ["StatusCard.DuringAPulse"] = () => StatusCard.Create(s_closes.AddDays(-2), SampleNotices.PulseState, "AzureTables", new StorageProbeResult(true, TimeSpan.FromMilliseconds(12)),
            [SampleNotices.Digest, SampleNotices.Outage], StatusCommand.RecentDays, PrivacyThresholds.DefaultMinimumGroupSize),
        ["StatusCard.NoPulseStoreDown"] = () => StatusCard.Create(s_closes, null, "Sqlite", new StorageProbeResult(false, TimeSpan.FromSeconds(5)), [],
            StatusCommand.RecentDays, PrivacyThresholds.DefaultMinimumGroupSize),
    }.Concat(CommandCatalog.All.Select(command => KeyValuePair.Create<string, Func<AdaptiveCard>>(
        "CommandHelpCard." + command.Name.Replace(' ', '-'), () => CommandHelpCard.Create(command, s_everyRole)))).ToDictionary();

    /// <summary>
    /// Cards FocusBot sends today that the validator refuses, with the problem it reports. Each is tested to still have
    /// that problem, so fixing the card fails a test that says to remove its line here.
    /// </summary>
    public static TheoryData<string> Names => [.. All.Keys];
}
